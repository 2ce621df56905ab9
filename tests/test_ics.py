"""iCalendar export, read back by independent parsers, the shared checker and a real CalDAV server."""

import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest

from agenda.loading.analysis import analyze
from agenda.export.ics import forum_uid, segment_uid
from calendar_tools import CalDav, check_ics, check_ics_batch
from conftest import FIXTURES
from helpers import ENGLISH, SEED, run

CALENDARS = FIXTURES / "calendars"
FORUMS = [SEED, ENGLISH, *sorted(CALENDARS.glob("*.yaml"))]
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}
UTC = timezone.utc


def export(tmp_path: Path, *files: Path, extra=(), env=EPOCH) -> Path:
    out = tmp_path / "out.ics"
    run("export", *files, "-o", out, "--segments", *extra, env=env)
    return out


def expected(*files: Path) -> dict[str, tuple[datetime, datetime]]:
    """UID -> (UTC start, UTC end), straight from the planner."""
    events = {}
    for file in files:
        plan = analyze(str(file)).plan
        events[forum_uid(plan)] = (plan.window_start.astimezone(UTC), plan.window_end.astimezone(UTC))
        for seg in plan.segments:
            if seg.start is not None:
                events[segment_uid(plan, seg)] = (seg.start.astimezone(UTC), seg.end.astimezone(UTC))
    return events


@pytest.fixture(params=FORUMS, ids=lambda p: p.stem)
def forum_file(request):
    return request.param


def test_vobject_reads_the_plans_uids_and_utc_times(forum_file, tmp_path):
    import vobject

    calendar = vobject.readOne(export(tmp_path, forum_file).read_bytes().decode("utf-8"))
    read = {e.uid.value: (e.dtstart.value.astimezone(UTC), e.dtend.value.astimezone(UTC))
            for e in calendar.vevent_list}
    assert read == expected(forum_file)


def test_ics_py_reads_the_plans_uids_and_utc_times(forum_file, tmp_path):
    import ics

    calendar = ics.Calendar(export(tmp_path, forum_file).read_bytes().decode("utf-8"))
    read = {e.uid: (e.begin.datetime.astimezone(UTC), e.end.datetime.astimezone(UTC)) for e in calendar.events}
    assert read == expected(forum_file)


def test_icalendar_round_trip_gives_the_same_bytes(forum_file, tmp_path):
    from icalendar import Calendar

    raw = export(tmp_path, forum_file).read_bytes()
    assert Calendar.from_ical(raw).to_ical() == raw


@pytest.mark.slow
def test_shared_checker_passes(tmp_path):
    """Every forum's calendar, in one run of the checker; a failure names the forum's calendar."""
    calendars = []
    for forum in FORUMS:
        (tmp_path / forum.stem).mkdir()
        calendars.append((export(tmp_path / forum.stem, forum), ("khal",)))
    reports = check_ics_batch(calendars, tmp_path / "checker")
    assert len(reports) == len(FORUMS) and all("RESULT: PASS" in report for report in reports)


def test_seed_forum_lands_at_14_to_16_kst(tmp_path):
    raw = export(tmp_path, SEED).read_bytes().decode("utf-8")
    assert "DTSTART;TZID=Asia/Seoul:20231213T140000\r\n" in raw
    assert "DTEND;TZID=Asia/Seoul:20231213T160000\r\n" in raw
    start, end = expected(SEED)["ai-party-2023-2@agenda.forum"]
    assert (start, end) == (datetime(2023, 12, 13, 5, tzinfo=UTC), datetime(2023, 12, 13, 7, tzinfo=UTC))
    assert raw.count("BEGIN:VTIMEZONE") == 1 and "TZID:Asia/Seoul\r\n" in raw


