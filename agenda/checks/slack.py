"""A program that ends early leaves the room idle: say so, unless the file allows it."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import end_before_start, named, window_typo
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
    allowed = plan.document.rules.allow_slack
    for day in plan.days:  # each day's own window
        if window_typo(plan, day):
            continue
        if not day.segments:
            yield Location(day.path), {"what": "empty", "window": day.window_minutes}
            continue
        slack = minutes_between(day.program_end, day.end)
        if slack > allowed:
            last = max(day.segments, key=lambda s: s.end)
            yield Location(last.path), {"what": "early", "ends": day.program_end, "title": named(last),
                                        "minutes": slack, "closes": day.end, "allowed": allowed, "zone": plan.zone}
