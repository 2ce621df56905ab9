"""iCalendar (RFC 5545) that every calendar imports the same way.

Times are written in the forum's own zone with TZID, and the VTIMEZONE comes
from the zone database through icalendar, so Google, Apple, Outlook and
Thunderbird agree; a time inside a repeated hour is written in UTC, the one
form all of them read alike. UIDs come from forum and segment ids
(agenda/core/uids.py), never from list positions or randomness, so a re-import
updates instead of duplicating.
The calendar itself has no UID: vdirsyncer takes a calendar-level UID as
every event's key and keeps one event of all of them.

The exporter reads no environment and parses no options: the time that
stands for "now" and the reminder come in as values.
"""

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import cast

from icalendar import Alarm, Calendar, Component, Event, vDDDLists, vDuration

from agenda.messages.labels import labels_for
from agenda.core.planner import Plan, TimedSegment
from agenda.export.ical_text import ical_bytes, shared_value
from agenda.export.vtimezone import add_missing_timezones
from agenda.render.plan_text import plan_text, segment_text
from agenda.core.uids import day_uid, forum_uid, is_calendar_event, segment_uid

PRODID = "-//agenda//forum programme//EN"
REFRESH = timedelta(hours=12)


def calendar_name(plans: list[Plan]) -> str:
    series = {p.forum.series.title for p in plans if p.forum.series}
    if len(series) == 1:
        return series.pop()
    return plans[0].forum.title if len(plans) == 1 else " · ".join(p.forum.title for p in plans)


def stamp(plan: Plan, now: datetime) -> datetime:
    """DTSTAMP: forum.updated (a naive one in the forum's zone), else `now`; always UTC, whole seconds."""
    updated = plan.forum.updated
    if updated is not None:
        if updated.tzinfo is None:
            updated = updated.replace(tzinfo=plan.zone)
        return updated.astimezone(timezone.utc).replace(microsecond=0)
    return now.astimezone(timezone.utc).replace(microsecond=0)


def calendar_time(plan: Plan, moment: datetime) -> datetime:
    """The instant in the forum's zone (written with TZID), except inside a repeated hour: UTC.

    A wall time that occurs twice cannot be named with TZID so that every
    reader agrees: RFC 5545 takes the first pass, while ical.js (Thunderbird),
    khal and icalevents take the second. UTC is read the same by all of them,
    for the first pass and the second alike.
    """
    local = plan.local(moment)
    if local.utcoffset() != local.replace(fold=1 - local.fold).utcoffset():
        return moment.astimezone(timezone.utc)
    return local


def _needs_utc(plan: Plan) -> bool:
    moments = [plan.window_start, plan.window_end]
    for seg in plan.all_segments:
        moments += [m for m in (seg.start, seg.end) if m is not None]
    return any(calendar_time(plan, m).tzinfo is timezone.utc for m in moments)


def location(plan: Plan, room: str | None) -> str | None:
    """LOCATION: "room name, venue" for a segment with a room (its id's name), else the venue."""
    named = plan.rooms[room].name if room is not None and room in plan.rooms else room
    return ", ".join(part for part in (named, plan.forum.venue) if part) or None


def build_event(uid: str, plan: Plan, start: datetime, end: datetime, summary: str, when: datetime,
                room: str | None = None) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", shared_value("dtstamp", when))
    event.add("last-modified", shared_value("last-modified", when))
    event.add("sequence", shared_value("sequence", plan.forum.revision))
    event.add("summary", summary)
    # which forum owns it: UIDs cannot say (ids may contain dots)
    event.add("x-agenda-forum", shared_value("x-agenda-forum", plan.forum_id))
    event.add("dtstart", calendar_time(plan, start))
    event.add("dtend", calendar_time(plan, end))
    where = location(plan, room)
    if where:
        event.add("location", shared_value("location", where))
    if plan.forum.url:
        event.add("url", shared_value("url", plan.forum.url))
    return event


def _forum_events(plan: Plan, when: datetime, alarm: timedelta | None, language: str | None) -> Iterator[Event]:
    """The forum's event: one per day when the file has days (day 1 keeps the forum's UID)."""
    if not plan.has_days:
        yield _forum_event(plan, when, alarm, language)
        return
    labels = labels_for(language or plan.language)
    for day in plan.days:  # each day's event holds that day's programme
        yield _forum_event(plan, when, alarm, language, day.number, day.start, day.end,
                           f"{plan.forum.title} · {labels.day_name(day.number)}", plan.day_view(day))


def _forum_event(plan: Plan, when: datetime, alarm: timedelta | None, language: str | None, number: int = 1,
                 start: datetime | None = None, end: datetime | None = None, title: str | None = None,
                 programme: Plan | None = None) -> Event:
    event = build_event(day_uid(plan, number), plan, start or plan.window_start, end or plan.window_end,
                        title or plan.forum.title, when)
    event.add("description", plan_text(programme or plan, language))
    event.add("status", "CONFIRMED")
    if alarm:
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", plan.forum.title)
        reminder.add("trigger", -alarm)
        event.add_component(reminder)
    return event


def segments_without_start(plan: Plan) -> list[TimedSegment]:
    """Segments a calendar cannot hold: a registration with only `until` has no start."""
    return [seg for seg in plan.all_segments if seg.start is None]


