"""A program that ends early leaves the room idle: say so, unless the file allows it."""

from agenda.checks.plan_reading import hm, name
from agenda.zones import minutes_between

CODE = "slack"
SEVERITY = "warning"


def check(plan):
    if not plan.segments:
        yield ("program",), f"the program is empty; the window has {plan.window_minutes} minutes"
        return
    slack = minutes_between(plan.program_end, plan.window_end)
    allowed = plan.document.rules.allow_slack
    if slack > allowed:
        last = max(plan.segments, key=lambda s: s.end)
        tolerance = f" (rules.allow_slack is {allowed})" if allowed else ""
        yield last.path, (f"the program ends at {hm(plan.program_end)} with {name(plan, last)}, {slack} minutes "
                          f"before the window closes at {hm(plan.window_end)}{tolerance}; "
                          f"lengthen a segment or make one flexible")
