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
from agenda.core.planner import Day, Plan, Role, Section, TimedItem, TimedSegment, Track
from agenda.render.people import role_text

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
    room: str | None = None  # the room's name, when the file has rooms
    track: str | None = None  # inside a parallel block: the track's id (a sub-table per track)


def programme_rows(plan: Plan, labels: Labels, sections: bool = True) -> Iterator[Row]:
    """Every segment, each followed by its items, and the section headings, in the programme's order.

    A table of times (CSV) asks for no headings: they take no time.
    """
    for entry in plan.program:
        if isinstance(entry, Section):
            if sections:
                yield section_row(entry, labels, plan)
        else:
            yield from segment_rows(plan, entry, labels)
            for track in entry.tracks:
                yield from track_rows(plan, track, labels, sections)


def section_row(section: Section, labels: Labels | None = None, plan: Plan | None = None,
                track: str | None = None) -> Row:
    """A heading (제1부, 주제 1): no time, no minutes; it names what follows, and its 좌장 once.

    A day heading reads "Day 2 · Tuesday, 21 May 2024 · title".
    """
    title = section.title
    if section.window is not None and labels is not None:
        title = labels.day_heading(section.window.number, section.window.date, section.title)
    kind = "day" if section.kind == "day" else "section"
    return Row(0, kind, section.id, None, None, "", None, title, section.people, section.segment.note, "section",
               track=track)


def heading_text(row: Row, labels: Labels) -> str:
    """A heading row in one line, its 좌장 after its title: where a heading spans the table (HTML)."""
    return " · ".join([row.title, *(role_text(role, labels) for role in row.people)])


def tables(rows: list[Row]) -> list[list[Row]]:
    """The rows cut where a track starts or ends: the main programme, then a sub-table per track."""
    out: list[list[Row]] = []
    for row in rows:
        if not out or out[-1][-1].track != row.track:
            out.append([])
        out[-1].append(row)
    return out


def track_rows(plan: Plan, track: Track, labels: Labels, sections: bool = True) -> Iterator[Row]:
    """A track's heading (its room, title and 좌장), then its program, each row marked with the track."""
    if sections:
        room = plan.rooms.get(track.room)
        title = " · ".join(part for part in (room.name if room else track.room, track.title) if part)
        people = (track.moderator,) if track.moderator is not None else ()
        yield Row(0, "track", track.id, None, None, "", None, title,  # a heading: its block holds the time
                  people, None, "section", room=room.name if room else track.room, track=track.id)
    for entry in track.program:
        if isinstance(entry, Section):
            if sections:
                yield section_row(entry, labels, plan, track.id)
        else:
            yield from segment_rows(plan, entry, labels, track.id)


def segment_rows(plan: Plan, seg: TimedSegment, labels: Labels, track: str | None = None) -> Iterator[Row]:
    """One segment's row, then its items' rows."""
    yield _segment_row(plan, seg, labels, track)
    for item in seg.items:
        yield _item_row(plan, seg, item, labels, track)


def _room(plan: Plan, seg: TimedSegment) -> str | None:
    if seg.room is None:
        return None
    room = plan.rooms.get(seg.room)
    return room.name if room is not None else seg.room


def _segment_row(plan: Plan, seg: TimedSegment, labels: Labels, track: str | None = None) -> Row:
    start, end = plan.local(seg.start), plan.local(seg.end)
    state: State = "section" if seg.kind == "section" else "cancelled" if seg.cancelled else "scheduled"
    return Row(0, seg.kind, seg.id, start, end, when(plan, labels, start, end, plan.day_of(seg)), seg.minutes,
               labels.title(seg.title, seg.kind), segment_people(seg), seg.segment.note, state,
               _room(plan, seg), track)


def _item_row(plan: Plan, seg: TimedSegment, item: TimedItem, labels: Labels, track: str | None = None) -> Row:
    start, end = plan.local(item.start), plan.local(item.end)
    state: State = "cancelled" if seg.cancelled else "scheduled"
    return Row(1, "item", seg.id, start, end, when(plan, labels, start, end, plan.day_of(seg)), item.minutes,
               item.item.title, item.people, item.item.note, state, _room(plan, seg), track)


def segment_people(seg: TimedSegment) -> tuple[Role, ...]:
    """The people shown on a segment's own row: chairs first, and nobody an item already names.

    A section's 좌장 is printed once, on the section's heading, not on every segment under it.
    """
    named = {_key(role) for item in seg.items for role in item.people}
    shown = [role for role in seg.people if not role.inherited and (role.role != "speaker" or _key(role) not in named)]
    return tuple(sorted(shown, key=lambda role: _ROLE_ORDER.get(role.role, len(_ROLE_ORDER))))


def _key(role: Role) -> object:
    return role.ref if role.ref is not None else role.person


def forum_when(plan: Plan, labels: Labels) -> str:
    """The forum's date and window on its own wall clock: "2023년 12월 13일(수) 14:00~16:00";
    a forum of several days, its first and last dates."""
    if plan.has_days:
        return labels.date_span(plan.days[0].date, plan.days[-1].date)
    start, end = plan.local(plan.window_start), plan.local(plan.window_end)
    assert start is not None and end is not None  # a window always has both ends
    return labels.when(start, end)


def when(plan: Plan, labels: Labels, start: datetime | None, end: datetime | None, on: Day | None = None) -> str:
    """`14:00~14:15`; a clock on a later day than its day's date (the forum's) carries `(+1)`, `(+2)`..."""
    day = on.date if on is not None else plan.forum.date
    return labels.time_range(start, end, _days_after(day, start), _days_after(day, end))


def _days_after(day: date, moment: datetime | None) -> int:
    return 0 if moment is None else (moment.date() - day).days
