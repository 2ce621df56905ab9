"""Idle minutes between two segments are usually a mistake in an `at`.

A published programme may pause on purpose; `gap_before` on the segment
after the pause says how many idle minutes are intended, so only the
minutes beyond it are reported and `gap` stays on for the rest of the file.
"""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import named, pin_path, sequence_pairs
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan
from agenda.core.zones import minutes_between

CODE = "gap"
SEVERITY = Severity.WARNING


def check(plan: Plan) -> Iterator[Problem]:
    for before, seg in sequence_pairs(plan):
        assert seg.start is not None
        idle, intended = minutes_between(before.end, seg.start), seg.segment.gap_before
        if idle > max(0, intended or 0):
            yield Location(pin_path(seg)), {
                "minutes": idle, "before": named(before), "ends": before.end,
                "title": named(seg), "start": seg.start, "zone": plan.zone, "allowed": intended or 0}
