"""The explicit list of checks, and the driver that runs them and stamps their findings."""

from agenda.checks import (
    ambiguous_time,
    before_window,
    crosses_midnight,
    duplicate_id,
    each_mismatch,
    end_before_start,
    gap,
    items_overflow,
    missing_id,
    missing_kind,
    nonexistent_time,
    overlap,
    slack,
    unknown_person,
    unused_person,
    window_overflow,
    zero_duration,
)
from agenda.findings import INVALID_FIELD, Finding, Location, Severity

CHECKS = (
    window_overflow, before_window, overlap, gap, slack, items_overflow, each_mismatch,
    missing_kind, unknown_person, unused_person, duplicate_id, zero_duration,
    nonexistent_time, ambiguous_time, crosses_midnight, missing_id, end_before_start,
)
SEVERITIES = {check.CODE: Severity(check.SEVERITY) for check in CHECKS} | {INVALID_FIELD: Severity.ERROR}
ALL_CODES = frozenset(SEVERITIES)


def run_checks(plan, ignore=()) -> list[Finding]:
    """Every finding of every check not ignored, with its code, severity and model path."""
    skipped = set(ignore) | set(plan.document.rules.ignore)
    findings = []
    for check in CHECKS:
        if check.CODE in skipped:
            continue
        for path, message in check.check(plan):
            findings.append(Finding(check.CODE, SEVERITIES[check.CODE], message, Location(path=path)))
    return findings
