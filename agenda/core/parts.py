"""Each person's parts in a plan: what they do, when, and who comes before and after them.

A part is what a person has to be there for. A moderator or MC holds the
whole segment; a speaker with their own timed item holds that item (a
panelist's 15-minute turn); with `each` and no items, each speaker holds
their turn, in order, `each` minutes apiece; anyone else holds the segment.
The forum's own MC and moderator hold the whole forum. Parts are keyed by
segment id and item id, the same keys as their calendar UIDs, so two
versions of a plan can be compared part by part.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from agenda.core.model import Person
from agenda.core.planner import Plan, Role, TimedItem, TimedSegment
from agenda.core.zones import add_minutes

WHOLE_SEGMENT_ROLES = ("moderator", "mc")

SegmentNamer = Callable[[TimedSegment], str]
"""How a segment is named in a part: its title, or its kind's label in the reader's language (the caller's)."""


def kind_or_title(seg: TimedSegment) -> str:
    return seg.title or seg.kind


@dataclass(frozen=True)
class Part:
    segment_id: str | None  # None: the forum itself (its MC or moderator)
    item_id: str | None
    role: str  # speaker, moderator, mc
    title: str
    start: datetime | None
    end: datetime | None
    cancelled: bool
    before: tuple[str, ...] = ()  # who speaks just before (names)
    after: tuple[str, ...] = ()
    kind: str | None = None  # the segment's kind, which names a speaker's role (발제자, 지정토론자)
    room: str | None = None  # the room's name, when the file has rooms: a change of room is a change
    day: int = 1  # the day (from 1) it is on; a forum host holds one part per day

    @property
    def key(self) -> tuple[str | None, str | None]:
        """Segment and item id; a host's part on day N (N >= 2) is `day-N`, as its calendar UID is."""
        if self.segment_id is None and self.day > 1:
            return (None, f"day-{self.day}")
        return (self.segment_id, self.item_id)

    @property
    def minutes(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return int((self.end.timestamp() - self.start.timestamp()) // 60)


@dataclass
class PersonParts:
    key: str  # people id, or a slug of an inline person's name
    person: Person
    parts: list[Part] = field(default_factory=list)

    @property
    def email(self) -> str | None:
        return self.person.email


def item_id(item: TimedItem) -> str:
    """An item's own id, else its position from 1."""
    return item.item.id or str(item.index + 1)


def name_slug(name: str) -> str:
    """A file-name-safe key for a person without a people id; Hangul and other letters stay."""
    text = unicodedata.normalize("NFC", name).strip().lower()
    slug = re.sub(r"[^\w.]+", "-", text).strip("-._")
    return slug or "person"


def people_parts(plan: Plan, name: SegmentNamer = kind_or_title) -> list[PersonParts]:
    """Everyone who takes part, in order of first appearance, with their parts in time order.

    `name` gives a segment without a title of its own its words: the core has no language.
    """
    people: dict[str, PersonParts] = {}
    by_name = {person.name: ref for ref, person in plan.document.people.items()}

    def entry(role: Role) -> PersonParts:
        key = role.ref or by_name.get(role.person.name) or free_slug(role.person.name)
        if key not in people:
            person = plan.document.people.get(key, role.person)
            people[key] = PersonParts(key, person)
        return people[key]

    def free_slug(name: str) -> str:
        """A slug no roster id and no other person already holds (Jane Doe inline vs a roster jane-doe)."""
        base = key = name_slug(name)
        n = 1
        while key in plan.document.people or (key in people and people[key].person.name != name):
            n += 1
            key = f"{base}-{n}"
        return key

    for role in plan.hosts:  # the forum's MC holds each day's window, never one stretch through the night
        for day in plan.days if plan.has_days else ():
            entry(role).parts.append(Part(None, None, role.role, plan.forum.title, day.start, day.end, False,
                                          day=day.number))
        if not plan.has_days:
            entry(role).parts.append(Part(None, None, role.role, plan.forum.title,
                                          plan.window_start, plan.window_end, False))
    for segments in _sequences(plan):
        for n, seg in enumerate(segments):
            before = _who(segments[n - 1], name) if n > 0 else ()
            after = _who(segments[n + 1], name) if n + 1 < len(segments) else ()
            for key_role, part in _segment_parts(seg, name(seg), before, after):
                holder = entry(key_role)
                if all(p.key != part.key for p in holder.parts):
                    holder.parts.append(part)
            for track in seg.tracks:  # a track's moderator holds the whole track
                if track.moderator is not None:
                    title = track.title or name(seg)
                    entry(track.moderator).parts.append(
                        Part(track.id, None, "moderator", title, track.start, track.end, seg.cancelled))
    rooms = {key: room.name for key, room in plan.rooms.items()}
    where: dict[str | None, str | None] = {seg.id: rooms.get(seg.room or "", seg.room) for seg in plan.all_segments}
    where |= {track.id: rooms.get(track.room, track.room) for track in plan.tracks}
    kinds: dict[tuple[str | None, str | None], str] = {(seg.id, None): seg.kind for seg in plan.all_segments}
    kinds |= {(seg.id, item_id(item)): str(item.item.kind) for seg in plan.all_segments for item in seg.items
              if item.item.kind is not None}  # a 발제 inside a panel: its speaker presents
    for holder in people.values():
        # Each part on its own file's clock (a notice shows each side as written), with its segment's
        # kind, and neighbours that are not the holder: nobody comes before or after themselves.
        holder.parts = [replace(part, start=plan.local(part.start), end=plan.local(part.end),
                                kind=kinds.get(part.key) or kinds.get((part.segment_id, None)),
                                room=where.get(part.segment_id),
                                day=part.day if part.segment_id is None else _day_of(plan, part.start or part.end),
                                before=_others(part.before, holder.person.name),
                                after=_others(part.after, holder.person.name))
                        for part in holder.parts]
        if plan.tracks or plan.has_days:  # side by side or over days, a person's parts follow the clock
            holder.parts.sort(key=lambda part: (part.start is None, part.start.timestamp() if part.start else 0))
    return list(people.values())


def _day_of(plan: Plan, moment: datetime | None) -> int:
    """The day whose window holds the moment, else the last that starts before it (a part past the end)."""
    if moment is None or len(plan.days) < 2:
        return 1
    holding = next((day for day in plan.days if day.start <= moment < day.end), None)
    started = [day for day in plan.days if day.start <= moment]
    return (holding or (started[-1] if started else plan.days[0])).number


def _sequences(plan: Plan) -> list[tuple[TimedSegment, ...]]:
    """The main program, then (after their block) each track's own: neighbours are within one sequence."""
    return [plan.segments, *(track.segments for track in plan.tracks)]


def _others(names: tuple[str, ...], own: str) -> tuple[str, ...]:
    return tuple(name for name in names if name != own)


def _who(seg: TimedSegment, name: SegmentNamer) -> tuple[str, ...]:
    """Who a neighbouring segment is: its people by name, else its title."""
    names = [role.person.name for role in seg.people]
    names += [role.person.name for item in seg.items for role in item.people]
    return tuple(dict.fromkeys(names)) or (name(seg),)


Turn = tuple[datetime | None, datetime | None, str | None, str, tuple[Role, ...]]
"""One timed stretch of a segment: start, end, item id, title, and who speaks in it."""


def _segment_parts(seg: TimedSegment, seg_title: str, seg_before: tuple[str, ...],
                   seg_after: tuple[str, ...]) -> list[tuple[Role, Part]]:
    whole = [role for role in seg.people if role.role in WHOLE_SEGMENT_ROLES]
    whole_names = {role.person.name for role in whole}
    timed = [item for item in seg.items if item.start is not None]
    turns = _turns(seg, seg_title) if seg.segment.each is not None and not seg.items else []
    sequence: list[Turn] = [(item.start, item.end, item_id(item), item.item.title, item.people)
                            for item in timed] or turns
    order = [tuple(r.person.name for r in roles) or (title,) for *_, title, roles in sequence]

    parts: list[tuple[Role, Part]] = []
    for role in whole:
        parts.append((role, _whole(seg, seg_title, role.role, seg_before, seg_after)))
    for n, (start, end, item_key, title, roles) in enumerate(sequence):
        before = order[n - 1] if n > 0 else seg_before
        after = order[n + 1] if n + 1 < len(order) else seg_after
        for role in roles:
            if role.person.name not in whole_names:
                parts.append((role, Part(seg.id, item_key, role.role, title, start, end, seg.cancelled,
                                         before, after)))
    covered = {role.person.name for role, _ in parts}
    rest = [role for role in seg.people if role.person.name not in covered]
    rest += [role for item in seg.items if item.start is None for role in item.people
             if role.person.name not in covered]
    for role in rest:
        titled = next((item.item.title for item in seg.items if item.start is None and role in item.people), None)
        parts.append((role, _whole(seg, seg_title, role.role, seg_before, seg_after, titled)))
        covered.add(role.person.name)
    return parts


def _whole(seg: TimedSegment, seg_title: str, role: str, before: tuple[str, ...], after: tuple[str, ...],
           item_title: str | None = None) -> Part:
    title = f"{seg_title} · {item_title}" if item_title and item_title != seg_title else seg_title
    return Part(seg.id, None, role, title, seg.start, seg.end, seg.cancelled, before, after)


def _turns(seg: TimedSegment, seg_title: str) -> list[Turn]:
    """With `each` and no items: each speaker's turn, in order, `each` minutes apiece."""
    each = seg.segment.each
    if seg.start is None or each is None:
        return []
    speakers = [role for role in seg.people if role.role == "speaker"]
    return [(add_minutes(seg.start, n * each), add_minutes(seg.start, (n + 1) * each), None, seg_title, (role,))
            for n, role in enumerate(speakers)]
