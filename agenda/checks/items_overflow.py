"""Sub-items must fit inside their segment."""

from agenda.checks.plan_reading import name

CODE = "items-overflow"
SEVERITY = "error"


def check(plan):
    for seg in plan.segments:
        timed = [item.duration for item in seg.segment.items if item.duration is not None]
        if seg.minutes is not None and timed and sum(timed) > seg.minutes:
            yield seg.path + ("items", "@key"), (f"the items of {name(plan, seg)} add up to {sum(timed)} minutes, "
                                          f"{sum(timed) - seg.minutes} more than its {seg.minutes}")
