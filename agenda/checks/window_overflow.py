"""The program must end by the time the window closes."""

from agenda.checks.plan_reading import hm, name
from agenda.zones import minutes_between

CODE = "window-overflow"
SEVERITY = "error"


def check(plan):
    for seg in plan.segments:
        if seg.end > plan.window_end:
            yield seg.path, (f"{name(plan, seg)} ends at {hm(seg.end)}, {minutes_between(plan.window_end, seg.end)} "
                             f"minutes after the window closes at {hm(plan.window_end)}; "
                             f"shorten the program or move forum.end")
