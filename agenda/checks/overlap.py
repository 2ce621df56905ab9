"""A segment may not start before the one before it has ended."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import named, pin_path, sequence_pairs
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan
from agenda.core.zones import minutes_between

CODE = "overlap"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    for before, seg in sequence_pairs(plan):
        assert seg.start is not None
        if seg.start < before.end:
            yield Location(pin_path(seg)), {
                "title": named(seg), "start": seg.start, "minutes": minutes_between(seg.start, before.end),
                "before": named(before), "ends": before.end, "zone": plan.zone}
