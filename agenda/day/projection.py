"""The rest of the day, projected from the marks: FORMAT.md's rules 1-3, and nothing else.

1. Marks are facts. 2. The running segment ends at its start plus its
minutes, or now if that is later. 3. What is still to come follows from
there, in order, sized as the planner sizes it: a delay is taken first by
idle minutes (before a pinned `at` start, or at the window's end), then by
flexible segments down to their minimum; everything else keeps its minutes.

All arithmetic is on instants (through `agenda.core.zones`), never wall clocks.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from enum import StrEnum

from agenda.core.model import Flexible
from agenda.core.planner import Day, Plan, TimedSegment, flexible_length, share_minutes
from agenda.day.days import day_plan, the_day, window_for
from agenda.day.marks import PASSED_OVER, DayWarning, Facts, Mark, facts_from, frontier
from agenda.day.parts import Part, parts_of


class Status(StrEnum):
    DONE = "done"
    RUNNING = "running"
    UPCOMING = "upcoming"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class State(StrEnum):
    BEFORE = "before"
    RUNNING = "running"
    BETWEEN = "between"  # one part ended, the next not started
    AFTER = "after"


def seconds_between(start: datetime, end: datetime) -> int:
    """Elapsed real seconds, between instants (two wall clocks of one zone would subtract naively)."""
    return int((end.astimezone(timezone.utc) - start.astimezone(timezone.utc)).total_seconds())


def whole_minutes(start: datetime, end: datetime) -> int:
    """Elapsed minutes, truncated toward zero: 30 seconds late is not yet a minute late."""
    return int(seconds_between(start, end) / 60)


def later(a: datetime, b: datetime) -> datetime:
    return a if seconds_between(b, a) >= 0 else b


@dataclass(frozen=True)
class SegmentState:
    """One part (or a segment, its parts added up) on the day; every time a UTC instant (shown by
    `agenda.render.day_clock_face`)."""

    segment: TimedSegment  # the part as a segment (for a segment with parts: the segment)
    status: Status
    start: datetime | None
    end: datetime | None
    planned_start: datetime | None
    planned_end: datetime | None
    allotted: int | None = None  # minutes the projection gives a running or upcoming part
    marked: bool = False  # its start (and end, if done) are facts from the marks
    parent: TimedSegment | None = None  # a part's segment of the file
    item: str | None = None  # a part's `item` (None: the segment is one part)
    parts: tuple["SegmentState", ...] = ()  # a segment's parts, when it has several
    note: str | None = None  # the reason given when it was skipped

    @property
    def id(self) -> str:
        """The segment's id (a part's segment's), as FORMAT.md's `id` says."""
        return (self.parent or self.segment).id

    @property
    def part(self) -> str:
        return self.segment.id

    @property
    def minutes(self) -> int | None:
        if self.start is None or self.end is None:
            return 0 if self.status is Status.SKIPPED else None
        return whole_minutes(self.start, self.end)

    @property
    def flexible(self) -> bool:
        return flexible_length(self.segment.segment) is not None

    @property
    def resized(self) -> bool:
        """A flexible part still to come (or running) whose minutes differ from the plan's."""
        return (self.status in (Status.RUNNING, Status.UPCOMING) and self.flexible and self.allotted is not None
                and self.allotted != self.segment.minutes)


@dataclass(frozen=True)
class Cut:
    """Advice for ending on time: give this part `to_minutes` instead of `from_minutes`."""

    part: SegmentState
    from_minutes: int
    to_minutes: int


@dataclass(frozen=True)
class RoomState:
    """One room's track while its parallel block runs: its parts, the running one, the next and its cut advice."""

    room: str  # the room's id (a key of forum.rooms)
    parts: tuple[SegmentState, ...]
    current: SegmentState | None
    current_due: datetime | None
    next: SegmentState | None
    end: datetime  # when the track's last part is projected to end
    cut: tuple[Cut, ...] = ()  # what the track gives to end with its block's minutes
    uncut_seconds: int = 0  # what it cannot absorb: the block's end is delayed by it
    block_end: datetime | None = None  # where the track, its cut taken, lets the block end
    limit: datetime | None = None  # the block's end by its minutes: what the track's cut aims at


