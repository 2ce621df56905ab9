"""The plan as FORMAT.md's JSON: the shape CI scripts and other programs read."""

from datetime import datetime
from typing import Any

from agenda.messages.labels import labels_for
from agenda.render.inert import json_text
from agenda.core.planner import Plan, Role, Section


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _person(role: Role) -> dict[str, str | None]:
    person = role.person
    return {"name": person.name, "role": role.role, "affiliation": person.affiliation, "title": person.title}


def _section(section: Section) -> dict[str, Any]:
    """A heading: a segment of kind section that takes no time (FORMAT.md)."""
    return {"id": section.id, "kind": section.kind, "title": section.title, "status": section.segment.status,
            "start": None, "end": None, "minutes": 0, "people": [], "note": section.segment.note, "items": []}


def plan_dict(plan: Plan, language: str | None = None) -> dict[str, Any]:
    """FORMAT.md's plan; `language` (default: the file's) names segments that have no title of their own."""
    labels = labels_for(language or plan.language)
    forum = plan.forum
    return {
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
        "segments": [
            _section(seg) if isinstance(seg, Section) else {
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
                    }
                    for item in seg.items
                ],
            }
            for seg in plan.program
        ],
        "scheduled_minutes": plan.scheduled_minutes,
        "slack_minutes": plan.slack_minutes,
        "overrun_minutes": plan.overrun_minutes,
    }


def plan_json(plan: Plan, language: str | None = None) -> str:
    return json_text(plan_dict(plan, language)) + "\n"


def plans_json(plans: list[Plan], language: str | None = None) -> str:
    """One plan as FORMAT.md's object; several (a series) as {"forums": [...]}."""
    if len(plans) == 1:
        return plan_json(plans[0], language)
    return json_text({"forums": [plan_dict(p, language) for p in plans]}) + "\n"
