"""국민의례 opens its segment: the protocol guide (의전편람) puts it before any other part of a ceremony.

An item is the national ceremony by its title: it contains 국민의례 (spaces
aside, so 국민 의례 too), or "national ceremony" in any case, as an English
programme of a Korean forum names it. Only the MC's opening declaration (개회
선언, 개식) may come before it: every Korean order of ceremony declares the
opening and then holds 국민의례. A cancelled segment is not held, so its
order matters to nobody. A warning: the organizer may have a reason.
"""

import re
from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import named
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan

CODE = "ceremony-order"
SEVERITY = Severity.WARNING

_CEREMONY = re.compile(r"국민\s*의례|national\s+ceremony", re.IGNORECASE)
_DECLARATION = re.compile(r"\s*(?:개회\s*선언|개식(?:\s*선언)?|opening\s+declaration)\s*", re.IGNORECASE)


def is_ceremony(title: str) -> bool:
    return _CEREMONY.search(title) is not None


def check(plan: Plan) -> Iterator[Problem]:
    for seg in plan.segments:
        items = seg.segment.items
        if len(items) < 2 or seg.cancelled:
            continue  # the ceremony as a segment's only or first item is where it belongs
        for n, item in enumerate(items[1:], start=1):
            if is_ceremony(item.title):
                before = [other.title for other in items[:n] if not _DECLARATION.fullmatch(other.title)]
                if before:
                    yield Location(seg.path + ("items", n)), {
                        "title": named(seg), "item": item.title, "position": n + 1, "first": before[0]}
