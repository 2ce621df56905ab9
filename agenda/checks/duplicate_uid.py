"""Two events of one export may not share a UID: a calendar keeps one of them and drops the other.

This is a check across the files of one export, not of one file: the same
`forum.id` in two files of a series (a copied file), or ids whose dots line
up (forum `a.b` with segment `c`, forum `a` with segment `b.c`). Two events
of one file that collide are `duplicate-id`'s, which names the segment.
"""

from collections.abc import Sequence

from agenda.core.findings import Finding, Location, Severity
from agenda.core.planner import Plan

CODE = "duplicate-uid"
SEVERITY = Severity.ERROR


def check_export(exported: Sequence[tuple[str, Plan]], segments: bool) -> list[Finding]:
    """A finding for each event whose UID an event of an earlier file of the export already has.

    `exported` is (file name, plan) in the export's order; `segments` says
    whether the calendar holds an event per segment.
    """
    from agenda.core.uids import event_keys  # here: `validate` registers this check but never runs it

    first: dict[str, tuple[int, str, tuple[str | int, ...]]] = {}  # uid -> (position, file, what gives it)
    findings = []
    for position, (file, plan) in enumerate(exported):
        waived = CODE in plan.document.rules.ignore
        for key in event_keys(plan, segments):
            seen = first.setdefault(key.uid, (position, file, key.path))
            if seen[0] != position and not waived:
                findings.append(Finding(CODE, SEVERITY, args={
                    "uid": key.uid, "path": key.path, "first": seen[2], "first_file": seen[1]},
                    location=Location(path=key.path, file=file)))
    return findings
