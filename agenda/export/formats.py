"""Every output format of every command in one table: the command, the name, the suffixes that pick it, its writer.

Each command's `--format` choices (its first row is its default, and what `-o -`
writes), the suffixes its `-o OUT` understands, the help that lists them and the
function that renders or writes each one all come from `FORMATS`, so a new format
is one row. Writers are named as "module:function" and imported when chosen, so
reading the table at start-up loads no renderer, Rich or icalendar.
"""

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

from agenda.core.errors import UsageError

if TYPE_CHECKING:  # the command line reads this table at start-up; the planner is loaded when needed
    from agenda.core.planner import Plan


class Shown(Enum):
    """How a command hands a writer's result to its reader."""

    DOCUMENT = "document"  # text or bytes written as they are (a pipe, a file, a CI log)
    WORDS = "words"  # text for a person: folded at spaces on a terminal narrower than a line
    DRAWING = "drawing"  # a Rich renderable, drawn on a console


class Format(NamedTuple):
    """One row: a format one command offers. (A NamedTuple, not a dataclass: every command line
    builds this table at start-up, and a tuple class costs a third of a frozen dataclass's.)"""

    command: str  # the command that offers it: `agenda COMMAND --format NAME`
    name: str
    writer_name: str  # "module:function"; every writer of one command takes the same arguments
    suffixes: tuple[str, ...] = ()  # what picks it from `-o OUT`; the first is the one to suggest
    shown: Shown = Shown.DOCUMENT
    calendar: bool = False  # takes --segments and --alarm
    aliases: tuple[str, ...] = ()  # other names --format accepts, kept so old commands still work
    language: bool = True  # the writer takes the reader's language last; False: its output has no words
    byte_order_mark: bool = False  # the file starts with one, by which spreadsheets know it is UTF-8

    def writer(self) -> Callable[..., Any]:
        """The function that renders or writes this format, imported now that it is chosen.

        It takes the command's arguments, the language last, whether or not its output has words.
        """
        from importlib import import_module

        module, _, function = self.writer_name.partition(":")
        found: Callable[..., Any] = getattr(import_module(module), function)
        if self.language:
            return found
        return lambda *arguments, **keywords: found(*arguments[:-1], **keywords)


_HERE = "agenda.export.formats"

FORMATS: tuple[Format, ...] = (
    # agenda plan FILE: writers take (plan, language)
    Format("plan", "table", "agenda.render.plan_table:plan_table", shown=Shown.DRAWING),
    Format("plan", "json", "agenda.render.plan_json:plan_json"),
    Format("plan", "markdown", "agenda.render.plan_markdown:plan_markdown"),
    # agenda validate FILE|DIR: writers take (reports, fallback language)
    Format("validate", "text", "agenda.render.findings_report:report_text", shown=Shown.WORDS),
    Format("validate", "json", "agenda.render.findings_report:report_json"),
    Format("validate", "github", "agenda.render.findings_report:report_github"),
    # agenda export FILE -o OUT: writers take (plans, ExportOptions) and give bytes
    Format("export", "ics", f"{_HERE}:_ics", (".ics", ".ical"), calendar=True),
    Format("export", "markdown", f"{_HERE}:_markdown", (".md", ".markdown"), aliases=("md",)),
    Format("export", "html", f"{_HERE}:_html", (".html", ".htm")),
    Format("export", "csv", f"{_HERE}:_csv", (".csv",)),
    Format("export", "json", f"{_HERE}:_json", (".json",)),
    Format("export", "pdf", f"{_HERE}:_pdf", (".pdf",)),
    Format("export", "schedule-xml", f"{_HERE}:_schedule_xml", (".xml",)),
    Format("export", "schedule-json", f"{_HERE}:_schedule_json"),
    # agenda diff OLD NEW: writers take (changes, new plan, language)
    Format("diff", "text", "agenda.render.changes_report:changes_text", shown=Shown.WORDS),
    Format("diff", "json", "agenda.render.changes_report:changes_json"),
    Format("diff", "markdown", "agenda.render.changes_report:changes_markdown"),
    # agenda now FILE: writers take (the day's state, language)
    Format("now", "text", "agenda.render.day_text:now_text", shown=Shown.WORDS),
    Format("now", "json", "agenda.render.day_json:now_json", language=False),
    # agenda report FILE -o OUT: writers take (the day's state, language); a skip's reason rides on its state
    Format("report", "table", "agenda.render.day_report:report_table", (".txt",), shown=Shown.DRAWING),
    Format("report", "json", "agenda.render.day_report:report_json", (".json",), language=False),
    Format("report", "markdown", "agenda.render.day_report:report_markdown", (".md", ".markdown")),
    Format("report", "csv", "agenda.render.day_report:report_csv", (".csv",), language=False,
           byte_order_mark=True),
    Format("report", "html", "agenda.render.report_page:report_html", (".html", ".htm")),
    Format("report", "pdf", "agenda.render.report_page:report_pdf", (".pdf",)),
)


