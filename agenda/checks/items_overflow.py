"""Sub-items must fit inside their segment."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import named
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan

CODE = "items-overflow"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    for seg in plan.all_segments:
        timed = [item.duration for item in seg.segment.items if item.duration is not None]
        if seg.minutes is not None and timed and sum(timed) > seg.minutes:
            yield Location(seg.path + ("items",), key=True), {
                "title": named(seg), "total": sum(timed), "minutes": seg.minutes}
