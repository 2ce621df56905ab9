"""One person cannot be in two rooms at once.

Compared on each person's own parts (core/parts.py): a segment they take
part in as a whole, or their own turn or item within one. Two parts in
different rooms or tracks that overlap, as half-open intervals on instants
(10:00-10:30 and 10:15-10:45 do; 10:00-10:30 and 10:30-11:00 do not;
23:30-00:30 and 00:00-00:30 do), are a warning, as pretalx and frab warn.
Within one segment never: a moderator holds the whole panel their
panelists take turns in.
"""

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from agenda.checks import Problem
from agenda.core.findings import Location, Path, Severity, SegmentName
from agenda.core.planner import Plan
from agenda.core.zones import minutes_between

if TYPE_CHECKING:
    from agenda.core.parts import Part

CODE = "double-booked"
SEVERITY = Severity.WARNING

Place = tuple[str | None, str | None]
"""(track id, room id) where a part happens."""


def check(plan: Plan) -> Iterator[Problem]:
    if not plan.tracks and len(plan.rooms) < 2:
        return  # one sequence in one room: overlap says all there is to say
    from agenda.core.parts import people_parts  # only here: most forums have one room, and start sooner

    where: dict[str, tuple[Place, Path, SegmentName]] = {}
    for seg in plan.all_segments:
        where[seg.id] = ((seg.track, seg.room), seg.path, SegmentName(seg.title, seg.kind))
    for track in plan.tracks:
        where[track.id] = ((track.id, track.room), track.path, SegmentName(track.title, "parallel"))
    for holder in people_parts(plan):
        timed = [part for part in holder.parts if part.start is not None and part.end is not None
                 and not part.cancelled and part.segment_id in where]
        timed.sort(key=_start)
        for n, first in enumerate(timed):
            for second in timed[n + 1:]:
                if _start(second) >= _end(first):
                    break
                if first.segment_id == second.segment_id:
                    continue  # within one segment: never
                (place_a, _, name_a), (place_b, path_b, name_b) = where[first.segment_id or ""], \
                    where[second.segment_id or ""]
                if place_a[0] is not None and place_a[0] == place_b[0]:
                    continue  # one track: its own sequence
                if place_a == place_b:
                    continue
                yield Location(path_b), {
                    "person": holder.person.name, "title": name_b, "item": _item(second),
                    "room": _room(plan, place_b[1]), "other_room": _room(plan, place_a[1]),
                    "start": _start(second), "other": name_a, "other_item": _item(first),
                    "other_start": _start(first), "ends": _end(first),
                    "minutes": minutes_between(_start(second), min(_end(first), _end(second))), "zone": plan.zone}


def _room(plan: Plan, room: str | None) -> str | None:
    return None if room is None else plan.rooms[room].name if room in plan.rooms else room


def _item(part: "Part") -> str | None:
    return part.title if part.item_id is not None else None


def _start(part: "Part") -> datetime:
    assert part.start is not None
    return part.start


def _end(part: "Part") -> datetime:
    assert part.end is not None
    return part.end
