"""Durations and clock times as organizers write them.

Durations are whole minutes: `15m`, `1h`, `1h30m`, `90` (a bare number is
minutes), or ISO 8601 `PT15M`. A sign is accepted (`-5m`) so that the
zero-duration check, not the parser, can explain why it is wrong.
"""

import re
from datetime import time

from pydantic_core import PydanticCustomError

_HUMAN = re.compile(r"^\s*([+-]?)\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$", re.IGNORECASE)
_ISO = re.compile(r"^([+-]?)P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$", re.IGNORECASE)
_BARE = re.compile(r"^\s*[+-]?\d+\s*$")
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")


def _not_a_duration(value: object) -> PydanticCustomError:
    shown = value if isinstance(value, (str, int)) else repr(value)
    return PydanticCustomError("not-a-duration", "{value} is not a duration; write minutes as 15m, 1h, 1h30m, 90 "
                               "or PT15M", {"value": shown})


def parse_minutes(value: object) -> int:
    """Minutes from a duration value; a ValueError (a Pydantic error with a reason) when it is not one."""
    if isinstance(value, bool):
        raise _not_a_duration(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, str):
        raise _not_a_duration(value)
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
            raise PydanticCustomError("duration-seconds", "durations are whole minutes", {"value": value})
        minutes = days * 1440 + hours * 60 + mins + secs // 60
        return -minutes if m.group(1) == "-" else minutes
    raise _not_a_duration(value)


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
    shown = value if isinstance(value, (str, int)) else repr(value)
    raise PydanticCustomError("not-a-time", "not a time of day; write it as HH:MM", {"value": shown})
