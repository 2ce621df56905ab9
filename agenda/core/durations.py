"""Durations and clock times as organizers write them, and the one grammar for both parser and schema.

Durations are whole minutes: `15m`, `1h`, `1h30m`, `90` (a bare number is
minutes), or ISO 8601 `PT15M`, letters in either case; and the forms the
tool itself prints, read back: `30 min`, `30분`, `1시간`, `1시간 30분`. Korean
units pair with Korean units only (`1시간 30m` is a slip, not a form people
write), so the grammar stays two short alternatives. A sign is accepted
(`-5m`) so that the zero-duration check, not the parser, can explain why it
is wrong. The regular expressions below are written once, in the syntax
Python and JSON Schema (ECMA-262) share, so that `agenda schema` accepts
exactly the forms the parser does.
"""

import re
from datetime import time
from functools import lru_cache

from pydantic_core import PydanticCustomError

MAX_MINUTES = 7 * 24 * 60
"""No duration is longer than a week: a forum, a segment or a reminder of more is a typo,
and bounding them keeps every plan within the calendar's years."""


def _any_case(word: str) -> str:
    """`min` -> `[mM][iI][nN]`: JSON Schema patterns have no case-insensitive flag."""
    return "".join(f"[{c.lower()}{c.upper()}]" for c in word)


_NUMBER = "[0-9]+"
_HOURS = rf"{_NUMBER}\s*{_any_case('h')}"
_MINUTES = rf"{_NUMBER}\s*{_any_case('m')}(?:{_any_case('in')})?"
_KO_HOURS = rf"{_NUMBER}\s*시간"
_KO_MINUTES = rf"{_NUMBER}\s*분"


def duration_pattern(signs: str = "+-") -> str:
    """The whole-string pattern of a written duration; `signs` are the signs it may start with."""
    sign = f"[{signs}]?" if signs else ""
    bare = f"{sign}{_NUMBER}"
    human = (rf"{sign}\s*(?:{_HOURS}(?:\s*{_MINUTES})?|{_MINUTES}"
             rf"|{_KO_HOURS}(?:\s*{_KO_MINUTES})?|{_KO_MINUTES})")
    p, t, d, h, m, s = (_any_case(c) for c in "ptdhms")
    iso = (rf"{sign}{p}(?:{_NUMBER}{d}(?:{t}(?:{_NUMBER}{h})?(?:{_NUMBER}{m})?(?:{_NUMBER}{s})?)?"
           rf"|{t}(?:{_NUMBER}{h}(?:{_NUMBER}{m})?(?:{_NUMBER}{s})?|{_NUMBER}{m}(?:{_NUMBER}{s})?|{_NUMBER}{s}))")
    return rf"^\s*(?:{bare}|{human}|{iso})\s*$"


HOUR, MINUTE = "(?:[01]?[0-9]|2[0-3])", "[0-5][0-9]"
CLOCK_PATTERN = rf"^\s*({HOUR}):({MINUTE})(?::({MINUTE}))?\s*$"
"""A time of day, `HH:MM` or `HH:MM:SS`, hours 0-23."""
RANGE_SEPARATORS = "~\uff5e\u223c\\-\u2013"
"""Between the two ends of a range: `~`, `-` and `–` as programmes print them, and the full-width `～` and
`∼` that Korean word processors put where a `~` was typed (a range pasted from a .hwp programme)."""
_CLOCK_CORE = rf"{HOUR}:{MINUTE}(?::{MINUTE})?"
CLOCK_OR_RANGE_PATTERN = rf"^\s*{_CLOCK_CORE}\s*(?:[{RANGE_SEPARATORS}]\s*{_CLOCK_CORE}\s*)?$"
"""A start, or a start and an end as one slot (`12:00~13:00`): the form `at` takes."""
CLOCK_RANGE_PATTERN = rf"^\s*{_CLOCK_CORE}\s*[{RANGE_SEPARATORS}]\s*{_CLOCK_CORE}\s*$"

