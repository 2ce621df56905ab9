"""A forum's days: which entries of the program fall on which day, and each day's window.

A file without `day` headings is one day, the forum's. A day heading starts
a day: its date (default the day after the previous day; a heading that
opens the program is `forum.date`) and its window (its own start and end or
duration, else the forum's, with the forum's rules: an end at or before the
start is a typo, an end with its date runs past midnight).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from agenda.core.findings import Path
from agenda.core.model import Forum, Segment
from agenda.core.zones import add_minutes, localize, minutes_between


@dataclass(eq=False)
class LocalTime:
    """A wall time the file names, kept so the DST checks can judge it."""

    path: Path
    day: date
    clock: time



Pinner = Callable[[time | None, Path], datetime | None]


def day_runs(program: Sequence[Segment]) -> list[tuple[int | None, list[int]]]:
    """(the day heading's index, the indices under it); what comes before the first heading is the forum's day."""
    heads = [i for i, seg in enumerate(program) if seg.kind == "day"]
    runs: list[tuple[int | None, list[int]]] = []
    if not heads or heads[0] > 0:
        runs.append((None, list(range(heads[0] if heads else len(program)))))
    for k, head in enumerate(heads):
        runs.append((head, list(range(head + 1, heads[k + 1] if k + 1 < len(heads) else len(program)))))
    return runs


def day_window(forum: Forum, heading: Segment | None, head: int | None, day: date,
                local_times: list[LocalTime]) -> tuple[datetime, datetime, str | None, Pinner]:
    """A day's window, as the forum's is read (a day heading's own start, end or duration, else the forum's),
    whether its end is a typo, and how a clock of that day becomes an instant."""
    tz = forum.timezone
    own = heading is not None and head is not None
    start_clock = heading.start if heading is not None and heading.start is not None else forum.start
    end_spec: datetime | time | None
    duration: int | None
    if heading is not None and (heading.end is not None or heading.duration is not None):
        end_spec, duration = heading.end, heading.duration if isinstance(heading.duration, int) else None
        end_path: Path = ("program", head or 0, "end")
    elif isinstance(forum.end, datetime):  # the forum's own end, with its date, moved to this day
        end_spec, duration = datetime.combine(day + (forum.end.date() - forum.date), forum.end.time()), None
        end_path = ("forum", "end")
    else:
        end_spec, duration, end_path = forum.end, forum.duration, ("forum", "end")
    start_path: Path = ("program", head or 0, "start") if own and heading is not None and heading.start \
        else ("forum", "start")
    local_times.append(LocalTime(start_path, day, start_clock))
    window_start = localize(day, start_clock, tz)
    typo: str | None = None
    if isinstance(end_spec, datetime):  # an end with its date: past midnight on purpose
        local_times.append(LocalTime(end_path, end_spec.date(), end_spec.time()))
        window_end = localize(end_spec.date(), end_spec.time(), tz)
        typo = "dated" if minutes_between(window_start, window_end) <= 0 else None
    elif end_spec is not None:  # at or before start: the next day's clock (and end-before-start says so)
        end_day = day + timedelta(days=1) if end_spec <= start_clock else day
        typo = "clock" if end_spec <= start_clock else None
        local_times.append(LocalTime(end_path, end_day, end_spec))
        window_end = localize(end_day, end_spec, tz)
    else:
        window_end = add_minutes(window_start, duration or 0)  # the model asks for end or duration
    crosses = window_end.astimezone(tz).date() > day
    end_clock = window_end.astimezone(tz).time()

    def pinned(clock: time | None, path: Path) -> datetime | None:
        """A pinned clock's day: in a window past midnight, an early clock up to the end is the next day's
        (00:30 in a 23:00-01:00 forum); one after the end is still before the start (doors at 22:30)."""
        if clock is None:
            return None
        on = day + timedelta(days=1) if crosses and clock < start_clock and clock <= end_clock else day
        local_times.append(LocalTime(path, on, clock))
        return localize(on, clock, tz)

    return window_start, window_end, typo, pinned
