"""The desk clock of `agenda run`: one screen, read from across a room.

Pure: a state in, a Rich renderable out; the loop that reads keys and
redraws lives in `agenda.cli.desk`.
"""

from functools import lru_cache
from typing import TYPE_CHECKING

from collections.abc import Callable

from rich.align import Align
from rich.box import ROUNDED
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.panel import Panel
from rich.style import Style
from rich.text import Text

from agenda.day.projection import DayState, State, seconds_between
from agenda.render.day_text import day_line, hm, mmss, next_text, speaker_text, title_of
from agenda.messages.day_words import day_words
from agenda.render.day_clock_face import on_the_forums_clock

if TYPE_CHECKING:
    from pyfiglet import Figlet

AMBER_SECONDS = 120


@lru_cache(maxsize=1)
def _figlet() -> "Figlet":
    """The block-letter font, read from its file once: `run` draws with it every second all day."""
    import pyfiglet

    return pyfiglet.Figlet(font="ansi_regular")


@lru_cache(maxsize=128)
def big_figures(text: str, width: int) -> str:
    """`12:34` in block letters (pyfiglet), or as it is when the screen is too narrow for them."""
    figlet = _figlet()
    figlet.width = max(width, 20)
    art = figlet.renderText(text).rstrip("\n ")
    lines = [line.rstrip() for line in art.splitlines() if line.strip()]
    if not lines or max(len(line) for line in lines) > width:
        return text
    return "\n".join(lines)


def timer(day: DayState) -> tuple[str, str, str]:
    """The figures, their colour and what they count: time left, time over, or time to the next start."""
    day = on_the_forums_clock(day)
    words = day_words(day.plan.language)
    if day.current is not None:
        if day.over_seconds:
            return mmss(day.over_seconds), "bold red", words.over.format(n="").strip()
        style = "bold yellow" if day.remaining_seconds <= AMBER_SECONDS else "bold green"
        return mmss(day.remaining_seconds), style, words.left.format(n="").strip()
    if day.next is not None:
        start = day.next.start or day.at
        seconds = max(0, seconds_between(day.at, start))
        return mmss(seconds), "bold cyan", words.next.format(title=title_of(day.next, day.plan.language), start=hm(day.next.start))
    return hm(day.end), "bold", words.states[State.AFTER]


_LAID_OUT: dict[tuple[object, ...], list[list[Segment]]] = {}


class _Remembered:
    """A part of the screen as it was laid out a second ago, when its words and width are the same.

    `run` redraws every second all day; laying out its unchanged lines anew each time cost
    it several times the CPU of a plain clock (benchmarks/stage_load.py).
    """

    def __init__(self, key: tuple[object, ...], make: Callable[[], RenderableType]) -> None:
        self.key, self.make = key, make

    def lines(self, console: Console, options: ConsoleOptions) -> list[list[Segment]]:
        """Its lines, each padded to the width (the caller must not change them: they are kept)."""
        key = (*self.key, options.max_width)
        lines = _LAID_OUT.get(key)
        if lines is None:
            lines = console.render_lines(self.make(), options.update(height=None), pad=True)
            if len(_LAID_OUT) >= 256:
                _LAID_OUT.clear()
            _LAID_OUT[key] = lines
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        new_line = Segment.line()
        for line in self.lines(console, options):
            yield from line
            yield new_line


