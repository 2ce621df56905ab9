"""Durations must be positive."""

from agenda.checks.plan_reading import name

CODE = "zero-duration"
SEVERITY = "error"


def check(plan):
    forum = plan.document.forum
    if forum.duration is not None and forum.duration <= 0:
        yield ("forum", "duration"), f"the window's duration is {forum.duration} minutes; it must be positive"
    elif plan.window_minutes <= 0:
        yield ("forum", "end"), f"the window is {plan.window_minutes} minutes long; it must be positive"
    for seg in plan.segments:
        s = seg.segment
        if isinstance(s.duration, int) and s.duration <= 0:
            yield seg.path + ("duration",), f"{name(plan, seg)} has a duration of {s.duration} minutes"
        elif s.each is not None and s.each <= 0:
            yield seg.path + ("each",), f"{name(plan, seg)} gives each speaker {s.each} minutes"
        elif s.until is not None and seg.minutes is not None and seg.minutes <= 0:
            yield seg.path + ("until",), f"{name(plan, seg)} ends at its start or before it ({seg.minutes} minutes)"
        for item in seg.items:
            if item.item.duration is not None and item.item.duration <= 0:
                yield seg.path + ("items", item.index, "duration"), (
                    f"{item.item.title} in {name(plan, seg)} has a duration of {item.item.duration} minutes")
