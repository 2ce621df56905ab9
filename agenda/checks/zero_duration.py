"""Durations must be positive."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import end_before_start, named
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan

CODE = "zero-duration"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    forum = plan.document.forum
    if forum.duration is not None and forum.duration <= 0:
        yield Location(("forum", "duration")), {"what": "window-duration", "minutes": forum.duration}
    elif plan.window_minutes <= 0 and not end_before_start(plan):  # that one says it better
        yield Location(("forum", "end")), {"what": "window", "minutes": plan.window_minutes}
    for seg in plan.all_segments:
        s = seg.segment
        if isinstance(s.duration, int) and s.duration <= 0:
            yield Location(seg.path + ("duration",)), {"what": "duration", "title": named(seg), "minutes": s.duration}
        elif s.each is not None and s.each <= 0:
            yield Location(seg.path + ("each",)), {"what": "each", "title": named(seg), "minutes": s.each}
        elif s.until is not None and seg.minutes is not None and seg.minutes <= 0:
            yield Location(seg.path + ("until",)), {"what": "until", "title": named(seg), "minutes": seg.minutes}
        for item in seg.items:
            if item.item.duration is not None and item.item.duration <= 0:
                yield Location(seg.path + ("items", item.index, "duration")), {
                    "what": "item", "item": item.item.title, "title": named(seg), "minutes": item.item.duration}
