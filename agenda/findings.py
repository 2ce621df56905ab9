"""The one Finding type that flows from every check to every output format."""

from dataclasses import dataclass, field, replace
from enum import Enum


INVALID_FIELD = "invalid-field"
"""The code of every schema finding: wrong type or form, unknown or duplicate key."""


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


Path = tuple[str | int, ...]


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
    file: str | None = None
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    location: Location = field(default_factory=Location)

    def at(self, **changes) -> "Finding":
        return replace(self, location=replace(self.location, **changes))

    @property
    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.file or "", loc.line or 0, loc.column or 0, self.code, self.message)
