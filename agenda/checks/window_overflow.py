"""The program must end by the time the window closes."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import named, window_typo
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan
from agenda.core.zones import minutes_between

CODE = "window-overflow"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    for day in plan.days:
        if window_typo(plan, day):
            continue  # a window that ends before it starts: end-before-start says so
        for seg in day.segments:
            if seg.end > day.end:
                yield Location(seg.path), {"title": named(seg), "end": seg.end, "closes": day.end,
                                           "minutes": minutes_between(day.end, seg.end), "zone": plan.zone}
