"""A window or program that runs into the next day is worth a second look."""

from agenda.checks.plan_reading import hm, name

CODE = "crosses-midnight"
SEVERITY = "warning"


def check(plan):
    day = plan.window_start.date()
    if plan.window_end.date() > day and plan.window_end.time() != plan.window_end.time().min:
        yield ("forum", "end" if plan.forum.end else "duration"), (
            f"the window runs past midnight, from {hm(plan.window_start)} on {day} "
            f"to {hm(plan.window_end)} on {plan.window_end.date()}")
    elif plan.program_end.date() > day and plan.program_end.time() != plan.program_end.time().min:
        last = max(plan.segments, key=lambda s: s.end)
        yield last.path, f"{name(plan, last)} runs past midnight, to {hm(last.end)} on {last.end.date()}"
