"""A window whose `end` is at or before its `start` is a typo far more often than a night-long forum."""

from datetime import datetime

from agenda.checks.plan_reading import hm
from agenda.zones import minutes_between

CODE = "end-before-start"
SEVERITY = "error"


def check(plan):
    forum = plan.forum
    if isinstance(forum.end, datetime):
        if minutes_between(plan.window_start, plan.window_end) <= 0:
            yield ("forum", "end"), (f"the window ends at {forum.end:%Y-%m-%d %H:%M}, at or before its start "
                                     f"at {forum.date} {hm(plan.window_start)}")
    elif forum.end is not None and forum.end <= forum.start:
        yield ("forum", "end"), (
            f"the window ends at {forum.end:%H:%M}, at or before its start at {forum.start:%H:%M}; "
            f"if it really runs past midnight, give duration or the end with its date "
            f"(end: {plan.window_end:%Y-%m-%d %H:%M})")
