"""A wall time skipped by a daylight-saving jump is never silently shifted."""

from agenda.zones import WallTime, wall_time_kind, zone

CODE = "nonexistent-time"
SEVERITY = "error"


def check(plan):
    tz = zone(plan.forum.timezone)
    for local in plan.local_times:
        if wall_time_kind(local.day, local.clock, tz) is WallTime.NONEXISTENT:
            yield local.path, (f"{local.clock:%H:%M} on {local.day} does not exist in {plan.forum.timezone} "
                               f"(clocks jump forward); pick another time")
