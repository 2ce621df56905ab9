"""The plan as FORMAT.md's JSON: the shape CI scripts and other programs read."""

from datetime import datetime
from typing import Any

from agenda.messages.labels import labels_for
from agenda.render.inert import json_text
from agenda.core.planner import Day, Plan, Role, Section, TimedSegment, Track
from agenda.messages.labels import Labels


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _person(role: Role) -> dict[str, str | None]:
    person = role.person
    return {"name": person.name, "role": role.role, "affiliation": person.affiliation, "title": person.title}


def _section(plan: Plan, section: Section, labels: Labels) -> dict[str, Any]:
    """A heading: a segment of kind section that takes no time (FORMAT.md); a day heading has its date
    and its window's start and end, and without a title of its own is "Day N" / "N일차"."""
    title = section.title or (labels.day_name(section.window.number) if section.window is not None else "")
    out: dict[str, Any] = {
        "id": section.id, "kind": section.kind, "title": title, "status": section.segment.status,
        "start": None, "end": None, "minutes": 0, "people": [_person(role) for role in section.people],
        "note": section.segment.note, "items": []}
    if section.window is not None:
        out |= {"date": section.window.date.isoformat(), "start": _iso(plan.local(section.window.start)),
                "end": _iso(plan.local(section.window.end))}
    if plan.rooms:
        out["room"] = None
    return out


def _segment(plan: Plan, seg: TimedSegment, labels: Labels) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": seg.id,
        "kind": seg.kind,
        "title": labels.title(seg.title, seg.kind),
        "status": seg.segment.status,
        "start": _iso(plan.local(seg.start)),
        "end": _iso(plan.local(seg.end)),
        "minutes": seg.minutes,
        "people": [_person(role) for role in seg.people],
        "note": seg.segment.note,
        "items": [
            {
                "title": item.item.title,
                "start": _iso(plan.local(item.start)),
                "end": _iso(plan.local(item.end)),
                "minutes": item.minutes,
                "people": [_person(role) for role in item.people],
                "note": item.item.note,
            } | ({"kind": str(item.item.kind)} if item.item.kind is not None else {})
            for item in seg.items
        ],
    }
    if plan.rooms:  # only then: a file without rooms keeps its bytes
        out["room"] = seg.room
    if seg.tracks:
        out["tracks"] = [_track(plan, track, labels) for track in seg.tracks]
    return out


def _track(plan: Plan, track: Track, labels: Labels) -> dict[str, Any]:
    return {"id": track.id, "room": track.room, "title": track.title,
            "moderator": _person(track.moderator) if track.moderator is not None else None,
            "segments": [_section(plan, entry, labels) if isinstance(entry, Section) else _segment(plan, entry, labels)
                         for entry in track.program]}


def _day(plan: Plan, day: Day) -> dict[str, Any]:
    return {"date": day.date.isoformat(), "start": _iso(plan.local(day.start)), "end": _iso(plan.local(day.end)),
            "window_minutes": day.window_minutes, "scheduled_minutes": day.scheduled_minutes,
            "slack_minutes": day.slack_minutes}


def plan_dict(plan: Plan, language: str | None = None) -> dict[str, Any]:
    """FORMAT.md's plan; `language` (default: the file's) names segments that have no title of their own."""
    labels = labels_for(language or plan.language)
    forum = plan.forum
    out: dict[str, Any] = {
        "forum": {
            "id": plan.forum_id,
            "title": forum.title,
            "theme": forum.theme,
            "series": forum.series.model_dump() if forum.series else None,
            "organizer": forum.organizer,
            "hosts": [{"role": role, "name": name} for role, names in forum.credits() for name in names],
            "venue": forum.venue,
            "url": forum.url,
            "date": forum.date.isoformat(),
            "start": _iso(plan.local(plan.window_start)),
            "end": _iso(plan.local(plan.window_end)),
            "timezone": str(plan.zone),
            "language": labels.language,
            "revision": forum.revision,
            "window_minutes": plan.window_minutes,
            "people": [_person(role) for role in plan.hosts],
        },
        "segments": [_section(plan, seg, labels) if isinstance(seg, Section) else _segment(plan, seg, labels)
                     for seg in plan.program],
        "scheduled_minutes": plan.scheduled_minutes,
        "slack_minutes": plan.slack_minutes,
        "overrun_minutes": plan.overrun_minutes,
    }
    if plan.rooms:
        out["forum"]["rooms"] = [{"id": key, "name": room.name, "capacity": room.capacity}
                                 for key, room in plan.rooms.items()]
    if plan.has_days:  # only then: a file of one day keeps its bytes
        out["days"] = [_day(plan, day) for day in plan.days]
    return out


def plan_json(plan: Plan, language: str | None = None) -> str:
    return json_text(plan_dict(plan, language)) + "\n"


def plans_json(plans: list[Plan], language: str | None = None) -> str:
    """One plan as FORMAT.md's object; several (a series) as {"forums": [...]}."""
    if len(plans) == 1:
        return plan_json(plans[0], language)
    return json_text({"forums": [plan_dict(p, language) for p in plans]}) + "\n"
