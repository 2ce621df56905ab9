"""A zone name that is a fixed offset or an old alias (`EST`, `US/Eastern`) is a clock that may be wrong.

`EST` is UTC-5 all year, so a forum in `EST` in July is an hour off New
York's clocks; `US/Eastern` works, but only as an alias kept for old data.
"""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan
from agenda.core.zone_names import city_zone

CODE = "legacy-zone"
SEVERITY = Severity.WARNING


def check(plan: Plan) -> Iterator[Problem]:
    meant = city_zone(plan.zone.key)
    if meant is not None:
        yield Location(("forum", "timezone")), {"zone_name": plan.zone.key, "meant": meant}
