"""A window whose `end` is at or before its `start` is a typo far more often than a night-long forum."""

from collections.abc import Iterator
from datetime import datetime

from agenda.checks import Problem
from agenda.findings import Location, Severity
from agenda.planner import Plan
from agenda.zones import minutes_between

CODE = "end-before-start"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    forum = plan.forum
    where = Location(("forum", "end"))
    if isinstance(forum.end, datetime):  # the end's date was written: only an end at or before the start is wrong
        if minutes_between(plan.window_start, plan.window_end) <= 0:
            yield where, {"what": "dated", "start": plan.window_start, "end": plan.window_end, "zone": plan.zone}
    elif forum.end is not None and forum.end <= forum.start:
        yield where, {"what": "clock", "start": plan.window_start, "end": plan.window_end, "zone": plan.zone}
