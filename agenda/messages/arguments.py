"""Reading a finding's typed arguments for a sentence: times on the forum's clock, names quoted."""

from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from agenda.core.findings import Arguments, Path, SegmentName, format_path
from agenda.core.kinds import kind_label
from agenda.core.zones import clock_text

Sentence = Callable[[Arguments], str]
"""A catalogue entry: a finding's arguments in, one sentence out."""


def local(args: Arguments, name: str) -> datetime:
    """An instant argument on the forum's wall clock (the finding's `zone` argument)."""
    moment = args[name]
    zone = args.get("zone")
    assert isinstance(moment, datetime)
    return moment.astimezone(zone) if isinstance(zone, ZoneInfo) else moment


def hm(args: Arguments, name: str) -> str:
    return clock_text(local(args, name))


def day(args: Arguments, name: str) -> date:
    return local(args, name).date()


def clock(args: Arguments) -> str:
    """A wall time the file names (`clock`), as HH:MM."""
    value = args["clock"]
    assert isinstance(value, time)
    return f"{value:%H:%M}"


def text(args: Arguments, name: str, language: str = "en") -> str:
    """A text argument; a segment's name is its title, else its kind's label in the reader's language."""
    value = args.get(name, "")
    if isinstance(value, SegmentName):
        return value.title or kind_label(value.kind, language)
    return str(value)


def number(args: Arguments, name: str) -> int:
    value = args[name]
    assert isinstance(value, int)
    return value


def path(args: Arguments, name: str) -> str:
    value = args.get(name) or ()
    assert isinstance(value, tuple)
    parts: Path = tuple(p for p in value if isinstance(p, (str, int)))
    return format_path(parts)


def names(args: Arguments, name: str) -> tuple[str, ...]:
    value = args.get(name) or ()
    assert isinstance(value, tuple)
    return tuple(str(v) for v in value)


def quoted(args: Arguments, name: str) -> str:
    """A value as the file has it, quoted as Python shows text (the English messages always did)."""
    return repr(args.get(name))
