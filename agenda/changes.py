"""What changed between two versions of a programme, segment by segment.

Segments are matched by id (explicit, or kind and count), the same key
that keeps calendar UIDs stable, so "moved" here means "moved in every
subscriber's calendar" too.
"""

from dataclasses import dataclass, field

from agenda.planner import Plan, TimedSegment


@dataclass(frozen=True)
class Change:
    change: str  # moved, resized, added, removed, renamed, people, cancelled, restored, window
    segment: str | None
    title: str
    before: str | None = None
    after: str | None = None
    detail: dict = field(default_factory=dict)


def _span(plan: Plan, seg: TimedSegment) -> str:
    start = f"{plan.local(seg.start):%H:%M}" if seg.start else ""
    return f"{start}–{plan.local(seg.end):%H:%M}"


def _names(seg: TimedSegment) -> list[str]:
    """Everyone in the segment or its items, once each, in order."""
    names = [role.person.name for role in seg.people]
    names += [role.person.name for item in seg.items for role in item.people]
    return list(dict.fromkeys(names))


def compare(before: Plan, after: Plan) -> list[Change]:
    changes: list[Change] = []
    if (before.window_start, before.window_end) != (after.window_start, after.window_end):
        changes.append(Change("window", None, after.forum.title,
                              f"{before.local(before.window_start):%Y-%m-%d %H:%M}–{before.local(before.window_end):%H:%M}",
                              f"{after.local(after.window_start):%Y-%m-%d %H:%M}–{after.local(after.window_end):%H:%M}"))
    old = {seg.id: seg for seg in before.segments}
    new = {seg.id: seg for seg in after.segments}
    for seg in after.segments:
        was = old.get(seg.id)
        if was is None:
            changes.append(Change("added", seg.id, seg.title, None, _span(after, seg)))
            continue
        if was.title != seg.title:
            changes.append(Change("renamed", seg.id, seg.title, was.title, seg.title))
        if was.cancelled != seg.cancelled:
            changes.append(Change("cancelled" if seg.cancelled else "restored", seg.id, seg.title,
                                  _span(before, was), _span(after, seg)))
        if was.start != seg.start:
            changes.append(Change("moved", seg.id, seg.title, _span(before, was), _span(after, seg)))
        if was.minutes != seg.minutes:
            changes.append(Change("resized", seg.id, seg.title, f"{was.minutes}", f"{seg.minutes}"))
        gone = [n for n in _names(was) if n not in _names(seg)]
        came = [n for n in _names(seg) if n not in _names(was)]
        if gone or came:
            changes.append(Change("people", seg.id, seg.title, ", ".join(gone) or None, ", ".join(came) or None,
                                  {"removed": gone, "added": came}))
    for seg in before.segments:
        if seg.id not in new:
            changes.append(Change("removed", seg.id, seg.title, _span(before, seg), None))
    return changes
