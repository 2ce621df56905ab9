"""`agenda now --format json`: the live state in FORMAT.md's shape, for scripts and `agenda serve`."""

from datetime import datetime

from agenda.day.projection import Cut, DayState, SegmentState
from agenda.messages.labels import labels_for
from agenda.render.inert import json_text
from agenda.render.day_text import title_of
from agenda.render.day_clock_face import on_the_forums_clock


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _fields(s: SegmentState, language: str) -> dict[str, object]:
    return {"id": s.id, "title": title_of(s, language), "status": s.status.value,
            "planned_start": _iso(s.planned_start), "planned_end": _iso(s.planned_end),
            "planned_minutes": s.segment.minutes,
            "start": _iso(s.start), "end": _iso(s.end), "minutes": s.minutes}


def _part(s: SegmentState, language: str) -> dict[str, object]:
    return {**_fields(s, language), "part": s.part, "item": s.item, "note": s.note}


def _segment(s: SegmentState, language: str) -> dict[str, object]:
    return {**_fields(s, language), "parts": [_part(p, language) for p in (s.parts or (s,))]}


def _named(s: SegmentState, language: str) -> dict[str, object]:
    """What `current` and `next` add: the part, its item, its people, and its segment's title."""
    parent = s.parent or s.segment
    return {"part": s.part, "item": s.item, "people": [role.person.name for role in s.segment.people],
            "segment_title": labels_for(language).title(parent.title, parent.kind)}


def _cut(cut: Cut, language: str) -> dict[str, object]:
    return {"part": cut.part.part, "title": title_of(cut.part, language),
            "from_minutes": cut.from_minutes, "to_minutes": cut.to_minutes}


def now_dict(day: DayState) -> dict[str, object]:
    day = on_the_forums_clock(day)
    current = day.current
    following = day.next
    language = day.plan.language
    return {
        "at": _iso(day.at),
        "state": day.state.value,
        "current": None if current is None else {
            "id": current.id, "title": title_of(current, language), "start": _iso(current.start), "end": _iso(current.end),
            "planned_start": _iso(current.planned_start), "planned_end": _iso(current.planned_end),
            "remaining_seconds": day.remaining_seconds, "over_seconds": day.over_seconds,
            "window_left_seconds": day.window_left_seconds, **_named(current, language),
        },
        "next": None if following is None else {
            "id": following.id, "title": title_of(following, language), "start": _iso(following.start),
            "planned_start": _iso(following.planned_start), **_named(following, language),
        },
        "delay_minutes": day.delay_minutes,
        "end": _iso(day.end),
        "window_end": _iso(day.window_end or day.plan.local(day.plan.window_end)),
        "over_window_minutes": day.over_window_minutes,
        "cut": [_cut(c, language) for c in day.cut],
        "segments": [_segment(s, language) for s in day.segments],
    }


def now_json(day: DayState) -> str:
    return json_text(now_dict(day)) + "\n"
