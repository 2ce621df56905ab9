"""TIME on the command line: `HH:MM`, `HH:MM:SS` in the forum's zone, or ISO 8601 with an offset."""

import re
from collections.abc import Iterable
from datetime import datetime, time, timedelta

from agenda.core.planner import Day, Plan
from agenda.core.zones import localize
from agenda.day.marks import Mark

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


class NotAMoment(ValueError):
    """TIME that names no instant; `reason` says why, for a reader in any language (str() is the English)."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def parse_moment(text: str, plan: Plan) -> datetime:
    """The instant TIME names, in the forum's zone; ValueError saying how to write it.

    A bare clock is on the window's day; in a window that runs past midnight, a
    clock earlier than the window's start is on the next day. In a repeated hour
    it is the first pass. On a forum of several days it is on the day whose
    window holds it, else the nearest.
    """
    tz = plan.zone
    text = text.strip()
    clock = _CLOCK.fullmatch(text)
    if clock:
        hour, minute, second = (int(g or 0) for g in clock.groups())
        if hour > 23 or minute > 59 or second > 59:
            raise NotAMoment("not-a-clock", f"{text!r} is not a time of day; write HH:MM or HH:MM:SS, e.g. 14:03")
        wall = time(hour, minute, second)
        if len(plan.days) > 1:
            candidates = [_on(day, wall, plan) for day in plan.days]
            return min(candidates, key=lambda moment: _distance(window_for(plan, moment), moment))
        day = plan.forum.date
        crosses = plan.window_end.astimezone(tz).date() > day
        if crosses and wall < plan.forum.start:
            day += timedelta(days=1)
        return plan.local(localize(day, wall, tz))
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise NotAMoment("not-a-time", f"{text!r} is not a time; write HH:MM, HH:MM:SS or an ISO 8601 "
                                       f"date-time with offset, e.g. 2023-12-13T14:03:00+09:00") from None
    if moment.tzinfo is None:
        raise NotAMoment("no-offset", f"{text!r} has no offset; add one (e.g. +09:00) or write HH:MM in the forum's zone")
    try:
        return moment.astimezone(tz)
    except OverflowError:  # year 1 or 9999 moved across a day boundary
        raise NotAMoment("out-of-range", f"{text!r} is out of range; give a time of the forum's day") from None


def _on(day: Day, wall: time, plan: Plan) -> datetime:
    """A clock on one day: past its midnight when the day's window runs past it and the clock is early."""
    start = plan.local(day.start)
    on = day.date + timedelta(days=1) if plan.local(day.end).date() > day.date and wall < start.time() \
        else day.date
    return plan.local(localize(on, wall, plan.zone))


def _distance(day: Day, moment: datetime) -> float:
    """Seconds from a day's window to `moment`; 0 inside it."""
    t = moment.timestamp()
    return max(0.0, day.start.timestamp() - t, t - day.end.timestamp())


def window_for(plan: Plan, moment: datetime) -> Day:
    """The day whose window holds `moment`, else the nearest (the earlier of two as near)."""
    return min(plan.days, key=lambda day: _distance(day, moment))


DAY_MARGIN = timedelta(hours=12)
"""How far from the window a clock may read and still be on the forum's day (doors open early, talk runs late)."""


def off_the_day(plan: Plan, moment: datetime) -> bool:
    """A moment nowhere near the forum: a mark or a projection there would be millions of minutes late."""
    day = window_for(plan, moment)  # measured from the nearest day's window
    return (moment.timestamp() < (day.start - DAY_MARGIN).timestamp()
            or moment.timestamp() > (day.end + DAY_MARGIN).timestamp())


def day_moment(plan: Plan, marks: Iterable[Mark]) -> datetime:
    """The instant a log is looked at when no clock of the day says: its latest mark on the forum's day.

    The window's start when it has none. A mark made on another day (an `undo` the week after) is no
    time of the forum's: projected at it, the day would be millions of minutes late.
    """
    on_the_day = (m.at for m in marks if not off_the_day(plan, m.at))
    latest = max(on_the_day, key=lambda at: at.timestamp(), default=plan.window_start)
    return plan.local(latest)
