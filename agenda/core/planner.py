"""From a forum file to times: the start and end of every segment and timed item.

Segments follow one another from the window's start; `at` pins a start,
`until` pins an end. Every time on a Plan is an instant in UTC, so that
comparing, sorting and subtracting never read a wall clock (the second
01:30 of the night clocks go back is later than the first); `Plan.local`
turns one into the forum's wall clock for a reader. Flexible segments start at their minimum; the minutes
left before the next pinned start (or the window's end) are then shared
among the flexible segments before it, evenly, in whole minutes, the
earliest first, each up to its maximum. The planner never refuses: it
computes what the file says, and the checks say what is wrong with it.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import overload
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from agenda.core.findings import Path
from agenda.core.model import Flexible, Forum, ForumFile, Item, Person, Segment
from agenda.core.zones import WallTime, add_minutes, localize, minutes_between, wall_time_kind


@dataclass(eq=False)
class Role:
    person: Person
    role: str  # speaker, moderator, mc; guest for forum.guests
    ref: str | None  # the people id, when the file used one
    path: Path


@dataclass(eq=False)
class TimedItem:
    index: int
    item: Item
    start: datetime | None
    end: datetime | None
    minutes: int | None
    people: tuple[Role, ...]


@dataclass(eq=False)
class TimedSegment:
    index: int
    id: str
    segment: Segment
    title: str | None  # the file's title; None: renderers show the kind's label in their language
    start: datetime | None  # None: open start (registration with only `until`)
    end: datetime
    minutes: int | None
    items: tuple[TimedItem, ...]
    people: tuple[Role, ...]
    kind: str  # the segment's kind, read off the model once: every check and renderer asks for it

    @property
    def cancelled(self) -> bool:
        return self.segment.status == "cancelled"

    @property
    def path(self) -> Path:
        return ("program", self.index)


@dataclass(eq=False)
class Section:
    """A heading in the programme (제1부, 주제 1): it takes no time, so it is not among `Plan.segments`."""

    index: int
    id: str
    segment: Segment
    title: str

    @property
    def kind(self) -> str:
        return str(self.segment.kind)

    @property
    def path(self) -> Path:
        return ("program", self.index)


@dataclass(eq=False)
class LocalTime:
    """A wall time the file names, kept so the DST checks can judge it."""

    path: Path
    day: date
    clock: time


@dataclass(eq=False)
class Plan:
    document: ForumFile
    forum_id: str
    window_start: datetime
    window_end: datetime
    segments: tuple[TimedSegment, ...]
    hosts: tuple[Role, ...]
    local_times: tuple[LocalTime, ...]
    zone: ZoneInfo
    sections: tuple[Section, ...] = ()
    guests: tuple[Role, ...] = ()  # 내빈, role "guest", in the file's order: the MC introduces them so

    @cached_property
    def program(self) -> tuple["TimedSegment | Section", ...]:
        """Segments and section headings in the file's order: what a printed programme lists."""
        return tuple(sorted((*self.segments, *self.sections), key=lambda entry: entry.index))

    @property
    def forum(self) -> Forum:
        return self.document.forum

    @property
    def language(self) -> str:
        """The file's language: what renderers speak unless they are asked for another."""
        return self.document.forum.language

    def read_in(self, language: str | None) -> "Plan":
        """The same plan as if its file said `language`: for outputs made of many renderers (notices)."""
        if language is None or language == self.language:
            return self
        forum = self.document.forum.model_copy(update={"language": language})
        return replace(self, document=self.document.model_copy(update={"forum": forum}))

    @overload
    def local(self, moment: datetime) -> datetime: ...
    @overload
    def local(self, moment: None) -> None: ...
    @overload
    def local(self, moment: datetime | None) -> datetime | None: ...

    def local(self, moment: datetime | None) -> datetime | None:
        """The forum's wall clock for an instant; the only way a time should reach a reader."""
        return None if moment is None else moment.astimezone(self.zone)

    @cached_property
    def wall_time_kinds(self) -> tuple[tuple[LocalTime, WallTime], ...]:
        """Each wall time the file names, and whether the zone skips or repeats it (two checks ask)."""
        return tuple((local, wall_time_kind(local.day, local.clock, self.zone)) for local in self.local_times)

    @cached_property
    def window_minutes(self) -> int:
        return minutes_between(self.window_start, self.window_end)

    @cached_property
    def program_end(self) -> datetime:
        return max((s.end for s in self.segments), default=self.window_start)

    @cached_property
    def scheduled_minutes(self) -> int:
        """Minutes of the window covered by segments that take place."""
        spans = sorted(
            (max(s.start, self.window_start), min(s.end, self.window_end))
            for s in self.segments
            if s.start is not None and not s.cancelled
        )
        covered, reached = 0, self.window_start
        for start, end in spans:
            start = max(start, reached)
            if end > start:
                covered += minutes_between(start, end)
                reached = end
        return covered

    @cached_property
    def slack_minutes(self) -> int:
        return max(0, self.window_minutes - self.scheduled_minutes)

    @cached_property
    def overrun_minutes(self) -> int:
        return max(0, minutes_between(self.window_end, self.program_end))


