"""Every export format in one table: its name, the suffixes that pick it, and its writer.

The command line's `--format` choices, the suffix lookup for `-o` and the
writer that runs all come from `FORMATS`, so a new format is one row.
Writers import their module when called, so choosing a format costs nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from agenda.core.errors import UsageError

if TYPE_CHECKING:  # the command line reads this table at start-up; the planner is loaded when needed
    from agenda.core.planner import Plan


@dataclass(frozen=True)
class ExportOptions:
    segments: bool = False  # calendar: one more event per segment
    alarm: timedelta | None = None  # calendar: a reminder this long before the start
    language: str | None = None  # words for readers; None: each file's own language
    now: datetime | None = None  # calendar: DTSTAMP where a forum has no `updated`; None: the clock's


Writer = Callable[[list["Plan"], ExportOptions], bytes]


def _ics(plans: list["Plan"], options: ExportOptions) -> bytes:
    from agenda.export.ics import calendar_bytes

    return calendar_bytes(plans, options.now or datetime.now(timezone.utc), segments=options.segments,
                          alarm=options.alarm, language=options.language)


def _markdown(plans: list["Plan"], options: ExportOptions) -> bytes:
    from agenda.render.plan_markdown import plan_markdown

    return "\n".join(plan_markdown(p, options.language) for p in plans).encode("utf-8")


def _html(plans: list["Plan"], options: ExportOptions) -> bytes:
    from agenda.export.html_page import html_bytes

    return html_bytes(plans, options.language)


def _csv(plans: list["Plan"], options: ExportOptions) -> bytes:
    from agenda.export.csv_table import csv_bytes

    return csv_bytes(plans, options.language)


def _pdf(plans: list["Plan"], options: ExportOptions) -> bytes:
    from agenda.export.pdf import pdf_bytes

    return pdf_bytes(plans, options.now or datetime.now(timezone.utc), options.language)


def _json(plans: list["Plan"], options: ExportOptions) -> bytes:
    from agenda.render.plan_json import plans_json

    return plans_json(plans, options.language).encode("utf-8")


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]  # the first is the one to suggest
    write: Writer
    calendar: bool = False  # takes --segments and --alarm
    aliases: tuple[str, ...] = ()  # other names --format accepts, kept so old commands still work


FORMATS: tuple[Format, ...] = (
    Format("ics", (".ics", ".ical"), _ics, calendar=True),
    Format("markdown", (".md", ".markdown"), _markdown, aliases=("md",)),
    Format("html", (".html", ".htm"), _html),
    Format("csv", (".csv",), _csv),
    Format("json", (".json",), _json),
    Format("pdf", (".pdf",), _pdf),
)

SUFFIXES: dict[str, str] = {suffix: f.name for f in FORMATS for suffix in f.suffixes}
_NAMED: dict[str, Format] = {name: f for f in FORMATS for name in (f.name, *f.aliases)}
FORMAT_CHOICES: tuple[str, ...] = tuple(_NAMED)
"""What `--format` accepts: every name, then its aliases."""


def _listing(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " or " + words[-1]


FORMAT_HELP = _listing([f.name for f in FORMATS]) + "".join(
    f" ({alias} works too)" for f in FORMATS for alias in f.aliases)


def format_for(output: str, explicit: str | None) -> str:
    """The format's name: from --format (an alias gives its format), else from OUT's suffix."""
    if explicit:
        if explicit not in _NAMED:
            raise UsageError("unknown-format", value=explicit, choices=tuple(f.name for f in FORMATS),
                             aliases=tuple(alias for f in FORMATS for alias in f.aliases))
        return _NAMED[explicit].name
    if output == "-":
        return "ics"
    suffix = Path(output).suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError("format-from-suffix", output=output, suffix=suffix,
                         suffixes=tuple(f.suffixes[0] for f in FORMATS))
    return SUFFIXES[suffix]


def export_bytes(fmt: str, plans: list["Plan"], *, segments: bool = False, alarm: timedelta | None = None,
                 now: datetime | None = None, language: str | None = None) -> bytes:
    """The file's bytes; `segments`, `alarm` and `now` (DTSTAMP, default the clock's) are for calendars."""
    chosen = _NAMED.get(fmt)
    if chosen is None:
        raise UsageError("format-not-known", value=fmt)
    if (alarm or segments) and not chosen.calendar:
        raise UsageError("calendar-only-options")
    return chosen.write(plans, ExportOptions(segments, alarm, language, now))
