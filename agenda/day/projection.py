"""The rest of the day, projected from the marks: FORMAT.md's rules 1-3, and nothing else.

1. Marks are facts. 2. The running segment ends at its start plus its
minutes, or now if that is later. 3. What is still to come follows from
there, in order, sized as the planner sizes it: a delay is taken first by
idle minutes (before a pinned `at` start, or at the window's end), then by
flexible segments down to their minimum; everything else keeps its minutes.

All arithmetic is on instants (through `agenda.core.zones`), never wall clocks.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from agenda.day.marks import PASSED_OVER, DayWarning, Facts, Mark, facts_from, frontier
from agenda.core.model import Flexible
from agenda.core.planner import Plan, TimedSegment, _spread
from agenda.core.zones import add_minutes
from agenda.day.times import window_for


def whole_minutes(start: datetime, end: datetime) -> int:
    """Elapsed minutes, truncated toward zero: 30 seconds late is not yet a minute late."""
    return int((end.timestamp() - start.timestamp()) / 60)


def later(a: datetime, b: datetime) -> datetime:
    return a if a.timestamp() >= b.timestamp() else b


@dataclass(frozen=True)
class SegmentState:
    """One segment on the day; every time is on the forum's clock (an aware datetime, compared as an instant)."""

    segment: TimedSegment
    status: str  # done, running, upcoming, skipped, cancelled
    start: datetime | None
    end: datetime | None
    planned_start: datetime | None
    planned_end: datetime | None
    allotted: int | None = None  # minutes the projection gives a running or upcoming segment
    marked: bool = False  # its start (and end, if done) are facts from the marks

    @property
    def id(self) -> str:
        return self.segment.id

    @property
    def minutes(self) -> int | None:
        if self.start is None or self.end is None:
            return 0 if self.status == "skipped" else None
        return whole_minutes(self.start, self.end)

    @property
    def flexible(self) -> bool:
        return _flexible(self.segment) is not None

    @property
    def resized(self) -> bool:
        """A flexible segment still to come (or running) whose minutes differ from the plan's."""
        return (self.status in ("running", "upcoming") and self.flexible and self.allotted is not None
                and self.allotted != self.segment.minutes)


@dataclass(frozen=True)
class DayState:
    """What `agenda now` shows and `agenda serve` streams: no words, no terminal."""

    plan: Plan
    at: datetime
    state: str  # before, running, between, after
    segments: tuple[SegmentState, ...]
    current: SegmentState | None
    current_due: datetime | None  # when the running segment's minutes are up
    next: SegmentState | None
    delay_minutes: int
    end: datetime
    over_window_minutes: int
    window_end: datetime | None = None  # the end of the window of the day `at` is on (None: the forum's)

    @property
    def remaining_seconds(self) -> int:
        if self.current_due is None:
            return 0
        return max(0, int(self.current_due.timestamp() - self.at.timestamp()))

    @property
    def over_seconds(self) -> int:
        if self.current_due is None:
            return 0
        return max(0, int(self.at.timestamp() - self.current_due.timestamp()))

    @property
    def resized(self) -> list[SegmentState]:
        return [s for s in self.segments if s.resized]


def _flexible(seg: TimedSegment) -> Flexible | None:
    duration = seg.segment.duration
    return duration if isinstance(duration, Flexible) and seg.segment.until is None else None


def _pinned(seg: TimedSegment) -> bool:
    return seg.segment.at is not None and seg.start is not None


def _state(plan: Plan, seg: TimedSegment, status: str, start: datetime | None, end: datetime | None,
           allotted: int | None = None, marked: bool = False) -> SegmentState:
    return SegmentState(seg, status, plan.local(start), plan.local(end), plan.local(seg.start), plan.local(seg.end),
                        allotted, marked)


