"""Parts: what one press of "next" moves (FORMAT.md, "Parts: what one press moves").

A segment with timed items is stepped item by item, one with `each` speaker
by speaker; any other segment is one part. Headings (`section`, `day`) are
not among the plan's segments, so they are never parts wherever they stand.
A part is a TimedSegment of its own (its id `SEGMENT:ITEM`), so the marks and
the projection treat a part exactly as they treated a segment.
"""

from dataclasses import dataclass, field, replace
from weakref import WeakKeyDictionary

from agenda.core.planner import Plan, Role, TimedSegment, Track
from agenda.core.zones import add_minutes, minutes_between

SEPARATOR = ":"


@dataclass(frozen=True)
class Part:
    timed: TimedSegment  # the part as a segment: its own id, title, times, minutes and people
    parent: TimedSegment  # the segment of the file it belongs to
    item: str | None  # the log's `item`: the item's id (position from 1) or the speaker's person id
    position: int  # its place among all the parts, from 0
    names: tuple[str, ...]  # every name that means it: `panel:2`, `panel:cho-seunghyun`
    idle_after: int = 0  # minutes of its segment left after its last timed item: idle time, not a part

    @property
    def id(self) -> str:
        return self.timed.id


@dataclass(frozen=True)
class Parts:
    """Every part of a plan, in programme order, and the names a mark may use for them."""

    all: tuple[Part, ...]
    tracks: tuple[tuple[Track, tuple[Part, ...]], ...] = ()  # each parallel block's tracks, with their own parts
    _index: dict[str, Part] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {p.id: p for p in (*self.all, *self.inside)})

    @property
    def inside(self) -> tuple[Part, ...]:
        """Every track's parts: a room's desk steps them, the main program's `next` never picks them."""
        return tuple(p for _, own in self.tracks for p in own)

    def track_of(self, part_id: str) -> tuple[Track, tuple[Part, ...]] | None:
        return next(((t, own) for t, own in self.tracks if any(p.id == part_id for p in own)), None)

    def tracks_of(self, block_id: str) -> tuple[tuple[Track, tuple[Part, ...]], ...]:
        return tuple((t, own) for t, own in self.tracks if t.block.id == block_id)

    def by_id(self, part_id: str) -> Part | None:
        return self._index.get(part_id)

    def of(self, segment_id: str) -> tuple[Part, ...]:
        return tuple(p for p in (*self.all, *self.inside) if p.parent.id == segment_id)

    def named(self, name: str) -> Part | None:
        """The part a name means: `panel:2`, `panel:cho-seunghyun`, or a bare `panel` for its first part."""
        for part in (*self.all, *self.inside):
            if name in part.names:
                return part
        parts = self.of(name)
        return parts[0] if parts else None

    def from_log(self, segment: str, item: str | None) -> Part | None:
        """A log line's part: without `item`, a segment's first part (so older logs read as before)."""
        parts = self.of(segment)
        if not parts:
            return None
        if item is None:
            return parts[0]
        return next((p for p in parts if p.item == item or f"{segment}{SEPARATOR}{item}" in p.names), None)


_CACHE: "WeakKeyDictionary[Plan, Parts]" = WeakKeyDictionary()


def parts_of(plan: Plan) -> Parts:
    """The plan's parts (computed once per plan: the server asks at every poll)."""
    found = _CACHE.get(plan)
    if found is None:
        found = Parts(tuple(_all(plan.segments)), tuple((t, tuple(_all(t.segments))) for t in plan.tracks))
        _CACHE[plan] = found
    return found


def _all(segments: tuple[TimedSegment, ...]) -> list[Part]:
    out: list[Part] = []
    for seg in segments:
        pieces = _split(seg)
        for k, (timed, item, names) in enumerate(pieces):
            last = k == len(pieces) - 1
            idle = max(0, minutes_between(timed.end, seg.end)) if last and item is not None else 0
            out.append(Part(replace(timed, index=len(out)), seg, item, len(out), names, idle))
    return out


def _split(seg: TimedSegment) -> list[tuple[TimedSegment, str | None, tuple[str, ...]]]:
    timed_items = [i for i in seg.items if i.minutes is not None and i.start is not None and i.end is not None]
    pieces: list[tuple[str | None, str, tuple[str, ...], int, tuple[Role, ...]]] = []  # item, title, names, minutes, people
    if timed_items and seg.kind != "parallel":
        for it in timed_items:
            key = it.item.id or str(it.index + 1)
            refs = [r.ref for r in it.people if r.ref is not None]
            alias = (f"{seg.id}{SEPARATOR}{refs[0]}",) if len(refs) == 1 else ()  # `panel:cho-seunghyun`
            names = tuple(dict.fromkeys((f"{seg.id}{SEPARATOR}{key}", f"{seg.id}{SEPARATOR}{it.index + 1}", *alias)))
            pieces.append((key, it.item.title, names, it.minutes or 0, it.people))
    elif seg.segment.each is not None and seg.start is not None and seg.kind != "parallel":
        turns = [r for r in seg.people if r.role == "speaker"]
        for n, role in enumerate(turns, start=1):
            key = role.ref or str(n)
            names = tuple(dict.fromkeys((f"{seg.id}{SEPARATOR}{n}", f"{seg.id}{SEPARATOR}{key}")))
            pieces.append((key, seg.title or "", names, seg.segment.each, (role,)))
    if len(pieces) < 1 or seg.start is None:
        return [(seg, None, (seg.id,))]
    out: list[tuple[TimedSegment, str | None, tuple[str, ...]]] = []
    cursor = seg.start
    for k, (item, title, names, minutes, people) in enumerate(pieces):
        end = add_minutes(cursor, minutes)
        segment = seg.segment.model_copy(update={
            "duration": minutes, "each": None, "items": [], "until": None,
            "at": seg.segment.at if k == 0 else None, "title": title or seg.segment.title})
        moderators = tuple(r for r in seg.people if r.role != "speaker")
        out.append((replace(seg, id=names[0], segment=segment, title=title or seg.title, start=cursor, end=end,
                            minutes=minutes, items=(), people=people + moderators), item, names))
        cursor = end
    return out