def plan(document: ForumFile, fallback_id: str = "forum") -> Plan:
    forum = document.forum
    tz = forum.timezone
    local_times = [LocalTime(("forum", "start"), forum.date, forum.start)]
    window_start = localize(forum.date, forum.start, tz)
    if isinstance(forum.end, datetime):  # an end with its date: past midnight on purpose
        local_times.append(LocalTime(("forum", "end"), forum.end.date(), forum.end.time()))
        window_end = localize(forum.end.date(), forum.end.time(), tz)
    elif forum.end is not None:  # at or before start: the next day's clock (and end-before-start says so)
        end_day = forum.date + timedelta(days=1) if forum.end <= forum.start else forum.date
        local_times.append(LocalTime(("forum", "end"), end_day, forum.end))
        window_end = localize(end_day, forum.end, tz)
    else:
        window_end = add_minutes(window_start, forum.duration or 0)  # the model asks for end or duration
    crosses = window_end.astimezone(tz).date() > forum.date
    end_clock = window_end.astimezone(tz).time()

    def pinned(clock: time | None, path: Path) -> datetime | None:
        """A pinned clock's day: in a window past midnight, an early clock up to the end is the next day's
        (00:30 in a 23:00-01:00 forum); one after the end is still before the start (doors at 22:30)."""
        if clock is None:
            return None
        day = forum.date + timedelta(days=1) if crosses and clock < forum.start and clock <= end_clock \
            else forum.date
        local_times.append(LocalTime(path, day, clock))
        return localize(day, clock, tz)

    pins = [
        (pinned(s.at, ("program", i, "at")), pinned(s.until, ("program", i, "until")))
        for i, s in enumerate(document.program)
    ]
    spans = _place(document.program, pins, window_start, {})
    extra = _share_flexible_minutes(document.program, pins, spans, window_end)
    if extra:
        spans = _place(document.program, pins, window_start, extra)

    roster = document.people
    ids = _segment_ids(document.program)
    sections = tuple(
        Section(index=i, id=ids[i], segment=seg, title=seg.title or "")
        for i, seg in enumerate(document.program) if seg.kind == "section"
    )
    segments = tuple(
        TimedSegment(
            index=i,
            id=ids[i],
            segment=seg,
            title=seg.title,
            start=start,
            end=end,
            minutes=None if start is None else minutes_between(start, end),
            items=_time_items(seg, i, start, roster),
            people=_segment_people(seg, ("program", i), roster),
            kind=str(seg.kind),
        )
        for i, (seg, (start, end)) in enumerate(zip(document.program, spans))
        if seg.kind != "section"
    )
    hosts = tuple(
        _role(ref, role, ("forum", role), roster)
        for role, ref in (("mc", forum.mc), ("moderator", forum.moderator))
        if ref is not None
    )
    guests = tuple(_role(ref, "guest", ("forum", "guests", n), roster) for n, ref in enumerate(forum.guests))
    return Plan(document, forum.id or fallback_id, window_start, window_end,
                segments, hosts, tuple(local_times), tz, sections=sections, guests=guests)


def fixed_minutes(segment: Segment) -> int | None:
    """The minutes a segment asks for before any flexible sharing; None when only `until` says."""
    if isinstance(segment.duration, int):
        return segment.duration
    if isinstance(segment.duration, Flexible):
        return segment.duration.min
    if segment.each is not None:
        return segment.each * len(segment.all_speakers)
    timed = [item.duration for item in segment.items if item.duration is not None]
    return sum(timed) if timed else None


Pin = tuple[datetime | None, datetime | None]
"""A segment's `at` and `until` as instants."""
Span = tuple[datetime | None, datetime]
"""A segment's start (None: an open start) and end."""


