"""Marks: what the desk says happened, and which of them are still in force.

A log line is a fact as it was recorded; `undo` withdraws the latest mark
still in force, a second `undo` the one before it. Every mark is stored with
the part it resolved to when it was made (`next` names the part it started),
so replaying the log never has to guess again. Every time here is a UTC
instant; the log line is written on the forum's clock.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone, tzinfo
from enum import StrEnum

from agenda.core.planner import Plan, TimedSegment
from agenda.day.days import day_after, window_for
from agenda.day.parts import Part, parts_of

PASSED_OVER = frozenset({"registration", "section"})
"""Kinds a default `start` or `next` never picks: they are not run from the desk."""

NOTHING = "none"
"""The `expect` of a desk that saw nothing running."""


class MarkKind(StrEnum):
    START = "start"
    END = "end"
    NEXT = "next"
    SKIP = "skip"
    UNDO = "undo"


@dataclass(frozen=True)
class Mark:
    at: datetime  # an instant in UTC
    kind: MarkKind
    segment: str | None = None  # the segment of the file, as the log line says
    item: str | None = None  # its part, for a segment with parts (None: its first part)
    key: str | None = None  # the client's `id`: a press retried with the same id counts once
    note: str | None = None  # the reason given at the mark (`skip PART --note`)
    room: str | None = None  # during a parallel block: the room whose track it steps

    def as_record(self, zone: tzinfo) -> dict[str, str | None]:
        record: dict[str, str | None] = {"at": self.at.astimezone(zone).isoformat(), "mark": self.kind.value,
                                         "segment": self.segment}
        for name, value in (("item", self.item), ("room", self.room), ("note", self.note), ("id", self.key)):
            if value is not None:
                record[name] = value
        return record


def instant(moment: datetime) -> datetime:
    """An aware time as the UTC instant the day keeps."""
    return moment.astimezone(timezone.utc)


class ImpossibleMark(Exception):
    """A mark that cannot have happened given the marks in force; nothing is appended.

    It carries a reason and typed details, never a sentence: the edge says it in the reader's language.
    """

    def __init__(self, reason: str, **details: object) -> None:
        super().__init__(reason, details)
        self.reason = reason
        self.details = details


@dataclass(frozen=True)
class DayWarning:
    """Something in the marks log that is passed over: the reason and its details, said at the edge.

    Hashable, so that a server polling the log says each one once.
    """

    reason: str  # torn-line, unreadable-line, unknown-segment, no-longer-fits, clock-behind
    details: tuple[tuple[str, object], ...] = ()

    @property
    def arguments(self) -> dict[str, object]:
        return dict(self.details)


@dataclass
class Facts:
    """The parts' actual times (UTC instants), as the marks in force say; keyed by part id."""

    started: dict[str, datetime] = field(default_factory=dict)
    ended: dict[str, datetime] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)
    notes: dict[str, str] = field(default_factory=dict)  # a skipped part's reason
    running: str | None = None
    in_force: list[Mark] = field(default_factory=list)
    rooms: dict[str, str | None] = field(default_factory=dict)  # while a block runs: each room's running part

    @property
    def latest(self) -> datetime | None:
        return max((m.at for m in self.in_force), default=None)


def part_of(plan: Plan, mark: Mark) -> Part | None:
    return None if mark.segment is None else parts_of(plan).from_log(mark.segment, mark.item)


def segment_by_id(plan: Plan, part_id: str) -> TimedSegment | None:
    """A part (as a segment of its own) by its id."""
    part = parts_of(plan).by_id(part_id)
    return part.timed if part is not None else None


def frontier(plan: Plan, facts: Facts) -> int:
    """Position of the last part in programme order that has started; -1 if none has."""
    return max((p.position for p in parts_of(plan).all if p.id in facts.started), default=-1)


def default_next(plan: Plan, facts: Facts, day: int | None = None) -> Part | None:
    """The part `start` or `next` picks: the first after the last started one that can still run
    (on a forum of several days, on `day`: tomorrow's first part is never today's next)."""
    after = frontier(plan, facts)
    for part in parts_of(plan).all[after + 1:]:
        seg = part.timed
        if seg.kind in PASSED_OVER or seg.cancelled or part.id in facts.skipped or part.id in facts.started:
            continue
        if day is not None and seg.day != day:
            continue
        return part
    return None