_DURATION = re.compile(duration_pattern())
_PART = re.compile(r"([0-9]+)\s*([a-zA-Z시분])")
_UNIT_MINUTES = {"d": 1440, "h": 60, "m": 1, "시": 60, "분": 1}
_CLOCK = re.compile(CLOCK_PATTERN)
_LOOSE_CLOCK = "[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
_RANGE = rf"\s*({_LOOSE_CLOCK})\s*[{RANGE_SEPARATORS}]\s*({_LOOSE_CLOCK})\s*"
"""Read only for a clock with a range's dash or tilde (`re` compiles it then, once)."""
_SEPARATOR = re.compile(rf"[{RANGE_SEPARATORS}]")


def _shown(value: object) -> str | int:
    """The value as a finding's argument; a long text cut short (a duration is a few characters)."""
    if isinstance(value, str):
        return value if len(value) < 40 else value[:37] + "..."
    return value if isinstance(value, int) else repr(value)


def _not_a_duration(value: object) -> PydanticCustomError:
    return PydanticCustomError("not-a-duration", "{value} is not a duration; write minutes as 15m, 1h30m, 90, "
                               "30분, 1시간 30분 or PT15M", {"value": _shown(value)})


def _bounded(minutes: int, value: object) -> int:
    if abs(minutes) > MAX_MINUTES:
        raise PydanticCustomError("duration-too-long", "{value} is longer than a week",
                                  {"value": _shown(value), "limit": MAX_MINUTES})
    return minutes


def parse_minutes(value: object) -> int:
    """Minutes from a duration value, at most a week either way; a ValueError (a Pydantic error with a reason)
    when it is not one."""
    return _bounded(_minutes(value), value)


def _minutes(value: object) -> int:
    if isinstance(value, bool):
        raise _not_a_duration(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value) if abs(value) <= MAX_MINUTES else _bounded(MAX_MINUTES + 1, value)
    if not isinstance(value, str) or len(value) > 100:
        raise _not_a_duration(value)
    return _text_minutes(value)


@lru_cache(maxsize=512)
def _text_minutes(value: str) -> int:
    """Minutes from a duration's text; the same few texts (15m, 25m) recur in every file of a folder."""
    if not _DURATION.match(value):
        raise _not_a_duration(value)
    text = value.strip()
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-").strip()
    if body.isdigit():
        return sign * int(body)
    iso = body[:1] in "pP"  # the grammar allows M after T only: minutes, never months
    minutes, seconds = 0, 0
    for number, unit in _PART.findall(body):
        unit = unit.lower()
        if iso and unit == "s":
            seconds = int(number)
        else:
            minutes += int(number) * _UNIT_MINUTES[unit]
    if seconds % 60:
        raise PydanticCustomError("duration-seconds", "durations are whole minutes", {"value": value})
    return sign * (minutes + seconds // 60)


def parse_clock(value: object) -> time:
    """A wall-clock time from `14:00` (or a TOML/YAML time value)."""
    if isinstance(value, time):
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        return _text_clock(value)
    shown = value if isinstance(value, (str, int)) else repr(value)
    raise PydanticCustomError("not-a-time", "not a time of day; write it as HH:MM", {"value": shown})


@lru_cache(maxsize=512)
def _text_clock(value: str) -> time:
    """A clock's text read once: the same few (09:30, 14:00) recur in every file of a folder."""
    m = _CLOCK.match(value)
    if m:
        return time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
    raise PydanticCustomError("not-a-time", "not a time of day; write it as HH:MM", {"value": value})


def clock_range(value: object) -> tuple[str, str] | None:
    """The two ends of a slot written as one value (`12:00~13:00`), as texts for `parse_clock`.

    None when the value is no range (a plain `14:00`, a YAML time); a
    `not-a-time-range` error when it has a range's dash or tilde but not a
    time on each side of it (`12:00~`, `2pm-3pm`), so that the finding says
    how a range is written rather than only that it is no time. Each end
    is left to `parse_clock`, which says which end is wrong and why.
    """
    if not isinstance(value, str) or not _SEPARATOR.search(value):
        return None
    m = re.fullmatch(_RANGE, value)
    if m is None:
        raise PydanticCustomError("not-a-time-range", "not a time or a range of times", {"value": _shown(value)})
    return m.group(1), m.group(2)
