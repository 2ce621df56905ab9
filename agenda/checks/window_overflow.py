"""The program must end by the time the window closes."""

from agenda.checks.plan_reading import hm
from agenda.zones import minutes_between

CODE = "window-overflow"
SEVERITY = "error"


def check(plan):
    for seg in plan.segments:
        if seg.end > plan.window_end:
            yield seg.path, (f"{seg.title} ends at {hm(plan, seg.end)}, {minutes_between(plan.window_end, seg.end)} "
                             f"minutes after the window closes at {hm(plan, plan.window_end)}; "
                             f"shorten the program or move forum.end")
