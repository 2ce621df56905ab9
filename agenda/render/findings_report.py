"""Findings as text for people, JSON for programs, and GitHub workflow commands for CI.

One formatter per format; every one takes the same reports and puts each
finding into words through the message catalogue of the file's language
(or the run's, when the file's cannot be told), so a finding reads the same
wherever it is shown.
"""

from collections.abc import Sequence

from agenda.core.findings import Finding, Severity, format_path
from agenda.render.inert import display_path, inert, json_path, json_text
from agenda.messages import catalogue, describe
from agenda.loading.validation import FileReport


def _where(file: str, line: int | None, column: int | None) -> str:
    return f"{file}:{line}:{column}" if line is not None and column is not None else \
        f"{file}:{line}" if line is not None else file


def finding_line(finding: Finding, language: str) -> str:
    loc = finding.location
    return (f"{_where(display_path(loc.file or ''), loc.line, loc.column)}: "
            f"{finding.severity.value}[{finding.code}] {inert(describe(finding, language))}")


def summary(reports: Sequence[FileReport], fallback: str = "en") -> str:
    """Counts over all files, in one file's language, or the run's (`fallback`) for several."""
    language = _summary_language(reports, fallback)
    findings = [f for r in reports for f in r.findings]
    errors = sum(f.severity is Severity.ERROR and not f.fatal for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    unreadable = sum(any(f.fatal for f in r.findings) for r in reports)
    return str(catalogue(language).summary(len(reports), errors, warnings, unreadable))


def _summary_language(reports: Sequence[FileReport], fallback: str) -> str:
    """One file's language when there is one file and it is known; else the run's (--lang, locale, en)."""
    if len(reports) == 1 and reports[0].language is not None:
        return reports[0].language
    return fallback


def report_text(reports: Sequence[FileReport], fallback: str = "en") -> str:
    lines = [finding_line(f, report.language or fallback) for report in reports for f in report.findings]
    lines.append(summary(reports, fallback))
    return "\n".join(lines) + "\n"


def report_json(reports: Sequence[FileReport], fallback: str = "en") -> str:
    files = []
    for report in reports:
        language = report.language or fallback
        entry: dict[str, object] = {
            "path": json_path(report.path),
            "valid": report.valid,
            "findings": [
                {"code": f.code, "severity": f.severity.value, "message": _message(f, language),
                 "line": f.location.line, "column": f.location.column,
                 "path": format_path(f.location.path)}
                for f in report.findings
            ],
        }
        fatal = next((f for f in report.findings if f.fatal), None)
        if fatal is not None:  # kept for programs written before unreadable files were findings
            entry["error"] = {"message": _message(fatal, language), "line": fatal.location.line,
                              "column": fatal.location.column}
        files.append(entry)
    return json_text({"files": files}) + "\n"


def _message(finding: Finding, language: str) -> str:
    """The finding's sentence, inert: JSON escapes controls but not bidi overrides or lone surrogates."""
    return inert(describe(finding, language), keep_newlines=True)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(reports: Sequence[FileReport], fallback: str = "en") -> str:
    """GitHub Actions workflow commands, one per finding; the summary goes to stderr separately."""
    lines = []
    for report in reports:
        for f in report.findings:
            loc = f.location
            props = [f"file={_escape_property(display_path(loc.file or report.path))}"]
            if loc.line is not None:
                props.append(f"line={loc.line}")
            if loc.column is not None:
                props.append(f"col={loc.column}")
            lines.append(f"::{f.severity.value} {','.join(props)},title={f.code}::"
                         f"{_escape_data(_message(f, report.language or fallback))}")
    return "\n".join(lines) + ("\n" if lines else "")

