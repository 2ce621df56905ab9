"""`agenda now --format json`: the live state in FORMAT.md's shape, for scripts and `agenda serve`."""

from datetime import datetime

from agenda.day.projection import DayState, SegmentState
from agenda.render.inert import json_text
from agenda.render.day_text import title_of


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _segment(s: SegmentState, language: str) -> dict[str, object]:
    return {"id": s.id, "title": title_of(s, language), "status": s.status,
            "planned_start": _iso(s.planned_start), "planned_end": _iso(s.planned_end),
            "planned_minutes": s.segment.minutes,
            "start": _iso(s.start), "end": _iso(s.end), "minutes": s.minutes}


def now_dict(day: DayState) -> dict[str, object]:
    current = day.current
    following = day.next
    language = day.plan.language
    return {
        "at": _iso(day.at),
        "state": day.state,
        "current": None if current is None else {
            "id": current.id, "title": title_of(current, language), "start": _iso(current.start), "end": _iso(current.end),
            "planned_start": _iso(current.planned_start), "planned_end": _iso(current.planned_end),
            "remaining_seconds": day.remaining_seconds, "over_seconds": day.over_seconds,
        },
        "next": None if following is None else {
            "id": following.id, "title": title_of(following, language), "start": _iso(following.start),
            "planned_start": _iso(following.planned_start),
        },
        "delay_minutes": day.delay_minutes,
        "end": _iso(day.end),
        "window_end": _iso(day.window_end or day.plan.local(day.plan.window_end)),
        "over_window_minutes": day.over_window_minutes,
        "segments": [_segment(s, language) for s in day.segments],
    }


def now_json(day: DayState) -> str:
    return json_text(now_dict(day)) + "\n"
