"""The night clocks go back: every comparison is between instants, so the repeated hour counts twice.

New York, 3 November 2024: 01:00-02:00 happens twice (first EDT, -04:00,
then EST, -05:00). Each case goes through the real command line.
"""

import json
from datetime import datetime, timezone

from icalendar import Calendar

from helpers import run, write

UTC = timezone.utc


def night(program: str, end: str = '"02:00"') -> str:
    return f"""\
forum:
  id: fall-back
  title: Fall back
  date: 2024-11-03
  start: "00:00"
  end: {end}
  timezone: America/New_York
  language: en
program:
{program}"""


THREE_HOURS = night("""\
  - {kind: presentation, id: one, duration: 60m}
  - {kind: panel, id: two, duration: 60m}
  - {kind: qa, id: three, duration: 60m}
""")


def events(raw: bytes) -> dict[str, tuple[datetime, datetime]]:
    calendar = Calendar.from_ical(raw)
    return {str(e["UID"]): (e.decoded("DTSTART").astimezone(UTC), e.decoded("DTEND").astimezone(UTC))
            for e in calendar.walk("VEVENT")}


def test_three_hours_fill_the_three_hour_window_and_all_reach_the_calendar(tmp_path):
    path = write(tmp_path, THREE_HOURS)
    table = run("plan", path).stdout
    assert "180 / 180 min\n" in table and "unscheduled" not in table
    plan = json.loads(run("plan", path, "--format", "json").stdout)
    assert plan["forum"]["window_minutes"] == 180
    assert (plan["scheduled_minutes"], plan["slack_minutes"], plan["overrun_minutes"]) == (180, 0, 0)
    assert [(s["start"], s["end"]) for s in plan["segments"]] == [
        ("2024-11-03T00:00:00-04:00", "2024-11-03T01:00:00-04:00"),
        ("2024-11-03T01:00:00-04:00", "2024-11-03T01:00:00-05:00"),  # the repeated hour
        ("2024-11-03T01:00:00-05:00", "2024-11-03T02:00:00-05:00"),
    ]
    out = tmp_path / "night.ics"
    run("export", path, "--segments", "-o", out, env={"SOURCE_DATE_EPOCH": "1700000000"})
    raw = out.read_bytes().decode("utf-8")
    # Both passes of the repeated hour in UTC (readers disagree on which pass a TZID time means);
    # the hours around it keep the zone.
    assert raw.count("DTSTART;TZID=America/New_York:20241103T000000\r\n") == 2
    assert raw.count("DTEND:20241103T050000Z\r\n") == 1 and raw.count("DTSTART:20241103T050000Z\r\n") == 1
    assert raw.count("DTEND:20241103T060000Z\r\n") == 1 and raw.count("DTSTART:20241103T060000Z\r\n") == 1
    assert raw.count("DTEND;TZID=America/New_York:20241103T020000\r\n") == 2
    assert "X-WR-TIMEZONE" not in raw
    hour = lambda h: datetime(2024, 11, 3, h, tzinfo=UTC)  # noqa: E731
    assert events(out.read_bytes()) == {
        "fall-back@agenda.forum": (hour(4), hour(7)),
        "fall-back.one@agenda.forum": (hour(4), hour(5)),
        "fall-back.two@agenda.forum": (hour(5), hour(6)),
        "fall-back.three@agenda.forum": (hour(6), hour(7)),
    }


def test_a_wall_clock_window_of_three_hours_is_four_real_hours(tmp_path):
    path = write(tmp_path, THREE_HOURS.replace('end: "02:00"', 'end: "03:00"'))
    assert "180 / 240 min · 60 min unscheduled\n" in run("plan", path).stdout


def test_two_hours_do_not_fit_a_window_that_ends_in_the_first_pass(tmp_path):
    path = write(tmp_path, night("  - {kind: presentation, id: long, duration: 120m}\n", end='"01:30"'))
    result = run("validate", path, exit_status=1)
    assert "error[window-overflow]" in result.stdout
    assert "30 minutes after the window closes" in result.stdout
    assert "1 file: 1 error" in result.stdout
    assert "30 min over" in run("plan", path, exit_status=1).stdout


