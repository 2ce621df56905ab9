"""Idle minutes between two segments are usually a mistake in an `at`."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import named, pin_path, sequence_pairs
from agenda.findings import Location, Severity
from agenda.planner import Plan
from agenda.zones import minutes_between

CODE = "gap"
SEVERITY = Severity.WARNING


def check(plan: Plan) -> Iterator[Problem]:
    for before, seg in sequence_pairs(plan):
        assert seg.start is not None
        if seg.start.timestamp() > before.end.timestamp():
            yield Location(pin_path(seg)), {
                "minutes": minutes_between(before.end, seg.start), "before": named(before), "ends": before.end,
                "title": named(seg), "start": seg.start, "zone": plan.zone}
