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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar, overload
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from agenda.core.days import LocalTime, day_runs, day_window
from agenda.core.findings import Path
from agenda.core.model import Flexible, Forum, ForumFile, Item, Person, Room, Segment
from agenda.core.model import Track as TrackModel
from agenda.core.zones import WallTime, add_minutes, minutes_between, wall_time_kind

_T = TypeVar("_T")


class read_once(Generic[_T]):  # noqa: N801 - a decorator, named as functools.cached_property is
    """`functools.cached_property` without its lock: Python 3.11 takes a lock on every first read,
    which is most of the cost of a plan's few derived values (the checks read them once per file,
    a folder of files thousands of times). A plan is built and read by one thread."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> "read_once[_T]": ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> "_T | read_once[_T]":
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass(eq=False)
class Role:
    person: Person
    role: str  # speaker, moderator, mc; guest for forum.guests
    ref: str | None  # the people id, when the file used one
    path: Path
    inherited: bool = False  # a section's moderator, taken by a segment under it: named once, on the section


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
    room: str | None = None  # a key of forum.rooms (the first room by default), when the file has rooms
    tracks: tuple["Track", ...] = ()  # a parallel block's
    day: int = 1  # which day (from 1) it is planned on
    where: Path | None = None  # inside a track: its path in the file
    track: str | None = None  # inside a track: the track's id

    @property
    def cancelled(self) -> bool:
        return self.segment.status == "cancelled"

    @property
    def path(self) -> Path:
        return self.where or ("program", self.index)


@dataclass(eq=False)
class Section:
    """A heading in the programme (제1부, 주제 1): it takes no time, so it is not among `Plan.segments`."""

    index: int
    id: str
    segment: Segment
    title: str
    people: tuple[Role, ...] = ()  # a section's moderator (좌장 of the segments under it)
    window: "Day | None" = None  # a day heading's day
    where: Path | None = None  # inside a track: its path in the file

    @property
    def kind(self) -> str:
        return str(self.segment.kind)

    @property
    def path(self) -> Path:
        return self.where or ("program", self.index)


@dataclass(eq=False)
class Track:
    """One room's program in a parallel block, planned inside the block's time."""

    index: int
    id: str
    room: str
    title: str | None
    moderator: Role | None
    block: "TimedSegment"
    segments: tuple[TimedSegment, ...]
    sections: tuple[Section, ...]

    @property
    def path(self) -> Path:
        return self.block.path + ("tracks", self.index)

    @property
    def start(self) -> datetime:
        assert self.block.start is not None  # a block always starts (it has no `until`)
        return self.block.start

    @property
    def end(self) -> datetime:
        return self.block.end

    @read_once
    def program(self) -> tuple["TimedSegment | Section", ...]:
        return tuple(sorted((*self.segments, *self.sections), key=lambda entry: entry.index))

    @read_once
    def program_end(self) -> datetime:
        return max((s.end for s in self.segments), default=self.start)


@dataclass(eq=False)
class Day:
    """One day's window and the main program's segments on it; a file without day headings has one."""

    number: int  # from 1
    date: date
    start: datetime
    end: datetime
    heading: int | None  # the index of its `day` heading; None: the forum's own window
    segments: tuple[TimedSegment, ...]
    end_typo: str | None = None  # "clock" or "dated": an end at or before the start (end-before-start)

    @property
    def path(self) -> Path:
        return ("program", self.heading) if self.heading is not None else ("forum",)

    @read_once
    def window_minutes(self) -> int:
        return minutes_between(self.start, self.end)

    @read_once
    def program_end(self) -> datetime:
        return max((s.end for s in self.segments), default=self.start)

    @read_once
    def scheduled_minutes(self) -> int:
        return _covered(self.segments, self.start, self.end)

    @read_once
    def slack_minutes(self) -> int:
        return max(0, self.window_minutes - self.scheduled_minutes)

    @read_once
    def overrun_minutes(self) -> int:
        return max(0, minutes_between(self.end, self.program_end))


def _covered(segments: Sequence[TimedSegment], window_start: datetime, window_end: datetime) -> int:
    """Minutes of the window covered by segments that take place.

    A registration with only `until` has no start of its own: it runs from
    where the programme stands (the window's start, if it comes first: the
    doors open with the window) to its `until`, so a forum that opens at
    09:30 with registration until 10:00 has no half hour unscheduled, and a
    gap before an afternoon's registration is still one.
    """
    listed: list[tuple[datetime, datetime]] = []
    previous_end = window_start
    for s in segments:  # in the file's order
        start = s.start if s.start is not None or s.kind != "registration" else previous_end
        if start is not None and not s.cancelled:
            listed.append((max(start, window_start), min(s.end, window_end)))
        previous_end = s.end
    spans = sorted(listed)
    covered, reached = 0, window_start
    for start, end in spans:
        start = max(start, reached)
        if end > start:
            covered += minutes_between(start, end)
            reached = end
    return covered


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
    days: tuple[Day, ...] = ()

    @read_once
    def program(self) -> tuple["TimedSegment | Section", ...]:
        """Segments and section headings in the file's order: what a printed programme lists."""
        return tuple(sorted((*self.segments, *self.sections), key=lambda entry: entry.index))

    @property
    def has_days(self) -> bool:
        """The file has `day` headings: outputs then speak of days (a file without any stays as it was)."""
        return any(day.heading is not None for day in self.days)

    @property
    def rooms(self) -> Mapping[str, Room]:
        return self.document.forum.rooms or {}

    @read_once
    def all_segments(self) -> tuple[TimedSegment, ...]:
        """Every timed segment, a block's tracks' segments after the block: everything people take part in."""
        out: list[TimedSegment] = []
        for seg in self.segments:
            out.append(seg)
            for track in seg.tracks:
                out.extend(track.segments)
        return tuple(out)

    @read_once
    def tracks(self) -> tuple[Track, ...]:
        return tuple(track for seg in self.segments for track in seg.tracks)

    @read_once
    def roles(self) -> tuple[Role, ...]:
        """Every person reference the file writes, once each: the forum's MC and moderator, its guests (내빈),
        and the programme's people (a section's moderator on its section only). Walked once: three checks
        read it for every file."""
        roles = [*self.hosts, *self.guests]
        for section in self.sections:
            roles.extend(section.people)
        for track in self.tracks:
            if track.moderator is not None:
                roles.append(track.moderator)
            for section in track.sections:
                roles.extend(section.people)
        for seg in self.all_segments:
            roles.extend(role for role in seg.people if not role.inherited)
            for item in seg.items:
                roles.extend(item.people)
        return tuple(roles)

    def day_of(self, seg: TimedSegment) -> Day:
        """The day a segment is planned on (in a one-day view, that day)."""
        if len(self.days) >= seg.day and self.days[seg.day - 1].number == seg.day:
            return self.days[seg.day - 1]
        return next((day for day in self.days if day.number == seg.day), self.days[0])

    def day_view(self, day: Day) -> "Plan":
        """One day alone, as a plan of one window: what a picture of a window (the timeline) draws per day."""
        following = [d.heading for d in self.days if d.heading is not None and d.number > day.number]
        first, last = (day.heading if day.heading is not None else -1), min(following, default=len(self.document.program))
        sections = tuple(s for s in self.sections if first < s.index < last)
        return replace(self, window_start=day.start, window_end=day.end, segments=day.segments,
                       sections=sections, days=(replace(day, heading=None),))

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

    @read_once
    def wall_time_kinds(self) -> tuple[tuple[LocalTime, WallTime], ...]:
        """Each wall time the file names, and whether the zone skips or repeats it (two checks ask)."""
        return tuple((local, wall_time_kind(local.day, local.clock, self.zone)) for local in self.local_times)

    @read_once
    def window_minutes(self) -> int:
        """The days' windows added up (one day: its window)."""
        return sum(day.window_minutes for day in self.days)

    @read_once
    def program_end(self) -> datetime:
        return max((s.end for s in self.segments), default=self.window_start)

    @read_once
    def scheduled_minutes(self) -> int:
        """Minutes of the days' windows covered by segments that take place."""
        return sum(day.scheduled_minutes for day in self.days)

    @read_once
    def slack_minutes(self) -> int:
        return sum(day.slack_minutes for day in self.days)

    @read_once
    def overrun_minutes(self) -> int:
        return sum(day.overrun_minutes for day in self.days)


