"""Only registration may happen before the window opens."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import named, pin_path
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan
from agenda.core.zones import minutes_between

CODE = "before-window"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    for day in plan.days:
        for seg in day.segments:
            if seg.kind != "registration" and seg.start is not None and seg.start < day.start:
                yield Location(pin_path(seg)), {
                    "title": named(seg), "start": seg.start, "opens": day.start, "zone": plan.zone,
                    "minutes": minutes_between(seg.start, day.start)}
