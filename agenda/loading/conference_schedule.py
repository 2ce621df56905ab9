"""Reading a conference's schedule.json or schedule.xml (pretalx, frab) into plain sessions.

Read leniently, on purpose: published schedules do not always pass their own
schema (frab's camp2019 has an upper-case acronym and slugs), and a reader
that refused them would refuse the files people actually have. What the
sessions need (a start with its offset, a length, a room) is required; the
rest is taken when it is there. What cannot be carried into a forum file is
counted, not dropped in silence: the command says what was left behind.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from agenda.core.errors import UsageError

LEFT_BEHIND = ("links", "attachments", "recording", "url", "description", "subtitle", "logo")
"""What a session may have that a forum file has no place for, in the order the command lists them.
(A session's language is weighed by the import: one language of all, ko or en, is the forum's.)"""


@dataclass(frozen=True)
class Session:
    title: str
    start: datetime  # aware: the offset the schedule wrote
    minutes: int
    room: str
    type: str
    day: int  # the schedule day's position, from 0
    track: str = ""
    abstract: str = ""
    persons: tuple[str, ...] = ()
    number: int | None = None  # the schedule's own id, kept as the segment's id
    language: str = ""  # as the schedule writes it: en, de, ko …


@dataclass(frozen=True)
class ScheduleDay:
    date: date
    start: datetime | None
    end: datetime | None


@dataclass
class Schedule:
    title: str
    acronym: str
    time_zone_name: str | None
    days: list[ScheduleDay]
    rooms: list[str]
    sessions: list[Session]
    left_behind: Counter[str] = field(default_factory=Counter)


def read_schedule(path: str) -> Schedule:
    """The schedule in FILE, JSON or XML by its first character; a file that is neither is a usage error."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise UsageError("schedule-unreadable", file=path, error=error.strerror or str(error)) from None
    xml = raw.lstrip()[:1] == b"<"
    data: Any = None
    if not xml:
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as error:
            line = getattr(error, "lineno", 1)
            raise UsageError("schedule-not-json-or-xml", file=path, line=line) from None
    try:
        return _from_xml(path, raw) if xml else _from_json(path, data)
    except (KeyError, TypeError, AttributeError, ValueError, IndexError):
        raise UsageError("schedule-not-a-schedule", file=path) from None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _moment(path: str, value: Any, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(_text(value).replace("Z", "+00:00"))
    except ValueError:
        raise UsageError("schedule-bad-value", file=path, where=where, value=_text(value)) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)  # lenient: a time without offset is read as UTC
    return moment


def _minutes(path: str, value: Any, where: str) -> int:
    """`HH:MM` (also `H:MM:SS`, and pretalx's old `135.0:00`): minutes."""
    parts = _text(value).split(":")
    try:
        hours, minutes = float(parts[0]), int(parts[1]) if len(parts) > 1 else 0
    except (ValueError, IndexError):
        raise UsageError("schedule-bad-value", file=path, where=where, value=_text(value)) from None
    return int(hours * 60) + minutes


def _count(schedule: Schedule, event: dict[str, Any]) -> None:
    for key in LEFT_BEHIND:
        value = event.get(key)
        if key == "recording":
            value = event.get("recording_license") or event.get("do_not_record") or event.get("recording")
        if value:
            schedule.left_behind[key] += 1


def _from_json(path: str, data: Any) -> Schedule:
    try:
        conference = data["schedule"]["conference"]
        days = conference["days"]
    except (KeyError, TypeError):
        raise UsageError("schedule-not-a-schedule", file=path) from None
    rooms = [_text(r.get("name")) for r in conference.get("rooms") or [] if isinstance(r, dict)]
    schedule = Schedule(_text(conference.get("title")), _text(conference.get("acronym")),
                        _text(conference.get("time_zone_name")) or None, [], rooms, [])
    for position, day in enumerate(days):
        where = f"days[{position}]"
        schedule.days.append(ScheduleDay(
            date.fromisoformat(_text(day.get("date"))),
            _moment(path, day["day_start"], where) if day.get("day_start") else None,
            _moment(path, day["day_end"], where) if day.get("day_end") else None))
        for room, events in (day.get("rooms") or {}).items():
            if room not in schedule.rooms:
                schedule.rooms.append(room)
            for number, event in enumerate(events):
                where_event = f"{where}.rooms[{room}][{number}]"
                start = _moment(path, event.get("date"), where_event + ".date")
                if event.get("end"):
                    minutes = int((_moment(path, event["end"], where_event + ".end") - start).total_seconds() // 60)
                else:
                    minutes = _minutes(path, event.get("duration"), where_event + ".duration")
                persons = tuple(_text(p.get("name") or p.get("public_name")) for p in event.get("persons") or []
                                if isinstance(p, dict))
                ident = event.get("id")
                schedule.sessions.append(Session(
                    _text(event.get("title")), start, minutes, _text(event.get("room")) or room,
                    _text(event.get("type")), position, _text(event.get("track")), _text(event.get("abstract")),
                    tuple(p for p in persons if p), ident if isinstance(ident, int) and ident > 0 else None,
                    _text(event.get("language")).lower()))
                _count(schedule, event)
    return schedule


def _from_xml(path: str, raw: bytes) -> Schedule:
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError as error:
        raise UsageError("schedule-not-json-or-xml", file=path, line=error.position[0]) from None
    conference = root.find("conference")
    if root.tag != "schedule" or conference is None:
        raise UsageError("schedule-not-a-schedule", file=path)
    schedule = Schedule(_text(conference.findtext("title")), _text(conference.findtext("acronym")),
                        _text(conference.findtext("time_zone_name")) or None, [], [], [])
    for position, day in enumerate(root.iter("day")):
        where = f"day[{position + 1}]"
        day_start = _moment(path, day.get("start"), where) if day.get("start") else None
        schedule.days.append(ScheduleDay(
            date.fromisoformat(_text(day.get("date"))), day_start,
            _moment(path, day.get("end"), where) if day.get("end") else None))
        for room in day.iter("room"):
            room_name = _text(room.get("name"))
            if room_name not in schedule.rooms:
                schedule.rooms.append(room_name)
            for number, event in enumerate(room.iter("event")):
                where_event = f"{where}/room[{room_name}]/event[{number + 1}]"
                if event.findtext("date"):
                    start = _moment(path, event.findtext("date"), where_event + "/date")
                else:  # pentabarf's old files: the day's date, the event's clock, the day's offset
                    clock = _text(event.findtext("start")) or "00:00"
                    start = _moment(path, f"{day.get('date')}T{clock}", where_event + "/start")
                    if day_start is not None:
                        start = start.replace(tzinfo=day_start.tzinfo)
                minutes = _minutes(path, event.findtext("duration"), where_event + "/duration")
                persons = tuple(_text(p.text) for p in event.iter("person") if _text(p.text))
                ident = _text(event.get("id"))
                fields: dict[str, Any] = {key: _text(event.findtext(key)) for key in LEFT_BEHIND}
                fields["links"] = event.find("links/link") is not None
                fields["attachments"] = event.find("attachments/attachment") is not None
                fields["recording"] = event.find("recording") is not None
                schedule.sessions.append(Session(
                    _text(event.findtext("title")), start, minutes, _text(event.findtext("room")) or room_name,
                    _text(event.findtext("type")), position, _text(event.findtext("track")),
                    _text(event.findtext("abstract")), persons,
                    int(ident) if ident.isdigit() and int(ident) > 0 else None,
                    _text(event.findtext("language")).lower()))
                _count(schedule, fields)
    if not schedule.days:
        raise UsageError("schedule-not-a-schedule", file=path)
    return schedule

