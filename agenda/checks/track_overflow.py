"""A track must end by the end of its parallel block: what follows the block starts then."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import named
from agenda.checks.track_reading import track_name
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan
from agenda.core.zones import minutes_between

CODE = "track-overflow"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    for track in plan.tracks:
        if track.segments and track.program_end > track.end:
            last = max(track.segments, key=lambda s: s.end)
            yield Location(last.path), {
                "track": track_name(plan, track), "title": named(last), "end": last.end,
                "block": named(track.block), "closes": track.end,
                "minutes": minutes_between(track.end, track.program_end), "zone": plan.zone}
