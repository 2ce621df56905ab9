"""A track that ends before its block leaves its room idle: say so, unless the file allows it."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import named
from agenda.checks.track_reading import track_name
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan
from agenda.core.zones import minutes_between

CODE = "track-slack"
SEVERITY = Severity.WARNING


def check(plan: Plan) -> Iterator[Problem]:
    allowed = plan.document.rules.allow_slack
    for track in plan.tracks:
        idle = minutes_between(track.program_end, track.end)
        if track.segments and idle > allowed:
            yield Location(track.path), {
                "track": track_name(plan, track), "ends": track.program_end, "block": named(track.block),
                "closes": track.end, "minutes": idle, "allowed": allowed, "zone": plan.zone}
