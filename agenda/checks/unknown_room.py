"""Every `room` must name a key of `forum.rooms`: the printed grid has a column per room, and no other."""

import difflib
from collections.abc import Iterator

from agenda.checks import Problem
from agenda.core.findings import Location, Path, Severity
from agenda.core.planner import Plan

CODE = "unknown-room"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    rooms = plan.rooms
    by_name = {room.name: key for key, room in rooms.items()}
    written: list[tuple[str, Path]] = []
    for track in plan.tracks:
        written.append((track.room, track.path + ("room",)))
    for seg in plan.all_segments:
        if seg.segment.room is not None:
            written.append((seg.segment.room, seg.path + ("room",)))
    for room, path in written:
        if room in rooms:
            continue
        if room in by_name:  # a room's name written where its id goes: `room: 제2회의실`
            yield Location(path), {"room": room, "suggestion": by_name[room], "named": "yes"}
            continue
        near = difflib.get_close_matches(room, list(rooms), n=1, cutoff=0.6)
        yield Location(path), {"room": room, "suggestion": near[0] if near else None,
                               "rooms": "yes" if rooms else None}