def _place(program: Sequence[Segment], pins: Sequence[Pin], window_start: datetime,
           extra: Mapping[int, int]) -> list[Span]:
    spans: list[Span] = []
    cursor = window_start
    for i, seg in enumerate(program):
        at, until = pins[i]
        minutes = fixed_minutes(seg)
        if minutes is not None:
            minutes = max(0, minutes + extra.get(i, 0))
        start: datetime | None
        if at is not None:
            start = at
        elif until is not None and minutes is not None:
            start = add_minutes(until, -minutes)
        elif until is not None and seg.kind == "registration":
            start = None
        else:
            start = cursor
        end = until if until is not None else add_minutes(start or cursor, minutes or 0)  # no `until`: a start
        spans.append((start, end))
        cursor = end
    return spans


def _share_flexible_minutes(program: Sequence[Segment], pins: Sequence[Pin], spans: Sequence[Span],
                            window_end: datetime) -> dict[int, int]:
    """Minutes to add to each flexible segment, run by run between pinned starts."""
    extra: dict[int, int] = {}
    run: list[int] = []
    for i in range(len(program) + 1):
        pinned_start = pins[i][0] if i < len(program) else None
        if i == len(program) or pinned_start is not None:
            limit = pinned_start if pinned_start is not None else window_end
            if run:
                room = minutes_between(spans[run[-1]][1], limit)
                flexible = [(j, duration) for j in run
                            if isinstance(duration := program[j].duration, Flexible) and program[j].until is None]
                extra.update(_spread(room, flexible))
            run = []
        if i < len(program):
            run.append(i)
    return extra


def _spread(room: int, flexible: list[tuple[int, Flexible]]) -> dict[int, int]:
    extra = {j: 0 for j, _ in flexible}
    caps: dict[int, int | None] = {j: (f.max - f.min) if f.max is not None else None for j, f in flexible}
    active = [j for j, _ in flexible if caps[j] != 0]
    while room > 0 and active:
        share, rest = divmod(room, len(active))
        given, still = 0, []
        for k, j in enumerate(active):
            want, cap = share + (1 if k < rest else 0), caps[j]
            give = want if cap is None else min(want, cap - extra[j])
            extra[j] += give
            given += give
            if cap is None or extra[j] < cap:
                still.append(j)
        room -= given
        if not given:
            break
        active = still
    return {j: n for j, n in extra.items() if n}


def _segment_ids(program: list[Segment]) -> list[str]:
    """Explicit ids, else kind and its ordinal (`panel-2`), stable when other kinds are inserted."""
    counts: dict[str, int] = {}
    ids = []
    for seg in program:
        kind = str(seg.kind)
        counts[kind] = counts.get(kind, 0) + 1
        ids.append(seg.id or f"{kind}-{counts[kind]}")
    return ids


def _time_items(seg: Segment, index: int, start: datetime | None,
                roster: Mapping[str, Person]) -> tuple[TimedItem, ...]:
    if not seg.items:
        return ()  # most segments
    cursor = start
    timed = []
    for k, item in enumerate(seg.items):
        path: Path = ("program", index, "items", k)
        people = tuple(
            _role(ref, "speaker", path + sub, roster)
            for ref, sub in _refs(item.speaker, item.speakers)
        )
        if item.duration is not None and cursor is not None:
            end = add_minutes(cursor, max(0, item.duration))
            timed.append(TimedItem(k, item, cursor, end, item.duration, people))
            cursor = end
        else:
            timed.append(TimedItem(k, item, None, None, None, people))
    return tuple(timed)


def _refs(speaker: Person | str | None, speakers: Sequence[Person | str]) -> list[tuple[Person | str, Path]]:
    refs: list[tuple[Person | str, Path]] = [(speaker, ("speaker",))] if speaker is not None else []
    return refs + [(ref, ("speakers", n)) for n, ref in enumerate(speakers)]


def _segment_people(seg: Segment, path: Path, roster: Mapping[str, Person]) -> tuple[Role, ...]:
    roles = [_role(ref, "speaker", path + sub, roster) for ref, sub in _refs(seg.speaker, seg.speakers)]
    if seg.moderator is not None:
        roles.append(_role(seg.moderator, "moderator", path + ("moderator",), roster))
    if seg.mc is not None:
        roles.append(_role(seg.mc, "mc", path + ("mc",), roster))
    return tuple(roles)


def _role(ref: Person | str, role: str, path: Path, roster: Mapping[str, Person]) -> Role:
    if isinstance(ref, Person):
        return Role(ref, role, None, path)
    return Role(roster.get(ref) or Person(name=ref), role, ref, path)
