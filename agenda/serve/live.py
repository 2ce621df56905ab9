"""The live state a server hands to every page: read from the marks log, pushed when it changes.

The log is the one source of truth: a mark posted to the server and a mark
appended by `agenda mark` in another terminal reach the pages the same way,
because the server watches the file rather than its own requests.
"""

import asyncio
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from agenda.day.clocks import Clock, wall_clock
from agenda.day.marks import DayWarning
from agenda.day.loader import load_day
from agenda.day.marks_log import LogSignature, log_signature, reader_of_changes
from agenda.day.projection import DayState
from agenda.core.errors import UsageError
from agenda.messages.usage import usage_sentence
from agenda.core.planner import Plan
from agenda.render.day_json import now_dict
from agenda.render.inert import json_text
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


@dataclass(frozen=True)
class Snapshot:
    """One projection of the day, kept until the log or the clock's second changes.

    Every stream opened meanwhile, every page and `/now.json` get these very
    strings: a thousand pages reconnecting after a restart cost one projection.
    """

    key: tuple[LogSignature, int]
    state: DayState
    json: str
    event: str


@dataclass(frozen=True)
class StageMessage:
    """What the desk said to the speaker: kept in memory only, so a restart clears it."""

    text: str = ""
    flash: bool = False
    blackout: bool = False
    room: str | None = None  # for one room's stage (`/stage?room=ID`) only; None: for every stage

    def event(self) -> str:
        said: dict[str, object] = {"text": self.text, "flash": self.flash, "blackout": self.blackout}
        if self.room is not None:  # a message for every stage reads as it always has
            said["room"] = self.room
        return sse("message", json.dumps(said, ensure_ascii=False))


def _second(moment: datetime) -> int:
    return int(moment.timestamp())


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
        self._lock = threading.Lock()  # the cache and `_warned` are touched from the thread pool
        self._snapshot: Snapshot | None = None
        # the log read again only when it changed: each second's projection needs no descriptor, so a full
        # file table (a flood of connections) still gets the day as it stands, not 503
        self._read = reader_of_changes()
        self._published: LogSignature = None  # the log as last published: a change goes out once, whoever saw it
        self.messages: dict[str | None, StageMessage] = {}
        """What each room's stage shows (None: every stage), in the order said, so a new page replays them so."""
        self.report: Callable[[str, str], None] = lambda kind, text: warn(text)
        """Failures of the server itself, by kind; the server makes it say each kind once (failures.py)."""
        self._subscribers: set[asyncio.Queue[str | None]] = set()
        self._closing = False

    @property
    def rehearsal(self) -> bool:
        """On a rehearsal clock (`--at`) the server's time differs from the browsers' on purpose."""
        return self.clock is not wall_clock

    @property
    def streams(self) -> int:
        return len(self._subscribers)

    def unreadable(self, error: Exception) -> str:
        """Why the log cannot be read, in the desk's language."""
        if isinstance(error, UsageError):
            return usage_sentence(error.reason, error.arguments, self.language)
        return f"{self.log}: {type(error).__name__}: {error}"

    def _key(self) -> tuple[LogSignature, int]:
        return log_signature(self.log), _second(self.clock())

    def cached(self) -> Snapshot | None:
        """The snapshot if it is still the day at this second (one stat, no read): safe on the event loop."""
        snapshot = self._snapshot
        return snapshot if snapshot is not None and snapshot.key == self._key() else None

    def snapshot(self) -> Snapshot:
        """The day now, projected at most once per change of the log and per second (blocking: call it in a thread)."""
        with self._lock:
            key = self._key()
            if self._snapshot is not None and self._snapshot.key == key:
                return self._snapshot
            day = load_day(self.plan, self.log, self.clock(), self.clock, read=self._read)  # the one day loader
            state = day.state
            for warning in day.warnings:
                if warning not in self._warned:  # a torn line is said once, not at every poll
                    self._warned.add(warning)
                    self.warn(warning_text(warning, self.language))
            data = now_dict(state)
            text = json_text(data) + "\n"  # /now.json: as `agenda now --format json` prints it
            # on the stream on one line: a page (or a hall of them) parses one `data:` line, not a hundred
            event = sse("now", json_text(data, indent=None)) + sse("line", day_line(state, self.language))
            self._snapshot = Snapshot(key, state, text, event)
            return self._snapshot

    def state(self) -> tuple[DayState, str]:
        snapshot = self.snapshot()
        return snapshot.state, snapshot.json

    def event(self) -> str:
        """The state as Server-Sent Events: the `now` JSON, then the day in words for the pages."""
        return self.snapshot().event

    def broadcast(self, snapshot: Snapshot, again: bool = False) -> None:
        """Publish a change of the log once, whether the POST that made it or the watcher sees it first.

        `again` is the keepalive: the same state once more, on purpose.
        """
        if snapshot.key[0] == self._published and not again:
            return
        self._published = snapshot.key[0]
        self.publish(snapshot.event)

    def message(self, room: str | None) -> StageMessage:
        """What the stage of `room` (None: every stage) was last told."""
        return self.messages.get(room, StageMessage(room=room))

    def message_events(self) -> str:
        """Every message still shown, for a page that connects now, in the order said: a room's stage ends on
        the later of its room's message and the one for every stage, as it would have live."""
        kept = ([] if None in self.messages else [StageMessage()]) + list(self.messages.values())
        return "".join(m.event() for m in kept)

    def say(self, message: StageMessage) -> None:
        self.messages.pop(message.room, None)
        self.messages[message.room] = message
        self.publish(message.event())

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
        The log is read in a thread, so a slow disk never stalls the other requests;
        a change the server published itself (a POST) is not published again.
        """
        words = SERVER_WORDS[self.language]
        seen = log_signature(self.log)
        last = time.monotonic()
        failing = False
        while not self._closing:
            await asyncio.sleep(POLL_SECONDS)
            now = log_signature(self.log)
            changed = now != seen
            if failing or changed or time.monotonic() - last >= self.keepalive:
                seen, last = now, time.monotonic()
                if not (self._subscribers or failing or changed):  # a change is read even unwatched, to say a failure
                    continue
                try:
                    snapshot = await asyncio.to_thread(self.snapshot)
                except Exception as error:  # whatever the read met, the watcher goes on
                    if not failing:
                        self.report(f"watch:{type(error).__name__}",
                                    words.watch_failed.format(said=self.unreadable(error)))
                    failing = True
                    continue
                again = failing or not changed
                if failing:
                    failing = False
                    self.report("watch:again", words.watch_again)
                if not self._closing:
                    self.broadcast(snapshot, again=again)
