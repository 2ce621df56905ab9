"""Idle minutes between two segments are usually a mistake in an `at`.

A published programme may pause on purpose; `gap_before` on the segment
after the pause says how many idle minutes are intended, so only the
minutes beyond it are reported and `gap` stays on for the rest of the file.
"""

from collections.abc import Iterator

from agenda.checks.plan_reading import hm, pin_path, sequence_pairs
from agenda.findings import Path
from agenda.planner import Plan
from agenda.zones import minutes_between

CODE = "gap"
SEVERITY = "warning"


def check(plan: Plan) -> Iterator[tuple[Path, str]]:
    for before, seg in sequence_pairs(plan):
        idle, intended = minutes_between(before.end, seg.start), seg.segment.gap_before
        if idle > max(0, intended or 0):
            allowed = f"; gap_before allows {intended}" if intended else ""
            yield pin_path(seg), (f"{idle} idle minutes between "
                                  f"{before.title} (ends {hm(before.end)}) and {seg.title} "
                                  f"(starts {hm(seg.start)}){allowed}")
