"""What changed between two versions of a programme, segment by segment.

Segments are matched by id (explicit, or kind and count), the same key
that keeps calendar UIDs stable, so "moved" here means "moved in every
subscriber's calendar" too. Titles are compared as the files give them:
a segment without a title is the same segment in a Korean and an English
file, not a rename. Values stay typed (instants, minutes, names); the
renderers of changes put them into words.
"""

from dataclasses import dataclass, field
from datetime import datetime

from agenda.core.planner import Plan, TimedSegment

Span = tuple[datetime | None, datetime]
"""A start and end as instants on their own file's clock; no start for a registration that gives only `until`."""

Value = Span | int | str | None
"""What a change holds before and after: a span (moved, added, ...), minutes (resized),
a title (renamed, None being the kind's default), or names (people)."""


@dataclass(frozen=True)
class Change:
    change: str  # moved, resized, added, removed, renamed, room, people, cancelled, restored, window, timezone
    segment: str | None  # the segment's id; None for the forum's window
    kind: str | None  # the segment's kind, which names it when it has no title; None for the window
    title: str | None  # the file's title of the segment (None: the kind's default), or the forum's
    before: Value = None
    after: Value = None
    detail: dict[str, list[str]] = field(default_factory=dict)


def _span(plan: Plan, seg: TimedSegment) -> Span:
    """The segment's instants on its own file's clock, so a change of zone shows each side as written."""
    return (plan.local(seg.start), plan.local(seg.end))


def _names(seg: TimedSegment) -> list[str]:
    """Everyone in the segment or its items, once each, in order."""
    names = [role.person.name for role in seg.people]
    names += [role.person.name for item in seg.items for role in item.people]
    return list(dict.fromkeys(names))


def compare(before: Plan, after: Plan) -> list[Change]:
    changes: list[Change] = []
    if before.zone.key != after.zone.key:
        changes.append(Change("timezone", None, None, after.forum.title, before.zone.key, after.zone.key))
    old_window, new_window = ((plan.local(plan.window_start), plan.local(plan.window_end)) for plan in (before, after))
    if [_timestamp(t) for t in old_window] != [_timestamp(t) for t in new_window]:
        changes.append(Change("window", None, None, after.forum.title, old_window, new_window))
    old = {seg.id: seg for seg in before.all_segments}
    new = {seg.id: seg for seg in after.all_segments}
    for seg in after.all_segments:
        changes += _segment_changes(before, after, old.get(seg.id), seg)
    for seg in before.all_segments:
        if seg.id not in new:
            changes.append(Change("removed", seg.id, seg.kind, seg.title, _span(before, seg), None))
    return changes


def _segment_changes(before: Plan, after: Plan, was: TimedSegment | None, seg: TimedSegment) -> list[Change]:
    def change(name: str, old: Value, new: Value, **detail: list[str]) -> Change:
        return Change(name, seg.id, seg.kind, seg.title, old, new, dict(detail))

    if was is None:
        return [change("added", None, _span(after, seg))]
    differences = [
        ("renamed", was.title != seg.title, was.title, seg.title),
        ("cancelled" if seg.cancelled else "restored", was.cancelled != seg.cancelled,
         _span(before, was), _span(after, seg)),
        ("moved", _timestamp(was.start) != _timestamp(seg.start), _span(before, was), _span(after, seg)),
        ("resized", was.minutes != seg.minutes, was.minutes, seg.minutes),
    ]
    changes = [change(name, old, new) for name, differs, old, new in differences if differs]
    if _room(before, was) != _room(after, seg):
        changes.append(change("room", _room(before, was), _room(after, seg)))
    gone = [n for n in _names(was) if n not in _names(seg)]
    came = [n for n in _names(seg) if n not in _names(was)]
    if gone or came:
        changes.append(change("people", ", ".join(gone) or None, ", ".join(came) or None, removed=gone, added=came))
    return changes


def _room(plan: Plan, seg: TimedSegment) -> str | None:
    """The room's name: a segment moved to another room has moved for everyone in it."""
    room = plan.rooms.get(seg.room or "")
    return room.name if room is not None else seg.room


def _timestamp(moment: datetime | None) -> float | None:
    """Compare instants, not wall clocks: two times in a repeated hour differ only in `fold`."""
    return None if moment is None else moment.timestamp()
