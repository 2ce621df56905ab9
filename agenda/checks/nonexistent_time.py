"""A wall time skipped by a daylight-saving jump is never silently shifted."""

from agenda.checks.plan_reading import wall_times
from agenda.zones import WallTime

CODE = "nonexistent-time"
SEVERITY = "error"


def check(plan):
    for local in wall_times(plan, WallTime.NONEXISTENT):
        yield local.path, (f"{local.clock:%H:%M} on {local.day} does not exist in {plan.forum.timezone} "
                           f"(clocks jump forward); pick another time")
