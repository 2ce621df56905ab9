"""What changed in each person's own parts between two versions of a plan.

People are matched by id, else by name (so renaming an id alone moves
nobody); parts by segment id and item id, the keys of their calendar UIDs.
Times are compared as instants. Only the person's own parts count: a change
next door that leaves their times alone is not theirs to be told about.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from agenda.core.model import Person
from agenda.core.parts import Part, PersonParts, SegmentNamer, kind_or_title, people_parts
from agenda.core.planner import Plan


@dataclass(frozen=True)
class PartChange:
    change: str  # start, end, minutes, title, room, cancelled, restored, added, removed
    part: Part  # the part as it is now (as it was, for removed)
    before: Any = None  # a datetime (start, end), minutes, a title, or the part itself
    after: Any = None


@dataclass
class PersonChanges:
    old: PersonParts | None
    new: PersonParts | None
    changes: list[PartChange]

    @property
    def holder(self) -> PersonParts:
        holder = self.new or self.old
        assert holder is not None, "a person is in at least one version"
        return holder

    @property
    def key(self) -> str:
        return self.holder.key

    @property
    def person(self) -> Person:
        return self.holder.person

    @property
    def removed_parts(self) -> list[Part]:
        return [c.part for c in self.changes if c.change == "removed"]


def _instant(moment: datetime | None) -> float | None:
    return None if moment is None else moment.timestamp()


def part_changes(was: Part | None, now: Part | None) -> list[PartChange]:
    if was is None:
        return [] if now is None else [PartChange("added", now, None, now)]
    if now is None:
        return [PartChange("removed", was, was, None)]
    changes = []
    if was.cancelled != now.cancelled:
        changes.append(PartChange("cancelled" if now.cancelled else "restored", now, was, now))
    if was.cancelled and now.cancelled:
        return changes  # called off before and after: where its empty slot moved is nobody's news
    if _instant(was.start) != _instant(now.start):
        changes.append(PartChange("start", now, was.start, now.start))
    if _instant(was.end) != _instant(now.end):
        changes.append(PartChange("end", now, was.end, now.end))
    if was.minutes != now.minutes:
        changes.append(PartChange("minutes", now, was.minutes, now.minutes))
    if was.title != now.title:
        changes.append(PartChange("title", now, was.title, now.title))
    if was.room != now.room:
        changes.append(PartChange("room", now, was.room, now.room))
    return changes


def match_people(old: list[PersonParts], new: list[PersonParts]) -> list[tuple[PersonParts | None, PersonParts | None]]:
    """Pairs by key, then the rest by name; everyone appears once, in NEW's order then OLD's leftovers."""
    old_by_key = {p.key: p for p in old}
    pairs: dict[str, PersonParts | None] = {}
    for person in new:
        pairs[person.key] = old_by_key.pop(person.key, None)
    old_by_name: dict[str, PersonParts] = {}
    for person in old_by_key.values():
        old_by_name.setdefault(person.person.name, person)
    for person in new:
        if pairs[person.key] is None and person.person.name in old_by_name:
            pairs[person.key] = old_by_name.pop(person.person.name)
    matched = [(pairs[p.key], p) for p in new]
    taken = {id(was) for was, _ in matched if was is not None}
    return matched + [(p, None) for p in old if id(p) not in taken]


def compare_people(before: Plan, after: Plan, name: SegmentNamer = kind_or_title) -> list[PersonChanges]:
    """Everyone in either version, with their own changes (an empty list: nothing of theirs moved).

    Both versions name their segments with the same `name`, so a file's language is never a change.
    """
    result = []
    for was, now in match_people(people_parts(before, name), people_parts(after, name)):
        old_parts = {p.key: p for p in (was.parts if was else [])}
        new_parts = {p.key: p for p in (now.parts if now else [])}
        changes = []
        for key, part in new_parts.items():
            changes += part_changes(old_parts.get(key), part)
        for key, part in old_parts.items():
            if key not in new_parts:
                changes += part_changes(part, None)
        result.append(PersonChanges(was, now, changes))
    return result


def first_release(after: Plan, name: SegmentNamer = kind_or_title) -> list[PersonChanges]:
    """Everyone in the plan, each of their parts as new: the first notice tells people their whole part.

    A part called off is nobody's news; someone whose every part is called off gets no notice.
    """
    return [PersonChanges(None, person, [PartChange("added", part, None, part)
                                         for part in person.parts if not part.cancelled])
            for person in people_parts(after, name)]
