"""Calendar UIDs: which events an export holds, and the key each is found by.

UIDs come from the forum id and the segment id, never from positions or
randomness, so that a re-export updates the events a calendar already has.
This module is pure, so that the check for UIDs that collide across the
files of one export need not load the iCalendar writer.
"""

from dataclasses import dataclass

from agenda.core.findings import Path
from agenda.core.planner import Plan, TimedSegment

UID_DOMAIN = "agenda.forum"


def forum_uid(plan: Plan) -> str:
    return f"{plan.forum_id}@{UID_DOMAIN}"


def day_uid(plan: Plan, number: int) -> str:
    """The forum's event on day `number`: day 1 keeps the forum's UID, day N is `<forum.id>.day-N`."""
    return forum_uid(plan) if number == 1 else f"{plan.forum_id}.day-{number}@{UID_DOMAIN}"


def segment_uid(plan: Plan, seg: TimedSegment) -> str:
    return f"{plan.forum_id}.{seg.id}@{UID_DOMAIN}"


def is_calendar_event(seg: TimedSegment) -> bool:
    """A segment becomes an event when it has a start and a length (a calendar cannot hold less)."""
    return seg.start is not None and seg.end > seg.start


@dataclass(frozen=True)
class EventKey:
    uid: str
    path: Path  # the value in the file the UID is built from


def event_keys(plan: Plan, segments: bool) -> list[EventKey]:
    """The UID of every event a calendar of this plan holds: the forum's, and with `segments` each segment's."""
    keys = [EventKey(forum_uid(plan), ("forum", "id"))]
    if plan.has_days:
        keys += [EventKey(day_uid(plan, day.number), day.path) for day in plan.days[1:]]
    if segments:
        keys += [EventKey(segment_uid(plan, seg), seg.path + ("id",) if seg.segment.id else seg.path)
                 for seg in plan.all_segments if is_calendar_event(seg)]
    return keys
