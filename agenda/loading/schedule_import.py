"""A conference schedule as a forum file: days, rooms, parallel blocks, every session pinned.

The schedule knows only instants and rooms; a forum file knows days, windows
and a program that runs in order. So each schedule day becomes a `day`
heading whose window spans its sessions; sessions that overlap in time become
one `parallel` block (a track per room, from the earliest start to the latest
end), a session alone in its time stays a segment with its room; and every
segment is pinned with `at`, so that the planner puts it back at the very
instant the schedule gave. Pauses between sessions are written as
`gap_before`: the schedule meant them.
"""

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from agenda.loading.conference_schedule import Schedule, Session

KIND_OF_TYPE = {
    "talk": "presentation", "lecture": "presentation", "presentation": "presentation", "lightning talk":
    "presentation", "keynote": "keynote", "panel": "panel", "discussion": "panel", "podium": "panel",
    "q&a": "qa", "qa": "qa", "break": "break", "pause": "break", "lunch": "break", "opening": "opening",
    "closing": "closing", "registration": "registration",
}
"""An event's type (as pretalx and frab write them, in any case) to a segment kind; anything else is `other`."""


@dataclass(frozen=True)
class ZoneNote:
    """The schedule's time_zone_name disagrees with its sessions' offsets (or is missing)."""

    said: str | None
    offsets: tuple[str, ...]  # "+01:00", the sessions' offsets
    chosen: str


@dataclass
class Imported:
    forum_file: dict[str, Any]
    zone_note: ZoneNote | None
    left_behind: list[tuple[str, int]] = field(default_factory=list)


