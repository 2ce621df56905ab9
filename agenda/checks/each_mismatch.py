"""`each` x speakers and `duration` must agree when both are given."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.checks.plan_reading import named
from agenda.core.findings import Location, Severity
from agenda.core.planner import Plan

CODE = "each-mismatch"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    for seg in plan.all_segments:
        s = seg.segment
        if s.each is not None and isinstance(s.duration, int):
            speakers = len(s.all_speakers)
            if s.each * speakers != s.duration:
                yield Location(seg.path + ("duration",)), {
                    "title": named(seg), "each": s.each, "speakers": speakers, "duration": s.duration}
