"""What every command tells the person at the terminal, and in which language.

Messages and findings go to stderr, made inert; `--lang`, the file's language
and the locale decide the reader's language; a file that gave no plan ends
the command with 2 when it could not be read, else 1. Rendering modules are
imported inside the functions, so that a command loads only what it shows.
"""

import os
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from agenda.status import ExitStatus

if TYPE_CHECKING:
    from rich.console import Console

    from agenda.analysis import Analysis
    from agenda.findings import Finding
    from agenda.planner import Plan


class Lang(str, Enum):
    ko = "ko"
    en = "en"


FileLangOption = Annotated[Lang | None, typer.Option("--lang", help="ko or en; default: the file's language.")]
EachFileLangOption = Annotated[Lang | None, typer.Option("--lang", help="ko or en; default: each file's language.")]
NewFileLangOption = Annotated[Lang | None, typer.Option("--lang", help="ko or en; default: the new file's language.")]


def language_asked(lang: Lang | None) -> str | None:
    """--lang as the library takes it: a code, or None for the file's own language."""
    return lang.value if lang else None


def note(text: str) -> None:
    """One message on stderr, with any control character or undecodable file-name byte made visible."""
    from agenda.inert import inert

    text = inert(text, keep_newlines=True)
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


def reader_language(requested: Lang | None, known: str | None = None) -> str:
    """--lang, else the file's language, else the locale's (LC_ALL, LC_MESSAGES, LANG), else en."""
    if requested is not None:
        return requested.value
    if known is not None:
        return known
    from agenda.messages import locale_language

    return locale_language(os.environ)


def print_findings(findings: "list[Finding]", language: str) -> None:
    from agenda.render.findings_report import finding_line

    for finding in findings:
        note(finding_line(finding, language))


def unplanned_status(findings: "list[Finding]") -> ExitStatus:
    """The status of a file that gave no plan: 2 when it could not be read, else 1."""
    from agenda.status import status_for_findings

    return max(status_for_findings(findings), ExitStatus.INVALID)


def plan_or_exit(analysis: "Analysis", lang: Lang | None) -> "Plan":
    """The file's plan; a file that gave none prints its findings and ends the command."""
    if analysis.plan is None:
        print_findings(analysis.findings, reader_language(lang, analysis.language))
        raise typer.Exit(unplanned_status(analysis.findings))
    return analysis.plan


def stdout_console() -> "Console":
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)
