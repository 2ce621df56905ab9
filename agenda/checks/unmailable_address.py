"""An `email` that SMTP cannot carry: its notice would go nowhere, so say so before the day it is needed.

The model takes any `name@host.tld`; this check holds addresses to what
notices can send (agenda.core.mail_addresses). A warning: the file is fine for
everything else, and `notices` drafts that person's notice without a `To:`.
"""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import all_roles
from agenda.core.findings import Location, Path, Severity
from agenda.core.model import Person
from agenda.core.planner import Plan

CODE = "unmailable-address"
SEVERITY = Severity.WARNING


def _everyone(plan: Plan) -> Iterator[tuple[Path, Person]]:
    """The roster, then each person written inline in the programme, where their `email` is."""
    for person_id, person in plan.document.people.items():
        yield ("people", person_id, "email"), person
    for role in all_roles(plan):
        if role.ref is None:
            yield role.path + ("email",), role.person


def check(plan: Plan) -> Iterator[Problem]:
    seen: set[Path] = set()
    for where, person in _everyone(plan):
        if person.email is None or where in seen:
            continue
        seen.add(where)
        from agenda.core.mail_addresses import AddressProblem, mail_address  # only for a file with addresses

        found = mail_address(person.email)
        if isinstance(found, AddressProblem):
            yield Location(where), {"name": person.name, "address": person.email, "why": found.value}