def test_calendar_properties(tmp_path):
    raw = export(tmp_path, SEED).read_bytes().decode("utf-8")
    for line in ("VERSION:2.0", "PRODID:-//agenda//forum programme//EN", "METHOD:PUBLISH",
                 "NAME:모두의 AI : 정책과 전략", "X-WR-CALNAME:모두의 AI : 정책과 전략", "X-WR-TIMEZONE:Asia/Seoul",
                 "REFRESH-INTERVAL;VALUE=DURATION:PT12H", "X-PUBLISHED-TTL:PT12H", "SEQUENCE:1",
                 "UID:ai-party-2023-2@agenda.forum", "UID:ai-party-2023-2.opening@agenda.forum",
                 "RELATED-TO:ai-party-2023-2@agenda.forum", "DTSTAMP:20231114T221320Z",
                 "LAST-MODIFIED:20231114T221320Z", "LOCATION:국회의원회관 제2간담회의실"):
        assert f"\r\n{line}\r\n" in raw, line
    assert "ORGANIZER" not in raw and "ATTENDEE" not in raw
    assert raw.count("BEGIN:VEVENT") == 7  # the forum, and registration to Q&A


def test_description_holds_the_whole_programme(tmp_path):
    from icalendar import Calendar

    calendar = Calendar.from_ical(export(tmp_path, SEED).read_bytes())
    forum_event = next(e for e in calendar.walk("VEVENT") if e["UID"] == "ai-party-2023-2@agenda.forum")
    description = str(forum_event["DESCRIPTION"])
    for text in ("14:00~14:15 개회식", "· 축사 — 이개호 (더불어민주당 정책위원회 의장)", "15:30~15:55 질의응답·자유토론",
                 "진행 사회: 이연희 (민주연구원 상근부원장)"):
        assert text in description


def test_without_segments_there_is_one_event_per_forum(tmp_path):
    out = tmp_path / "one.ics"
    run("export", SEED, "-o", out, env=EPOCH)
    assert out.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 1


def test_series_makes_one_calendar_named_after_the_series(tmp_path):
    parts = sorted(CALENDARS.glob("series-part-*.yaml"))
    raw = export(tmp_path, *parts).read_bytes().decode("utf-8")
    assert "\r\nX-WR-CALNAME:Open Data Series\r\n" in raw
    assert raw.count("BEGIN:VCALENDAR") == 1 and raw.count("BEGIN:VEVENT") == 6
    assert raw.count("BEGIN:VTIMEZONE") == 1


def test_same_input_same_bytes_with_source_date_epoch(tmp_path):
    first = export(tmp_path, SEED).read_bytes()
    assert export(tmp_path, SEED).read_bytes() == first


def test_dtstamp_is_the_export_time_without_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC).replace(microsecond=0)
    raw = export(tmp_path, SEED, env={}).read_bytes().decode("utf-8")
    stamp = datetime.strptime(re.search(r"DTSTAMP:(\d{8}T\d{6})Z", raw).group(1), "%Y%m%dT%H%M%S")
    assert before <= stamp.replace(tzinfo=UTC) <= datetime.now(UTC)


