"""Only registration may happen before the window opens."""

from agenda.checks.plan_reading import hm, name
from agenda.zones import minutes_between

CODE = "before-window"
SEVERITY = "error"


def check(plan):
    for seg in plan.segments:
        if seg.kind != "registration" and seg.start is not None and seg.start < plan.window_start:
            early = minutes_between(seg.start, plan.window_start)
            path = seg.path + ("at",) if seg.segment.at else seg.path
            yield path, (f"{name(plan, seg)} starts at {hm(seg.start)}, {early} minutes before the window "
                         f"opens at {hm(plan.window_start)}")
