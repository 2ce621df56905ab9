"""Which day of a forum of several days the desk is on (FORMAT.md, "Days, rooms and parallel tracks").

A moment belongs to the day whose window holds it, else the nearest; while a part runs, the day is
that part's (a closing that runs late is still its own day's). That day is run as a forum of one
window (`Plan.day_view`): its parts only, projected in its window and cut against its end, so a
`next` never carries the day into tomorrow's programme and tomorrow's `start` never begins
yesterday's. A file without day headings is its own one day and passes through untouched.
"""

from datetime import datetime, timezone
from weakref import WeakKeyDictionary

from agenda.core.planner import Day, Plan
from agenda.day.parts import parts_of


def distance(day: Day, moment: datetime) -> float:
    """Seconds from a day's window to `moment`; 0 inside it."""
    t = moment.astimezone(timezone.utc)  # instants: two wall clocks of one zone would compare naively
    return max(0.0, (day.start - t).total_seconds(), (t - day.end).total_seconds())


def window_for(plan: Plan, moment: datetime) -> Day:
    """The day whose window holds `moment`, else the nearest (the earlier of two as near)."""
    return min(plan.days, key=lambda day: distance(day, moment))


def the_day(plan: Plan, running: str | None, moment: datetime) -> Day:
    """The day the desk is on: the running part's, else the one `moment` belongs to."""
    part = parts_of(plan).by_id(running) if running is not None else None
    return plan.day_of(part.timed) if part is not None else window_for(plan, moment)


def day_after(plan: Plan, day: Day) -> Day | None:
    return next((d for d in plan.days if d.number == day.number + 1), None)


_VIEWS: "WeakKeyDictionary[Plan, dict[int, Plan]]" = WeakKeyDictionary()


def day_plan(plan: Plan, day: Day) -> Plan:
    """The day alone, as a plan of one window; the plan itself when it has no day headings.

    Kept once per plan and day, so the parts of a day are split once however often a server asks.
    """
    if not plan.has_days:
        return plan
    views = _VIEWS.setdefault(plan, {})
    if day.number not in views:
        views[day.number] = plan.day_view(day)
    return views[day.number]
