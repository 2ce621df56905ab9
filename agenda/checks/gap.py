"""Idle minutes between two segments are usually a mistake in an `at`."""

from agenda.checks.plan_reading import hm, pin_path, sequence_pairs
from agenda.zones import minutes_between

CODE = "gap"
SEVERITY = "warning"


def check(plan):
    for before, seg in sequence_pairs(plan):
        if seg.start > before.end:
            yield pin_path(seg), (f"{minutes_between(before.end, seg.start)} idle minutes between "
                                  f"{before.title} (ends {hm(plan, before.end)}) and {seg.title} "
                                  f"(starts {hm(plan, seg.start)})")
