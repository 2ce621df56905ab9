"""A window whose `end` is at or before its `start` is a typo far more often than a night-long forum."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import end_before_start
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan

CODE = "end-before-start"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    what = end_before_start(plan)
    if what is not None:
        yield Location(("forum", "end")), {"what": what, "start": plan.window_start, "end": plan.window_end,
                                           "zone": plan.zone}
    for day in plan.days:  # a day heading's own end
        heading = plan.document.program[day.heading] if day.heading is not None else None
        if heading is not None and heading.end is not None and day.end_typo is not None:
            yield Location(day.path + ("end",)), {"what": day.end_typo, "start": day.start, "end": day.end,
                                                  "zone": plan.zone}
