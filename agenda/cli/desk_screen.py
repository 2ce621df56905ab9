"""The desk's full screen, drawn again only where it changed.

`run` draws once a second all day, and from one second to the next only the clock, the figures and
now and then a line of words change. Rich's Live lays out and writes the whole screen every time,
most of what `run` spent idle: more than twice the CPU of a plain 1 Hz clock (benchmarks/stage_load.py).
Here the screen is laid out to the terminal's size (as Live's screen mode lays it out), and only the
rows that differ from what is on the terminal are written, each after a cursor move to its row. At a
new size, and once a minute in case something else wrote on the terminal, every row is written again.
"""

from typing import Callable, Protocol

from rich.console import Console, ConsoleOptions
from rich.control import Control
from rich.segment import Segment, Segments

_REPAINT_EVERY = 60  # frames: a row another program wrote over is set right within a minute


class Screenful(Protocol):
    def lines(self, console: Console, options: ConsoleOptions) -> list[list[Segment]]:
        """Rows as wide as `options`, as many as its height."""


class DeskScreen:
    """The alternate screen while `run` lasts (cursor hidden), restored on the way out."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.rows: list[list[Segment]] = []
        self.size: tuple[int, int] | None = None
        self.frames = 0

    def __enter__(self) -> "DeskScreen":
        if self.console.is_terminal:
            self.console.set_alt_screen(True)
            self.console.show_cursor(False)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.console.is_terminal:
            self.console.show_cursor(True)
            self.console.set_alt_screen(False)

    def repaint(self) -> None:
        """Write every row at the next frame: the terminal may not show what was last written."""
        self.rows = []

    def draw(self, view: Callable[[int], Screenful]) -> None:
        """Lay out `view(width)` on the whole screen; write the rows that changed."""
        console = self.console
        if not console.is_terminal or console.is_dumb_terminal:
            return  # as Live: a screen that cannot be addressed is not drawn on
        width, height = size = console.size
        lines = view(width).lines(console, console.options.update(width=width, height=height))
        self.frames += 1
        if size != self.size or self.frames % _REPAINT_EVERY == 0:
            self.rows, self.size = [], size
        out: list[Segment] = []
        for y, line in enumerate(lines):
            if y < len(self.rows) and self.rows[y] == line:
                continue
            out.append(Control.move_to(0, y).segment)
            out.extend(line)
        self.rows = lines
        if out:
            console.print(Segments(out), end="", crop=False)
