"""iCalendar (RFC 5545) that every calendar imports the same way.

Times are written in the forum's own zone with TZID, and the VTIMEZONE comes
from the zone database through icalendar, so Google, Apple, Outlook and
Thunderbird agree. UIDs come from forum and segment ids, never from list
positions or randomness, so a re-import updates instead of duplicating.
"""

import os
import re
import uuid
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from icalendar import Alarm, Calendar, Event, vDuration

from agenda.durations import parse_minutes
from agenda.errors import UsageError
from agenda.i18n import labels_for
from agenda.parts import Part, PersonParts
from agenda.planner import Plan, TimedSegment
from agenda.render.notice_words import notice_words
from agenda.render.plan_text import plan_text, segment_text

PRODID = "-//agenda//forum programme//EN"
UID_DOMAIN = "agenda.forum"
REFRESH = timedelta(hours=12)
_CALENDAR_NAMESPACE = uuid.UUID("6f0c2a4e-4a4b-5b7e-9a53-6167656e6461")


def forum_uid(plan: Plan) -> str:
    return f"{plan.forum_id}@{UID_DOMAIN}"


def segment_uid(plan: Plan, seg: TimedSegment) -> str:
    return f"{plan.forum_id}.{seg.id}@{UID_DOMAIN}"


def calendar_name(plans: list[Plan]) -> str:
    series = {p.forum.series.title for p in plans if p.forum.series}
    if len(series) == 1:
        return series.pop()
    return plans[0].forum.title if len(plans) == 1 else " · ".join(p.forum.title for p in plans)


def stamp(plan: Plan) -> datetime:
    """DTSTAMP: forum.updated, else SOURCE_DATE_EPOCH (reproducible builds), else now; always UTC."""
    updated = plan.forum.updated
    if updated is not None:
        if updated.tzinfo is None:
            updated = updated.replace(tzinfo=plan.window_start.tzinfo)
        return updated.astimezone(timezone.utc).replace(microsecond=0)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), timezone.utc)
        except ValueError:
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from None
    return datetime.now(timezone.utc).replace(microsecond=0)


def alarm_minutes(text: str) -> int:
    match = re.fullmatch(r"\s*(\d+)\s*d(?:ays?)?\s*", text, re.IGNORECASE)
    try:
        minutes = int(match.group(1)) * 1440 if match else parse_minutes(text)
    except ValueError as error:
        raise UsageError(f"--alarm {text!r}: {error}; days work too, e.g. 1d") from None
    if minutes <= 0:
        raise UsageError(f"--alarm {text!r}: give a positive time before the start, e.g. 1d or 30m")
    return minutes


def calendar_time(moment: datetime) -> datetime:
    """The moment as written with TZID, except the second pass of a repeated hour, written in UTC.

    RFC 5545 reads a local time that occurs twice as the first occurrence, so
    01:30 on the night clocks go back cannot name the second 01:30 with TZID.
    """
    if moment.fold and moment.utcoffset() != moment.replace(fold=0).utcoffset():
        return moment.astimezone(timezone.utc)
    return moment


def _needs_utc(plan: Plan) -> bool:
    moments = [plan.window_start, plan.window_end]
    for seg in plan.segments:
        moments += [m for m in (seg.start, seg.end) if m is not None]
    return any(calendar_time(m) is not m for m in moments)


def _event(uid: str, plan: Plan, start: datetime, end: datetime, summary: str, when: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", when)
    event.add("last-modified", when)
    event.add("sequence", plan.forum.revision)
    event.add("summary", summary)
    event.add("dtstart", calendar_time(start))
    event.add("dtend", calendar_time(end))
    if plan.forum.venue:
        event.add("location", plan.forum.venue)
    if plan.forum.url:
        event.add("url", plan.forum.url)
    return event


def _forum_event(plan: Plan, when: datetime, alarm: int | None) -> Event:
    event = _event(forum_uid(plan), plan, plan.window_start, plan.window_end, plan.forum.title, when)
    event.add("description", plan_text(plan))
    event.add("status", "CONFIRMED")
    if alarm:
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", plan.forum.title)
        reminder.add("trigger", timedelta(minutes=-alarm))
        event.add_component(reminder)
    return event


def segments_without_start(plan: Plan) -> list[TimedSegment]:
    """Segments a calendar cannot hold: a registration with only `until` has no start."""
    return [seg for seg in plan.segments if seg.start is None]


def _segment_event(plan: Plan, seg: TimedSegment, when: datetime) -> Event | None:
    if seg.start is None or seg.end <= seg.start:
        return None  # no start (segments_without_start), or no length: nothing to put in a calendar
    event = _event(segment_uid(plan, seg), plan, seg.start, seg.end, f"{seg.title} · {plan.forum.title}", when)
    description = segment_text(seg, labels_for(plan.language))
    if description:
        event.add("description", "\n".join(description))
    event.add("status", "CANCELLED" if seg.cancelled else "CONFIRMED")
    event.add("related-to", forum_uid(plan))
    return event


def calendar(plans: list[Plan], segments: bool = False, alarm: str | None = None) -> Calendar:
    minutes = alarm_minutes(alarm) if alarm else None
    cal = Calendar()
    name = calendar_name(plans)
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("uid", str(uuid.uuid5(_CALENDAR_NAMESPACE, "|".join(sorted(p.forum_id for p in plans)))))
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    if not any(_needs_utc(p) for p in plans):
        # A hint for Google; readers that honour it turn UTC times into local ones and lose the
        # repeated hour's second pass, so it is left out when calendar_time had to use UTC.
        cal.add("x-wr-timezone", plans[0].forum.timezone)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH).to_ical().decode())
    for plan in sorted(plans, key=lambda p: (p.window_start, p.forum_id)):
        when = stamp(plan)
        cal.add_component(_forum_event(plan, when, minutes))
        if segments:
            for seg in plan.segments:
                event = _segment_event(plan, seg, when)
                if event is not None:
                    cal.add_component(event)
    first = min(p.window_start for p in plans).date()
    last = max(p.window_end for p in plans).date()
    cal.add_missing_timezones(first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 2, 1, 1))
    return cal


