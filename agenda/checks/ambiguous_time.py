"""A wall time that happens twice (clocks go back) is read as the first one."""

from agenda.checks.plan_reading import wall_times
from agenda.zones import WallTime

CODE = "ambiguous-time"
SEVERITY = "warning"


def check(plan):
    for local in wall_times(plan, WallTime.AMBIGUOUS):
        yield local.path, (f"{local.clock:%H:%M} on {local.day} happens twice in {plan.forum.timezone} "
                           f"(clocks go back); agenda takes the first")
