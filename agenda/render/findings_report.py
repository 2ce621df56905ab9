"""Findings as text for people, JSON for programs, and GitHub workflow commands for CI.

One formatter per format; every one takes the same reports, so a finding
reads the same wherever it is shown.
"""

from agenda.errors import InputError
from agenda.findings import Finding, Severity, format_path
from agenda.inert import display_path, inert
from agenda.validation import FileReport


def _where(file: str, line, column) -> str:
    return f"{file}:{line}:{column}" if line is not None and column is not None else \
        f"{file}:{line}" if line is not None else file


def finding_line(finding: Finding) -> str:
    loc = finding.location
    return (f"{_where(display_path(loc.file or ''), loc.line, loc.column)}: "
            f"{finding.severity.value}[{finding.code}] {inert(finding.message)}")


def error_line(error: InputError) -> str:
    return f"{_where(display_path(error.file), error.line, error.column)}: error: {inert(error.message)}"


def summary(reports: list[FileReport]) -> str:
    errors = sum(f.severity is Severity.ERROR for r in reports for f in r.findings)
    warnings = sum(f.severity is Severity.WARNING for r in reports for f in r.findings)
    unreadable = sum(r.error is not None for r in reports)
    files = f"{len(reports)} file" + ("s" if len(reports) != 1 else "")
    text = f"{files}: {errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"
    if unreadable:
        text += f", {unreadable} unreadable"
    return text


def report_text(reports: list[FileReport]) -> str:
    lines = []
    for report in reports:
        if report.error is not None:
            lines.append(error_line(report.error))
        lines.extend(finding_line(f) for f in report.findings)
    lines.append(summary(reports))
    return "\n".join(lines) + "\n"


def report_json(reports: list[FileReport]) -> str:
    import json

    files = []
    for report in reports:
        entry = {
            "path": display_path(report.path),
            "valid": report.valid,
            "findings": [
                {"code": f.code, "severity": f.severity.value, "message": f.message,
                 "line": f.location.line, "column": f.location.column,
                 "path": format_path(f.location.path)}
                for f in report.findings
            ],
        }
        if report.error is not None:
            entry["error"] = {"message": report.error.message, "line": report.error.line,
                              "column": report.error.column}
        files.append(entry)
    return json.dumps({"files": files}, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(reports: list[FileReport]) -> str:
    """GitHub Actions workflow commands, one per finding; the summary goes to stderr separately."""
    lines = []
    for report in reports:
        if report.error is not None:
            e = report.error
            props = [f"file={_escape_property(display_path(e.file))}"]
            if e.line is not None:
                props.append(f"line={e.line}")
            if e.column is not None:
                props.append(f"col={e.column}")
            lines.append(f"::error {','.join(props)},title=unreadable::{_escape_data(inert(e.message, keep_newlines=True))}")
        for f in report.findings:
            loc = f.location
            lines.append(f"::{f.severity.value} file={_escape_property(display_path(loc.file or report.path))},"
                         f"line={loc.line},col={loc.column},title={f.code}::{_escape_data(inert(f.message, keep_newlines=True))}")
    return "\n".join(lines) + ("\n" if lines else "")
