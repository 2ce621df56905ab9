"""Segment ids must be unique: calendar UIDs are built from them."""

from agenda.findings import format_path

CODE = "duplicate-id"
SEVERITY = "error"


def check(plan):
    first: dict[str, tuple] = {}
    for seg in plan.segments:
        if seg.id in first:
            path = seg.path + ("id",) if seg.segment.id else seg.path
            yield path, (f"segment id {seg.id!r} is already used by {format_path(first[seg.id])}; "
                         f"ids must be unique")
        else:
            first[seg.id] = seg.path