def _today(plan: Plan, at: datetime) -> int | None:
    """The day a mark at `at` starts a part on; None for a forum of one day."""
    return window_for(plan, at).number if plan.has_days else None


def _day_over(plan: Plan, today: int) -> ImpossibleMark:
    """Nothing is left to start today: say when the next day starts, or that nothing is left at all."""
    day = next(d for d in plan.days if d.number == today)
    following = day_after(plan, day)
    if following is None:
        return ImpossibleMark("none-left")
    return ImpossibleMark("day-over", day=today, next_day=following.number, starts=plan.local(following.start))


def running_block(plan: Plan, facts: Facts) -> TimedSegment | None:
    """The parallel block that runs, if one does: its rooms step their own tracks."""
    part = None if facts.running is None else parts_of(plan).by_id(facts.running)
    return part.timed if part is not None and part.timed.kind == "parallel" else None


def track_next(facts: Facts, own: tuple[Part, ...]) -> Part | None:
    """A track's part that its room's `next` picks: as `default_next`, within the track."""
    after = max((p.position for p in own if p.id in facts.started), default=-1)
    for part in own[after + 1:]:
        seg = part.timed
        if seg.kind in PASSED_OVER or seg.cancelled or part.id in facts.skipped or part.id in facts.started:
            continue
        return part
    return None


def rooms_going(plan: Plan, facts: Facts) -> tuple[str, ...]:
    """The running block's rooms whose track is still running: a part runs in it, or one is left to start."""
    block = running_block(plan, facts)
    if block is None:
        return ()
    return tuple(t.room for t, own in parts_of(plan).tracks_of(block.id)
                 if facts.rooms.get(t.room) is not None or track_next(facts, own) is not None)


