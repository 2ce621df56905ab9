"""Recording one mark: the same steps for `agenda mark`, the desk's keys in `agenda run`, and `POST /mark`.

The log is locked, read, the mark is checked against the marks in force and
appended durably, all in one place, so every front end makes the same
decision and two of them at once still land one after the other.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from agenda.day.marks import DayWarning, ImpossibleMark, Mark, MarkKind, facts_from, resolve
from agenda.day.marks_log import append_mark
from agenda.day.times import off_the_day
from agenda.core.planner import Plan


@dataclass(frozen=True)
class Recorded:
    mark: Mark
    withdrawn: Mark | None  # what an `undo` took back
    warnings: tuple[DayWarning, ...]
    marks: tuple[Mark, ...] = ()  # the log as it stood once the mark was appended: no need to read it again


def record_mark(plan: Plan, log: Path, kind: MarkKind, segment: str | None,
                at: datetime | None, clock: Callable[[], datetime]) -> Recorded:
    """Append the mark, or raise ImpossibleMark and append nothing; `clock` is read inside the lock.

    Every front end (`agenda mark`, `run`'s keys, `POST /mark`) comes through here, so a time far from
    the forum's day is refused for all of them alike.
    """
    withdrawn: list[Mark] = []

    def decide(marks: list[Mark]) -> Mark:
        facts, _ = facts_from(plan, marks)
        if kind is MarkKind.UNDO and facts.in_force:
            withdrawn.append(facts.in_force[-1])
        moment = at or clock()
        if kind is not MarkKind.UNDO and off_the_day(plan, moment):  # an undo names no time of its own
            raise ImpossibleMark("off-the-day", at=moment, day=plan.forum.date.isoformat())
        return resolve(plan, facts, kind, segment, moment)

    mark, marks, warnings = append_mark(log, plan.zone, decide)
    return Recorded(mark, withdrawn[0] if withdrawn else None, tuple(warnings), tuple(marks))