def offered(command: str) -> tuple[Format, ...]:
    """The formats COMMAND offers, in the order its help lists them; the first is its default."""
    return tuple(f for f in FORMATS if f.command == command)


def default_format(command: str) -> str:
    """COMMAND's format when --format and -o say nothing: its first row."""
    return offered(command)[0].name


def format_choices(command: str) -> dict[str, str]:
    """What COMMAND's `--format` accepts (each name followed by its aliases), for its Typer enum."""
    return {name: name for f in offered(command) for name in (f.name, *f.aliases)}


def _listing(words: list[str]) -> str:
    return ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]


def format_help(command: str) -> str:
    """COMMAND's formats for its --help: `ics, markdown, … or pdf (md works too)`."""
    rows = offered(command)
    return _listing([f.name for f in rows]) + "".join(f" ({alias} works too)" for f in rows for alias in f.aliases)


def chosen_format(command: str, name: str) -> Format:
    """COMMAND's row for a --format NAME (an alias gives its format)."""
    for row in offered(command):
        if name == row.name or name in row.aliases:
            return row
    raise UsageError("format-not-known", value=name)


def format_for(output: str, explicit: str | None, command: str = "export") -> str:
    """The format's name: from --format (an alias gives its format), else from OUT's suffix.

    Standard output (`-`) gets the command's first format, as a run without -o does.
    """
    rows = offered(command)
    if explicit:
        if not any(explicit == f.name or explicit in f.aliases for f in rows):
            raise UsageError("unknown-format", value=explicit, choices=tuple(f.name for f in rows),
                             aliases=tuple(alias for f in rows for alias in f.aliases))
        return chosen_format(command, explicit).name
    if output == "-":
        return rows[0].name
    from pathlib import Path

    suffix = Path(output).suffix.lower()
    by_suffix = {s: f.name for f in rows for s in f.suffixes}
    if suffix not in by_suffix:
        raise UsageError("format-from-suffix", output=output, suffix=suffix,
                         suffixes=tuple(f.suffixes[0] for f in rows if f.suffixes))
    return by_suffix[suffix]


class ExportOptions(NamedTuple):
    segments: bool = False  # calendar: one more event per segment
    alarm: timedelta | None = None  # calendar: a reminder this long before the start
    language: str | None = None  # words for readers; None: each file's own language
    now: datetime | None = None  # calendar: DTSTAMP where a forum has no `updated`; None: the clock's


def export_bytes(fmt: str, plans: list["Plan"], *, segments: bool = False, alarm: timedelta | None = None,
                 now: datetime | None = None, language: str | None = None) -> bytes:
    """The file's bytes; `segments`, `alarm` and `now` (DTSTAMP, default the clock's) are for calendars."""
    chosen = chosen_format("export", fmt)
    if (alarm or segments) and not chosen.calendar:
        raise UsageError("calendar-only-options")
    data: bytes = chosen.writer()(plans, ExportOptions(segments, alarm, language, now))
    return data


# export's writers: (plans, options) -> bytes; each imports its exporter when called.

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


def _schedule_xml(plans: list["Plan"], options: ExportOptions) -> bytes:
    from agenda.export.conference_schedule import schedule_xml

    return schedule_xml(plans, options.language)


def _schedule_json(plans: list["Plan"], options: ExportOptions) -> bytes:
    from agenda.export.conference_schedule import schedule_json

    return schedule_json(plans, options.language)
