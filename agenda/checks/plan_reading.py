"""How the checks read a plan: times as HH:MM, consecutive segments, everyone named, wall times by kind."""

from agenda.kinds import kind_label
from agenda.planner import Plan, TimedSegment
from agenda.zones import wall_time_kind, zone


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


def wall_times(plan, kind):
    """The wall times the file names that are of `kind` (skipped or repeated) in the forum's zone."""
    tz = zone(plan.forum.timezone)
    for local in plan.local_times:
        if wall_time_kind(local.day, local.clock, tz) is kind:
            yield local


def name(plan: Plan, seg: TimedSegment) -> str:
    """A segment as a finding names it: its title, else its kind's label in the file's language."""
    return seg.title or kind_label(seg.kind, plan.language)
