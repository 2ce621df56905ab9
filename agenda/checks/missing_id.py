"""Without forum.id, calendar UIDs follow the file name and change when it does."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan

CODE = "missing-id"
SEVERITY = Severity.WARNING


def check(plan: Plan) -> Iterator[Problem]:
    if plan.forum.id is None:
        yield Location(("forum",), key=True), {"id": plan.forum_id}
