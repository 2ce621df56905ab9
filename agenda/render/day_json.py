"""`agenda now --format json`: the live state in FORMAT.md's shape, for scripts and `agenda serve`."""

from datetime import datetime

from agenda.day.projection import Cut, DayState, SegmentState, room_view
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


def _current(day: DayState, current: SegmentState | None, language: str) -> dict[str, object] | None:
    return None if current is None else {
        "id": current.id, "title": title_of(current, language), "start": _iso(current.start), "end": _iso(current.end),
        "planned_start": _iso(current.planned_start), "planned_end": _iso(current.planned_end),
        "remaining_seconds": day.remaining_seconds, "over_seconds": day.over_seconds,
        "window_left_seconds": day.window_left_seconds, **_named(current, language),
    }


def _next(following: SegmentState | None, language: str) -> dict[str, object] | None:
    return None if following is None else {
        "id": following.id, "title": title_of(following, language), "start": _iso(following.start),
        "planned_start": _iso(following.planned_start), **_named(following, language),
    }


def _rooms(day: DayState, language: str) -> dict[str, object]:
    """While a parallel block runs: each room's running part, its next and its cut (FORMAT.md, "Rooms on the day")."""
    out: dict[str, object] = {}
    for key in day.rooms:
        seen = room_view(day, key)
        out[key] = {"current": _current(seen, seen.current, language), "next": _next(seen.next, language),
                    "cut": [_cut(c, language) for c in seen.cut]}
    return out


def now_dict(day: DayState) -> dict[str, object]:
    day = on_the_forums_clock(day)
    language = day.plan.language
    shown: dict[str, object] = {
        "at": _iso(day.at),
        "state": day.state.value,
    }
    if day.room is not None:
        shown["room"] = day.room
    return {
        **shown,
        "current": _current(day, day.current, language),
        "next": _next(day.next, language),
        "delay_minutes": day.delay_minutes,
        "end": _iso(day.end),
        "window_end": _iso(day.window_end or day.plan.local(day.plan.window_end)),
        "over_window_minutes": day.over_window_minutes,
        "cut": [_cut(c, language) for c in day.cut],
        "segments": [_segment(s, language) for s in day.segments],
        **({"rooms": _rooms(day, language)} if day.rooms and day.room is None else {}),
    }


def now_json(day: DayState) -> str:
    return json_text(now_dict(day)) + "\n"
