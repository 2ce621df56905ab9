"""A window or program that runs into the next day is worth a second look."""

from collections.abc import Iterator
from datetime import datetime

from agenda.checks import Problem
from agenda.checks.plan_reading import end_before_start, end_path, named, window_typo
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan

CODE = "crosses-midnight"
SEVERITY = Severity.WARNING


def check(plan: Plan) -> Iterator[Problem]:
    if end_before_start(plan):
        return  # the window is a typo; end-before-start says so
    for day in plan.days:  # each day's own window and program
        if window_typo(plan, day):
            continue
        start = _local(plan, day.start)
        if _past_midnight(start, _local(plan, day.end)):
            yield Location(end_path(plan, day)), {
                "what": "window", "start": day.start, "end": day.end, "zone": plan.zone}
        elif day.segments and _past_midnight(start, _local(plan, day.program_end)):
            last = max(day.segments, key=lambda s: s.end)
            yield Location(last.path), {"what": "program", "title": named(last), "end": last.end, "zone": plan.zone}


def _local(plan: Plan, moment: datetime) -> datetime:
    local = plan.local(moment)
    assert local is not None
    return local


def _past_midnight(start: datetime, end: datetime) -> bool:
    """Ends on a later day than it starts, and not exactly at the midnight that closes the day."""
    return end.date() > start.date() and end.time() != end.time().min
