"""Every person id must be in `people`.

A did-you-mean names another person, so it is offered only when the ids are
nearly the same: at most a third of the written id's letters apart
(`anne` → `ann`). `lee-gaeho` is not a misspelt `lee-sangeun`, though a
ratio of shared letters says it is close; pointing at another person is
worse than saying how to add the one meant.
"""

import re
from collections.abc import Iterable, Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import all_roles
from agenda.core.findings import Location, Severity
from agenda.core.model import PEOPLE_KEY
from agenda.core.planner import Plan

CODE = "unknown-person"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    roster = plan.document.people
    by_name: dict[str, str] | None = None  # built for the first unknown id only: most files have none
    for role in all_roles(plan):
        if role.ref is not None and role.ref not in roster:
            if by_name is None:
                by_name = {person.name: key for key, person in roster.items()}
            if role.ref in by_name:  # a name written where its id goes: `speakers: [이상은]`
                yield Location(role.path), {"id": role.ref, "suggestion": by_name[role.ref], "named": "yes"}
                continue
            near = nearest_id(role.ref, roster)
            addable = "yes" if near is None and re.fullmatch(PEOPLE_KEY, role.ref) else None
            yield Location(role.path), {"id": role.ref, "suggestion": near, "addable": addable}


def nearest_id(written: str, ids: Iterable[str]) -> str | None:
    """The id nearest to `written` within a third of its length in edits; the roster's first on a tie."""
    limit = len(written) // 3
    best: tuple[int, str] | None = None
    for candidate in ids:
        if abs(len(candidate) - len(written)) > limit:
            continue
        distance = edit_distance(written, candidate)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best else None


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: letters inserted, deleted or replaced to make `a` into `b`."""
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other)))
        previous = current
    return previous[-1]
