"""Wall-clock times in an IANA zone, honest about daylight saving.

Python's aware-datetime arithmetic is wall-clock arithmetic when both sides
share a tzinfo, which is wrong across a DST change: a 60-minute segment that
starts at 01:30 on the night clocks go back ends at 01:30 again. So every
sum and difference here goes through UTC, and the times `localize` and
`add_minutes` give are instants in UTC, which compare and sort as instants.
"""

from datetime import date, datetime, time, timedelta, timezone
from enum import Enum
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC = timezone.utc


class WallTime(str, Enum):
    NORMAL = "normal"
    NONEXISTENT = "nonexistent"  # skipped when clocks go forward
    AMBIGUOUS = "ambiguous"  # occurs twice when clocks go back


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


_NOT_ZONES = {"localtime", "Factory", "posixrules"}
_NOT_ZONE_PREFIXES = ("posix/", "right/")


@lru_cache(maxsize=1)
def zone_names() -> frozenset[str]:
    """The IANA zone names a file may use.

    The zone database also holds files that are not places: `localtime` (this
    machine's setting, different on every machine), `Factory`, `posixrules`,
    and the `posix/` and `right/` copies (`right/` counts leap seconds, which
    calendars do not). They are refused, so a file means the same everywhere.
    """
    from zoneinfo import available_timezones

    return frozenset(name for name in available_timezones()
                     if name not in _NOT_ZONES and not name.startswith(_NOT_ZONE_PREFIXES))


@lru_cache(maxsize=1)
def _packaged_zone_names() -> frozenset[str]:
    """The zones `tzdata` lists in one small file: enough to accept almost every file's zone without
    walking the machine's zone folders (several milliseconds of every start) for `zone_names`."""
    import os

    try:
        import tzdata  # type: ignore[import-untyped]  # a data package: no stubs

        with open(os.path.join(os.path.dirname(tzdata.__file__), "zones"), encoding="utf-8") as listing:
            listed = listing.read()
    except (ImportError, OSError, UnicodeDecodeError, TypeError):  # TypeError: a package with no __file__
        return frozenset()
    return frozenset(name for name in listed.split() if name not in _NOT_ZONES)


def check_zone_name(value: object) -> str:
    """The name, if it is an IANA zone; an `unknown-zone` error with the zone probably meant if not."""
    from pydantic_core import PydanticCustomError

    if not isinstance(value, str) or not value.strip():
        shown = value if isinstance(value, (str, int)) else repr(value)
        raise PydanticCustomError("unknown-zone", "not a time zone", {"value": shown, "suggestion": None})
    if value in _packaged_zone_names() or value in zone_names():
        try:
            zone(value)
            return value
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    import difflib

    from agenda.core.zone_names import meant_zone

    near = meant_zone(value) or next(
        iter(difflib.get_close_matches(value, sorted(zone_names()), n=1, cutoff=0.6)), None)
    raise PydanticCustomError("unknown-zone", "not a time zone", {"value": value, "suggestion": near})


_SAME_TIMES = 4096
"""How many (day, clock, zone) answers `wall_time_kind` and `localize` keep: a folder of programmes
names the same few dates and clocks file after file, and each answer costs two zone look-ups."""


@lru_cache(maxsize=_SAME_TIMES)
def wall_time_kind(day: date, clock: time, tz: ZoneInfo) -> WallTime:
    naive = datetime.combine(day, clock)
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return WallTime.NORMAL
    # In a gap the round trip through UTC lands on another wall time.
    if first.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive:
        return WallTime.NONEXISTENT
    return WallTime.AMBIGUOUS


@lru_cache(maxsize=_SAME_TIMES)
def localize(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """The instant (in UTC) of a wall time: the earlier one in a fold, the one after the gap in a gap.

    UTC, because Python compares and subtracts two datetimes of one zone by
    their wall clocks and ignores `fold`: the second 01:30 of the night clocks
    go back would count as the first.
    """
    return datetime.combine(day, clock).replace(tzinfo=tz, fold=0).astimezone(UTC)


_MINUTE = timedelta(minutes=1)


def add_minutes(moment: datetime, minutes: int) -> datetime:
    """The instant `minutes` later, in UTC (real minutes, whatever the clocks on the wall do)."""
    return moment.astimezone(UTC) + _MINUTE * minutes


def minutes_between(start: datetime, end: datetime) -> int:
    """Elapsed whole minutes, counted between instants in UTC whatever the zones say."""
    return (end.astimezone(UTC) - start.astimezone(UTC)) // _MINUTE


def clock_text(moment: datetime) -> str:
    """HH:MM on the wall clock; in an hour the clocks go through twice, with the zone's name (01:30 EDT).

    Without it the night clocks go back reads "01:00–01:00" for a full hour,
    and two different instants print alike.
    """
    other = moment.replace(fold=1 - moment.fold)
    if other.utcoffset() != moment.utcoffset():
        return f"{moment:%H:%M} {moment.tzname()}"
    return f"{moment:%H:%M}"
