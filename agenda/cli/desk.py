"""`agenda run`: the desk's full-screen clock, one key a mark.

Not part of the pure core: it reads keys from the terminal, writes the log
and redraws the rows of the screen that changed (`desk_screen`). Every mark
is on disk (appended and fsynced by `marks_log`) before the screen shows it,
so quitting any way (q, Ctrl-C, SIGTERM) loses nothing. The clock is a function, so rehearsals and tests
can run the day at any time.
"""

import gc
import os
import re
import select
import signal
import uuid
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from agenda.day.loader import load_day
from agenda.day.marks import NOTHING, DayWarning, ImpossibleMark, MarkKind
from agenda.day.recording import Press, record_mark
from agenda.day.projection import DayState, room_view
from agenda.day.marks_log import LogReader, reader_of_changes
from agenda.core.planner import Plan
from agenda.render.day_text import mark_text
from agenda.messages.day_words import impossible_text

if TYPE_CHECKING:
    from rich.console import Console
    from agenda.render.day_clock import DeskView

_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?")
KEYS = {" ": MarkKind.NEXT, "n": MarkKind.NEXT, "s": MarkKind.START, "e": MarkKind.END, "u": MarkKind.UNDO,
        "k": MarkKind.SKIP}
QUIT = "q"


@dataclass
class Desk:
    plan: Plan
    log: Path
    clock: Callable[[], datetime]
    rehearsal: bool = False
    message: str = ""
    warnings: list[DayWarning] = field(default_factory=list)
    seen: DayState | None = None  # the state last drawn: what a key is pressed on
    read: LogReader = field(default_factory=reader_of_changes)  # the log read again only when it changed
    room: str | None = None  # `run --room`: the desk of one room, stepping its track while its block runs

    def state(self) -> DayState:
        day = load_day(self.plan, self.log, self.clock(), self.clock, read=self.read)
        self.warnings = list(day.warnings)
        self.seen = day.state if self.room is None else room_view(day.state, self.room)
        return self.seen

    def press(self, key: str) -> bool:
        """Act on one key; False when it says quit."""
        if key == QUIT:
            return False
        kind = KEYS.get(key.lower())
        if kind is None:
            return True

        seen = self.seen or self.state()
        running = seen.current.part if seen.current is not None else NOTHING
        target = None
        if kind is MarkKind.SKIP:  # `k`: the next part will not take place
            if seen.next is None:
                return True
            target = seen.next.part
        press = Press(kind, target, expect=running, key=uuid.uuid4().hex, room=self.room)  # both, always: counts once
        try:
            recorded = record_mark(self.plan, self.log, press, None, lambda: self.clock().replace(microsecond=0))
        except ImpossibleMark as why:
            self.message = impossible_text(why.reason, why.details, self.plan.language)
        else:
            self.message = mark_text(self.plan, recorded.mark, recorded.withdrawn)
            self.seen = None  # its own press is in the log now: the next key is pressed on the day as it is
        return True


class _Stop(Exception):
    pass


def _until_next_second(tick: float) -> float:
    """Seconds to wait so the next redraw falls just after the wall clock's next second (the figures' step)."""
    return tick - (time.time() % tick) + 0.01 if tick >= 1 else tick


def run_desk(desk: Desk, console: "Console", key_fd: int, tick: float = 1.0) -> None:
    """Redraw once a second (as the figures change) and on each key until q, Ctrl-C or SIGTERM;
    the terminal is restored on the way out."""
    from agenda.cli.desk_screen import DeskScreen
    from agenda.render.day_clock import clock_view

    def stop(signum: int, frame: object) -> None:
        raise _Stop()

    def view(width: int) -> "DeskView":
        return clock_view(desk.state(), width, desk.rehearsal, desk.message)

    previous_term = signal.signal(signal.SIGTERM, stop)
    restore = _cbreak(key_fd)
    gc.freeze()  # what start-up built lives all day: the collector need not walk it every few frames
    previous_repaint: dict[int, object] = {}
    try:
        with DeskScreen(console) as screen:
            # Back from Ctrl-Z (the shell wrote on the screen meanwhile) or resized and back within a second:
            # the next frame writes every row, not only those that changed.
            for name in ("SIGCONT", "SIGWINCH"):
                number = getattr(signal, name, None)
                if number is not None:
                    previous_repaint[number] = signal.signal(number, lambda signum, frame: screen.repaint())
            screen.draw(view)
            while True:
                ready, _, _ = select.select([key_fd], [], [], _until_next_second(tick))
                if ready:
                    data = os.read(key_fd, 64)
                    if not data:
                        break
                    if not all(desk.press(key) for key in _keys(data)):
                        break
                screen.draw(view)  # reads the size anew: a resize is drawn at the new size
    except (_Stop, KeyboardInterrupt):
        pass
    finally:
        restore()
        signal.signal(signal.SIGTERM, previous_term)
        for number, handler in previous_repaint.items():
            signal.signal(number, handler)  # type: ignore[arg-type]


def _keys(data: bytes) -> list[str]:
    """Single keys; escape sequences (arrows, function keys) are dropped."""
    return list(_ESCAPE.sub("", data.decode("utf-8", "replace")))


def _cbreak(fd: int) -> Callable[[], None]:
    """Keys arrive one by one without Enter; Ctrl-C still interrupts. Returns the undo."""
    if not os.isatty(fd):
        return lambda: None
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    tty.setcbreak(fd)
    return lambda: termios.tcsetattr(fd, termios.TCSADRAIN, saved)
