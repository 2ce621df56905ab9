"""The program must end by the time the window closes."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import end_before_start, named
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan
from agenda.core.zones import minutes_between

CODE = "window-overflow"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    if end_before_start(plan):
        return  # a window that ends before it starts: end-before-start says so
    for seg in plan.segments:
        if seg.end > plan.window_end:
            yield Location(seg.path), {"title": named(seg), "end": seg.end, "closes": plan.window_end,
                                       "minutes": minutes_between(plan.window_end, seg.end), "zone": plan.zone}