def calendar_bytes(plans: list[Plan], segments: bool = False, alarm: str | None = None) -> bytes:
    return calendar(plans, segments, alarm).to_ical()


# Per-person calendars: the forum's event and one event per part, with UIDs of their own.


def person_forum_uid(plan: Plan, person_key: str) -> str:
    return f"{plan.forum_id}+{person_key}@{UID_DOMAIN}"


def part_uid(plan: Plan, part: Part, person_key: str) -> str:
    """`<forum.id>.<segment id>[.<item id>]+<person id>@agenda.forum`; the forum's own event for a forum host."""
    if part.segment_id is None:
        return person_forum_uid(plan, person_key)
    item = f".{part.item_id}" if part.item_id is not None else ""
    return f"{plan.forum_id}.{part.segment_id}{item}+{person_key}@{UID_DOMAIN}"


def _mark_forum(event: Event, plan: Plan) -> Event:
    if "X-AGENDA-FORUM" not in event:
        event.add("x-agenda-forum", plan.forum_id)
    return event


def _part_description(plan: Plan, part: Part) -> str:
    words, labels = notice_words(plan.language), labels_for(plan.language)
    lines = [f"{words.role}: {words.roles.get(part.role, part.role)}"]
    if part.minutes is not None:
        lines.append(f"{words.time}: {labels.time_range(part.start, part.end)} ({labels.minutes(part.minutes)})")
    if part.before:
        lines.append(f"{words.before}: {', '.join(part.before)}")
    if part.after:
        lines.append(f"{words.after}: {', '.join(part.after)}")
    return "\n".join(lines)


def _part_event(plan: Plan, part: Part, person_key: str, when: datetime, cancelled: bool) -> Event | None:
    if part.start is None or part.end is None or part.end <= part.start:
        return None
    summary = part.title if part.segment_id is None else f"{part.title} · {plan.forum.title}"
    event = _event(part_uid(plan, part, person_key), plan, part.start, part.end, summary, when)
    if part.segment_id is None:
        event.add("description", plan_text(plan))
    else:
        event.add("description", _part_description(plan, part))
        event.add("related-to", person_forum_uid(plan, person_key))
    event.add("status", "CANCELLED" if cancelled or part.cancelled else "CONFIRMED")
    return _mark_forum(event, plan)


def person_calendar(plan: Plan, person: PersonParts, when: datetime | None = None,
                    withdrawn: Sequence[Part] = ()) -> Calendar:
    """One person's calendar: the forum, their parts, and `withdrawn` parts (from an older plan) as cancelled."""
    when = when or stamp(plan)
    cal = Calendar()
    name = f"{plan.forum.title} · {person.person.name}"
    for key, value in (("prodid", PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"),
                       ("method", "PUBLISH"), ("name", name), ("x-wr-calname", name)):
        cal.add(key, value)
    own = [part for part in person.parts if part.segment_id is not None]
    taking_part = any(not part.cancelled for part in person.parts)
    forum = _event(person_forum_uid(plan, person.key), plan, plan.window_start, plan.window_end,
                   plan.forum.title, when)
    forum.add("description", plan_text(plan))
    forum.add("status", "CONFIRMED" if taking_part else "CANCELLED")
    cal.add_component(_mark_forum(forum, plan))
    events = [_part_event(plan, part, person.key, when, False) for part in own]
    events += [_part_event(plan, part, person.key, when, True) for part in withdrawn if part.segment_id is not None]
    for event in sorted(filter(None, events), key=lambda e: (e.decoded("dtstart").timestamp(), str(e["uid"]))):
        cal.add_component(event)
    day = plan.window_start.date()
    cal.add_missing_timezones(first_date=date(day.year - 1, 1, 1), last_date=date(day.year + 2, 1, 1))
    return cal
