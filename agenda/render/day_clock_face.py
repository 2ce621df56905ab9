"""The day on the forum's wall clock: the one place the day's UTC instants become times a reader sees.

The projection keeps every time as a UTC instant (so comparing and subtracting never read a wall
clock); each renderer of the day starts by calling `on_the_forums_clock`, and formats what it gets.
"""

from dataclasses import replace
from datetime import datetime

from agenda.day.projection import Cut, DayState, RoomState, SegmentState


_last: tuple[DayState, DayState] | None = None  # the state last shown, and it on the forum's clock


def on_the_forums_clock(day: DayState) -> DayState:
    """The same state with every time in the forum's zone (idempotent: a second call changes nothing).

    A screen asks for it several times a frame (the clock, the figures, the day's line, what is next),
    every second of the day: the state last asked about, or the answer given, is answered at once.
    """
    global _last
    last = _last  # one read: another thread may set it meanwhile
    if last is not None and (day is last[0] or day is last[1]):
        return last[1]
    shown = _on_the_forums_clock(day)
    _last = (day, shown)
    return shown


def _on_the_forums_clock(day: DayState) -> DayState:
    local = day.plan.local
    shown: dict[int, SegmentState] = {}

    def part(s: SegmentState) -> SegmentState:
        if id(s) not in shown:
            shown[id(s)] = replace(s, start=local(s.start), end=local(s.end), planned_start=local(s.planned_start),
                                   planned_end=local(s.planned_end), parts=tuple(part(p) for p in s.parts))
        return shown[id(s)]

    def maybe(s: SegmentState | None) -> SegmentState | None:
        return None if s is None else part(s)

    def room(r: RoomState) -> RoomState:
        return replace(r, parts=tuple(part(p) for p in r.parts), current=maybe(r.current), next=maybe(r.next),
                       current_due=local(r.current_due), end=local(r.end), block_end=local(r.block_end),
                       limit=local(r.limit),
                       cut=tuple(Cut(part(c.part), c.from_minutes, c.to_minutes) for c in r.cut))

    parts = tuple(part(p) for p in day.parts)
    return replace(day, cut_end=local(day.cut_end), rooms={key: room(r) for key, r in day.rooms.items()}, at=local(day.at), segments=tuple(part(s) for s in day.segments), parts=parts,
                   current=maybe(day.current), next=maybe(day.next), current_due=local(day.current_due),
                   end=local(day.end), window_end=_local_or_none(day, day.window_end),
                   cut=tuple(Cut(part(c.part), c.from_minutes, c.to_minutes) for c in day.cut),
                   days=tuple(_on_the_forums_clock(d) for d in day.days))


def _local_or_none(day: DayState, moment: datetime | None) -> datetime | None:
    return day.plan.local(moment)