def room_names(plan: Plan, rooms: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each room's id with its name (forum.rooms): a refusal names both, so the desk knows what to send."""
    return tuple((r, plan.rooms[r].name if r in plan.rooms else r) for r in rooms)


def running_expect(facts: Facts, room: str | None = None) -> str:
    if room is not None and room in facts.rooms:
        return facts.rooms[room] or NOTHING
    return facts.running or NOTHING


def expect_matches(plan: Plan, facts: Facts, expect: str, room: str | None = None) -> bool:
    """`expect` names what runs (in the room, for a room's desk during a block): the part (by any of its
    names, or its bare segment), or `none`."""
    running = facts.rooms.get(room) if room is not None and room in facts.rooms else facts.running
    if running is None:
        return expect == NOTHING
    part = parts_of(plan).by_id(running)
    if part is None:
        return False
    return expect in part.names or expect == part.parent.id


def _mark(at: datetime, kind: MarkKind, part: Part | None, note: str | None = None) -> Mark:
    if part is None:
        return Mark(at, kind, None, None, note=note)
    return Mark(at, kind, part.parent.id, part.item, note=note)


def resolve(plan: Plan, facts: Facts, kind: MarkKind, name: str | None, at: datetime,
            note: str | None = None, room: str | None = None) -> tuple[Mark, tuple[str, ...]]:
    """The mark as it will be stored, with the part ids it touches; or ImpossibleMark saying why it cannot be.

    A `skip` of a bare segment with parts skips each of its parts not yet started.
    """
    at = instant(at)
    parts = parts_of(plan)
    latest = facts.latest
    if kind is not MarkKind.UNDO and latest is not None and at < latest:
        raise ImpossibleMark("before-latest", at=plan.local(at), latest=plan.local(latest))
    part = None
    if name is not None:
        part = parts.named(name)
        if part is None:
            raise ImpossibleMark("unknown-segment", segment=name, known=tuple(p.id for p in parts.all))
    if kind is MarkKind.UNDO:
        if not facts.in_force:
            raise ImpossibleMark("nothing-to-undo")
        return Mark(at, kind), ()
    block = running_block(plan, facts)
    if kind is not MarkKind.SKIP and block is not None:
        inside = parts.track_of(part.id) if part is not None else None
        if room is None and inside is not None:
            room = inside[0].room
        if room is None and (part is None or inside is not None):  # a main part named: the main program's mark
            going = rooms_going(plan, facts)
            if len(going) > 1:
                raise ImpossibleMark("which-room", rooms=room_names(plan, going))
            room = going[0] if going else None
        if room is not None:
            return _in_room(plan, facts, kind, name, part, room, at, block)
    if kind is MarkKind.END:
        if facts.running is None:
            raise ImpossibleMark("nothing-running")
        running = parts.by_id(facts.running)
        if part is not None and part.id != facts.running and (running is None or name != running.parent.id):
            raise ImpossibleMark("not-running", segment=name, running=facts.running)
        return _mark(at, kind, running), (facts.running,)
    if kind is MarkKind.SKIP:
        if part is None or name is None:
            raise ImpossibleMark("skip-which")
        whole = name == part.parent.id and len(parts.of(name)) > 1
        chosen = [p for p in parts.of(name) if p.id not in facts.started] if whole else [part]
        if not whole and part.id in facts.started or whole and not chosen:
            raise ImpossibleMark("skip-started", segment=name)
        chosen = [p for p in chosen if p.id not in facts.skipped]
        if not chosen:
            raise ImpossibleMark("already-skipped", segment=name)
        if whole:
            return Mark(at, kind, name, None, note=note), tuple(p.id for p in chosen)
        return _mark(at, kind, part, note), (part.id,)
    today = _today(plan, at)
    if part is None:
        part = default_next(plan, facts, today)
        if part is None:
            if kind is MarkKind.NEXT and facts.running is not None:
                return Mark(at, kind), ()  # the last one (of the day) ends; nothing follows
            raise _day_over(plan, today) if today is not None else ImpossibleMark("none-left")
    if today is not None and part.timed.day != today:
        day = plan.day_of(part.timed)
        raise ImpossibleMark("other-day", segment=part.id, day=day.number, today=today,
                             starts=plan.local(day.start), ends=plan.local(day.end))
    if part.id in facts.started:
        raise ImpossibleMark("already-started", segment=part.id, started=plan.local(facts.started[part.id]))
    if part.timed.cancelled:
        raise ImpossibleMark("cancelled", segment=part.id)
    return _mark(at, kind, part), (part.id,)


def _in_room(plan: Plan, facts: Facts, kind: MarkKind, name: str | None, part: Part | None, room: str,
             at: datetime, block: TimedSegment) -> tuple[Mark, tuple[str, ...]]:
    """A room's mark during its block: it steps that room's track as `next`/`start`/`end` step the program."""
    tracks = {t.room: own for t, own in parts_of(plan).tracks_of(block.id)}
    if room not in tracks:
        raise ImpossibleMark("unknown-room", room=room, rooms=room_names(plan, tuple(tracks)))
    own = tracks[room]
    running = facts.rooms.get(room)
    if part is not None and part not in own:
        raise ImpossibleMark("not-in-room", segment=name, room=room)
    if kind is MarkKind.END:
        if running is None:
            raise ImpossibleMark("nothing-running")
        now = parts_of(plan).by_id(running)
        if part is not None and part.id != running and (now is None or name != now.parent.id):
            raise ImpossibleMark("not-running", segment=name, running=running)
        return replace(_mark(at, kind, now), room=room), (running,)
    if part is None:
        part = track_next(facts, own)
        if part is None:
            if kind is MarkKind.NEXT and running is not None:
                return Mark(at, kind, room=room), ()  # the track's last part ends; the room is done
            raise ImpossibleMark("none-left")
    if part.id in facts.started:
        raise ImpossibleMark("already-started", segment=part.id, started=plan.local(facts.started[part.id]))
    if part.timed.cancelled:
        raise ImpossibleMark("cancelled", segment=part.id)
    return replace(_mark(at, kind, part), room=room), (part.id,)


def _apply_in_room(plan: Plan, facts: Facts, mark: Mark, room: str, touched: tuple[str, ...]) -> None:
    """A room's mark; when no room's track is still running, the block ends with it."""
    running = facts.rooms.get(room)
    if running is not None:
        facts.ended[running] = mark.at
        facts.rooms[room] = None
    if mark.kind is not MarkKind.END and touched:
        facts.skipped.discard(touched[0])
        facts.started[touched[0]] = mark.at
        facts.rooms[room] = touched[0]
    facts.in_force.append(mark)
    if facts.running is not None and not rooms_going(plan, facts):
        facts.ended[facts.running] = mark.at
        facts.running = None
        facts.rooms.clear()


def _end_running(plan: Plan, facts: Facts, at: datetime) -> None:
    """Whatever runs ends now: a block's rooms with it."""
    if facts.running is not None:
        facts.ended[facts.running] = at
        facts.running = None
    for part_id in facts.rooms.values():
        if part_id is not None:
            facts.ended[part_id] = at
    facts.rooms.clear()


def _start(plan: Plan, facts: Facts, part_id: str, at: datetime) -> None:
    """A part starts; a block's rooms start their tracks' first parts with it, as planned."""
    facts.skipped.discard(part_id)
    facts.started[part_id] = at
    facts.running = part_id
    for track, own in parts_of(plan).tracks_of(part_id):
        first = track_next(facts, own)
        facts.rooms[track.room] = None if first is None else first.id
        if first is not None:
            facts.started[first.id] = at


def apply(plan: Plan, facts: Facts, mark: Mark, touched: tuple[str, ...]) -> None:
    """One mark's effect on the facts (the mark is assumed possible)."""
    if mark.room is not None and mark.kind is not MarkKind.SKIP and facts.running is not None:
        _apply_in_room(plan, facts, mark, mark.room, touched)
        return
    if mark.kind is MarkKind.SKIP:
        facts.skipped.update(touched)
        if mark.note is not None:
            for part_id in touched:
                facts.notes[part_id] = mark.note
    elif mark.kind is MarkKind.END:
        _end_running(plan, facts, mark.at)
    else:  # start, next: whatever runs ends now, the named one (if any) starts
        _end_running(plan, facts, mark.at)
        if touched:
            _start(plan, facts, touched[0], mark.at)
    facts.in_force.append(mark)


def _name(plan: Plan, mark: Mark) -> str | None:
    """The name a logged mark resolves again by: its part's id, or a bare segment for a whole-segment skip."""
    if mark.segment is None:
        return None
    if mark.kind is MarkKind.SKIP and mark.item is None and len(parts_of(plan).of(mark.segment)) > 1:
        return mark.segment
    part = part_of(plan, mark)
    return part.id if part is not None else None


def facts_from(plan: Plan, marks: list[Mark]) -> tuple[Facts, list[DayWarning]]:
    """Replay the log in its order; undo pops the latest mark in force. A mark whose `id` came before
    is the same press again: it counts once.

    Marks that no longer fit are warned about once for each reason: the first of them, and how many.
    """
    stack: list[Mark] = []
    unknown: list[Mark] = []
    first_unknown = 0
    keys: set[str] = set()
    for number, mark in enumerate(marks, start=1):
        if mark.key is not None:
            if mark.key in keys:
                continue
            keys.add(mark.key)
        if mark.kind is MarkKind.UNDO:
            if stack:
                stack.pop()
            continue
        if mark.segment is not None and part_of(plan, mark) is None:
            if not unknown:
                first_unknown = number
            unknown.append(mark)
            continue
        stack.append(mark)
    warnings: list[DayWarning] = []
    if unknown:  # a warning names the mark on the forum's clock
        warnings.append(DayWarning("unknown-segment", (("number", first_unknown),
                                                       ("mark", replace(unknown[0], at=plan.local(unknown[0].at))),
                                                       ("count", len(unknown)))))
    facts = Facts()
    misfits: list[tuple[Mark, ImpossibleMark]] = []
    for mark in stack:
        try:
            replayed, touched = resolve(plan, facts, mark.kind, _name(plan, mark), mark.at, mark.note, mark.room)
        except ImpossibleMark as why:
            misfits.append((mark, why))
            continue
        if mark.kind is MarkKind.NEXT and mark.segment is None:
            replayed, touched = mark, ()
        apply(plan, facts, replayed, touched)
    if misfits:
        first, reason = misfits[0]
        warnings.append(DayWarning("no-longer-fits", (("mark", replace(first, at=plan.local(first.at))),
                                                      ("reason", reason.reason),
                                                      ("why", tuple(reason.details.items())),
                                                      ("count", len(misfits)))))
    return facts, warnings
