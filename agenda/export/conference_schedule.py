"""schedule.xml and schedule.json: the programme as conference apps (Giggity, EventFahrplan) read it.

One mapping (`schedule_data`) feeds both writers, so the XML and its JSON twin
never disagree. Every identifier is derived, never counted: a guid is a uuid5
of the segment's calendar UID in the namespace the c3voc tools use for
calendars, and the numeric id is that guid's first 31 bits, so inserting a
segment renumbers nothing and two files of a series never share one. The
choices that look odd are the clients': `HH:MM` durations (EventFahrplan
reads three parts as days:hours:minutes, pretalx once wrote `135.0:00`),
dates with their offset (a day without one broke EventFahrplan), and a
`day@end` on every day.
"""

import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from xml.etree import ElementTree

from agenda.core.planner import Plan, Section, TimedSegment
from agenda.core.uids import segment_uid
from agenda.messages.labels import labels_for

NAMESPACE = uuid.UUID("0C9A24B4-72AA-4202-9F91-5A2B6BFF2E6F")
LONGEST_MINUTES = 99 * 60 + 59
"""`HH:MM` holds no more; a longer segment is left out rather than written as apps misread it."""
TIME_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")
"""schema.json's pattern for time_zone_name (searched, as JSON Schema does); other zones are left out."""


def guid(name: str) -> str:
    return str(uuid.uuid5(NAMESPACE, name))


def number(of_guid: str) -> int:
    """The guid's first 31 bits: a positive 32-bit integer, as the apps' `id` must be."""
    return (int(of_guid.replace("-", "")[:8], 16) >> 1) or 1  # zero is 1 in 2**31: the id must be positive


def acronym(forum_id: str) -> str:
    return re.sub(r"[^a-z0-9_]", "_", forum_id.lower()).ljust(4, "_")


def slug(forum_id: str, event_id: int) -> str:
    return f"{acronym(forum_id)}-{event_id:04d}"


