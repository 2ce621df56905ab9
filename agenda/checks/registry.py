"""The explicit list of checks, and the driver that runs them and stamps their findings."""

from collections.abc import Iterable

from agenda.checks import (
    Check,
    ambiguous_time,
    before_window,
    ceremony_order,
    crosses_midnight,
    double_booked,
    duplicate_id,
    duplicate_uid,
    each_mismatch,
    end_before_start,
    gap,
    items_overflow,
    legacy_zone,
    missing_id,
    missing_kind,
    nonexistent_time,
    overlap,
    room_overlap,
    slack,
    track_overflow,
    track_slack,
    unknown_person,
    unmailable_address,
    unknown_room,
    unused_person,
    window_overflow,
    zero_duration,
)
from agenda.core.findings import INVALID_FIELD, UNREADABLE, Finding, Severity
from agenda.core.planner import Plan

CHECKS: tuple[Check, ...] = (
    window_overflow, before_window, overlap, gap, slack, items_overflow, each_mismatch,
    missing_kind, unknown_person, unused_person, duplicate_id, zero_duration,
    nonexistent_time, ambiguous_time, crosses_midnight, missing_id, legacy_zone, end_before_start,
    unmailable_address,
    ceremony_order,
    unknown_room, room_overlap, track_overflow, track_slack, double_booked,
)
EXPORT_CHECKS = (duplicate_uid,)
"""Checks across the files of one export (`check_export`), run by the command that exports."""
SEVERITIES = {check.CODE: check.SEVERITY for check in CHECKS} | {
    duplicate_uid.CODE: duplicate_uid.SEVERITY, INVALID_FIELD: Severity.ERROR, UNREADABLE: Severity.ERROR}
ALL_CODES = frozenset(SEVERITIES)


def run_checks(plan: Plan, ignore: Iterable[str] = ()) -> list[Finding]:
    """Every finding of every check not ignored, with its code, severity and model path."""
    skipped = set(ignore) | set(plan.document.rules.ignore)
    findings = []
    for check in CHECKS:
        if check.CODE in skipped:
            continue
        for location, args in check.check(plan):
            findings.append(Finding(check.CODE, check.SEVERITY, "", args, location))
    return findings
