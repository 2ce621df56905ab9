"""Kinds that `rules.require` names must appear in the program."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan

CODE = "missing-kind"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    if not plan.document.rules.require:
        return  # most files require nothing
    present = {seg.kind for seg in plan.program} | {seg.kind for seg in plan.all_segments}
    for n, kind in enumerate(plan.document.rules.require):
        if kind.value not in present:
            yield Location(("rules", "require", n)), {"kind": kind.value}
