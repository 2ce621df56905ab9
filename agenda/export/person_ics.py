"""Per-person calendars: the forum's event and one event per part a person plays, with UIDs of their own.

A part's UID is `<forum.id>.<segment id>[.<item id>]+<person id>@agenda.forum`
(FORMAT.md), so it never collides with the main calendar's UIDs or another
person's, and stays the same from one revision to the next. A forum of
several days is one event per day, as in the main calendar: day 1 keeps
`<forum.id>+<person id>`, day N is `<forum.id>.day-N+<person id>`
(docs/ADDITIONS.md). The events are
built with the main calendar's pieces (agenda/export/ics.py).
"""

from collections.abc import Sequence
from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event

from agenda.export.ics import PRODID, add_timezones, build_event, stamp
from agenda.messages.labels import labels_for
from agenda.core.parts import Part, PersonParts
from agenda.core.planner import Plan
from agenda.messages.notice_words import notice_words, role_word
from agenda.render.plan_text import plan_text
from agenda.core.uids import UID_DOMAIN


def person_forum_uid(plan: Plan, person_key: str, day: int = 1) -> str:
    """The forum's event on day `day` in a person's calendar: the main calendar's day UID, `+<person id>`."""
    forum = plan.forum_id if day == 1 else f"{plan.forum_id}.day-{day}"
    return f"{forum}+{person_key}@{UID_DOMAIN}"


def part_uid(plan: Plan, part: Part, person_key: str) -> str:
    """`<forum.id>.<segment id>[.<item id>]+<person id>@agenda.forum`; the forum's own event for a forum host."""
    if part.segment_id is None:
        return person_forum_uid(plan, person_key, part.day)
    item = f".{part.item_id}" if part.item_id is not None else ""
    return f"{plan.forum_id}.{part.segment_id}{item}+{person_key}@{UID_DOMAIN}"


def _part_description(plan: Plan, part: Part) -> str:
    words, labels = notice_words(plan.language), labels_for(plan.language)
    lines = [f"{words.role}: {role_word(words, part.role, part.kind)}"]
    if part.minutes is not None:
        lines.append(f"{words.time}: {labels.time_range(part.start, part.end)} "
                     f"({labels.minutes(part.minutes)})")
    if part.before:
        lines.append(f"{words.before}: {', '.join(part.before)}")
    if part.after:
        lines.append(f"{words.after}: {', '.join(part.after)}")
    return "\n".join(lines)


def add_reminder(event: Event, title: str, alarm: timedelta | None) -> None:
    """--alarm: a reminder this long before the event, as the main calendar's forum event has."""
    if alarm:
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", title)
        reminder.add("trigger", -alarm)
        event.add_component(reminder)


def _room_id(plan: Plan, part: Part) -> str | None:
    """The part's room for LOCATION ("room, venue"); the part keeps its name, the calendar asks by id."""
    if part.room is None:
        return None
    return next((key for key, room in plan.rooms.items() if room.name == part.room), part.room)


def part_event(plan: Plan, part: Part, person_key: str, when: datetime, cancelled: bool) -> Event | None:
    """The event of one part; None for a part a calendar cannot hold (no start, or no length)."""
    if part.start is None or part.end is None or part.end.timestamp() <= part.start.timestamp():
        return None
    summary = f"{part.title} · {plan.forum.title}"
    if part.segment_id is None:  # a host's part is the forum's event: a day of it, as the calendar names it
        summary = _day_title(plan, part.day) if plan.has_days else part.title
    event = build_event(part_uid(plan, part, person_key), plan, part.start, part.end, summary, when,
                        _room_id(plan, part))
    if part.segment_id is None:  # a host's day: that day's programme
        event.add("description", plan_text(plan.day_view(plan.days[part.day - 1]) if plan.has_days else plan))
    else:
        event.add("description", _part_description(plan, part))
        event.add("related-to", person_forum_uid(plan, person_key, part.day))
    event.add("status", "CANCELLED" if cancelled or part.cancelled else "CONFIRMED")
    return event


def person_calendar(plan: Plan, person: PersonParts, now: datetime,
                    withdrawn: Sequence[Part] = (), alarm: timedelta | None = None) -> Calendar:
    """One person's calendar: the forum, their parts, and `withdrawn` parts (from an older plan) as cancelled.

    `now` is DTSTAMP where the forum has no `updated`. `alarm` reminds them of the forum, as `export
    --alarm` does in the main calendar: one reminder, not one per part.
    """
    when = stamp(plan, now)
    cal = Calendar()
    name = f"{plan.forum.title} · {person.person.name}"
    for key, value in (("prodid", PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"),
                       ("method", "PUBLISH"), ("name", name), ("x-wr-calname", name)):
        cal.add(key, value)
    own = [part for part in person.parts if part.segment_id is not None]
    taking_part = any(not part.cancelled for part in person.parts)
    for forum in _forum_events(plan, person.key, when):
        forum.add("status", "CONFIRMED" if taking_part else "CANCELLED")
        if taking_part:
            add_reminder(forum, plan.forum.title, alarm)
        cal.add_component(forum)
    events = [part_event(plan, part, person.key, when, False) for part in own]
    events += [part_event(plan, part, person.key, when, True) for part in withdrawn if part.segment_id is not None]
    for event in sorted(filter(None, events), key=lambda e: (e.decoded("dtstart").timestamp(), str(e["uid"]))):
        cal.add_component(event)
    add_timezones(cal, plan.local(plan.window_start).date(), plan.local(plan.window_end).date())
    return cal


def _day_title(plan: Plan, number: int) -> str:
    """A day's forum event, named as the main calendar names it: "심포지엄 · 2일차"."""
    return f"{plan.forum.title} · {labels_for(plan.language).day_name(number)}"


def _forum_events(plan: Plan, person_key: str, when: datetime) -> list[Event]:
    """The forum's event, one per day when the file has days: a day's event holds that day's programme,
    so that nobody's calendar shows the forum running through the night."""
    if not plan.has_days:
        forum = build_event(person_forum_uid(plan, person_key), plan, plan.window_start, plan.window_end,
                            plan.forum.title, when)
        forum.add("description", plan_text(plan))
        return [forum]
    events = []
    for day in plan.days:
        forum = build_event(person_forum_uid(plan, person_key, day.number), plan, day.start, day.end,
                            _day_title(plan, day.number), when)
        forum.add("description", plan_text(plan.day_view(day)))
        events.append(forum)
    return events
