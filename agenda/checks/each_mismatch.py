"""`each` x speakers and `duration` must agree when both are given."""

from agenda.checks.plan_reading import name

CODE = "each-mismatch"
SEVERITY = "error"


def check(plan):
    for seg in plan.segments:
        s = seg.segment
        if s.each is not None and isinstance(s.duration, int):
            speakers = len(s.all_speakers)
            if s.each * speakers != s.duration:
                yield seg.path + ("duration",), (
                    f"{name(plan, seg)}: each {s.each} minutes x {speakers} speakers is {s.each * speakers} "
                    f"minutes, but duration is {s.duration}; fix one or drop duration")