SECTION_MODERATED = frozenset({"presentation", "keynote", "panel", "qa"})
"""Kinds that take their section's moderator when they name none (never breaks, never blocks)."""


def plan(document: ForumFile, fallback_id: str = "forum") -> Plan:
    forum = document.forum
    tz = forum.timezone
    program = document.program
    roster = document.people
    local_times: list[LocalTime] = []
    ids, track_ids = _segment_ids(program)
    first_room = next(iter(forum.rooms), None) if forum.rooms else None

    segments: list[TimedSegment] = []
    sections: list[Section] = []
    days: list[Day] = []
    previous: date | None = None
    for number, (head, indices) in enumerate(day_runs(program), start=1):
        heading = program[head] if head is not None else None
        day_date = forum.date if heading is None else heading.date or (
            previous + timedelta(days=1) if previous is not None else forum.date)
        previous = day_date
        start, end, typo, pinned = day_window(forum, heading, head, day_date, local_times)
        run = [program[i] for i in indices]
        pins = [(None if s.at is None else pinned(s.at, ("program", i, "at")),
                 None if s.until is None else pinned(s.until, ("program", i, "until")))
                for i, s in zip(indices, run)]  # most segments pin neither: no path built for them
        track_pins = {
            (i, t): [(pinned(s.at, ("program", i, "tracks", t, "program", j, "at")),
                      pinned(s.until, ("program", i, "tracks", t, "program", j, "until")))
                     for j, s in enumerate(track.program)]
            for i, seg in zip(indices, run) for t, track in enumerate(seg.tracks)}

        def block_minutes(local: int, at: datetime, indices: list[int] = indices, run: list[Segment] = run,
                          track_pins: dict[tuple[int, int], list[Pin]] = track_pins) -> int:
            """A block without a duration lasts as long as its longest track (flexible ones at their minimum)."""
            i = indices[local]
            ends = [span[1] for t, track in enumerate(run[local].tracks)
                    for span in _place(track.program, track_pins[(i, t)], at, {})]
            return max((minutes_between(at, e) for e in ends), default=0)

        spans = _fit(run, pins, start, end, block_minutes)
        day_segments: list[TimedSegment] = []
        moderator: Role | None = None
        if heading is not None and head is not None:
            sections.append(Section(index=head, id=ids[head], segment=heading, title=heading.title or ""))
        for i, seg, (seg_start, seg_end) in zip(indices, run, spans):
            path: Path = ("program", i)
            if seg.kind == "section":
                people = _segment_people(seg, path, roster)
                moderator = people[0] if people else None
                sections.append(Section(index=i, id=ids[i], segment=seg, title=seg.title or "", people=people))
                continue
            timed = _timed(seg, i, ids[i], path, seg_start, seg_end, roster, moderator, number,
                           seg.room or (first_room if seg.kind != "parallel" else None))
            if seg.tracks:
                timed.tracks = tuple(
                    _track(timed, t, track, track_ids, track_pins[(i, t)], roster, number)
                    for t, track in enumerate(seg.tracks))
            day_segments.append(timed)
        segments.extend(day_segments)
        days.append(Day(number, day_date, start, end, head, tuple(day_segments), typo))
    for section in sections:
        if section.kind == "day":
            section.window = next(day for day in days if day.heading == section.index)

    hosts = tuple(
        _role(ref, role, ("forum", role), roster)
        for role, ref in (("mc", forum.mc), ("moderator", forum.moderator))
        if ref is not None
    )
    guests = tuple(_role(ref, "guest", ("forum", "guests", n), roster) for n, ref in enumerate(forum.guests))
    return Plan(document, forum.id or fallback_id, days[0].start, days[-1].end,
                tuple(segments), hosts, tuple(local_times), tz,
                sections=tuple(sorted(sections, key=lambda s: s.index)), days=tuple(days), guests=guests)


