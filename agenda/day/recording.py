"""Recording one mark: the same steps for `agenda mark`, the desk's keys in `agenda run`, and `POST /mark`.

The log is locked, read, the mark is checked against the marks in force and
appended durably, all in one place, so every front end makes the same
decision and two of them at once still land one after the other. Inside the
lock the client's `id` is looked for first (a retried press is answered as
recorded), then its `expect` (a press made on a state that has moved on is
refused): two desks pressing together move the day once.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

from agenda.core.planner import Plan
from agenda.day.marks import (DayWarning, ImpossibleMark, Mark, MarkKind, expect_matches, facts_from, instant,
                              resolve, running_expect)
from agenda.day.marks_log import append_mark
from agenda.day.times import off_the_day


@dataclass(frozen=True)
class Press:
    """What a desk asks for: the mark, its part, and what it saw (`expect`) and its own `id` for the press."""

    kind: MarkKind
    name: str | None = None
    expect: str | None = None
    key: str | None = None
    note: str | None = None
    room: str | None = None  # a room's desk during a parallel block


@dataclass(frozen=True)
class Recorded:
    mark: Mark
    withdrawn: Mark | None  # what an `undo` took back
    warnings: tuple[DayWarning, ...]
    again: bool = False  # the same `id` was already in the log: nothing appended
    behind_seconds: int = 0  # the live clock read this far before the latest mark: recorded one second after it
    marks: tuple[Mark, ...] = ()  # the log as it stood once the mark was appended: no need to read it again


def record_mark(plan: Plan, log: Path, press: Press, at: datetime | None,
                clock: Callable[[], datetime], rehearsal: bool = False) -> Recorded:
    """Append the mark, or raise ImpossibleMark and append nothing; `clock` is read inside the lock.

    Every front end comes through here, so a time far from the forum's day is refused for all of them
    alike. A mark on the live clock (no `at`) that falls before the latest mark in force is recorded
    one second after it, saying by how much the clock is behind; an explicit `at` is refused.
    On a rehearsal log an `undo` without `at` is stamped with the log's latest mark, not today's clock.
    """
    withdrawn: list[Mark] = []
    again: list[bool] = []
    behind: list[int] = []

    def decide(marks: list[Mark]) -> tuple[Mark, bool]:
        if press.key is not None:
            same = next((m for m in marks if m.key == press.key), None)
            if same is not None:
                again.append(True)
                if same.kind is MarkKind.UNDO:  # answered as it was: with what that undo withdrew
                    before, _ = facts_from(plan, marks[:marks.index(same)])
                    withdrawn.extend(before.in_force[-1:])
                return same, False
        facts, _ = facts_from(plan, marks)
        if press.expect is not None and not expect_matches(plan, facts, press.expect, press.room):
            raise ImpossibleMark("expect-stale", expect=press.expect, running=running_expect(facts, press.room))
        if press.kind is MarkKind.UNDO and facts.in_force:
            withdrawn.append(facts.in_force[-1])
        latest = facts.latest
        rehearsed = rehearsal and at is None and press.kind is MarkKind.UNDO and latest is not None
        moment = latest if rehearsed and latest is not None else instant(at or clock())
        if press.kind is not MarkKind.UNDO and off_the_day(plan, moment):  # an undo names no time of its own
            raise ImpossibleMark("off-the-day", at=plan.local(moment), day=plan.forum.date.isoformat())
        if at is None and press.kind is not MarkKind.UNDO and latest is not None and moment < latest:
            behind.append(int((latest - moment).total_seconds()))
            moment = latest + timedelta(seconds=1)
        mark, _ = resolve(plan, facts, press.kind, press.name, moment, press.note, press.room)
        return replace(mark, key=press.key), True

    mark, marks, warnings = append_mark(log, plan.zone, decide)
    more = [DayWarning("clock-behind", (("minutes", behind[0] // 60), ("seconds", behind[0])))] if behind else []
    return Recorded(mark, withdrawn[0] if withdrawn else None, tuple(warnings + more), bool(again),
                    behind[0] if behind else 0, tuple(marks))
