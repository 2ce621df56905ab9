"""A roster entry nobody references is usually a forgotten speaker."""

from agenda.checks.plan_reading import all_roles

CODE = "unused-person"
SEVERITY = "warning"


def check(plan):
    used = {role.ref for role in all_roles(plan)}
    for person_id, person in plan.document.people.items():
        if person_id not in used:
            yield ("people", person_id, "@key"), f"{person_id!r} ({person.name}) is in people but takes no part"
