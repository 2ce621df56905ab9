"""The programme as display rows, built once for every renderer (terminal, Markdown, text, HTML, CSV).

A row is what a printed programme shows on one line: its depth (a segment,
or an item beneath it), its local times, minutes, title in the reader's
language, people, note and state. The renderers differ only in markup, so
the decisions live here: which title a segment without one gets, which
people a segment shows (the moderator first, then the speakers; whoever an
item names is shown with that item and not again above it), and how a time
on a later day than the forum's date is marked.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from agenda.messages.labels import Labels
from agenda.core.planner import Plan, Role, Section, TimedItem, TimedSegment

State = Literal["scheduled", "cancelled", "section"]

_ROLE_ORDER = {"moderator": 0, "mc": 1, "speaker": 2}
"""A panel reads 좌장 first, then the speakers, as Korean programmes print it."""


@dataclass(frozen=True)
class Row:
    depth: int  # 0 for a segment, 1 for an item of it
    kind: str  # the segment's kind, or "item"
    segment_id: str
    start: datetime | None  # the forum's wall clock (plan.local); None: open start or untimed
    end: datetime | None
    when: str  # the time range as the reader's language writes it, later days marked (+1)
    minutes: int | None
    title: str
    people: tuple[Role, ...]
    note: str | None
    state: State


def programme_rows(plan: Plan, labels: Labels, sections: bool = True) -> Iterator[Row]:
    """Every segment, each followed by its items, and the section headings, in the programme's order.

    A table of times (CSV) asks for no headings: they take no time.
    """
    for entry in plan.program:
        if isinstance(entry, Section):
            if sections:
                yield section_row(entry)
        else:
            yield from segment_rows(plan, entry, labels)


def section_row(section: Section) -> Row:
    """A heading (제1부, 주제 1): no time, no minutes, no people; it names what follows."""
    return Row(0, "section", section.id, None, None, "", None, section.title, (), section.segment.note, "section")


def segment_rows(plan: Plan, seg: TimedSegment, labels: Labels) -> Iterator[Row]:
    """One segment's row, then its items' rows."""
    yield _segment_row(plan, seg, labels)
    for item in seg.items:
        yield _item_row(plan, seg, item, labels)


def _segment_row(plan: Plan, seg: TimedSegment, labels: Labels) -> Row:
    start, end = plan.local(seg.start), plan.local(seg.end)
    state: State = "section" if seg.kind == "section" else "cancelled" if seg.cancelled else "scheduled"
    return Row(0, seg.kind, seg.id, start, end, when(plan, labels, start, end), seg.minutes,
               labels.title(seg.title, seg.kind), segment_people(seg), seg.segment.note, state)


def _item_row(plan: Plan, seg: TimedSegment, item: TimedItem, labels: Labels) -> Row:
    start, end = plan.local(item.start), plan.local(item.end)
    state: State = "cancelled" if seg.cancelled else "scheduled"
    return Row(1, "item", seg.id, start, end, when(plan, labels, start, end), item.minutes,
               item.item.title, item.people, item.item.note, state)


def segment_people(seg: TimedSegment) -> tuple[Role, ...]:
    """The people shown on a segment's own row: chairs first, and nobody an item already names."""
    named = {_key(role) for item in seg.items for role in item.people}
    shown = [role for role in seg.people if role.role != "speaker" or _key(role) not in named]
    return tuple(sorted(shown, key=lambda role: _ROLE_ORDER.get(role.role, len(_ROLE_ORDER))))


def _key(role: Role) -> object:
    return role.ref if role.ref is not None else role.person


def forum_when(plan: Plan, labels: Labels) -> str:
    """The forum's date and window on its own wall clock: "2023년 12월 13일(수) 14:00~16:00"."""
    start, end = plan.local(plan.window_start), plan.local(plan.window_end)
    assert start is not None and end is not None  # a window always has both ends
    return labels.when(start, end)


def when(plan: Plan, labels: Labels, start: datetime | None, end: datetime | None) -> str:
    """`14:00~14:15`; a clock on a later day than the forum's date carries `(+1)`, `(+2)`..."""
    day = plan.forum.date
    return labels.time_range(start, end, _days_after(day, start), _days_after(day, end))


def _days_after(day: date, moment: datetime | None) -> int:
    return 0 if moment is None else (moment.date() - day).days