def _offset_text(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _fits(name: str, moments: list[datetime]) -> bool:
    try:
        zone = ZoneInfo(name)
    except (ValueError, OSError):
        return False
    return all(m.astimezone(zone).utcoffset() == m.utcoffset() for m in moments)


def _moments(schedule: Schedule) -> list[datetime]:
    """Every time the schedule writes with an offset: its sessions' starts, and its days' ends."""
    days = [m for day in schedule.days for m in (day.start, day.end) if m is not None]
    return [s.start for s in schedule.sessions] + days


def _a_zone(name: str) -> bool:
    from agenda.core.zones import check_zone_name

    try:
        check_zone_name(name)
    except ValueError:  # pydantic's custom error is one
        return False
    return True


def choose_zone(schedule: Schedule) -> tuple[str, ZoneNote | None]:
    """time_zone_name when every session's offset agrees with it; else a city zone that agrees, with a note."""
    from agenda.core.zone_names import city_zone, meant_zone
    from agenda.core.zones import zone_names

    said = schedule.time_zone_name
    moments = _moments(schedule)
    if said is not None and city_zone(said) is None and _a_zone(said) and _fits(said, moments):
        return said, None  # the common case, without walking the zone database
    if not moments:
        return "UTC", None if said is None else ZoneNote(said, (), "UTC")
    seen = sorted({m.utcoffset() or timedelta(0) for m in moments})
    hours = {int(o.total_seconds() // 3600) for o in seen}
    preferred = [z for z in (meant_zone(f"UTC{h:+d}") for h in sorted(hours)) if z]
    ordinary = sorted(n for n in zone_names() if "/" in n and not n.startswith("Etc/") and city_zone(n) is None)
    chosen = next((n for n in [*preferred, *ordinary] if _fits(n, moments)), "UTC")
    return chosen, ZoneNote(said, tuple(_offset_text(o) for o in seen), chosen)


def _slug(text: str, fallback: str) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return cleaned or fallback


def _unique(wanted: str, taken: set[str]) -> str:
    name, n = wanted, 1
    while name in taken:
        n += 1
        name = f"{wanted}-{n}"
    taken.add(name)
    return name


def _person_id(name: str) -> str:
    cleaned = re.sub(r"[^\w.-]+", "-", name.strip().lower()).strip("-.")
    return cleaned if cleaned and re.match(r"^[^\W]", cleaned) else "person"


def _clean(text: str) -> str:
    """A note's text without the control characters a forum file refuses (a schedule may hold \\r)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", " ", text).strip()


def _line(text: str) -> str:
    return " ".join(_clean(text).split())


def _clock(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def _minutes(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds() // 60)


def to_forum_file(schedule: Schedule, source: str) -> Imported:
    from agenda.core.durations import MAX_MINUTES

    # a forum file holds no segment over a week, nor one of no length: left behind, and said so
    left_behind = Counter(schedule.left_behind)
    left_behind["longer-than-a-week"] += sum(1 for s in schedule.sessions if s.minutes > MAX_MINUTES)
    left_behind["no-length"] += sum(1 for s in schedule.sessions if s.minutes <= 0)
    schedule = replace(schedule, sessions=[s for s in schedule.sessions if 0 < s.minutes <= MAX_MINUTES],
                       left_behind=left_behind)
    zone_name, note = choose_zone(schedule)
    zone = ZoneInfo(zone_name)
    rooms: dict[str, str] = {}  # room name -> id
    taken_rooms: set[str] = set()
    for name in schedule.rooms + [s.room for s in schedule.sessions]:
        if name not in rooms:
            rooms[name] = _unique(_slug(name, "room"), taken_rooms)
    people: dict[str, str] = {}  # name -> id
    taken_people: set[str] = set()
    for session in sorted(schedule.sessions, key=lambda s: (s.start, s.room)):
        for person in session.persons:
            if person not in people:
                people[person] = _unique(_person_id(person), taken_people)
    taken_ids: set[str] = set()
    program: list[dict[str, Any]] = []
    first_window: tuple[str, str, str] | None = None
    for position, day in enumerate(schedule.days):
        sessions = sorted((s for s in schedule.sessions if s.day == position), key=lambda s: (s.start, s.room))
        if sessions:
            start = min(s.start for s in sessions).astimezone(zone)
            end = max(s.start + timedelta(minutes=s.minutes) for s in sessions).astimezone(zone)
        elif day.start is not None and day.end is not None:
            start, end = day.start.astimezone(zone), day.end.astimezone(zone)
        else:
            continue
        date_text = start.date().isoformat() if sessions else day.date.isoformat()
        end_text = _clock(end) if end.date() == start.date() and end > start else f"{end:%Y-%m-%d %H:%M}"
        if end <= start:
            end_text = f"{(start + timedelta(minutes=1)):%Y-%m-%d %H:%M}"  # an empty day: a minute's window
        if first_window is None:
            first_window = (date_text, _clock(start), end_text)
        program.append({"kind": "day", "date": date_text, "start": _clock(start), "end": end_text})
        program += _day_program(sessions, start, zone, rooms, people, taken_ids)
    if first_window is None:
        from agenda.core.errors import UsageError

        raise UsageError("schedule-empty", file=source)
    languages = {s.language for s in schedule.sessions if s.language}
    if len(languages) == 1 and languages <= {"ko", "en"}:
        language = next(iter(languages))  # every session's language is the forum's: nothing lost
    else:
        language = "en"
        schedule.left_behind["language"] += sum(1 for s in schedule.sessions if s.language)
    forum: dict[str, Any] = {
        "id": _slug(schedule.acronym, "") or _slug(schedule.title, "conference"),
        "title": _line(schedule.title) or _line(schedule.acronym) or source,
        "date": first_window[0], "start": first_window[1], "end": first_window[2],
        "timezone": zone_name, "language": language,
        "rooms": {room_id: {"name": _line(name) or room_id} for name, room_id in rooms.items()},
    }
    forum_file = {"forum": forum, "people": {pid: {"name": _line(name)} for name, pid in people.items()},
                  "program": program}
    left = [(what, schedule.left_behind[what]) for what in
            ("longer-than-a-week", "no-length", "links", "attachments", "recording", "language", "url", "description",
             "subtitle", "logo")
            if schedule.left_behind[what]]
    return Imported(forum_file, note, left)


def _end(session: Session) -> datetime:
    return session.start + timedelta(minutes=session.minutes)


def _day_program(sessions: list[Session], day_start: datetime, zone: ZoneInfo, rooms: dict[str, str],
                 people: dict[str, str], taken_ids: set[str]) -> list[dict[str, Any]]:
    """The day's sessions, overlapping ones grouped into parallel blocks; each one pinned with `at`."""
    groups: list[list[Session]] = []
    reach: datetime | None = None
    for session in sessions:
        if groups and reach is not None and session.start < reach:
            groups[-1].append(session)
            reach = max(reach, _end(session))
        else:
            groups.append([session])
            reach = _end(session)
    program: list[dict[str, Any]] = []
    before = day_start
    for group in groups:
        start = min(s.start for s in group)
        end = max(_end(s) for s in group)
        if len(group) == 1:
            segment = _segment(group[0], zone, people, taken_ids, before)
            segment["room"] = rooms[group[0].room]
            program.append(segment)
        else:
            tracks = []
            for room in sorted({s.room for s in group}, key=list(rooms).index):
                inside, track_before = [], start
                for session in (s for s in group if s.room == room):
                    inside.append(_segment(session, zone, people, taken_ids, track_before))
                    track_before = max(track_before, _end(session))
                tracks.append({"room": rooms[room], "program": inside})
            block: dict[str, Any] = {"kind": "parallel", "at": _clock(start.astimezone(zone)),
                                     "duration": _minutes(start, end), "tracks": tracks}
            if start > before:
                block["gap_before"] = _minutes(before, start)
            program.append(block)
        before = max(before, end)
    return program


def _segment(session: Session, zone: ZoneInfo, people: dict[str, str], taken_ids: set[str],
             before: datetime) -> dict[str, Any]:
    segment: dict[str, Any] = {"kind": KIND_OF_TYPE.get(session.type.lower(), "other")}
    if session.number is not None and f"event-{session.number}" not in taken_ids:
        segment["id"] = f"event-{session.number}"
        taken_ids.add(segment["id"])
    title = _line(session.title)
    if title:
        segment["title"] = title
    segment["at"] = _clock(session.start.astimezone(zone))
    segment["duration"] = session.minutes
    if session.start > before:
        segment["gap_before"] = _minutes(before, session.start)
    speakers = list(dict.fromkeys(people[p] for p in session.persons))
    if speakers:
        segment["speakers"] = speakers
    note = "\n\n".join(part for part in (_line(session.track), _clean(session.abstract)) if part)
    if note:
        segment["note"] = note
    return segment
