"""A segment may not start before the one before it has ended."""

from agenda.checks.plan_reading import hm, name, pin_path, sequence_pairs
from agenda.zones import minutes_between

CODE = "overlap"
SEVERITY = "error"


def check(plan):
    for before, seg in sequence_pairs(plan):
        if seg.start < before.end:
            yield pin_path(seg), (f"{name(plan, seg)} starts at {hm(seg.start)}, "
                                  f"{minutes_between(seg.start, before.end)} minutes before "
                                  f"{name(plan, before)} ends at {hm(before.end)}")