def _segment_event(plan: Plan, seg: TimedSegment, when: datetime, language: str | None) -> Event | None:
    if seg.start is None or not is_calendar_event(seg):
        return None  # no start (segments_without_start), or no length: nothing to put in a calendar
    labels = labels_for(language or plan.language)
    title = labels.title(seg.title, seg.kind)
    event = build_event(segment_uid(plan, seg), plan, seg.start, seg.end, f"{title} · {plan.forum.title}", when,
                        seg.room if plan.rooms else None)
    description = segment_text(plan, seg, labels)
    if description:
        event.add("description", "\n".join(description))
    event.add("status", shared_value("status", "CANCELLED" if seg.cancelled else "CONFIRMED"))
    event.add("related-to", shared_value("related-to", forum_uid(plan)))
    return event


def calendar(plans: list[Plan], now: datetime, segments: bool = False, alarm: timedelta | None = None,
             language: str | None = None) -> Calendar:
    """One calendar for a forum or a series; `now` is DTSTAMP where a forum has no `updated`."""
    cal = Calendar()
    name = calendar_name(plans)
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    if not any(_needs_utc(p) for p in plans):
        # A hint for Google; readers that honour it turn UTC times into local ones and lose the
        # repeated hour's second pass, so it is left out when calendar_time had to use UTC.
        cal.add("x-wr-timezone", str(plans[0].zone))
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", cast(bytes, vDuration(REFRESH).to_ical()).decode())  # to_ical is unannotated
    for plan in sorted(plans, key=lambda p: (p.window_start, p.forum_id)):
        when = stamp(plan, now)
        for forum_event in _forum_events(plan, when, alarm, language):
            cal.add_component(forum_event)
        if segments:
            for seg in plan.all_segments:
                event = _segment_event(plan, seg, when, language)
                if event is not None:
                    cal.add_component(event)
    add_timezones(cal, min(p.local(p.window_start) for p in plans).date(),
                  max(p.local(p.window_end) for p in plans).date())
    return cal


def add_timezones(cal: Calendar, first: date, last: date) -> None:
    """A VTIMEZONE for every TZID the events use, from the year before `first` to two years after `last`."""
    add_missing_timezones(cal, date(first.year - 1, 1, 1), date(last.year + 2, 1, 1))
    for zone in cal.walk("VTIMEZONE"):
        _onset_for_every_reader(zone)


def _onset_for_every_reader(zone: Component) -> None:
    """Each onset of an observance without an RRULE as an RDATE of its own, its DTSTART among them.

    RFC 5545 counts DTSTART as an observance's first onset; ical.js
    (Thunderbird) reads only the RDATEs of such an observance, and so put
    the 2024 autumn in Nuuk, where summer time began in 2024, an hour off.
    A repeated onset is the same onset to every other reader. And vobject
    and ical.js read only the first date of an RDATE that lists several:
    a calendar spanning years put a 2026 autumn evening in Chicago an hour
    off, on its 2023 onset.
    """
    for observance in zone.subcomponents:
        if "RDATE" not in observance or "RRULE" in observance:
            continue
        listed = observance["RDATE"]
        onsets = {observance.decoded("DTSTART")}
        for prop in listed if isinstance(listed, list) else [listed]:
            onsets.update(value.dt for value in cast(vDDDLists, prop).dts)
        del observance["RDATE"]
        for onset in sorted(onsets):
            observance.add("rdate", onset)


def calendar_bytes(plans: list[Plan], now: datetime, segments: bool = False, alarm: timedelta | None = None,
                   language: str | None = None) -> bytes:
    """`language` overrides each file's own language for the words the calendar shows."""
    return ical_bytes(calendar(plans, now, segments, alarm, language))


def event_calendars(plans: list[Plan], now: datetime, segments: bool = False, alarm: timedelta | None = None,
                    language: str | None = None) -> Iterator[Calendar]:
    """Each event of `calendar` alone, as a CalDAV server stores it (RFC 4791 §4.1).

    One VEVENT with the VTIMEZONEs its TZIDs need, and no METHOD: a stored
    calendar object resource is not an iTIP message.
    """
    whole = calendar(plans, now, segments, alarm, language)
    zones = {str(zone["TZID"]): zone for zone in whole.walk("VTIMEZONE")}
    for event in whole.walk("VEVENT"):
        single = Calendar()
        for name in ("prodid", "version", "calscale"):
            single.add(name, whole[name])
        used = {str(value.params["TZID"]) for value in event.values() if "TZID" in getattr(value, "params", {})}
        for tzid in sorted(used):
            single.add_component(zones[tzid])
        single.add_component(event)
        yield single


def event_resources(plans: list[Plan], now: datetime, segments: bool = False, alarm: timedelta | None = None,
                    language: str | None = None) -> Iterator[tuple[Component, bytes]]:
    """Each event with the bytes of `event_calendars`'s calendar for it, written without building that calendar.

    The same bytes, for `publish`: the calendar's header and each VTIMEZONE
    are written once for all events instead of once per event, which was
    most of what a republish of 200 segments spent on writing.
    """
    whole = calendar(plans, now, segments, alarm, language)
    header = Calendar()
    for name in ("prodid", "version", "calscale"):
        header.add(name, whole[name])
    head = ical_bytes(header).removesuffix(b"END:VCALENDAR\r\n")
    zones = {str(zone["TZID"]): ical_bytes(zone) for zone in whole.walk("VTIMEZONE")}
    written_before: dict[tuple[str, object], tuple[bytes, object]] = {}
    for event in whole.walk("VEVENT"):
        used = {str(value.params["TZID"]) for value in event.values() if "TZID" in getattr(value, "params", {})}
        yield event, b"".join([head, *(zones[tzid] for tzid in sorted(used)), ical_bytes(event, written_before),
                               b"END:VCALENDAR\r\n"])
