"""Every person id must be in `people`."""

import difflib

from agenda.checks.plan_reading import all_roles

CODE = "unknown-person"
SEVERITY = "error"


def check(plan):
    roster = plan.document.people
    for role in all_roles(plan):
        if role.ref is not None and role.ref not in roster:
            near = difflib.get_close_matches(role.ref, list(roster), n=1, cutoff=0.6)
            hint = f"did you mean {near[0]!r}?" if near else "add it to people, or write {name: ...} inline"
            yield role.path, f"{role.ref!r} is not in people; {hint}"
