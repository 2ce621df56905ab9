"""Marks: what the desk says happened, and which of them are still in force.

A log line is a fact as it was recorded; `undo` withdraws the latest mark
still in force, a second `undo` the one before it. Every mark is stored with
the segment it resolved to when it was made (`next` names the segment it
started), so replaying the log never has to guess again.
"""

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from agenda.core.planner import Plan, TimedSegment

PASSED_OVER = frozenset({"registration", "section"})
"""Kinds a default `start` or `next` never picks: they are not run from the desk."""


class MarkKind(str, Enum):
    START = "start"
    END = "end"
    NEXT = "next"
    SKIP = "skip"
    UNDO = "undo"


@dataclass(frozen=True)
class Mark:
    at: datetime
    kind: MarkKind
    segment: str | None = None

    def as_record(self) -> dict[str, str | None]:
        return {"at": self.at.isoformat(), "mark": self.kind.value, "segment": self.segment}


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

    reason: str  # torn-line, unreadable-line, unknown-segment, no-longer-fits
    details: tuple[tuple[str, object], ...] = ()

    @property
    def arguments(self) -> dict[str, object]:
        return dict(self.details)


@dataclass
class Facts:
    """The segments' actual times, as the marks in force say."""

    started: dict[str, datetime] = field(default_factory=dict)
    ended: dict[str, datetime] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)
    running: str | None = None
    in_force: list[Mark] = field(default_factory=list)

    @property
    def latest(self) -> datetime | None:
        return max((m.at for m in self.in_force), key=lambda at: at.timestamp(), default=None)


def segment_by_id(plan: Plan, segment_id: str) -> TimedSegment | None:
    return next((s for s in plan.segments if s.id == segment_id), None)


def frontier(plan: Plan, facts: Facts) -> int:
    """Index of the last segment in programme order that has started; -1 if none has."""
    return max((s.index for s in plan.segments if s.id in facts.started), default=-1)


def default_next(plan: Plan, facts: Facts) -> TimedSegment | None:
    """The segment `start` or `next` picks: the first after the last started one that can still run."""
    after = frontier(plan, facts)
    for seg in plan.segments[after + 1:]:
        if seg.kind in PASSED_OVER or seg.cancelled or seg.id in facts.skipped or seg.id in facts.started:
            continue
        return seg
    return None


def resolve(plan: Plan, facts: Facts, kind: MarkKind, segment: str | None, at: datetime) -> Mark:
    """The mark as it will be stored (its time in the forum's zone), or ImpossibleMark saying why it cannot be."""
    at = plan.local(at)
    latest = facts.latest
    if kind is not MarkKind.UNDO and latest is not None and at.timestamp() < latest.timestamp():
        raise ImpossibleMark("before-latest", at=at, latest=plan.local(latest))
    if segment is not None and segment_by_id(plan, segment) is None:
        raise ImpossibleMark("unknown-segment", segment=segment, known=tuple(s.id for s in plan.segments))
    if kind is MarkKind.UNDO:
        if not facts.in_force:
            raise ImpossibleMark("nothing-to-undo")
        return Mark(at, kind, None)
    if kind is MarkKind.END:
        if facts.running is None:
            raise ImpossibleMark("nothing-running")
        if segment is not None and segment != facts.running:
            raise ImpossibleMark("not-running", segment=segment, running=facts.running)
        return Mark(at, kind, facts.running)
    if kind is MarkKind.SKIP:
        if segment is None:
            raise ImpossibleMark("skip-which")
        if segment in facts.started:
            raise ImpossibleMark("skip-started", segment=segment)
        if segment in facts.skipped:
            raise ImpossibleMark("already-skipped", segment=segment)
        return Mark(at, kind, segment)
    if segment is None:
        chosen = default_next(plan, facts)
        if chosen is None:
            if kind is MarkKind.NEXT and facts.running is not None:
                return Mark(at, kind, None)  # the last one ends; nothing follows
            raise ImpossibleMark("none-left")
        segment = chosen.id
    seg = segment_by_id(plan, segment)
    assert seg is not None  # checked above, or picked from the plan
    if segment in facts.started:
        raise ImpossibleMark("already-started", segment=segment, started=plan.local(facts.started[segment]))
    if seg.cancelled:
        raise ImpossibleMark("cancelled", segment=segment)
    return Mark(at, kind, segment)


def apply(facts: Facts, mark: Mark) -> None:
    """One mark's effect on the facts (the mark is assumed possible)."""
    if mark.kind is MarkKind.SKIP and mark.segment is not None:
        facts.skipped.add(mark.segment)
    elif mark.kind is MarkKind.END and mark.segment is not None:
        facts.ended[mark.segment] = mark.at
        facts.running = None
    else:  # start, next: whatever runs ends now, the named one (if any) starts
        if facts.running is not None:
            facts.ended[facts.running] = mark.at
            facts.running = None
        if mark.segment is not None:
            facts.skipped.discard(mark.segment)
            facts.started[mark.segment] = mark.at
            facts.running = mark.segment
    facts.in_force.append(mark)


def facts_from(plan: Plan, marks: list[Mark]) -> tuple[Facts, list[DayWarning]]:
    """Replay the log in its order; undo pops the latest mark in force.

    Marks that no longer fit are warned about once for each reason: the first of them, and how many.
    """
    ids = {s.id for s in plan.segments}
    stack: list[Mark] = []
    unknown: list[Mark] = []
    first_unknown = 0
    for number, mark in enumerate(marks, start=1):
        if mark.kind is MarkKind.UNDO:
            if stack:
                stack.pop()
            continue
        if mark.segment is not None and mark.segment not in ids:
            if not unknown:
                first_unknown = number
            unknown.append(mark)
            continue
        stack.append(mark)
    warnings: list[DayWarning] = []
    if unknown:
        warnings.append(DayWarning("unknown-segment", (("number", first_unknown), ("mark", unknown[0]),
                                                       ("count", len(unknown)))))
    facts = Facts()
    misfits: list[tuple[Mark, ImpossibleMark]] = []
    for mark in stack:
        try:
            replayed = resolve(plan, facts, mark.kind, mark.segment, mark.at)
        except ImpossibleMark as why:
            misfits.append((mark, why))
            continue
        if mark.kind is MarkKind.NEXT and mark.segment is None:
            replayed = mark
        apply(facts, replayed)
    if misfits:
        first, reason = misfits[0]
        warnings.append(DayWarning("no-longer-fits", (("mark", first), ("reason", reason.reason),
                                                      ("why", tuple(reason.details.items())),
                                                      ("count", len(misfits)))))
    return facts, warnings
