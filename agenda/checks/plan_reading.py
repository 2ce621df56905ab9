"""How the checks read a plan: consecutive segments, everyone named, wall times by kind."""

from collections.abc import Iterator
from datetime import datetime

from agenda.core.findings import Path, SegmentName
from agenda.core.days import LocalTime
from agenda.core.planner import Day, Plan, Role, TimedSegment
from agenda.core.zones import WallTime, minutes_between


def sequence_pairs(plan: Plan) -> Iterator[tuple[TimedSegment, TimedSegment]]:
    """(previous, segment) for each segment with a start, previous being the last one before it.

    Each day's program is one sequence and each track's another: a day does not follow on from
    the day before, and two rooms run side by side.
    """
    for sequence in [day.segments for day in plan.days] + [track.segments for track in plan.tracks]:
        before = None
        for seg in sequence:
            if seg.start is not None and before is not None:
                yield before, seg
            before = seg


def pin_path(seg: TimedSegment) -> Path:
    """Point at the `at` that put a segment where it is, else at the segment."""
    return seg.path + ("at",) if seg.segment.at else seg.path


def all_roles(plan: Plan) -> tuple[Role, ...]:
    """Every person reference the file writes, once each (`Plan.roles`, walked once for the three checks
    that read it)."""
    return plan.roles


def wall_times(plan: Plan, kind: WallTime) -> Iterator[LocalTime]:
    """The wall times the file names that are of `kind` (skipped or repeated) in the forum's zone."""
    for local, found in plan.wall_time_kinds:
        if found is kind:
            yield local


def named(seg: TimedSegment) -> SegmentName:
    """A segment as a finding names it: the file's title, else its kind, which the reader's words label."""
    return SegmentName(seg.title, seg.kind)


def end_before_start(plan: Plan) -> str | None:
    """How the window's end is wrong, if it is: "clock" (a bare end at or before the start) or "dated".

    Such a window is a typo; the checks that would describe the 23-hour
    forum the planner made of it (runs past midnight, idle minutes) keep quiet.
    """
    forum = plan.forum
    if isinstance(forum.end, datetime):  # the end's date was written: only an end at or before the start is wrong
        return "dated" if minutes_between(plan.window_start, plan.window_end) <= 0 else None
    if forum.end is not None and forum.end <= forum.start:
        return "clock"
    return None


def window_typo(plan: Plan, day: Day) -> bool:
    """The day's window ends at or before it starts: end-before-start says so, and the window checks keep quiet."""
    if day.heading is None:
        return end_before_start(plan) is not None
    return day.end_typo is not None


def end_path(plan: Plan, day: Day) -> Path:
    """Where a day's end is written: its heading's `end` or `duration`, else the forum's."""
    heading = plan.document.program[day.heading] if day.heading is not None else None
    if heading is not None and (heading.end is not None or heading.duration is not None):
        return day.path + ("end" if heading.end is not None else "duration",)
    return ("forum", "end" if plan.forum.end else "duration")
