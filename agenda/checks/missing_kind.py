"""Kinds that `rules.require` names must appear in the program."""

CODE = "missing-kind"
SEVERITY = "error"


def check(plan):
    present = {seg.kind for seg in plan.program}
    for n, kind in enumerate(plan.document.rules.require):
        if kind.value not in present:
            yield ("rules", "require", n), f"rules.require asks for a {kind.value} segment, and the program has none"
