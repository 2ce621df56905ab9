"""Validating many files at once: what `agenda validate` runs in CI over a folder of programmes.

One unreadable or broken file never stops the others; the run ends with
the worst outcome among them.
"""

from dataclasses import dataclass, field

from agenda.analysis import analyze_document, file_language, is_forum_data
from agenda.discovery import discover
from agenda.errors import Unreadable, UsageError
from agenda.findings import Finding, Severity
from agenda.loading import read_document
from agenda.status import ExitStatus, status_for_findings, worst


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
    targets = discover(paths)
    if not targets:
        raise UsageError(f"no forum files (*.yaml, *.yml, *.json, *.toml) in {', '.join(paths)}")
    run = ValidationRun([], [])
    for path, in_folder in targets:
        try:
            document = read_document(path)
        except Unreadable as error:
            run.reports.append(FileReport(path, [error.finding], language))
            continue
        if (in_folder or skip_non_forum) and not is_forum_data(document.data):
            run.skipped.append(path)
            continue
        analysis = analyze_document(document, language)
        run.reports.append(FileReport(path, analysis.findings, language or file_language(document.data)))
    return run
