"""What calendars key events by: a UID per event and none for the calendar, the owning forum, no collisions."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

from icalendar import Calendar

from agenda.loading.analysis import analyze
from agenda.export.ics import calendar_bytes
from conftest import FIXTURES
from helpers import SEED, run, write

CALENDARS = FIXTURES / "calendars"
PART_1 = CALENDARS / "series-part-1.yaml"
PART_2 = CALENDARS / "series-part-2.yaml"
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def export(tmp_path: Path, *files: Path, exit_status: int = 0, segments: bool = True):
    out = tmp_path / "out.ics"
    result = run("export", *files, "-o", out, *(["--segments"] if segments else []), env=EPOCH,
                 exit_status=exit_status)
    return out, result


def test_the_calendar_has_no_uid_and_every_event_names_its_forum(tmp_path):
    out, _ = export(tmp_path, PART_1, PART_2, SEED)
    calendar = Calendar.from_ical(out.read_bytes())
    assert "UID" not in calendar
    owners = [(str(e["UID"]), str(e["X-AGENDA-FORUM"])) for e in calendar.walk("VEVENT")]
    assert len(owners) == 6 + 7
    for uid, forum in owners:
        assert uid == f"{forum}@agenda.forum" or uid.startswith(f"{forum}.")
    assert {forum for _, forum in owners} == {"series-2024-1", "series-2024-2", "ai-party-2023-2"}
    raw = out.read_bytes().decode("utf-8")
    assert raw.count("\r\nUID:") == raw.count("\r\nX-AGENDA-FORUM:") == raw.count("BEGIN:VEVENT") == 13


def test_a_copied_file_with_the_same_forum_id_is_a_duplicate_uid(tmp_path):
    copy = write(tmp_path, PART_1.read_text(encoding="utf-8").replace("2024-04-10", "2024-05-08"), "copy.yaml")
    out, result = export(tmp_path, PART_1, copy, exit_status=1, segments=False)
    assert not out.exists()
    lines = [line for line in result.stderr.splitlines() if "duplicate-uid" in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{copy}:2:7: error[duplicate-uid] ")
    assert str(PART_1) in lines[0] and "'series-2024-1@agenda.forum'" in lines[0]
    assert "nothing written" in result.stderr


def test_ids_whose_dots_line_up_are_a_duplicate_uid_with_segments_only(tmp_path):
    dotted = write(tmp_path, PART_1.read_text(encoding="utf-8").replace("id: series-2024-1", "id: a.b"), "ab.yaml")
    plain = write(tmp_path, PART_2.read_text(encoding="utf-8").replace("id: series-2024-2", "id: a")
                  .replace("id: talk", "id: b.talk"), "a.yaml")
    out, result = export(tmp_path, dotted, plain, exit_status=1)
    assert not out.exists()
    clash = next(line for line in result.stderr.splitlines() if "duplicate-uid" in line)
    assert clash.startswith(f"{plain}:11:") and str(dotted) in clash and "'a.b.talk@agenda.forum'" in clash
    export(tmp_path, dotted, plain, segments=False)  # without segment events nothing collides


def test_the_same_segment_id_in_two_forums_is_fine(tmp_path):
    out, _ = export(tmp_path, PART_1, PART_2)  # both have `talk` and `qa`; their forum ids differ
    uids = [str(e["UID"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")]
    assert len(uids) == len(set(uids)) == 6


def test_the_exporter_takes_the_time_and_the_reminder_as_values():
    plan = analyze(str(PART_1)).plan
    now = datetime(2024, 3, 1, 12, 0, 30, 999, tzinfo=timezone.utc)
    calendar = Calendar.from_ical(calendar_bytes([plan], now, alarm=timedelta(hours=2)))
    event = next(iter(calendar.walk("VEVENT")))
    assert event.decoded("DTSTAMP") == now.replace(microsecond=0)
    assert next(iter(event.walk("VALARM"))).decoded("TRIGGER") == -timedelta(hours=2)


def test_a_bad_source_date_epoch_is_a_usage_error(tmp_path):
    out = tmp_path / "x.ics"
    result = run("export", PART_1, "-o", out, env={"SOURCE_DATE_EPOCH": "yesterday"}, exit_status=2)
    assert "SOURCE_DATE_EPOCH='yesterday' is not a number of seconds" in result.stderr and not out.exists()


def test_calendar_options_on_a_document_are_a_usage_error(tmp_path):
    out = tmp_path / "x.csv"
    result = run("export", PART_1, "-o", out, "--alarm", "1d", exit_status=2)
    assert "--segments and --alarm are for calendars (.ics)" in result.stderr and not out.exists()
