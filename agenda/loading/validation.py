"""Validating many files at once: what `agenda validate` runs in CI over a folder of programmes.

One unreadable or broken file never stops the others; the run ends with
the worst outcome among them.
"""

import os
import re
from dataclasses import dataclass, field

from agenda.loading.analysis import analyze_document, file_language, is_forum_data
from agenda.loading.discovery import discover
from agenda.core.errors import Unreadable, UsageError
from agenda.core.findings import UNREADABLE, Finding, Location, Severity
from agenda.loading import decode, file_suffix, parse_text, read_bytes
from agenda.core.status import ExitStatus, status_for_findings, worst


@dataclass
class FileReport:
    """What validation found in one file, and the language its findings are read in."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    language: str | None = None
    """`--lang`, else the file's `language`; None for a file whose language cannot be told."""

    @property
    def valid(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def status(self, strict: bool) -> ExitStatus:
        return status_for_findings(self.findings, strict)


@dataclass
class ValidationRun:
    reports: list[FileReport]
    skipped: list[str]  # files without a `forum` key, passed over

    def status(self, strict: bool = False) -> ExitStatus:
        return worst(report.status(strict) for report in self.reports)


def validate_paths(paths: list[str], skip_non_forum: bool = False, language: str | None = None) -> ValidationRun:
    """Validate files and folders (searched recursively); files in folders that are not forums are skipped."""
    found = discover(paths)
    if not found.files and not found.unreadable:
        raise UsageError("no-forum-files", paths=tuple(paths))
    run = ValidationRun([], [])
    for folder, why in found.unreadable:
        run.reports.append(FileReport(folder, [Unreadable(folder, "folder-unreadable", detail=why).finding], language))
    for path, in_folder in found.files:
        report = _validate_file(path, in_folder or skip_non_forum, run, language)
        if report is not None:
            run.reports.append(report)
    return run


_FORUM_KEY = {
    ".json": r'"forum"\s*:',
    ".toml": r"^(\[\s*forum\s*[.\]]|forum\s*[.=])",
}
_YAML_FORUM_KEY = r"""^(forum|"forum"|'forum')\s*:"""
"""Searched only in a file that does not parse (`re` compiles them then, once)."""


def looks_like_forum(text: str, path: str) -> bool:
    """Whether a file that does not parse was meant as a forum file: it has a top-level `forum` key.

    With --skip-non-forum (pre-commit hooks over a whole repository) a file
    that does not parse and has no such key is some other program's file and
    is skipped; one that has it is a broken forum file and is reported.
    """
    return re.search(_FORUM_KEY.get(file_suffix(path), _YAML_FORUM_KEY), text, re.MULTILINE) is not None


def _validate_file(path: str, skip_non_forum: bool, run: ValidationRun, language: str | None) -> FileReport | None:
    """One file's report; whatever goes wrong in one file is its report, never the end of the run."""

    def unreadable(reason: str, **args: str | int | None) -> FileReport:
        return FileReport(path, [Finding(UNREADABLE, Severity.ERROR, reason, args, Location(file=path))], language)

    try:
        raw = read_bytes(path)
    except Unreadable as error:
        return FileReport(path, [error.finding], language)
    try:
        document = parse_text(decode(raw, path), path)
    except Unreadable as error:
        if skip_non_forum and not looks_like_forum(raw.decode("utf-8", "replace"), path):
            run.skipped.append(path)  # Kubernetes multi-document YAML, CloudFormation tags, JSON with comments
            return None
        return FileReport(path, [error.finding], language)
    except RecursionError:
        return unreadable("nested-too-deeply")
    if skip_non_forum and not is_forum_data(document.data):
        run.skipped.append(path)
        return None
    try:
        analysis = analyze_document(document, language)
    except RecursionError:
        return unreadable("nested-too-deeply")
    except Exception as error:  # noqa: BLE001 - a bug in one file's checks must not hide the others'
        if os.environ.get("AGENDA_DEBUG"):
            raise
        return unreadable("internal-error", error=type(error).__name__, detail=str(error))
    return FileReport(path, analysis.findings, language or file_language(document.data))