BlockMinutes = Callable[[int, datetime], int]


def _fit(run: Sequence[Segment], pins: Sequence["Pin"], start: datetime, end: datetime,
         block_minutes: BlockMinutes | None = None) -> list["Span"]:
    """A program placed from `start`, its flexible segments sized to the pins and to `end`."""
    spans = _place(run, pins, start, {}, block_minutes)
    extra = _share_flexible_minutes(run, pins, spans, end)
    return _place(run, pins, start, extra, block_minutes) if extra else spans


def _timed(seg: Segment, index: int, seg_id: str, path: Path, start: datetime | None, end: datetime,
           roster: Mapping[str, Person], moderator: Role | None, day: int, room: str | None,
           where: Path | None = None, track: str | None = None) -> TimedSegment:
    people = _segment_people(seg, path, roster)
    if moderator is not None and seg.moderator is None and seg.kind in SECTION_MODERATED:
        people += (replace(moderator, inherited=True),)
    return TimedSegment(
        index=index, id=seg_id, segment=seg, title=seg.title, start=start, end=end,
        minutes=None if start is None else minutes_between(start, end),
        items=_time_items(seg, path, start, roster), people=people, kind=str(seg.kind),
        room=room, day=day, where=where, track=track)


def _track(block: TimedSegment, t: int, track: "TrackModel", track_ids: Mapping[tuple[int, int, int], str],
           pins: Sequence["Pin"], roster: Mapping[str, Person], day: int) -> Track:
    """A track's program, planned from its block's start and sized to its block's end."""
    assert block.start is not None
    i = block.index
    base: Path = ("program", i, "tracks", t)
    track_id = track.id or f"{block.id}.{track.room}"
    spans = _fit(track.program, pins, block.start, block.end)
    segments: list[TimedSegment] = []
    sections: list[Section] = []
    moderator: Role | None = None
    for j, (seg, (start, end)) in enumerate(zip(track.program, spans)):
        path: Path = base + ("program", j)
        if seg.kind == "section":
            people = _segment_people(seg, path, roster)
            moderator = people[0] if people else None
            sections.append(Section(index=j, id=track_ids[(i, t, j)], segment=seg, title=seg.title or "",
                                    people=people, where=path))
            continue
        segments.append(_timed(seg, j, track_ids[(i, t, j)], path, start, end, roster, moderator, day,
                               seg.room or track.room, where=path, track=track_id))
    chair = _role(track.moderator, "moderator", base + ("moderator",), roster) \
        if track.moderator is not None else None
    return Track(t, track_id, track.room, track.title, chair, block, tuple(segments), tuple(sections))


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
           extra: Mapping[int, int], block_minutes: "BlockMinutes | None" = None) -> list[Span]:
    spans: list[Span] = []
    cursor = window_start
    for i, seg in enumerate(program):
        at, until = pins[i]
        minutes = fixed_minutes(seg)
        if minutes is not None:
            minutes = max(0, minutes + extra.get(i, 0))
        elif block_minutes is not None and seg.kind == "parallel":
            minutes = block_minutes(i, at or cursor)
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
                flexible = [(j, duration) for j in run if (duration := flexible_length(program[j])) is not None]
                extra.update(share_minutes(room, flexible))
            run = []
        if i < len(program):
            run.append(i)
    return extra