def test_a_pin_in_the_first_pass_before_a_long_segment_ends_is_an_overlap(tmp_path):
    path = write(tmp_path, night("""\
  - {kind: presentation, id: long, duration: 150m}
  - {kind: qa, id: pinned, at: "01:45", duration: 30m}
""", end='"04:00"'))
    result = run("validate", path, exit_status=1)
    assert "error[overlap]" in result.stdout and "45 minutes before" in result.stdout
    messages = result.stdout.replace(str(path), "FILE")  # the temporary folder's name may hold "-45" itself
    assert "[gap]" not in messages and "-45" not in messages


def test_diff_sees_a_move_from_the_first_to_the_second_pass(tmp_path):
    before = write(tmp_path, night("""\
  - {kind: presentation, id: one, duration: 60m}
  - {kind: panel, id: two, duration: 60m}
""", end='"03:00"'), "before.yaml")
    after = write(tmp_path, night("""\
  - {kind: presentation, id: one, duration: 120m}
  - {kind: panel, id: two, duration: 60m}
""", end='"03:00"'), "after.yaml")
    changes = json.loads(run("diff", before, after, "--format", "json").stdout)["changes"]
    moved = [c for c in changes if c["change"] == "moved"]
    assert [(c["segment"], c["before"], c["after"]) for c in moved] == [("two", "01:00 EDT–01:00 EST", "01:00 EST–02:00")]


def test_csv_rows_carry_their_instants_with_the_offset(tmp_path):
    import csv
    import io

    out = tmp_path / "night.csv"
    run("export", write(tmp_path, THREE_HOURS.replace('start: "00:00"', 'start: "23:00"')
                        .replace("date: 2024-11-03", "date: 2024-11-02")
                        .replace('end: "02:00"', "duration: 180m")), "-o", out)
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert [(r["date"], r["start"], r["end"], r["start_iso"], r["end_iso"]) for r in rows] == [
        ("2024-11-02", "23:00", "00:00", "2024-11-02T23:00:00-04:00", "2024-11-03T00:00:00-04:00"),
        ("2024-11-03", "00:00", "01:00", "2024-11-03T00:00:00-04:00", "2024-11-03T01:00:00-04:00"),
        ("2024-11-03", "01:00", "01:00", "2024-11-03T01:00:00-04:00", "2024-11-03T01:00:00-05:00"),
    ]


def test_a_time_in_the_repeated_hour_says_which_pass_it_is(tmp_path):
    """Instants were right, but the table read "01:00–01:00" for a whole hour: the pass is named."""
    table = run("plan", write(tmp_path, THREE_HOURS), env={"COLUMNS": "60"}).stdout
    assert "│ 00:00–01:00 EDT     │  60 │ Presentation     │" in table
    assert "│ 01:00 EDT–01:00 EST │  60 │ Panel            │" in table
    assert "│ 01:00 EST–02:00     │  60 │ Q&A              │" in table
    markdown = run("plan", write(tmp_path, THREE_HOURS), "--format", "markdown").stdout
    assert "| 01:00 EDT–01:00 EST | 60 | **Panel** |" in markdown


def test_an_overlap_in_the_repeated_hour_names_both_passes(tmp_path):
    pinned = night("""\
  - {kind: presentation, id: long, duration: 150m}
  - {kind: panel, id: pinned, duration: 30m, at: "01:45"}
""", end='"03:00"')
    out = run("validate", write(tmp_path, pinned), exit_status=1).stdout
    assert "error[overlap] Panel starts at 01:45 EDT, 45 minutes before Presentation ends at 01:30 EST" in out


def test_the_printed_timeline_names_both_passes_of_the_repeated_hour(tmp_path):
    out = tmp_path / "night.html"
    run("export", write(tmp_path, THREE_HOURS), "-o", out)
    page = out.read_text(encoding="utf-8")
    assert ">01:00 EDT</span>" in page and ">01:00 EST</span>" in page
