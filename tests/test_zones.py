"""Time zones and daylight saving: gaps and folds are findings, arithmetic is in elapsed minutes."""

import pytest

from agenda.loading.analysis import analyze_text
from agenda.messages import describe
from helpers import run, write


def forum(zone, date, start, end, program="  - {kind: qa, duration: fill}\n"):
    return (f"forum:\n  id: z\n  title: Z\n  date: {date}\n  start: '{start}'\n  end: '{end}'\n"
            f"  timezone: {zone}\n  language: en\nprogram:\n{program}")


@pytest.mark.parametrize("zone, date, start", [
    ("Europe/Berlin", "2024-03-31", "02:30"),
    ("America/New_York", "2024-03-10", "02:15"),
])
def test_a_start_in_the_spring_gap_is_nonexistent(zone, date, start):
    findings = analyze_text(forum(zone, date, start, "05:00"), "f.yaml").findings
    assert [(f.code, f.location.line) for f in findings if f.code == "nonexistent-time"] == [("nonexistent-time", 5)]
    message = next(describe(f, "en") for f in findings if f.code == "nonexistent-time")
    assert message == f"{start} on {date} does not exist in {zone} (clocks jump forward); pick another time"


@pytest.mark.parametrize("zone, date", [("Europe/Berlin", "2024-10-27"), ("America/New_York", "2024-11-03")])
def test_a_time_in_the_autumn_fold_is_ambiguous(zone, date):
    hour = "02:30" if zone == "Europe/Berlin" else "01:30"
    findings = analyze_text(forum(zone, date, "00:00", "06:00", f"  - {{kind: qa, at: '{hour}', duration: fill}}\n"),
                            "f.yaml").findings
    assert [f.code for f in findings if f.severity.value == "warning" and f.code == "ambiguous-time"] == ["ambiguous-time"]


def test_a_segment_at_a_nonexistent_time_is_flagged_where_it_is_written():
    text = forum("Europe/Berlin", "2024-03-31", "01:00", "05:00",
                 "  - {kind: presentation, duration: 30m}\n  - {kind: qa, at: '02:30', duration: fill}\n")
    (finding,) = [f for f in analyze_text(text, "f.yaml").findings if f.code == "nonexistent-time"]
    assert (finding.location.line, finding.location.column) == (11, 20)


def test_the_window_across_the_spring_gap_is_an_hour_shorter():
    plan = analyze_text(forum("Europe/Berlin", "2024-03-31", "01:00", "05:00"), "f.yaml").plan
    assert plan.window_minutes == 180


def test_a_window_crossing_midnight():
    analysis = analyze_text(forum("Asia/Seoul", "2024-05-02", "22:00", "2024-05-03 01:30"), "f.yaml")
    assert analysis.plan.window_minutes == 210
    assert [f.code for f in analysis.findings] == ["crosses-midnight"]


def test_pinned_times_after_midnight_belong_to_the_next_day():
    text = forum("Asia/Seoul", "2024-05-02", "23:00", "01:00",
                 "  - {kind: presentation, duration: 60m}\n  - {kind: qa, at: '00:00', duration: 60m}\n")
    plan = analyze_text(text, "f.yaml").plan
    assert plan.local(plan.segments[1].start).isoformat() == "2024-05-03T00:00:00+09:00"


def test_a_zone_that_does_not_exist(tmp_path):
    path = write(tmp_path, forum("Mars/Olympus_Mons", "2024-05-02", "10:00", "11:00"))
    result = run("validate", path, exit_status=1)
    assert ":7:13: error[invalid-field] timezone: 'Mars/Olympus_Mons' is not a time zone; give an IANA name" in result.stdout


def test_zone_names_come_from_tzdata_even_without_system_zone_files(monkeypatch):
    import zoneinfo

    monkeypatch.setattr(zoneinfo, "TZPATH", ())
    zoneinfo.reset_tzpath(to=[])
    try:
        from agenda.core.zones import zone

        zone.cache_clear()
        assert str(zone("Asia/Seoul")) == "Asia/Seoul"
    finally:
        zoneinfo.reset_tzpath()
