"""A wall time that happens twice (clocks go back) is read as the first one."""

from agenda.zones import WallTime, wall_time_kind, zone

CODE = "ambiguous-time"
SEVERITY = "warning"


def check(plan):
    tz = zone(plan.forum.timezone)
    for local in plan.local_times:
        if wall_time_kind(local.day, local.clock, tz) is WallTime.AMBIGUOUS:
            yield local.path, (f"{local.clock:%H:%M} on {local.day} happens twice in {plan.forum.timezone} "
                               f"(clocks go back); agenda takes the first")
