"""Idle minutes between two segments are usually a mistake in an `at`."""

from agenda.checks.plan_reading import hm, name, pin_path, sequence_pairs
from agenda.zones import minutes_between

CODE = "gap"
SEVERITY = "warning"


def check(plan):
    for before, seg in sequence_pairs(plan):
        if seg.start > before.end:
            yield pin_path(seg), (f"{minutes_between(before.end, seg.start)} idle minutes between "
                                  f"{name(plan, before)} (ends {hm(before.end)}) and {name(plan, seg)} "
                                  f"(starts {hm(seg.start)})")
