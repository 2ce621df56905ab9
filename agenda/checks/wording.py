"""Small pieces the checks share: how times read, which segments follow which."""


def hm(moment) -> str:
    return f"{moment:%H:%M}"


def sequence_pairs(plan):
    """(previous, segment) for each segment with a start, previous being the last one before it."""
    before = None
    for seg in plan.segments:
        if seg.start is not None and before is not None:
            yield before, seg
        before = seg


def pin_path(seg):
    """Point at the `at` that put a segment where it is, else at the segment."""
    return seg.path + ("at",) if seg.segment.at else seg.path


def all_roles(plan):
    yield from plan.hosts
    for seg in plan.segments:
        yield from seg.people
        for item in seg.items:
            yield from item.people