def flexible_length(segment: Segment) -> Flexible | None:
    """The {min, max} a segment grows within; None when it is fixed (an `until` fixes a flexible one's end)."""
    duration = segment.duration
    return duration if isinstance(duration, Flexible) and segment.until is None else None


def share_minutes(room: int, flexible: Sequence[tuple[int, Flexible]]) -> dict[int, int]:
    """The one sizing rule, for the plan and for the day's projection alike: `room` minutes shared
    among flexible segments (keyed by position) evenly, the earliest first, each up to its maximum."""
    if room <= 0:
        return {}
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


def _segment_ids(program: list[Segment]) -> tuple[list[str], dict[tuple[int, int, int], str]]:
    """Explicit ids, else kind and its ordinal (`panel-2`), stable when other kinds are inserted.

    A track's segments count on in the file's order, so ids are unique across the file;
    a day heading is `day-N`, N its day's number.
    """
    counts: dict[str, int] = {}
    if program and any(seg.kind == "day" for seg in program) and program[0].kind != "day":
        counts["day"] = 1  # the forum's own day comes first
    ids = []
    inside: dict[tuple[int, int, int], str] = {}

    def next_id(seg: Segment) -> str:
        kind = str(seg.kind)
        counts[kind] = counts.get(kind, 0) + 1
        return seg.id or f"{kind}-{counts[kind]}"

    for i, seg in enumerate(program):
        ids.append(next_id(seg))
        for t, track in enumerate(seg.tracks):
            for j, inner in enumerate(track.program):
                inside[(i, t, j)] = next_id(inner)
    return ids, inside


def _time_items(seg: Segment, base: Path, start: datetime | None,
                roster: Mapping[str, Person]) -> tuple[TimedItem, ...]:
    if not seg.items:
        return ()  # most segments
    cursor = start
    timed = []
    for k, item in enumerate(seg.items):
        path: Path = base + ("items", k)
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
    if seg.speaker is None and not seg.speakers and seg.moderator is None and seg.mc is None:
        return ()  # a break, a transition, a section without a chair
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
