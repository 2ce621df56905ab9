"""The live state a server hands to every page: read from the marks log, pushed when it changes.

The log is the one source of truth: a mark posted to the server and a mark
appended by `agenda mark` in another terminal reach the pages the same way,
because the server watches the file rather than its own requests.
"""

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import Path

from agenda.day.clocks import Clock
from agenda.day.marks import DayWarning
from agenda.day.loader import load_day
from agenda.day.projection import DayState
from agenda.core.errors import UsageError
from agenda.messages.usage import usage_sentence
from agenda.core.planner import Plan
from agenda.render.day_json import now_json
from agenda.render.day_text import day_line
from agenda.messages.day_words import warning_text
from agenda.messages.server_words import SERVER_WORDS

POLL_SECONDS = 0.25
"""How often the log's size and time are looked at: a mark reaches the pages well within 2 seconds."""

KEEPALIVE_SECONDS = 15.0
"""Pages get the state at least this often, so they notice a dead connection and correct their clocks."""


def sse(event: str, text: str) -> str:
    """One Server-Sent Event; a text of several lines becomes several `data:` lines."""
    data = "".join(f"data: {line}\n" for line in text.splitlines() or [""])
    return f"event: {event}\n{data}\n"


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


class LiveDay:
    """The plan, the log and the clock; `state()` is what `agenda now` would print at this instant."""

    def __init__(self, plan: Plan, log: Path, clock: Clock, language: str, warn: Callable[[str], None],
                 keepalive: float = KEEPALIVE_SECONDS) -> None:
        self.plan = plan
        self.keepalive = keepalive
        self.log = log
        self.clock = clock
        self.language = language
        self.warn = warn
        self._warned: set[DayWarning] = set()
        self.report: Callable[[str, str], None] = lambda kind, text: warn(text)
        """Failures of the server itself, by kind; the server makes it say each kind once (failures.py)."""
        self._subscribers: set[asyncio.Queue[str | None]] = set()
        self._closing = False

    @property
    def streams(self) -> int:
        return len(self._subscribers)

    def unreadable(self, error: Exception) -> str:
        """Why the log cannot be read, in the desk's language."""
        if isinstance(error, UsageError):
            return usage_sentence(error.reason, error.arguments, self.language)
        return f"{self.log}: {type(error).__name__}: {error}"

    def state(self) -> tuple[DayState, str]:
        day = load_day(self.plan, self.log, self.clock(), self.clock)
        state = day.state
        for warning in day.warnings:
            if warning not in self._warned:  # a torn line is said once, not at every poll
                self._warned.add(warning)
                self.warn(warning_text(warning, self.language))
        return state, now_json(state)

    def event(self) -> str:
        """The state as Server-Sent Events: the `now` JSON, then the day in words for the pages."""
        state, text = self.state()
        return sse("now", text) + sse("line", day_line(state, self.language))

    def subscribe(self) -> "asyncio.Queue[str | None]":
        queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=4)
        if self._closing:
            queue.put_nowait(None)
        self._subscribers.add(queue)
        return queue

    def unsubscribe(self, queue: "asyncio.Queue[str | None]") -> None:
        self._subscribers.discard(queue)

    def publish(self, text: str | None) -> None:
        """Hand the text to every open stream; a stream that lags keeps only the newest states."""
        for queue in list(self._subscribers):
            while queue.full():
                queue.get_nowait()
            queue.put_nowait(text)

    def close(self) -> None:
        """End every stream (shutdown); streams opened from now on end at once."""
        self._closing = True
        self.publish(None)

    async def watch(self) -> None:
        """Publish the state whenever the log changes, and at least every `keepalive` seconds.

        A read that fails (the log replaced by a folder, a full file table) is
        said once and tried again at every poll: the watcher must outlive it,
        or marks would silently stop reaching the pages for the rest of the day.
        The log is read in a thread, so a slow disk never stalls the other requests.
        """
        words = SERVER_WORDS[self.language]
        seen = _signature(self.log)
        last = time.monotonic()
        failing = False
        while not self._closing:
            await asyncio.sleep(POLL_SECONDS)
            now = _signature(self.log)
            changed = now != seen
            if failing or changed or time.monotonic() - last >= self.keepalive:
                seen, last = now, time.monotonic()
                if not (self._subscribers or failing or changed):  # a change is read even unwatched, to say a failure
                    continue
                try:
                    event = await asyncio.to_thread(self.event)
                except Exception as error:  # whatever the read met, the watcher goes on
                    if not failing:
                        self.report(f"watch:{type(error).__name__}",
                                    words.watch_failed.format(said=self.unreadable(error)))
                    failing = True
                    continue
                if failing:
                    failing = False
                    self.report("watch:again", words.watch_again)
                if not self._closing:
                    self.publish(event)
