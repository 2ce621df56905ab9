"""The one Finding type that flows from every parser, schema rule and check to every output.

A finding holds a code, a reason (which of the code's messages) and typed
arguments: minutes, instants, titles, paths, zones. It holds no sentence;
the words come at the edge, from one message catalogue per language
(agenda/messages), so the same finding reads in Korean or in English.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum
from typing import Union
from zoneinfo import ZoneInfo

INVALID_FIELD = "invalid-field"
"""The code of every schema finding: wrong type or form, unknown or duplicate key."""

UNREADABLE = "unreadable"
"""The code of a file that cannot be read as a forum file at all: missing, too big, bad syntax."""

FATAL_CODES = frozenset({UNREADABLE})
"""Codes that mean the command could not run on the file (exit 2), as in yamllint and flake8."""


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


Path = tuple[str | int, ...]

@dataclass(frozen=True)
class SegmentName:
    """A segment in a finding: the file's title, or None and its kind, whose label the reader's language gives."""

    title: str | None
    kind: str


Argument = Union[int, str, datetime, date, time, ZoneInfo, Path, tuple[str, ...], SegmentName, None]
"""A typed argument of a finding; times are instants, shown on the forum's clock by the renderer."""

Arguments = Mapping[str, Argument]


def format_path(path: Path) -> str:
    """('program', 3, 'duration') -> 'program[3].duration', the form users see."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


@dataclass(frozen=True)
class Location:
    path: Path = ()
    key: bool = False
    """Point at the key rather than its value: an unknown key, or a mapping something is missing from."""
    file: str | None = None
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    reason: str = ""
    """Which of the code's messages, when it has several (`unknown-key` for invalid-field)."""
    args: Arguments = field(default_factory=dict)
    location: Location = field(default_factory=Location)

    def at(self, file: str, line: int | None = None, column: int | None = None) -> "Finding":
        """The finding placed in a file; at a line and column when given, else where it already is."""
        here = self.location
        place = Location(here.path, here.key, file, here.line if line is None else line,
                         here.column if column is None else column)
        return Finding(self.code, self.severity, self.reason, self.args, place)

    @property
    def fatal(self) -> bool:
        return self.code in FATAL_CODES

    @property
    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        loc = self.location
        arguments = repr(sorted((name, str(value)) for name, value in self.args.items()))
        return (loc.file or "", loc.line or 0, loc.column or 0, self.code, self.reason, arguments)
