"""A wall time that happens twice (clocks go back) is read as the first one."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import wall_times
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan
from agenda.core.zones import WallTime

CODE = "ambiguous-time"
SEVERITY = Severity.WARNING


def check(plan: Plan) -> Iterator[Problem]:
    for local in wall_times(plan, WallTime.AMBIGUOUS):
        yield Location(local.path), {"day": local.day, "clock": local.clock, "zone_name": plan.zone.key}
