"""Exit statuses, and the one place that decides which one a run ends with."""

from collections.abc import Iterable
from enum import IntEnum, unique

from agenda.core.findings import Finding, Severity


@unique
class ExitStatus(IntEnum):
    SUCCESS = 0
    INVALID = 1  # the file was read, and it has error findings (or warnings under --strict)
    ERROR = 2  # the command could not run: no such file, bad syntax (a fatal finding), bad options
    ERROR_CTRL_C = 130  # a one-shot command interrupted (run and serve end on Ctrl-C with 0)
    ERROR_SIGHUP = 129  # 128 + SIGHUP: the terminal went away mid-command
    ERROR_SIGTERM = 143  # 128 + SIGTERM: stopped mid-command (a temporary output file is removed)


def status_for_findings(findings: Iterable[Finding], strict: bool = False) -> ExitStatus:
    """2 when any finding is fatal (the file could not be read), as yamllint and flake8 do; else 1 or 0."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    findings = list(findings)
    if any(f.fatal for f in findings):
        return ExitStatus.ERROR
    if any(f.severity in failing for f in findings):
        return ExitStatus.INVALID
    return ExitStatus.SUCCESS


def worst(statuses: Iterable[ExitStatus]) -> ExitStatus:
    return max(statuses, default=ExitStatus.SUCCESS)
