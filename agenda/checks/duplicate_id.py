"""Segment ids must be unique: calendar UIDs are built from them."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.core.findings import Location, Path, Severity
from agenda.core.planner import Plan

CODE = "duplicate-id"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    first: dict[str, Path] = {}
    for seg in plan.segments:
        if seg.id in first:
            path = seg.path + ("id",) if seg.segment.id else seg.path
            yield Location(path), {"id": seg.id, "first": first[seg.id]}
        else:
            first[seg.id] = seg.path