class _Figures(_Remembered):
    """The block figures, centred: they change every second, so they are laid out by hand as
    `Align.center(Text(art, style, no_wrap=True, overflow="crop"))` lays them out (the tests hold it to
    that), and never kept. Wider than the screen, Rich crops them."""

    def __init__(self, art: str, style: str) -> None:
        self.art, self.style = art, style
        super().__init__(("figures", art, style), self.centred)

    def centred(self) -> Align:
        return Align.center(Text(self.art, style=self.style, no_wrap=True, overflow="crop"))

    def lines(self, console: Console, options: ConsoleOptions) -> list[list[Segment]]:
        rows = self.art.split("\n")
        widths = [cell_len(row) for row in rows]
        width = max(widths)
        if not 0 < width <= options.max_width or not all(row.isprintable() for row in rows):
            return console.render_lines(self.centred(), options.update(height=None), pad=True)
        style = console.get_style(self.style)
        left = options.max_width - width
        before = [Segment(" " * (left // 2))] if left // 2 else []
        after = [Segment(" " * (left - left // 2))] if left - left // 2 else []
        return [[*before, Segment(row, style), *([Segment(" " * (width - shown))] if shown < width else []), *after]
                for row, shown in zip(rows, widths)]


def _text(plain: str, style: str) -> _Remembered:
    return _Remembered(("text", plain, style), lambda: Text(plain, style=style))


_FRAME_FROM = 8  # columns: narrower than this, Rich's own Panel frames the screen


class DeskView:
    """The desk's screen: its blocks one under another in a rounded frame with a column of space inside.

    It is laid out exactly as Rich's `Panel(Group(*blocks), padding=(0, 1))` (the tests hold it to
    that), but from each block's lines as they were laid out a second ago: a Panel lays out its whole
    content again every time, which every second all day is most of what `run` spends.
    """

    def __init__(self, blocks: list[Text | _Remembered]) -> None:
        self.blocks = blocks

    def panel(self) -> Panel:
        """The same screen as Rich lays it out from scratch: a screen too narrow to frame by hand, and the
        tests' yardstick."""
        return Panel(Group(*(block.make() if isinstance(block, _Remembered) else block for block in self.blocks)),
                     padding=(0, 1))

    def lines(self, console: Console, options: ConsoleOptions) -> list[list[Segment]]:
        """The screen's rows, each as wide as `options` (and as many as its height, when it has one)."""
        width, height = options.max_width, options.height
        if width < _FRAME_FROM:
            return console.render_lines(self.panel(), options, pad=True)
        inside = options.update(width=width - 4, height=None, highlight=False)
        rows: list[list[Segment]] = []
        for block in self.blocks:
            rows += block.lines(console, inside) if isinstance(block, _Remembered) else console.render_lines(
                block, inside, pad=True)
        if height is not None:
            rows = rows[:max(0, height - 2)]
            rows += [[Segment(" " * (width - 4), Style.null())]] * (height - 2 - len(rows))
        box = ROUNDED.substitute(options, safe=console.safe_box)
        border = Style.null()
        left, right = [Segment(box.mid_left, border), Segment(" ")], [Segment(" "), Segment(box.mid_right, border)]
        framed = [[Segment(box.get_top([width - 2]), border)]]
        framed += [[*left, *row, *right] for row in rows]
        framed.append([Segment(box.get_bottom([width - 2]), border)])
        return framed[:height] if height is not None else framed

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        new_line = Segment.line()
        for line in self.lines(console, options):
            yield from line
            yield new_line


def clock_view(day: DayState, width: int, rehearsal: bool = False, message: str = "") -> DeskView:
    day = on_the_forums_clock(day)
    language = day.plan.language
    words = day_words(language)
    top = Text(f"{day.at:%H:%M:%S}", style="bold")
    if rehearsal:
        top.append(f"  ({words.rehearsal})", style="magenta")
    if day.room is not None:  # `run --room`: whose desk this is, before anything else
        room = day.plan.rooms.get(day.room)
        top.append(f"  {room.name if room is not None else day.room}", style="bold")
    top.append(f"  {day.plan.forum.title}", style="dim")
    if day.current is not None:
        parent = day.current.parent
        above = title_of(parent, language) if day.current.item is not None and parent is not None else ""
        window_left = (words.window_left.format(n=mmss(day.window_left_seconds))
                       if day.window_left_seconds is not None else "")  # the last part: the window's end too
        parts = (above, title_of(day.current, language), speaker_text(day.current.segment),
                 words.until.format(end=hm(day.current_due)), window_left)

        def heading_text() -> Text:
            heading = Text("")
            if parts[0]:  # a part: its segment's title above it
                heading.append(f"{parts[0]}\n", style="dim")
            heading.append(parts[1], style="bold")
            if parts[2]:
                heading.append(f"\n{parts[2]}", style="italic")
            heading.append(f"\n{parts[3]}", style="dim")
            if parts[4]:
                heading.append(f"\n{parts[4]}", style="dim")
            return heading
        heading = _Remembered(("heading", *parts), heading_text)
    else:
        heading = _text(words.states[day.state], "bold")
    figures, style, caption = timer(day)
    art = big_figures(figures, width - 4)
    big = _Figures(art, style)
    under = _Remembered(("caption", caption, style), lambda: Align.center(Text(caption, style=style)))
    blank = _text("", "")
    lines: list[Text | _Remembered] = [top, blank, heading, blank, big, under]
    if day.current is not None and day.next is not None:
        lines.append(_text(next_text(day, language), ""))
    lines += [blank, _text(day_line(day, language), "bold")]
    if message:
        lines.append(_text(message, "yellow"))
    lines.append(_text(words.keys, "dim"))
    return DeskView(lines)
