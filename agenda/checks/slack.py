"""A program that ends early leaves the room idle: say so, unless the file allows it."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import end_before_start, named
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan
from agenda.core.zones import minutes_between

CODE = "slack"
SEVERITY = Severity.WARNING


def check(plan: Plan) -> Iterator[Problem]:
    if end_before_start(plan):
        return  # the window is a typo; end-before-start says so
    if not plan.segments:
        yield Location(("program",)), {"what": "empty", "window": plan.window_minutes}
        return
    slack = minutes_between(plan.program_end, plan.window_end)
    allowed = plan.document.rules.allow_slack
    if slack > allowed:
        last = max(plan.segments, key=lambda s: s.end)
        yield Location(last.path), {"what": "early", "ends": plan.program_end, "title": named(last), "minutes": slack,
                                    "closes": plan.window_end, "allowed": allowed, "zone": plan.zone}
