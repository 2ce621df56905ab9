"""A segment may not start before the one before it has ended."""

from agenda.checks.plan_reading import hm, pin_path, sequence_pairs
from agenda.zones import minutes_between

CODE = "overlap"
SEVERITY = "error"


def check(plan):
    for before, seg in sequence_pairs(plan):
        if seg.start < before.end:
            yield pin_path(seg), (f"{seg.title} starts at {hm(plan, seg.start)}, "
                                  f"{minutes_between(seg.start, before.end)} minutes before "
                                  f"{before.title} ends at {hm(plan, before.end)}")
