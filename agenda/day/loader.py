"""The one way the day is read: the log, its marks, the state they give at an instant, and the warnings.

`now`, `report`, `run`, `mark` and `serve` all come through here, so each reads the day alike.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from agenda.core.planner import Plan
from agenda.day.clocks import Clock
from agenda.day.marks import DayWarning, Mark
from agenda.day.marks_log import LogReader, read_log
from agenda.day.projection import DayState, day_state
from agenda.day.times import day_moment

REHEARSAL_SUFFIX = ".rehearsal.jsonl"


def is_rehearsal_log(log: Path) -> bool:
    """A rehearsal's log: without `--at`, its latest mark is "now", not today's clock."""
    return log.name.endswith(REHEARSAL_SUFFIX)


@dataclass(frozen=True)
class Day:
    state: DayState
    marks: tuple[Mark, ...]
    warnings: tuple[DayWarning, ...]


def load_day(plan: Plan, log: Path, at: datetime | None, clock: Clock, latest_is_now: bool = False,
             read: LogReader = read_log, every_day: bool = False) -> Day:
    """The day at `at`; without it, at the clock, or (a rehearsal log, a report) at the log's latest mark
    on the forum's day. `read` may be a reader that skips an unchanged log (`reader_of_changes`);
    `every_day`: on a forum of several days, each day's state too (the report)."""
    marks, warnings = read(log, plan.zone)
    if at is None:
        at = day_moment(plan, marks) if latest_is_now else clock()
    state, more = day_state(plan, marks, at, every_day)
    return Day(state, tuple(marks), tuple(warnings + more))
