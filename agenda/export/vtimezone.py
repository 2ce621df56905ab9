"""VTIMEZONEs written by icalendar from the zone database, for the years a calendar covers, found quickly.

icalendar's `Timezone.from_tzinfo` finds a zone's observances by stepping
through its offsets from `first_date` until each next change, the last one
past `last_date`. A zone that no longer changes (Asia/Seoul, Asia/Tokyo and
most of the world's) has no next change, so the search strode on, 64 days
at a time, to the year 9999: some 45,000 offset look-ups, which were most of
what building a republish's calendar cost. The zone it is handed here ends
at `last_date`: past it, the offset is unknown (None, as the tzinfo protocol
allows), which differs from every offset the zone has, so the search stops
there. Only observances that begin before `last_date` are written, so the
VTIMEZONE is the one the whole zone gives, byte for byte.

Its search also strides 64 days before it looks closer, so a spell on
another offset shorter than that could fall between two looks and be left
out: Casablanca's Ramadan hour (about five weeks) was missing for 2022,
2024 and 2027 from a calendar covering those years, and two independent
readers put its events an hour off. Here the search strides three days at
most: the zone database has spells of 6.96 days (Gaza and Hebron in 2040,
2054 and 2072; Recife in 2000) and none shorter since 1940. A test holds
every change of every zone in the years it sweeps to its onset.
"""

from datetime import date, datetime, timedelta, tzinfo

from icalendar import Calendar, Timezone
from icalendar.timezone import tzp


class _ZoneUntil(tzinfo):
    """`zone` until `end` (a wall time); past it, no offset."""

    def __init__(self, zone: tzinfo, end: datetime):
        self._zone, self._end = zone, end

    def utcoffset(self, moment: datetime | None) -> timedelta | None:
        if moment is not None and moment.replace(tzinfo=None) >= self._end:
            return None
        return self._zone.utcoffset(moment)

    def dst(self, moment: datetime | None) -> timedelta | None:
        return self._zone.dst(moment)

    def tzname(self, moment: datetime | None) -> str | None:
        return self._zone.tzname(moment)


class _DayByDay(Timezone):
    """icalendar's VTIMEZONE, found with strides of three days at most (see above)."""

    _from_tzinfo_skip_search = [timedelta(days=3)] + [
        step for step in Timezone._from_tzinfo_skip_search if step < timedelta(days=3)]


def add_missing_timezones(cal: Calendar, first_date: date, last_date: date) -> None:
    """`Calendar.add_missing_timezones`, with each zone ending at `last_date` and the zones in TZID order.

    As there, a VTIMEZONE goes before the calendar's other components, and
    a TZID the zone database does not know gets none.
    """
    placed = len(cal.timezones)
    for tzid in sorted(cal.get_missing_tzids()):
        zone = tzp.timezone(tzid)
        if zone is None:
            continue
        end = datetime(last_date.year, last_date.month, last_date.day)
        try:
            vtimezone = _DayByDay.from_tzinfo(_ZoneUntil(zone, end), tzid, first_date, last_date)
        except ValueError:
            continue
        cal.subcomponents.insert(placed, vtimezone)
        placed += 1
