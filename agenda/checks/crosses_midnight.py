"""A window or program that runs into the next day is worth a second look."""

from collections.abc import Iterator

from agenda.checks.plan_reading import hm
from agenda.findings import Path
from agenda.planner import Plan

CODE = "crosses-midnight"
SEVERITY = "warning"


def check(plan: Plan) -> Iterator[tuple[Path, str]]:
    start, end, program_end = plan.local(plan.window_start), plan.local(plan.window_end), plan.local(plan.program_end)
    day = start.date()
    if end.date() > day and end.time() != end.time().min:
        yield ("forum", "end" if plan.forum.end else "duration"), (
            f"the window runs past midnight, from {hm(plan, plan.window_start)} on {day} "
            f"to {hm(plan, plan.window_end)} on {end.date()}")
    elif program_end.date() > day and program_end.time() != program_end.time().min:
        last = max(plan.segments, key=lambda s: s.end)
        yield last.path, (f"{last.title} runs past midnight, to {hm(plan, last.end)} "
                          f"on {plan.local(last.end).date()}")
