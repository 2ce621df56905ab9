"""What every command tells the person at the terminal, and in which language.

Messages and findings go to stderr, made inert; `--lang`, the file's language
and the locale decide the reader's language, for findings, notes and the
command's own errors alike (`error_language`); a file that gave no plan
ends the command with 2 when it could not be read, else 1. Rendering modules are
imported inside the functions, so that a command loads only what it shows.
"""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from agenda.core.status import ExitStatus

if TYPE_CHECKING:
    from rich.console import Console

    from agenda.loading.analysis import Analysis
    from agenda.core.findings import Finding
    from agenda.core.planner import Plan


class Lang(str, Enum):
    ko = "ko"
    en = "en"


@dataclass
class _Reader:
    """What one command knows of its reader's language so far."""

    asked: str | None = None  # --lang, as soon as the options are parsed
    file: str | None = None  # the language of the file the command read


_READER: ContextVar[_Reader | None] = ContextVar("agenda_reader", default=None)


def _reader() -> _Reader:
    """This run's reader; outside a run (code driving `agenda.cli.app` itself) a blank one that keeps nothing."""
    return _READER.get() or _Reader()


@contextmanager
def one_reader() -> Iterator[None]:
    """One run of a command: what its --lang and its file said is forgotten when it ends."""
    token = _READER.set(_Reader())
    try:
        yield
    finally:
        _READER.reset(token)


def _lang_given(value: Lang | None) -> Lang | None:
    """--lang, noted as soon as it is parsed: an error before any file is read speaks it too."""
    _reader().asked = value.value if value else None
    return value


def reads(language: str | None) -> None:
    """The command has read its file: from now on its own errors speak the file's language (unless --lang).

    None (a file whose language cannot be told) changes nothing.
    """
    if language is not None:
        _reader().file = language


def error_language() -> str:
    """The language of the command's own errors: --lang, else the file's once read, else the locale's."""
    reader = _reader()
    return _first_known(reader.asked, reader.file)


def _first_known(asked: str | None, file: str | None) -> str:
    """The one rule for every word a command prints: --lang, else the file's language, else the locale's."""
    if asked is not None:
        return asked
    if file is not None:
        return file
    from agenda.messages import locale_language

    return locale_language(os.environ)


FileLangOption = Annotated[Lang | None, typer.Option(
    "--lang", help="ko or en; default: the file's language.", callback=_lang_given)]
EachFileLangOption = Annotated[Lang | None, typer.Option(
    "--lang", help="ko or en; default: each file's language.", callback=_lang_given)]
NewFileLangOption = Annotated[Lang | None, typer.Option(
    "--lang", help="ko or en; default: the new file's language.", callback=_lang_given)]


def language_asked(lang: Lang | None) -> str | None:
    """--lang as the library takes it: a code, or None for the file's own language."""
    return lang.value if lang else None


def note(text: str) -> None:
    """One message on stderr, with any control character or undecodable file-name byte made visible."""
    from agenda.render.inert import inert

    text = inert(text, keep_newlines=True)
    write_words(text if text.endswith("\n") else text + "\n", sys.stderr)


def say(text: str) -> None:
    """Words for a person on stdout (a report, a summary): see write_words."""
    write_words(text, sys.stdout)


def write_words(text: str, stream: "TextIO") -> None:
    """Text as it is into a pipe or a file (one finding a line, as tools read it); on a terminal
    narrower than a line, the line broken at spaces, so that no Korean word is split at the edge.
    Controls and bidi overrides from the file are shown as escapes, never sent to the terminal."""
    from agenda.render.inert import shown

    text = shown(text)
    if stream.isatty():
        width = _columns(stream)
        if any(len(line) > width // 2 for line in text.splitlines()):  # a Korean letter takes two cells
            from agenda.render.line_breaks import fold

            text = fold(text, width)
    stream.write(text)


def _columns(stream: TextIO) -> int:
    """COLUMNS, else the width of the terminal this stream writes to (stderr may be one while stdout is
    piped: `agenda plan f | less`), else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is an OSError and a ValueError
        return 80


def reader_language(requested: Lang | None, known: str | None = None) -> str:
    """--lang, else the file's language, else the locale's (LC_ALL, LC_MESSAGES, LANG), else en.

    Given the file's language, it also `reads` it: the command's own errors
    from then on follow the same rule as its findings and notes.
    """
    reads(known)
    return _first_known(requested.value if requested is not None else None, known)


def print_findings(findings: "list[Finding]", language: str) -> None:
    if not findings:
        return  # a clean file: its renderer is not even imported
    from agenda.render.findings_report import finding_line

    for finding in findings:
        note(finding_line(finding, language))


def unplanned_status(findings: "list[Finding]") -> ExitStatus:
    """The status of a file that gave no plan: 2 when it could not be read, else 1."""
    from agenda.core.status import status_for_findings

    return max(status_for_findings(findings), ExitStatus.INVALID)


def plan_or_exit(analysis: "Analysis", lang: Lang | None) -> "Plan":
    """The file's plan; a file that gave none prints its findings and ends the command."""
    reads(analysis.language)
    if analysis.plan is None:
        print_findings(analysis.findings, reader_language(lang, analysis.language))
        raise typer.Exit(unplanned_status(analysis.findings))
    return analysis.plan


def stdout_console() -> "Console":
    from agenda.render.terminal import InertConsole

    return InertConsole(highlight=False, soft_wrap=False)
