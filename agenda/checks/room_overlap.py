"""One room holds one thing at a time: two segments in a room may not overlap.

Intervals are half-open on instants: one that ends at 10:30 and one that
starts at 10:30 do not overlap, and 23:30-00:30 overlaps 00:00 across the
midnight. Two segments of one sequence (a day's program, or one track's)
are `overlap`'s to report, not this check's.
"""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import named, pin_path
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan, TimedSegment
from agenda.core.zones import minutes_between

CODE = "room-overlap"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    by_room: dict[str, list[TimedSegment]] = {}
    for seg in plan.all_segments:
        if seg.room is not None and seg.start is not None and not seg.cancelled and seg.kind != "parallel":
            by_room.setdefault(seg.room, []).append(seg)
    for room, segments in by_room.items():
        name = plan.rooms[room].name if room in plan.rooms else room
        open_: list[TimedSegment] = []
        for seg in sorted(segments, key=lambda s: (s.start, s.end)):
            assert seg.start is not None
            open_ = [other for other in open_ if other.end > seg.start]
            for other in open_:
                if _sequence(other) != _sequence(seg):
                    yield Location(pin_path(seg)), {
                        "title": named(seg), "start": seg.start, "other": named(other), "ends": other.end,
                        "minutes": minutes_between(seg.start, min(seg.end, other.end)), "room": name,
                        "zone": plan.zone}
            open_.append(seg)


def _sequence(seg: TimedSegment) -> tuple[str | int, ...]:
    """Which sequence a segment follows on in: its track (by place: two may share an id), else its day's."""
    return seg.where[:4] if seg.where is not None else ("day", seg.day)