@dataclass(frozen=True)
class DayState:
    """What `agenda now` shows and `agenda serve` streams: no words, no terminal, no wall clock (UTC instants)."""

    plan: Plan
    at: datetime
    state: State
    segments: tuple[SegmentState, ...]  # the file's segments, each with its parts
    current: SegmentState | None  # the running part
    current_due: datetime | None  # when the running part's minutes are up
    next: SegmentState | None
    delay_minutes: int
    end: datetime
    over_window_minutes: int
    window_end: datetime | None = None  # the end of the window of the day `at` is on (None: the forum's)
    parts: tuple[SegmentState, ...] = ()
    cut: tuple[Cut, ...] = ()
    uncut_seconds: int = 0  # what the cut advice cannot take: pinned parts, and what has already happened
    over_window_seconds: int = 0
    rooms: dict[str, RoomState] = field(default_factory=dict)  # while a parallel block runs: each room's track
    room: str | None = None  # the room this state follows (`room_view`); None: the whole day
    cut_end: datetime | None = None  # what `cut` aims at, when not the window's end (a room's: its block's end)
    days: tuple["DayState", ...] = ()  # on a forum of several days, when asked (the report): each day's own
    whole: Plan | None = None  # with `days` (and in each of them): the forum's plan, whose headings name the days

    @property
    def remaining_seconds(self) -> int:
        if self.current_due is None:
            return 0
        return max(0, seconds_between(self.at, self.current_due))

    @property
    def over_seconds(self) -> int:
        if self.current_due is None:
            return 0
        return max(0, seconds_between(self.current_due, self.at))

    @property
    def window_left_seconds(self) -> int | None:
        """Seconds to the window's end while the last part runs (the stage shows them beside its own)."""
        if self.current is None or self.next is not None or self.window_end is None:
            return None
        return max(0, seconds_between(self.at, self.window_end))

    @property
    def resized(self) -> list[SegmentState]:
        return [s for s in self.parts if s.resized]


def _flexible(seg: TimedSegment) -> Flexible | None:
    return flexible_length(seg.segment)


def _pinned(seg: TimedSegment) -> bool:
    return seg.segment.at is not None and seg.start is not None


def _state(plan: Plan, part: Part, status: Status, start: datetime | None, end: datetime | None,
           allotted: int | None = None, marked: bool = False, note: str | None = None) -> SegmentState:
    seg = part.timed
    return SegmentState(seg, status, start, end, seg.start, seg.end, allotted, marked, part.parent, part.item,
                        note=note)