def hours_minutes(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def moment(plan: Plan, instant: datetime) -> str:
    return plan.local(instant).isoformat(timespec="seconds")


@dataclass(frozen=True)
class LeftOut:
    """What the schedule does not hold, counted, for the note the command prints."""

    cancelled: int = 0
    without_start: int = 0
    too_long: int = 0

    def __bool__(self) -> bool:
        return bool(self.cancelled or self.without_start or self.too_long)


@dataclass
class _Day:
    date: date
    plan: Plan
    start: datetime
    end: datetime | None
    events: list[tuple[datetime, str, dict[str, Any]]] = field(default_factory=list)  # (start, room, event)


def _sections_above(plan: Plan) -> dict[int, str]:
    """Each segment (by id) to the title of the section above it, a day heading ending a section's reach."""
    above: dict[int, str] = {}

    def walk(program: tuple["TimedSegment | Section", ...], inherited: str | None) -> None:
        current = inherited
        for entry in program:
            if isinstance(entry, Section):
                current = entry.title if entry.kind == "section" else None
                continue
            if current is not None:
                above[id(entry)] = current
            for track in entry.tracks:
                walk(track.program, current)

    walk(plan.program, None)
    return above


def _rooms(plan: Plan) -> list[tuple[str | None, str, str]]:
    """(room id, name, guid) of each room, in the file's order; a file without rooms has its venue."""
    if plan.rooms:
        return [(key, room.name, guid(f"{plan.forum_id}/room/{key}")) for key, room in plan.rooms.items()]
    return [(None, plan.forum.venue or plan.forum.title, guid(f"{plan.forum_id}/venue"))]


def _exported(plan: Plan) -> Iterator[TimedSegment]:
    for seg in plan.all_segments:
        if seg.kind != "parallel":
            yield seg


def left_out(plans: list[Plan]) -> LeftOut:
    segments = [seg for plan in plans for seg in _exported(plan)]
    return LeftOut(
        cancelled=sum(1 for s in segments if s.cancelled),
        without_start=sum(1 for s in segments if not s.cancelled and s.start is None),
        too_long=sum(1 for s in segments if not s.cancelled and s.start is not None
                     and (s.end - s.start).total_seconds() > LONGEST_MINUTES * 60))


def schedule_data(plans: list[Plan], language: str | None) -> dict[str, Any]:
    """The schedule as schema.json shapes it; the XML writer reads the same mapping."""
    first = plans[0]
    days: dict[date, _Day] = {}
    room_list: list[tuple[str, str]] = []  # (name, guid), each once, in order
    for plan in plans:
        labels = labels_for(language or plan.language)
        rooms = _rooms(plan)
        room_of = {key: (name, room_guid) for key, name, room_guid in rooms}
        for _, name, room_guid in rooms:
            if (name, room_guid) not in room_list:
                room_list.append((name, room_guid))
        for plan_day in plan.days:
            day = days.setdefault(plan_day.date, _Day(plan_day.date, plan, plan_day.start, None))
            day.start = min(day.start, plan_day.start)
        tracks = _sections_above(plan)
        for seg in _exported(plan):
            if seg.cancelled or seg.start is None:
                continue
            minutes = int((seg.end - seg.start).total_seconds() // 60)
            if minutes > LONGEST_MINUTES:
                continue
            event_guid = guid(segment_uid(plan, seg))
            event_id = number(event_guid)
            room_name, _ = room_of.get(seg.room, rooms[0][1:])
            persons: dict[str, dict[str, str]] = {}
            for role in seg.people:
                key = role.ref or role.person.name
                persons.setdefault(key, {"name": role.person.name, "guid": guid(f"{plan.forum_id}/person/{key}")})
            local_start = plan.local(seg.start)
            event = {
                "guid": event_guid, "id": event_id,
                "date": moment(plan, seg.start), "start": f"{local_start:%H:%M}", "end": moment(plan, seg.end),
                "duration": hours_minutes(minutes), "room": room_name, "slug": slug(plan.forum_id, event_id),
                "url": "", "title": labels.title(seg.title, seg.kind), "subtitle": "",
                "track": tracks.get(id(seg), ""), "type": seg.kind, "language": language or plan.language,
                "abstract": seg.segment.note or "", "description": "", "persons": list(persons.values()),
                "links": [], "attachments": [],
            }
            day = days[plan.day_of(seg).date]
            day.events.append((seg.start, room_name, event))
            day.start = min(day.start, seg.start)
            day.end = seg.end if day.end is None else max(day.end, seg.end)
        for plan_day in plan.days:
            day = days[plan_day.date]
            if day.end is None:
                day.end = plan_day.end
    ordered = [days[d] for d in sorted(days)]
    names = [name for name, _ in room_list]
    schedule_days = []
    for index, day in enumerate(ordered, start=1):
        by_room: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
        for _, room_name, event in sorted(day.events, key=lambda e: (e[0], e[2]["id"])):
            by_room[room_name].append(event)
        assert day.end is not None  # every day of a plan was given its window's end above
        schedule_days.append({"index": index, "date": day.date.isoformat(),
                              "day_start": moment(day.plan, day.start), "day_end": moment(day.plan, day.end),
                              "rooms": by_room})
    conference: dict[str, Any] = {
        "acronym": acronym(first.forum_id), "title": _title(plans),
        "start": ordered[0].date.isoformat(), "end": ordered[-1].date.isoformat(),
        "daysCount": len(ordered), "timeslot_duration": "00:05",
    }
    if first.forum.url:
        conference["url"] = first.forum.url
    zone = str(first.zone)
    if TIME_ZONE_NAME.search(zone):
        conference["time_zone_name"] = zone
    conference["rooms"] = [{"name": name, "guid": room_guid} for name, room_guid in room_list]
    conference["days"] = schedule_days
    return {"schedule": {"version": str(max(p.forum.revision for p in plans)), "conference": conference}}


def _title(plans: list[Plan]) -> str:
    series = {p.forum.series.title for p in plans if p.forum.series}
    if len(series) == 1:
        return series.pop()
    return " · ".join(dict.fromkeys(p.forum.title for p in plans))


def schedule_json(plans: list[Plan], language: str | None) -> bytes:
    return (json.dumps(schedule_data(plans, language), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_XML_EVENT = ("room", "title", "subtitle", "type", "date", "start", "duration", "abstract", "slug", "track",
              "language", "description")


def schedule_xml(plans: list[Plan], language: str | None) -> bytes:
    """schedule.xml: the same mapping, in the element order pentabarf and frab write (the XSD allows any)."""
    data = schedule_data(plans, language)["schedule"]
    conference = data["conference"]
    root = ElementTree.Element("schedule")
    ElementTree.SubElement(root, "version").text = data["version"]
    head = ElementTree.SubElement(root, "conference")
    for key, name in (("title", "title"), ("acronym", "acronym"), ("start", "start"), ("end", "end"),
                      ("daysCount", "days"), ("timeslot_duration", "timeslot_duration"),
                      ("url", "url"), ("time_zone_name", "time_zone_name")):
        if key in conference:
            ElementTree.SubElement(head, name).text = str(conference[key])
    guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        day_element = ElementTree.SubElement(root, "day", {
            "index": str(day["index"]), "date": day["date"], "start": day["day_start"], "end": day["day_end"]})
        for room_name, events in day["rooms"].items():
            room_element = ElementTree.SubElement(day_element, "room", {"name": room_name, "guid": guids[room_name]})
            for event in events:
                element = ElementTree.SubElement(room_element, "event", {"guid": event["guid"], "id": str(event["id"])})
                for key in _XML_EVENT:
                    ElementTree.SubElement(element, key).text = event[key]
                persons = ElementTree.SubElement(element, "persons")
                for person in event["persons"]:
                    ElementTree.SubElement(persons, "person", {"guid": person["guid"]}).text = person["name"]
                ElementTree.SubElement(element, "links")
                ElementTree.SubElement(element, "attachments")
    ElementTree.indent(root, "  ")
    text = ElementTree.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n").encode("utf-8")