def project(plan: Plan, facts: Facts, now: datetime) -> DayState:
    now = plan.local(now)
    front = frontier(plan, facts)
    fixed: dict[str, SegmentState] = {}
    sequence: list[TimedSegment] = []  # what is still to be placed, running one first
    running: TimedSegment | None = None
    for seg in plan.segments:
        sid = seg.id
        if sid in facts.started:
            if sid in facts.ended:
                fixed[sid] = _state(plan, seg, "done", facts.started[sid], facts.ended[sid], marked=True)
            else:
                running = seg
        elif sid in facts.skipped:
            fixed[sid] = _state(plan, seg, "skipped", None, None)
        elif seg.kind in PASSED_OVER:
            gone = seg.index < front or (seg.end is not None and seg.end.timestamp() <= now.timestamp())
            fixed[sid] = _state(plan, seg, "done" if gone else "upcoming", seg.start, seg.end)
        elif seg.index < front:
            fixed[sid] = _state(plan, seg, "cancelled" if seg.cancelled else "skipped",
                                seg.start if seg.cancelled else None, seg.end if seg.cancelled else None)
        else:
            sequence.append(seg)
    if running is not None:
        sequence.insert(0, running)

    placed, due = _place(plan, sequence, running, facts, now)
    fixed.update(placed)
    states = tuple(fixed[seg.id] for seg in plan.segments)
    current = fixed[running.id] if running is not None else None
    upcoming = [s for s in (fixed[seg.id] for seg in sequence) if s.status == "upcoming"]
    following = upcoming[0] if upcoming else None

    if current is not None:
        state = "running"
    elif not facts.started:
        state = "before"
    else:
        state = "between" if following is not None else "after"
    delay = _delay(state, current, following, facts, plan)
    window = window_for(plan, now)  # on a forum of several days, today's window
    taking_place = [s for s in states if s.status in ("done", "running", "upcoming")
                    and s.end is not None and s.segment.kind not in PASSED_OVER
                    and (not plan.has_days or s.segment.day == window.number)]
    end = plan.local(max((s.end for s in taking_place if s.end is not None), key=lambda t: t.timestamp(),
                         default=window.program_end if plan.has_days else plan.program_end))
    over = max(0, whole_minutes(window.end, end))
    return DayState(plan, now, state, states, current, plan.local(due), following, delay, end, over,
                    plan.local(window.end))


def _delay(state: str, current: SegmentState | None, following: SegmentState | None, facts: Facts,
           plan: Plan) -> int:
    """Projected end of the running (or last ended) segment minus its planned end; positive is late."""
    if current is not None and current.end is not None:
        return whole_minutes(current.segment.end, current.end)
    if state == "before":
        if following is None or following.segment.start is None or following.start is None:
            return 0
        return whole_minutes(following.segment.start, following.start)
    last = max(facts.ended, key=lambda sid: facts.ended[sid].timestamp())
    seg = next(s for s in plan.segments if s.id == last)
    return whole_minutes(seg.end, facts.ended[last])


def _place(plan: Plan, sequence: list[TimedSegment], running: TimedSegment | None, facts: Facts,
           now: datetime) -> tuple[dict[str, SegmentState], datetime | None]:
    """Rule 2 and 3: start and end for the running segment and everything after it."""
    placed: dict[str, SegmentState] = {}
    due: datetime | None = None
    if not sequence:
        return placed, due
    if running is not None:
        cursor = facts.started[running.id]
    else:
        first = sequence[0]
        cursor = later(first.start, now) if first.start is not None else now
    index = 0
    while index < len(sequence):
        run_end = index + 1
        while run_end < len(sequence) and not _pinned(sequence[run_end]):
            run_end += 1
        run = sequence[index:run_end]
        pinned_start = sequence[run_end].start if run_end < len(sequence) else None
        limit = pinned_start or plan.day_of(run[0]).end  # the window of the run's own day
        first_start = run[0].start
        if _pinned(run[0]) and run[0] is not running and first_start is not None:
            cursor = later(first_start, cursor)
        if run[0] is running:
            allotted = _sizes(run, cursor, limit)
            due = add_minutes(cursor, allotted[0]) if running.minutes is not None or _flexible(running) \
                else running.end
            end = later(due, now)
            placed[running.id] = _state(plan, running, "running", cursor, end, allotted[0], marked=True)
            cursor = end
            run = run[1:]
        allotted = _sizes(run, cursor, limit)
        for seg, minutes in zip(run, allotted):
            end = add_minutes(cursor, minutes)
            placed[seg.id] = _state(plan, seg, "cancelled" if seg.cancelled else "upcoming", cursor, end, minutes)
            cursor = end
        index = run_end
    return placed, due


def _sizes(run: list[TimedSegment], cursor: datetime, limit: datetime) -> list[int]:
    """Minutes for each segment of a run, the planner's way: flexible ones from their minimum, sharing the room."""
    flexible = [(k, f) for k, f in enumerate(_flexible(s) for s in run) if f is not None]
    bounds = dict(flexible)
    minimum = [bounds[k].min if k in bounds else (s.minutes or 0) for k, s in enumerate(run)]
    room = whole_minutes(cursor, limit) - sum(minimum)
    extra = _spread(room, flexible) if room > 0 else {}
    return [m + extra.get(k, 0) for k, m in enumerate(minimum)]


def day_state(plan: Plan, marks: Iterable[Mark], at: datetime) -> tuple[DayState, list[DayWarning]]:
    """The live state for (plan, marks in log order, instant), with warnings about marks that no longer fit.

    The one entry point for `now`, `run` and `serve`: pure, so a server can call it at every change.
    """
    facts, warnings = facts_from(plan, list(marks))
    return project(plan, facts, at), warnings