def test_forum_updated_sets_dtstamp(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("  revision: 1\n", "  revision: 1\n  updated: 2023-12-01T09:30:00+09:00\n")
    changed = tmp_path / "seed.yaml"
    changed.write_text(text, encoding="utf-8")
    raw = export(tmp_path, changed).read_bytes().decode("utf-8")
    assert "\r\nDTSTAMP:20231201T003000Z\r\n" in raw and "\r\nLAST-MODIFIED:20231201T003000Z\r\n" in raw


def test_long_korean_title_folds_at_75_octets_on_character_boundaries(tmp_path):
    raw = export(tmp_path, CALENDARS / "long-korean-title.yaml").read_bytes()
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # a split character would not decode
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    title = analyze(str(CALENDARS / "long-korean-title.yaml")).forum_file.forum.title
    assert len(title) == 200
    escaped = title.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    assert f"\r\nSUMMARY:{escaped}\r\n" in unfolded


def test_text_is_escaped(tmp_path):
    unfolded = export(tmp_path, CALENDARS / "new-york-dst-end.yaml").read_bytes().replace(b"\r\n ", b"").decode()
    assert "\r\nLOCATION:Room 1\\, Hall B\\; New York\r\n" in unfolded
    assert "SUMMARY:Night Owls: a late panel\\, with commas\\, semicolons\\; and \\\\ backslashes\r\n" in unfolded
    assert "Runs through the repeated hour\\nSecond line" in unfolded


def test_cancelled_segment_is_exported_as_cancelled(tmp_path):
    from icalendar import Calendar

    calendar = Calendar.from_ical(export(tmp_path, CALENDARS / "new-york-dst-end.yaml").read_bytes())
    status = {str(e["UID"]): str(e["STATUS"]) for e in calendar.walk("VEVENT")}
    assert status == {"night-owls-2024@agenda.forum": "CONFIRMED", "night-owls-2024.talk@agenda.forum": "CONFIRMED",
                      "night-owls-2024.panel@agenda.forum": "CONFIRMED",
                      "night-owls-2024.qa@agenda.forum": "CANCELLED"}


def test_dst_end_times_are_in_the_zone_with_tzid(tmp_path):
    raw = export(tmp_path, CALENDARS / "new-york-dst-end.yaml").read_bytes().decode("utf-8")
    assert "DTSTART;TZID=America/New_York:20241102T233000" in raw
    assert "DTEND;TZID=America/New_York:20241103T023000" in raw
    # 23:30 EDT to 02:30 EST is four hours, not three
    start, end = expected(CALENDARS / "new-york-dst-end.yaml")["night-owls-2024@agenda.forum"]
    assert (end - start).total_seconds() == 4 * 3600


def test_alarm_adds_a_reminder_to_the_forum_event(tmp_path):
    raw = export(tmp_path, SEED, extra=["--alarm", "1d"]).read_bytes().decode("utf-8")
    assert raw.count("BEGIN:VALARM") == 1
    assert "\r\nACTION:DISPLAY\r\n" in raw and "\r\nTRIGGER:-P1D\r\n" in raw
    raw = export(tmp_path, SEED, extra=["--alarm", "90m"]).read_bytes().decode("utf-8")
    assert "\r\nTRIGGER:-PT1H30M\r\n" in raw


@pytest.mark.parametrize("alarm", ["soon", "0m", "-1d"])
def test_a_bad_alarm_is_a_usage_error(tmp_path, alarm):
    out = tmp_path / "x.ics"
    result = run("export", SEED, "-o", out, f"--alarm={alarm}", exit_status=2)
    assert "--alarm" in result.stderr and not out.exists()


def test_export_refuses_a_file_with_errors_and_writes_nothing(tmp_path):
    from helpers import BROKEN

    out = tmp_path / "broken.ics"
    result = run("export", BROKEN, "-o", out, exit_status=1)
    assert "nothing written" in result.stderr and not out.exists()
    run("export", BROKEN, "-o", out, "--force")
    assert out.exists()


def test_stdout_export(tmp_path):
    result = run("export", SEED, "-o", "-", env=EPOCH)
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    assert result.stdout_bytes == (lambda p: (run("export", SEED, "-o", p, env=EPOCH), p.read_bytes())[1])(
        tmp_path / "same.ics")


def revised_seed(tmp_path: Path) -> Path:
    """The seed with the presentation 5 minutes shorter, Q&A flexible and the revision raised."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("    duration: 25m\n    speakers: [lee-sangeun]", "    duration: 20m\n    speakers: [lee-sangeun]")
    text = text.replace("  revision: 1\n", "  revision: 2\n")
    path = tmp_path / "revised" / SEED.name
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path


def test_reexport_keeps_uids_and_raises_sequence(tmp_path):
    from icalendar import Calendar

    old = Calendar.from_ical(export(tmp_path, SEED).read_bytes())
    new_path = tmp_path / "new.ics"
    run("export", revised_seed(tmp_path), "-o", new_path, "--segments", env=EPOCH)
    new = Calendar.from_ical(new_path.read_bytes())
    uids = lambda cal: [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert uids(old) == uids(new)
    assert {int(e["SEQUENCE"]) for e in old.walk("VEVENT")} == {1}
    assert {int(e["SEQUENCE"]) for e in new.walk("VEVENT")} == {2}
    moved = {str(e["UID"]): e.decoded("DTSTART") for e in new.walk("VEVENT")}
    assert moved["ai-party-2023-2.panel@agenda.forum"].strftime("%H:%M") == "14:40"


@pytest.mark.slow
def test_reexport_updates_instead_of_duplicating_in_khal_and_radicale(tmp_path):
    old = export(tmp_path, SEED)
    kept = tmp_path / "old.ics"
    shutil.copy(old, kept)
    new = tmp_path / "new.ics"
    an_hour_later = {"SOURCE_DATE_EPOCH": str(int(EPOCH["SOURCE_DATE_EPOCH"]) + 3600)}
    run("export", revised_seed(tmp_path), "-o", new, "--segments", env=an_hour_later)
    report = check_ics(new, "--previous", str(kept), skip=())
    assert "RESULT: PASS" in report and re.search(r"PASS\s+update\s+7 UID\(s\) stable, 4 changed", report)
    assert "did not advance" not in report


@pytest.fixture
def caldav(tmp_path):
    from calendar_tools import need

    try:
        import radicale  # noqa: F401
    except ImportError:
        need(False, "radicale is not installed (pip install -e '.[test]')")
    server = CalDav(tmp_path / "radicale")
    yield server
    server.stop()


@pytest.mark.caldav
def test_radicale_stores_the_export_and_finds_each_event_at_its_utc_start(caldav, tmp_path):
    raw = export(tmp_path, SEED).read_bytes()
    collection = "/test/forum/"
    assert caldav.request("MKCALENDAR", collection)[0] == 201
    assert caldav.request("PUT", collection, raw, {"Content-Type": "text/calendar; charset=utf-8"})[0] in (201, 204)
    status, stored = caldav.request("GET", collection)
    assert status == 200
    from icalendar import Calendar

    got = {str(e["UID"]): (e.decoded("DTSTART").astimezone(UTC), e.decoded("DTEND").astimezone(UTC))
           for e in Calendar.from_ical(stored).walk("VEVENT")}
    assert got == expected(SEED)
    for uid, (start, end) in expected(SEED).items():
        minute = start.strftime("%Y%m%dT%H%M%SZ")
        after = start.replace(minute=start.minute + 1 if start.minute < 59 else 59).strftime("%Y%m%dT%H%M%SZ")
        body = caldav.report_time_range(collection, minute, after).decode("utf-8")
        assert f"UID:{uid}" in body.replace("\r\n ", ""), uid


@pytest.mark.caldav
def test_radicale_reimport_of_a_revision_updates_in_place(caldav, tmp_path):
    from icalendar import Calendar

    collection = "/test/forum/"
    assert caldav.request("MKCALENDAR", collection)[0] == 201
    for path in (export(tmp_path, SEED), tmp_path / "new.ics"):
        if path.name == "new.ics":
            run("export", revised_seed(tmp_path), "-o", path, "--segments", env=EPOCH)
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            single = Calendar.from_ical(path.read_bytes())
            single.subcomponents = [c for c in single.subcomponents
                                    if c.name != "VEVENT" or c["UID"] == event["UID"]]
            name = str(event["UID"]).replace("@", "-") + ".ics"
            status, _ = caldav.request("PUT", collection + name, single.to_ical(),
                                       {"Content-Type": "text/calendar; charset=utf-8"})
            assert status in (201, 204)
    status, stored = caldav.request("GET", collection)
    events = Calendar.from_ical(stored).walk("VEVENT")
    assert len(events) == 7  # updated, not duplicated
    panel = next(e for e in events if e["UID"] == "ai-party-2023-2.panel@agenda.forum")
    assert panel.decoded("DTSTART").strftime("%H:%M") == "14:40" and int(panel["SEQUENCE"]) == 2


def test_a_segment_without_a_start_stays_out_of_the_calendar(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("    at: 13:30", "")
    path = tmp_path / "open.yaml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "open.ics"
    result = run("export", path, "-o", out, "--segments", env=EPOCH)
    raw = out.read_bytes().decode("utf-8")
    assert raw.count("BEGIN:VEVENT") == 6 and "ai-party-2023-2.registration@" not in raw
    assert f"{path}: 사전 등록은 시작 시각이 없어 캘린더에 넣지 않았습니다. `at:`이나 `duration`을 주세요" in result.stderr
    english = run("export", path, "-o", out, "--segments", "--lang", "en", env=EPOCH)
    assert "has no start and is not in the calendar; give it `at:` or a `duration`" in english.stderr