def project(plan: Plan, facts: Facts, now: datetime) -> DayState:
    now = now.astimezone(timezone.utc)  # every time below is an instant; the forum's clock only in the state
    parts = parts_of(plan).all
    front = frontier(plan, facts)
    fixed: dict[str, SegmentState] = {}
    sequence: list[Part] = []  # what is still to be placed, running one first
    running: Part | None = None
    for part in parts:
        seg, pid = part.timed, part.id
        if pid in facts.started:
            if pid in facts.ended:
                fixed[pid] = _state(plan, part, Status.DONE, facts.started[pid], facts.ended[pid], marked=True)
            else:
                running = part
        elif pid in facts.skipped:
            fixed[pid] = _state(plan, part, Status.SKIPPED, None, None, note=facts.notes.get(pid))
        elif seg.kind in PASSED_OVER:
            gone = part.position < front or (seg.end is not None and seg.end <= now)
            fixed[pid] = _state(plan, part, Status.DONE if gone else Status.UPCOMING, seg.start, seg.end)
        elif part.position < front:
            fixed[pid] = _state(plan, part, Status.CANCELLED if seg.cancelled else Status.SKIPPED,
                                seg.start if seg.cancelled else None, seg.end if seg.cancelled else None)
        else:
            sequence.append(part)
    if running is not None:
        sequence.insert(0, running)

    rooms = _rooms(plan, running, facts, now) if running is not None else {}
    track_end = max((r.block_end or r.end for r in rooms.values()), default=None)
    placed, due = _place(plan, sequence, running, facts, now, running_end=track_end)
    if rooms:  # a block's own clock runs to its end by its minutes; its rooms' overruns move what follows
        due = next(iter(rooms.values())).limit or due
    fixed.update(placed)
    states = tuple(fixed[part.id] for part in parts)
    current = fixed[running.id] if running is not None else None
    upcoming = [s for s in (fixed[part.id] for part in sequence) if s.status is Status.UPCOMING]
    following = upcoming[0] if upcoming else None

    if current is not None:
        state = State.RUNNING
    elif not facts.started:
        state = State.BEFORE
    else:
        state = State.BETWEEN if following is not None else State.AFTER
    delay = _delay(state, current, following, facts, plan)
    window = window_for(plan, now)  # on a forum of several days, today's window
    taking_place = [s for s in states if s.status in (Status.DONE, Status.RUNNING, Status.UPCOMING)
                    and s.end is not None and s.segment.kind not in PASSED_OVER
                    and (not plan.has_days or s.segment.day == window.number)]
    end = max((s.end for s in taking_place if s.end is not None),
              default=window.program_end if plan.has_days else plan.program_end)
    over_seconds = max(0, seconds_between(window.end, end))
    cut, uncut = _cut(plan, states, current, now, over_seconds, window.number)
    return DayState(plan, now, state, _segments(plan, states), current, due, following,
                    delay, end, over_seconds // 60, window.end, states, cut, uncut, over_seconds, rooms)


def _rooms(plan: Plan, block: Part, facts: Facts, now: datetime) -> dict[str, RoomState]:
    """Each track of the running block, projected as a program of its own within the block's minutes:
    its overrun is taken first by its own flexible parts, then advised as cuts within the track; what is
    left moves the block's end (and so the main program's)."""
    tracks = parts_of(plan).tracks_of(block.id)
    if not tracks:
        return {}
    started = facts.started[block.id]
    limit = started + timedelta(minutes=block.timed.minutes or 0)
    out: dict[str, RoomState] = {}
    for track, own in tracks:
        running_id = facts.rooms.get(track.room)
        front = max((p.position for p in own if p.id in facts.started), default=-1)
        fixed: dict[str, SegmentState] = {}
        sequence: list[Part] = []
        running: Part | None = None
        for part in own:
            pid = part.id
            if pid in facts.started:
                if pid in facts.ended:
                    fixed[pid] = _state(plan, part, Status.DONE, facts.started[pid], facts.ended[pid], marked=True)
                elif pid == running_id:
                    running = part
                else:  # started, never ended: its room was closed with the block
                    fixed[pid] = _state(plan, part, Status.DONE, facts.started[pid], facts.started[pid], marked=True)
            elif pid in facts.skipped or part.position < front:
                fixed[pid] = _state(plan, part, Status.SKIPPED, None, None, note=facts.notes.get(pid))
            else:
                sequence.append(part)
        if running is not None:
            sequence.insert(0, running)
        placed, due = _place(plan, sequence, running, facts, later(now, started), limit=limit)
        fixed.update(placed)
        states = tuple(fixed[p.id] for p in own)
        current = fixed[running.id] if running is not None else None
        coming = [fixed[p.id] for p in sequence if fixed[p.id].status is Status.UPCOMING]
        end = max((st.end for st in states if st.end is not None and st.status is not Status.SKIPPED),
                  default=started)
        end = later(end, now) if current is not None or coming else end
        over = max(0, seconds_between(limit, end))
        cut, uncut = _cut(plan, states, current, now, over, track.block.day)
        held = end - timedelta(seconds=over - uncut) if over > 0 else end  # its cut taken within the track
        out[track.room] = RoomState(track.room, states, current, due, coming[0] if coming else None, end, cut,
                                    uncut, held, limit)
    return out


def _segments(plan: Plan, states: tuple[SegmentState, ...]) -> tuple[SegmentState, ...]:
    """The file's segments, each with its parts added up (a segment of one part is that part)."""
    out: list[SegmentState] = []
    for seg in plan.segments:
        own = tuple(s for s in states if s.parent is seg)
        if len(own) == 1 and own[0].item is None:
            out.append(own[0])
            continue
        statuses = {s.status for s in own}
        if Status.RUNNING in statuses:
            status = Status.RUNNING
        elif statuses <= {Status.SKIPPED}:
            status = Status.SKIPPED
        elif statuses <= {Status.CANCELLED}:
            status = Status.CANCELLED
        elif statuses <= {Status.DONE, Status.SKIPPED}:
            status = Status.DONE
        elif Status.DONE in statuses:
            status = Status.RUNNING  # between two of its parts
        else:
            status = Status.UPCOMING
        taking = [s for s in own if s.start is not None and s.end is not None]
        start = taking[0].start if taking else None
        end = taking[-1].end if taking else None
        allotted = sum(s.allotted or 0 for s in own) if any(s.allotted is not None for s in own) else None
        notes = [s.note for s in own if s.note]
        out.append(SegmentState(seg, status, start, end, seg.start, seg.end, allotted,
                                any(s.marked for s in own), None, None, own, notes[0] if notes else None))
    return tuple(out)


def _delay(state: State, current: SegmentState | None, following: SegmentState | None, facts: Facts,
           plan: Plan) -> int:
    """Projected end of the running (or last ended) part minus its planned end; positive is late."""
    if current is not None and current.end is not None:
        return whole_minutes(current.segment.end, current.end)
    if state is State.BEFORE:
        if following is None or following.segment.start is None or following.start is None:
            return 0
        return whole_minutes(following.segment.start, following.start)
    last = max(facts.ended, key=lambda pid: facts.ended[pid])
    part = parts_of(plan).by_id(last)
    assert part is not None  # facts only hold parts of the plan
    return whole_minutes(part.timed.end, facts.ended[last])


def _place(plan: Plan, sequence: list[Part], running: Part | None, facts: Facts, now: datetime,
           limit: datetime | None = None, running_end: datetime | None = None,
           ) -> tuple[dict[str, SegmentState], datetime | None]:
    """Rule 2 and 3: start and end for the running part and everything after it. `limit`: where a track's
    program must end (its block's end); `running_end`: a running block ends no earlier than its rooms."""
    outer = limit
    placed: dict[str, SegmentState] = {}
    due: datetime | None = None
    if not sequence:
        return placed, due
    if running is not None:
        cursor = facts.started[running.id]
    else:
        first = sequence[0].timed
        cursor = later(first.start, now) if first.start is not None else now
    index = 0
    while index < len(sequence):
        run_end = index + 1
        while run_end < len(sequence) and not _pinned(sequence[run_end].timed):
            run_end += 1
        run = sequence[index:run_end]
        pinned_start = sequence[run_end].timed.start if run_end < len(sequence) else None
        limit = pinned_start or outer or plan.day_of(run[0].timed).end  # the window of the run's own day
        first_start = run[0].timed.start
        if _pinned(run[0].timed) and run[0] is not running and first_start is not None:
            cursor = later(first_start, cursor)
        idle = 60 * sum(p.idle_after for p in run)  # a segment's minutes after its last timed item
        if running is not None and run[0] is running:
            seconds = sizes([p.timed for p in run], cursor, limit, idle)
            timed = running.timed
            due = cursor + timedelta(seconds=seconds[0]) if timed.minutes is not None or _flexible(timed) \
                else timed.end
            if running_end is not None:
                due = later(due, running_end)
            end = later(due, now)
            placed[running.id] = _state(plan, running, Status.RUNNING, cursor, end, seconds[0] // 60, marked=True)
            cursor = end + timedelta(minutes=running.idle_after)
            idle -= 60 * running.idle_after
            run = run[1:]
        seconds = sizes([p.timed for p in run], cursor, limit, idle)
        for part, length in zip(run, seconds):
            end = cursor + timedelta(seconds=length)
            status = Status.CANCELLED if part.timed.cancelled else Status.UPCOMING
            placed[part.id] = _state(plan, part, status, cursor, end, length // 60)
            cursor = end + timedelta(minutes=part.idle_after)
        index = run_end
    return placed, due


def sizes(run: list[TimedSegment], cursor: datetime, limit: datetime, idle: int = 0) -> list[int]:
    """Seconds for each part of a run, by the planner's rule (`share_minutes`): flexible ones from their
    minimum, sharing the whole minutes before `limit`; the last flexible one under its maximum takes
    the odd seconds, so a Q&A started at 15:38:01 still ends at 16:00:00. `idle`: seconds of the run
    that are no part's (a segment's minutes after its last timed item)."""
    flexible = [(k, f) for k, f in enumerate(_flexible(s) for s in run) if f is not None]
    bounds = dict(flexible)
    minimum = [bounds[k].min if k in bounds else (s.minutes or 0) for k, s in enumerate(run)]
    room = seconds_between(cursor, limit) - 60 * sum(minimum) - idle
    whole, odd = divmod(room, 60) if room > 0 else (0, 0)
    extra = share_minutes(whole, flexible)
    seconds = [60 * (m + extra.get(k, 0)) for k, m in enumerate(minimum)]
    for k, f in reversed(flexible):
        if f.max is None or minimum[k] + extra.get(k, 0) < f.max:
            seconds[k] += odd
            break
    return seconds


def _cut(plan: Plan, states: tuple[SegmentState, ...], current: SegmentState | None, now: datetime,
         over: int, day: int) -> tuple[tuple[Cut, ...], int]:
    """FORMAT.md's "Ending on time": the seconds over are taken from the parts still to come, the last
    first, then from what is left of the running part; never from a pinned part; each cut a whole minute.

    A cut before a pinned part moves the end only as far as that part was pushed past its `at` (it never
    starts earlier): what lies beyond is what nothing may give. Returns the cuts and those seconds.
    """
    if over <= 0:
        return (), 0
    cuts: list[Cut] = []
    coming = [s for s in states if s.status is Status.UPCOMING and s.segment.kind not in PASSED_OVER
              and (not plan.has_days or s.segment.day == day)]
    running = [current] if current is not None and current.segment.kind != "parallel" else []  # a block: its rooms
    candidates = list(reversed(coming)) + running
    left = over
    budget: int | None = None  # how far what comes before the last pinned part passed can still move the end
    for s in candidates:
        if left <= 0 or budget == 0:
            break
        if s.start is None or s.end is None:
            continue
        if _pinned(s.segment):
            if s.segment.start is not None and s is not current:
                pushed = max(0, seconds_between(s.segment.start, s.start))
                budget = pushed if budget is None else min(budget, pushed)
            else:
                budget = 0  # a running pinned part: nothing before it can move the end
            continue
        length = seconds_between(s.start, s.end)
        spare = max(0, seconds_between(now, s.end)) // 60 * 60 if s is current else length
        take = min(spare, math.ceil(left / 60) * 60)
        if budget is not None:
            take = min(take, budget)
        if take <= 0:
            continue
        cuts.append(Cut(s, length // 60, max(0, (length - take) // 60)))
        left -= take
        if budget is not None:
            budget -= take
    return tuple(cuts), max(0, left)


def room_view(day: DayState, room: str) -> DayState:
    """The day as one room's desk and stage follow it: while its block runs, the room's running part, next
    and cut stand for the day's; otherwise the main program, which every room shares."""
    track = day.rooms.get(room)
    if track is None:
        return replace(day, room=room)
    # the room's next part; after its last one (running, or the room done), what follows the block
    following = track.next if track.next is not None else day.next
    state = State.RUNNING if track.current is not None else State.BETWEEN  # a room between its parts, or done
    return replace(day, room=room, state=state, current=track.current, current_due=track.current_due,
                   next=following, cut=track.cut, uncut_seconds=track.uncut_seconds, cut_end=track.limit)


def day_state(plan: Plan, marks: Iterable[Mark], at: datetime,
              every_day: bool = False) -> tuple[DayState, list[DayWarning]]:
    """The live state for (plan, marks in log order, instant), with warnings about marks that no longer fit.

    The one entry point for `now`, `run` and `serve`: pure, so a server can call it at every change.
    On a forum of several days it is the state of the day the desk is on (`agenda.day.days`), and with
    `every_day` (the report) each day's own state besides, in `days`.
    """
    facts, warnings = facts_from(plan, list(marks))
    today = the_day(plan, facts.running, at)
    state = _on_its_day(plan, facts, today, at)
    if every_day and plan.has_days:
        days = tuple(replace(state if day.number == today.number else
                             _on_its_day(plan, facts, day, _looked_at(plan, facts, day)), whole=plan)
                     for day in plan.days)
        state = replace(state, days=days, whole=plan)
    return state, warnings


def _on_its_day(plan: Plan, facts: Facts, day: Day, at: datetime) -> DayState:
    """One day projected alone: its parts, its marks, its window (a forum of one day: the forum)."""
    view = day_plan(plan, day)
    if view is plan:
        return project(plan, facts, at)
    ours = parts_of(view)

    def mine(part_id: str) -> bool:
        return ours.by_id(part_id) is not None

    return project(view, replace(
        facts, started={k: v for k, v in facts.started.items() if mine(k)},
        ended={k: v for k, v in facts.ended.items() if mine(k)}, skipped={k for k in facts.skipped if mine(k)},
        notes={k: v for k, v in facts.notes.items() if mine(k)},
        running=facts.running if facts.running is not None and mine(facts.running) else None), at)


def _looked_at(plan: Plan, facts: Facts, day: Day) -> datetime:
    """Another day than the desk's, as the report shows it: at its latest mark, else at its window's start."""
    ours = parts_of(day_plan(plan, day))
    marked = [at for times in (facts.started, facts.ended) for pid, at in times.items() if ours.by_id(pid)]
    return max(marked, default=day.start)
