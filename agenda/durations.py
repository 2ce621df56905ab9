"""Durations and clock times as organizers write them.

Durations are whole minutes: `15m`, `1h`, `1h30m`, `90` (a bare number is
minutes), or ISO 8601 `PT15M`. A sign is accepted (`-5m`) so that the
zero-duration check, not the parser, can explain why it is wrong.
"""

import re
from datetime import time

_HUMAN = re.compile(r"^\s*([+-]?)\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$", re.IGNORECASE)
_ISO = re.compile(r"^([+-]?)P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$", re.IGNORECASE)
_BARE = re.compile(r"^\s*[+-]?\d+\s*$")
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")

DURATION_HINT = "write minutes as 15m, 1h, 1h30m, 90 or PT15M"
MAX_MINUTES = 7 * 24 * 60
"""No duration is longer than a week: a forum, a segment or a reminder of more is a typo,
and bounding them keeps every plan within the calendar's years."""


def _bounded(minutes: int, value: object) -> int:
    if abs(minutes) > MAX_MINUTES:
        shown = value if not isinstance(value, str) or len(value) < 40 else value[:37] + "..."
        raise ValueError(f"{shown!r} is longer than a week ({MAX_MINUTES} minutes), "
                         f"the most any duration may be; check the number")
    return minutes


def parse_minutes(value: object) -> int:
    """Minutes from a duration value, at most a week either way; ValueError with a hint when it is not one."""
    return _bounded(_minutes(value), value)


def _minutes(value: object) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a duration; {DURATION_HINT}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value) if abs(value) <= MAX_MINUTES else _bounded(MAX_MINUTES + 1, value)
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not a duration; {DURATION_HINT}")
    if _BARE.match(value):
        return int(value)
    m = _HUMAN.match(value)
    if m and (m.group(2) or m.group(3)):
        minutes = int(m.group(2) or 0) * 60 + int(m.group(3) or 0)
        return -minutes if m.group(1) == "-" else minutes
    m = _ISO.match(value.strip())
    if m and any(m.group(i) for i in range(2, 6)):
        days, hours, mins, secs = (int(m.group(i) or 0) for i in range(2, 6))
        if secs % 60:
            raise ValueError(f"{value!r} has seconds; durations are whole minutes")
        minutes = days * 1440 + hours * 60 + mins + secs // 60
        return -minutes if m.group(1) == "-" else minutes
    raise ValueError(f"{value!r} is not a duration; {DURATION_HINT}")


def parse_clock(value: object) -> time:
    """A wall-clock time from `14:00` (or a TOML/YAML time value)."""
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        m = _CLOCK.match(value)
        if m:
            hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
            if hour < 24 and minute < 60 and second < 60:
                return time(hour, minute, second)
    raise ValueError(f"{value!r} is not a time of day; write it as HH:MM, e.g. 14:00")
