"""`agenda run`'s screen, laid out by hand and written only where it changed, against Rich's own layout.

The desk frames its blocks itself and centres its figures itself (Rich's Panel and Align laid them
out again every second, most of what `run` spent idle); these tests hold that layout to Rich's, byte
for byte, and hold the rows written to the whole screen they should add up to.
"""

import io
import re
from datetime import datetime, timedelta

import pytest
from rich.console import Console
from rich.segment import Segment, Segments

from agenda.cli.desk import Desk
from agenda.cli.desk_screen import DeskScreen
from agenda.loading.analysis import analyze
from agenda.render.day_clock import DeskView, clock_view
from conftest import FIXTURES

SEED = FIXTURES / "day" / "seed-flexible-qa.yaml"
ENGLISH = FIXTURES.parent.parent / "examples" / "open-data-symposium-en.yaml"


class FakeClock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def a_desk(tmp_path, file=SEED, at=datetime(2023, 12, 13, 14, 3)) -> Desk:
    plan = analyze(str(file)).plan
    log = tmp_path / "rehearsal.jsonl"
    log.unlink(missing_ok=True)
    return Desk(plan, log, FakeClock(at.replace(tzinfo=plan.zone)), rehearsal=True)


def ansi(lines: list[list[Segment]]) -> str:
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=1000)
    for line in lines:
        console.print(Segments([*line, Segment.line()]), end="", crop=False)
    return console.file.getvalue()


def views(tmp_path, width: int) -> list[DeskView]:
    """The desk before the start, running (green, amber, over), between parts, with a message, and after."""
    desk = a_desk(tmp_path)
    shown = [clock_view(desk.state(), width, True, "")]
    desk.press("s")
    for minutes in (1, 13, 5):  # green, then amber, then over
        desk.clock.now += timedelta(minutes=minutes, seconds=7)
        shown.append(clock_view(desk.state(), width, True, desk.message))
    desk.press("e")
    desk.press("e")  # refused: a message under the day's line
    shown.append(clock_view(desk.state(), width, False, desk.message))
    for _ in range(9):
        desk.clock.now += timedelta(minutes=20)
        desk.press("n")
    shown.append(clock_view(desk.state(), width, True, desk.message))
    (tmp_path / "en").mkdir(exist_ok=True)
    english = a_desk(tmp_path / "en", ENGLISH, datetime(2024, 3, 14, 9, 0))
    english.press("s")
    shown.append(clock_view(english.state(), width, False, ""))
    return shown


class AsciiFile(io.StringIO):
    encoding = "ascii"


@pytest.mark.parametrize("width", [1, 5, 7, 8, 9, 12, 16, 30, 47, 80, 100, 163])
def test_the_desk_is_laid_out_byte_for_byte_as_rich_lays_out_its_panel(tmp_path, width):
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=width, height=30)
    plain = Console(file=AsciiFile(), force_terminal=True, color_system="standard", width=width)
    shown = views(tmp_path, width)
    for view in shown:
        for on, height in [(console, height) for height in (None, 1, 2, 3, 9, 30, 61)] + [(plain, None)]:
            options = on.options.update(width=width, height=height)  # an ASCII terminal: an ASCII frame
            assert ansi(view.lines(on, options)) == ansi(on.render_lines(view.panel(), options, pad=True))
    if width >= 47 or width <= 16:  # the block figures, and the figures as they are, both laid out by hand
        assert any("██" in ansi(view.lines(console, console.options)) for view in shown) == (width >= 47)


_MOVE = re.compile(r"\x1b\[(\d+);1H")


def written_rows(output: str) -> dict[int, str]:
    """The rows a frame wrote, by number: each write is a cursor move to a row's start, then the row."""
    pieces = _MOVE.split(output)
    return {int(row) - 1: text for row, text in zip(pieces[1::2], pieces[2::2])}


def test_each_second_only_the_rows_that_changed_are_written_and_they_add_up_to_the_whole_screen(tmp_path):
    desk = a_desk(tmp_path)
    console = Console(file=io.StringIO(), force_terminal=True, color_system=None, width=80, height=24)
    terminal: dict[int, str] = {}

    def frame() -> dict[int, str]:
        console.file.seek(0)
        console.file.truncate()
        screen.draw(lambda width: clock_view(desk.state(), width, desk.rehearsal, desk.message))
        rows = written_rows(console.file.getvalue())
        terminal.update(rows)
        whole = Console(file=io.StringIO(), width=console.width, height=console.height, color_system=None)
        whole.print(clock_view(desk.state(), console.width, desk.rehearsal, desk.message).panel(), end="",
                    height=console.height)
        assert [terminal[y] for y in range(console.height)] == whole.file.getvalue().splitlines()
        return rows

    with DeskScreen(console) as screen:
        assert sorted(frame()) == list(range(24))  # the first frame writes every row
        desk.press("s")
        desk.clock.now += timedelta(seconds=1)
        frame()
        desk.clock.now += timedelta(seconds=1)
        rows = frame()  # a second on: the clock's row and those of the figures' rows that changed, nothing else
        assert 1 in rows and len(rows) > 1 and all("█" in rows[y] for y in rows if y != 1)
        desk.press("n")
        assert any("장내 정리" in row for row in frame().values())  # a key: the new part's heading
        assert frame() == {}  # nothing changed, nothing written
        console.size = (60, 20)
        assert sorted(frame()) == list(range(20))  # a new size: every row, at that size
        assert frame() == {}
        screen.repaint()  # back from Ctrl-Z (SIGCONT), or resized and back within a second (SIGWINCH)
        assert sorted(frame()) == list(range(20))
    assert console.file.getvalue().endswith("\x1b[?25h\x1b[?1049l")  # the cursor and the screen given back
