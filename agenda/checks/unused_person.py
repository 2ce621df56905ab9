"""A roster entry nobody references is usually a forgotten speaker."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import all_roles
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan

CODE = "unused-person"
SEVERITY = Severity.WARNING


def check(plan: Plan) -> Iterator[Problem]:
    used = {role.ref for role in all_roles(plan)}
    for person_id, person in plan.document.people.items():
        if person_id not in used:
            yield Location(("people", person_id), key=True), {"id": person_id, "name": person.name}
