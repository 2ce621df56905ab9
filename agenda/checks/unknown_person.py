"""Every person id must be in `people`."""

import difflib
from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import all_roles
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan

CODE = "unknown-person"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    roster = plan.document.people
    by_name = {person.name: key for key, person in roster.items()}
    for role in all_roles(plan):
        if role.ref is not None and role.ref not in roster:
            if role.ref in by_name:  # a name written where its id goes: `speakers: [이상은]`
                yield Location(role.path), {"id": role.ref, "suggestion": by_name[role.ref], "named": "yes"}
                continue
            near = difflib.get_close_matches(role.ref, list(roster), n=1, cutoff=0.6)
            yield Location(role.path), {"id": role.ref, "suggestion": near[0] if near else None}
