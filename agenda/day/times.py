"""TIME on the command line: `HH:MM`, `HH:MM:SS` in the forum's zone, or ISO 8601 with an offset."""

import re
from collections.abc import Iterable
from datetime import datetime, time, timedelta, timezone

from agenda.core.planner import Day, Plan
from agenda.core.zones import localize
from agenda.day.days import distance, window_for
from agenda.day.marks import Mark

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


class NotAMoment(ValueError):
    """TIME that names no instant: a `reason` (not-a-clock, not-a-time, no-offset, out-of-range) and the `value`.

    No sentence: the edge words it in the reader's language (usage reasons
    at-not-a-time and not-a-moment); str() is the reason and the value, for logs.
    """

    def __init__(self, reason: str, value: str):
        super().__init__(f"{reason} ({value!r})")
        self.reason, self.value = reason, value


def parse_moment(text: str, plan: Plan, near: datetime | None = None) -> datetime:
    """The instant TIME names, in the forum's zone; NotAMoment (a ValueError) with the reason it names none.

    A bare clock is on the window's day; in a window that runs past midnight, a
    clock earlier than the window's start is on the next day. In a repeated hour
    it is the first pass. On a forum of several days it is on the day whose
    window holds it, else the nearest; when several days' windows hold it, the one nearest `near`
    (the log's latest mark: a desk on its second day typing 12:20 means that day's 12:20).
    """
    tz = plan.zone
    text = text.strip()
    clock = _CLOCK.fullmatch(text)
    if clock:
        hour, minute, second = (int(g or 0) for g in clock.groups())
        if hour > 23 or minute > 59 or second > 59:
            raise NotAMoment("not-a-clock", text)
        wall = time(hour, minute, second)
        if len(plan.days) > 1:
            candidates = [_on(day, wall, plan) for day in plan.days]
            return min(candidates, key=lambda moment: (distance(window_for(plan, moment), moment),
                                                       _apart(moment, near)))
        day = plan.forum.date
        crosses = plan.window_end.astimezone(tz).date() > day
        if crosses and wall < plan.forum.start:
            day += timedelta(days=1)
        return plan.local(localize(day, wall, tz))
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise NotAMoment("not-a-time", text) from None
    if moment.tzinfo is None:
        raise NotAMoment("no-offset", text)
    try:
        return moment.astimezone(tz)
    except OverflowError:  # year 1 or 9999 moved across a day boundary
        raise NotAMoment("out-of-range", text) from None


def _on(day: Day, wall: time, plan: Plan) -> datetime:
    """A clock on one day: past its midnight when the day's window runs past it and the clock is early."""
    start = plan.local(day.start)
    on = day.date + timedelta(days=1) if plan.local(day.end).date() > day.date and wall < start.time() \
        else day.date
    return plan.local(localize(on, wall, plan.zone))


def _apart(moment: datetime, near: datetime | None) -> float:
    """Seconds between two instants; 0 without `near`, so the earlier of two days stays first."""
    return 0.0 if near is None else abs((moment - near).total_seconds())


DAY_MARGIN = timedelta(hours=12)
"""How far from the window a clock may read and still be on the forum's day (doors open early, talk runs late)."""


def off_the_day(plan: Plan, moment: datetime) -> bool:
    """A moment nowhere near the forum: a mark or a projection there would be millions of minutes late."""
    day = window_for(plan, moment)  # measured from the nearest day's window
    t = moment.astimezone(timezone.utc)
    return t < day.start - DAY_MARGIN or t > day.end + DAY_MARGIN


def day_moment(plan: Plan, marks: Iterable[Mark]) -> datetime:
    """The instant a log is looked at when no clock of the day says: its latest mark on the forum's day.

    The window's start when it has none. A mark made on another day (an `undo` the week after) is no
    time of the forum's: projected at it, the day would be millions of minutes late.
    """
    on_the_day = (m.at for m in marks if not off_the_day(plan, m.at))
    latest = max(on_the_day, key=lambda at: at.astimezone(timezone.utc), default=plan.window_start)
    return plan.local(latest)
