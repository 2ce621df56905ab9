"""schedule.xml / schedule.json for conference apps, and `agenda import` of them (issue 25).

The published schemas and the two example schedules are c3voc's (EUPL-1.2); they stay in
../shared/conference-formats beside the checkout, never in this repository or the wheel.
"""

import json
import re
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest

from helpers import ROOT, SEED, run, write

import os

FORMATS = Path(os.environ.get("AGENDA_CONFERENCE_FORMATS") or ROOT.parent / "shared" / "conference-formats")
"""Beside the checkout, as ../shared/FORMAT.md is; AGENDA_CONFERENCE_FORMATS points elsewhere (a worktree)."""
XSD, SCHEMA_JSON = FORMATS / "schedule.xml.xsd", FORMATS / "schema.json"
DEMOCON, CAMP = FORMATS / "examples" / "pretalx-democon.json", FORMATS / "examples" / "frab-camp2019.json"
ROOMS = ROOT / "tests" / "fixtures" / "rooms"
SERIES = sorted((ROOT / "tests" / "fixtures" / "calendars").glob("series-part-*.yaml"))

pytestmark = pytest.mark.skipif(not FORMATS.exists(),
                                reason="no ../shared/conference-formats beside this checkout (CI has it)")

SMALL = """\
forum:
  id: {forum_id}
  title: Small
  date: 2025-05-02
  start: "10:00"
  end: "12:00"
  timezone: Europe/Berlin
  language: en
program:
{program}
"""


def assert_valid_xml(data: bytes) -> None:
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(XSD)))
    document = etree.fromstring(data)
    assert schema.validate(document), schema.error_log


def assert_valid_json(*paths: Path) -> None:
    checker = Path(sys.executable).with_name("check-jsonschema")
    done = subprocess.run([str(checker), "--schemafile", str(SCHEMA_JSON), *map(str, paths)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def export_both(tmp_path: Path, *files: Path) -> tuple[bytes, dict]:
    xml_path, json_path = tmp_path / "schedule.xml", tmp_path / "schedule.json"
    run("export", *files, "-o", xml_path)
    run("export", *files, "-o", json_path, "--format", "schedule-json")
    data = xml_path.read_bytes()
    assert_valid_xml(data)
    assert_valid_json(json_path)
    return data, json.loads(json_path.read_text(encoding="utf-8"))


def sessions_of_xml(data: bytes) -> set[tuple[datetime, datetime, str]]:
    """(start, end, room) of every event: instants, so that offsets written differently compare equal."""
    out = set()
    for event in ElementTree.fromstring(data).iter("event"):
        start = datetime.fromisoformat(event.findtext("date"))
        hours, minutes = event.findtext("duration").split(":")
        out.add((start, start + timedelta(hours=int(hours), minutes=int(minutes)), event.findtext("room")))
    return out


def sessions_of_json(path: Path) -> set[tuple[datetime, datetime, str]]:
    out = set()
    for day in json.loads(path.read_text(encoding="utf-8"))["schedule"]["conference"]["days"]:
        for room, events in day["rooms"].items():
            for event in events:
                start = datetime.fromisoformat(event["date"])
                hours, minutes = event["duration"].split(":")
                out.add((start, start + timedelta(hours=int(hours), minutes=int(minutes)), event["room"] or room))
    return out


# --- the export against the published schemas


def test_schedule_export_of_the_seed_validates(tmp_path):
    data, parsed = export_both(tmp_path, SEED)
    conference = parsed["schedule"]["conference"]
    assert conference["time_zone_name"] == "Asia/Seoul" and conference["daysCount"] == 1
    day = ElementTree.fromstring(data).find("day")
    assert day.get("end") and day.get("start").endswith("+09:00")  # EventFahrplan needs day@end, with offset
    for event in ElementTree.fromstring(data).iter("event"):
        assert len(event.findtext("duration").split(":")) == 2  # never days:hours:minutes to EventFahrplan


def test_schedule_export_of_two_days_and_two_rooms_validates(tmp_path):
    data, parsed = export_both(tmp_path, ROOMS / "symposium.yaml")
    conference = parsed["schedule"]["conference"]
    assert [r["name"] for r in conference["rooms"]] == ["Grand Hall", "Room 201"]
    assert conference["daysCount"] == 3 and [d["index"] for d in conference["days"]] == [1, 2, 3]
    rooms_with_events = {room for day in conference["days"] for room, events in day["rooms"].items() if events}
    assert rooms_with_events == {"Grand Hall", "Room 201"}
    assert all(e["date"][:10] == day["date"] for day in conference["days"]
               for events in day["rooms"].values() for e in events)  # a track's segments on their own day
    kinds = {e.findtext("type") for e in ElementTree.fromstring(data).iter("event")}
    assert "parallel" not in kinds and "day" not in kinds and "section" not in kinds


def test_the_forum_url_is_the_conference_url_in_both_schedules(tmp_path):
    data, parsed = export_both(tmp_path, ROOT / "examples" / "open-data-symposium-en.yaml")
    assert parsed["schedule"]["conference"]["url"] == "https://example.org/symposium"
    assert ElementTree.fromstring(data).findtext("conference/url") == "https://example.org/symposium"


def test_a_section_above_a_segment_becomes_its_track(tmp_path):
    _, parsed = export_both(tmp_path, ROOMS / "korean-two-rooms.yaml")
    events = {e["title"]: e for d in parsed["schedule"]["conference"]["days"] for es in d["rooms"].values() for e in es}
    assert events["발제 1: 알고리즘과 여론"]["track"] == "제1부 AI와 민주주의"
    assert events["개회식"]["track"] == ""


def test_schedule_export_of_a_two_character_forum_id_with_upper_case_and_dots_validates(tmp_path):
    forum = write(tmp_path, SMALL.format(forum_id="X.", program="  - {kind: presentation, duration: 30m}"))
    _, parsed = export_both(tmp_path, forum)
    conference = parsed["schedule"]["conference"]
    assert conference["acronym"] == "x___"
    event = next(e for d in conference["days"] for es in d["rooms"].values() for e in es)
    assert event["slug"] == f"x___-{event['id']:04d}"


def test_schedule_export_of_a_segment_id_with_dots_validates(tmp_path):
    program = "  - {kind: presentation, id: talk.1.a, duration: 30m}\n  - {kind: qa, id: q.a, duration: 30m}"
    forum = write(tmp_path, SMALL.format(forum_id="small", program=program))
    data, _ = export_both(tmp_path, forum)
    assert len({e.get("guid") for e in ElementTree.fromstring(data).iter("event")}) == 2


def test_a_series_of_two_files_exports_as_one_schedule(tmp_path):
    data, parsed = export_both(tmp_path, *SERIES)
    conference = parsed["schedule"]["conference"]
    assert conference["title"] == "Open Data Series" and conference["daysCount"] == 2
    assert len(list(ElementTree.fromstring(data).iter("event"))) == 4


def test_a_copied_file_in_a_series_is_the_duplicate_uid_error_and_no_schedule_is_written(tmp_path):
    copy = write(tmp_path, SERIES[0].read_text(encoding="utf-8"), "copy.yaml")
    result = run("export", SERIES[0], copy, "-o", tmp_path / "s.xml", exit_status=None)
    assert result.exit_status != 0 and "duplicate-uid" in result.stderr
    assert not (tmp_path / "s.xml").exists()


def test_the_schedule_guid_is_uuid5_of_the_calendar_uid_and_the_id_its_first_31_bits(tmp_path):
    import uuid

    forum = write(tmp_path, SMALL.format(forum_id="small", program="  - {kind: presentation, id: talk, duration: 30m}"))
    _, parsed = export_both(tmp_path, forum)
    event = parsed["schedule"]["conference"]["days"][0]["rooms"]["Small"][0]
    expected = uuid.uuid5(uuid.UUID("0C9A24B4-72AA-4202-9F91-5A2B6BFF2E6F"), "small.talk@agenda.forum")
    assert event["guid"] == str(expected) and event["id"] == int(expected.hex[:8], 16) >> 1
    assert event["duration"] == "00:30" and event["date"] == "2025-05-02T10:00:00+02:00"
    assert event["url"] == "" and event["abstract"] == "" and event["persons"] == []


def test_cancelled_segments_and_registrations_without_a_start_are_left_out_with_a_note(tmp_path):
    program = ("  - {kind: registration, until: \"10:00\"}\n"
               "  - {kind: presentation, duration: 30m, status: cancelled}\n"
               "  - {kind: presentation, duration: 30m}")
    forum = write(tmp_path, SMALL.format(forum_id="small", program=program))
    result = run("export", forum, "-o", tmp_path / "s.xml", "--force", exit_status=None)
    assert "left out of the schedule: 1 cancelled segment, 1 segment without a start" in result.stderr
    assert len(list(ElementTree.parse(tmp_path / "s.xml").iter("event"))) == 1
    korean = run("export", forum, "-o", tmp_path / "s.xml", "--force", "--lang", "ko", exit_status=None).stderr
    assert "일정표에서 뺀 것: 취소된 순서 1개, 시작 시각이 없는 순서(등록) 1개" in korean


def test_a_segment_over_99_59_is_left_out_of_the_schedule(tmp_path):
    program = "  - {kind: presentation, duration: 6000}"
    forum = write(tmp_path, SMALL.format(forum_id="small", program=program).replace('end: "12:00"', "duration: 7000"))
    result = run("export", forum, "-o", tmp_path / "s.xml", "--force", exit_status=None)
    assert "1 segment longer than 99:59" in result.stderr
    assert list(ElementTree.parse(tmp_path / "s.xml").iter("event")) == []
    assert_valid_xml((tmp_path / "s.xml").read_bytes())


# --- stability


@pytest.mark.parametrize("with_id", [False, True])
def test_a_schedule_guid_and_slug_stay_when_a_segment_is_inserted_before(tmp_path, with_id):
    talk = "  - {kind: presentation, " + ("id: talk, " if with_id else "") + "duration: 30m}"
    before = write(tmp_path, SMALL.format(forum_id="small", program=talk), "before.yaml")
    inserted = "  - {kind: opening, duration: 10m}\n  - {kind: break, id: coffee, duration: 10m}\n" + talk
    after = write(tmp_path, SMALL.format(forum_id="small", program=inserted), "after.yaml")

    def talk_keys(path: Path) -> tuple[str, str, str]:
        event = next(e for e in ElementTree.fromstring(run("export", path, "-o", "-", "-f", "schedule-xml").stdout)
                     .iter("event") if e.findtext("type") == "presentation")
        return event.get("guid"), event.get("id"), event.findtext("slug")

    assert talk_keys(before) == talk_keys(after)


# --- import: the two example schedules


def import_schedule(source: Path, tmp_path: Path, name: str = "forum.yaml") -> tuple[Path, str]:
    target = tmp_path / name
    result = run("import", source, "-o", target)
    return target, result.stderr


def findings(path: Path) -> list[dict]:
    report = json.loads(run("validate", path, "-f", "json", exit_status=None).stdout)
    assert report["files"][0]["valid"], report
    return report["files"][0]["findings"]


def round_trip(source_sessions: set, forum: Path, tmp_path: Path) -> None:
    exported = tmp_path / "again.xml"
    run("export", forum, "-o", exported)
    data = exported.read_bytes()
    assert_valid_xml(data)
    assert sessions_of_xml(data) == source_sessions


@pytest.mark.parametrize("source", [DEMOCON, CAMP], ids=["democon", "camp2019"])
def test_an_imported_schedule_validates_and_exports_every_session_back(tmp_path, source):
    forum, _ = import_schedule(source, tmp_path)
    assert not [f for f in findings(forum) if f["severity"] == "error"]
    round_trip(sessions_of_json(source), forum, tmp_path)


def test_democon_imports_with_exactly_one_double_booked_warning_stephanie_hudson_on_16_december(tmp_path):
    forum, _ = import_schedule(DEMOCON, tmp_path)
    double = [f for f in findings(forum) if f["code"] == "double-booked"]
    assert len(double) == 1
    message = double[0]["message"]
    assert "Stephanie Hudson" in message and "Gray Room from 09:30" in message and "Tan Room until 10:30" in message
    from agenda.loading.analysis import analyze

    plan = analyze(str(forum)).plan
    seg = next(s for s in plan.all_segments if s.path == tuple(
        int(p) if p.isdigit() else p for p in double[0]["path"].replace("[", ".").replace("]", "").split(".")))
    assert plan.day_of(seg).date.isoformat() == "2020-12-16"
    tan = next(s for s in plan.all_segments if s.room == "tan-room" and s.start == seg.start - timedelta(minutes=30)
               and any(r.person.name == "Stephanie Hudson" for r in s.people))
    assert (plan.local(tan.start).strftime("%H:%M"), plan.local(tan.end).strftime("%H:%M")) == ("09:00", "10:30")


def test_camp2019_imports_without_a_double_booked_warning(tmp_path):
    forum, _ = import_schedule(CAMP, tmp_path)
    assert [f for f in findings(forum) if f["code"] == "double-booked"] == []


@pytest.mark.parametrize("columns", [80, 60])
def test_camp2019_in_korean_keeps_every_time_and_the_minutes_whole_at_80_and_60_columns(tmp_path, columns):
    """Issue 8: a description's 54-cell link once squeezed the minutes to one blank cell and cut `11:00~11`."""
    target = tmp_path / "camp.yaml"
    run("import", CAMP, "-o", target, "--lang", "ko")
    table = run("plan", target, env={"COLUMNS": str(columns)}).stdout
    assert max(len(line) for line in table.splitlines()) <= columns
    rows = [line.split("│") for line in table.splitlines() if line.startswith("│")]
    times = [row[1].strip() for row in rows if row[1].strip()]
    assert times and all(re.fullmatch(r"(\d\d:\d\d)?~\d\d:\d\d(\(\+\d\))?", t) for t in times), times
    assert all(row[2].strip().isdigit() for row in rows if row[1].strip())
    assert all(line.split("┃")[2].strip() == "분" for line in table.splitlines() if line.startswith("┃"))


def test_democon_says_utc_but_its_times_carry_plus_one_and_the_import_says_so(tmp_path):
    forum, stderr = import_schedule(DEMOCON, tmp_path)
    assert "time_zone_name says UTC, but the sessions' times carry +01:00" in stderr
    korean = run("import", DEMOCON, "-o", tmp_path / "ko.yaml", "--lang", "ko").stderr
    assert "time_zone_name은 UTC인데 세션 시각에는 UTC 오프셋 +01:00이 붙어 있습니다" in korean
    assert "timezone: \"Europe/Berlin\"" in forum.read_text(encoding="utf-8")


def test_camp2019_keeps_its_time_zone_name_without_a_note(tmp_path):
    forum, stderr = import_schedule(CAMP, tmp_path)
    assert "time_zone_name" not in stderr and "timezone: \"Europe/Berlin\"" in forum.read_text(encoding="utf-8")


def test_the_import_lists_what_it_could_not_carry_over_in_the_readers_language(tmp_path):
    _, english = import_schedule(CAMP, tmp_path)
    assert "not carried over" in english and "links of 26 sessions" in english
    korean = run("import", CAMP, "-o", tmp_path / "ko.yaml", env={"LANG": "ko_KR.UTF-8"}).stderr
    assert "옮기지 않은 것: 링크(세션 26개)" in korean


def test_overlapping_sessions_become_one_parallel_block_and_every_segment_is_pinned(tmp_path):
    from agenda.loading.analysis import analyze

    forum, _ = import_schedule(DEMOCON, tmp_path)
    document = analyze(str(forum)).document
    assert document is not None
    model = analyze(str(forum)).plan.document
    program = model.program
    assert [s.date.isoformat() for s in program if s.kind == "day"] == ["2020-12-14", "2020-12-15", "2020-12-16"]
    assert list(model.forum.rooms) == ["gray-room", "tan-room"]
    blocks = [s for s in program if s.kind == "parallel"]
    assert blocks and all(len({t.room for t in b.tracks}) == len(b.tracks) for b in blocks)
    inner = [seg for b in blocks for t in b.tracks for seg in t.program]
    alone = [s for s in program if s.kind not in ("day", "parallel")]
    assert all(s.at is not None for s in inner + alone + blocks)
    assert all(s.room is not None for s in alone)


def test_docs_import_example_is_what_import_prints(tmp_path):
    from doc_examples import checked_by

    block = checked_by(ROOT / "docs" / "import.md",
                       "test_conference_schedule.py::test_docs_import_example_is_what_import_prints")
    (tmp_path / "pretalx-democon.json").write_bytes(DEMOCON.read_bytes())
    result = run("import", "pretalx-democon.json", "-o", "democon.yaml", cwd=tmp_path)
    assert "$ agenda import pretalx-democon.json -o democon.yaml\n" + result.stderr == block.body


def test_sessions_over_a_week_or_of_no_length_are_left_behind_and_counted(tmp_path):
    def event(date: str, duration: str) -> dict:
        return {"date": date, "duration": duration, "title": "t", "type": "Talk", "persons": []}

    days = [{"index": 1, "date": "2024-05-01", "day_start": "2024-05-01T09:00:00+09:00",
             "day_end": "2024-05-01T18:00:00+09:00",
             "rooms": {"Hall": [event("2024-05-01T10:00:00+09:00", "0:00"),
                                event("2024-05-01T11:00:00+09:00", "200:00"),
                                event("2024-05-01T12:00:00+09:00", "01:00")]}}]
    source = write(tmp_path, json.dumps({"schedule": {"version": "1", "conference": {
        "title": "T", "acronym": "t", "time_zone_name": "Asia/Seoul", "days": days}}}), "s.json")
    forum, stderr = import_schedule(source, tmp_path)
    assert "1 session longer than a week, 1 session of no length" in stderr
    assert findings(forum) == [] and forum.read_text(encoding="utf-8").count("kind: presentation") == 1


def test_agendas_own_korean_schedule_imports_back_in_korean_with_every_title_instant_and_room(tmp_path):
    exported = tmp_path / "korean.json"
    run("export", ROOMS / "korean-two-rooms.yaml", "-o", exported, "--format", "schedule-json")
    forum, stderr = import_schedule(exported, tmp_path)
    assert "not carried over" not in stderr and "time_zone_name" not in stderr
    assert "\n  language: ko\n" in forum.read_text(encoding="utf-8")
    again = tmp_path / "again.json"
    run("export", forum, "-o", again, "--format", "schedule-json")

    def titled(path: Path) -> set:
        days = json.loads(path.read_text(encoding="utf-8"))["schedule"]["conference"]["days"]
        return {(datetime.fromisoformat(e["date"]), e["duration"], e["room"], e["title"])
                for day in days for events in day["rooms"].values() for e in events}

    assert titled(again) == titled(exported)


def test_an_import_writes_the_same_bytes_twice(tmp_path):
    first, _ = import_schedule(CAMP, tmp_path, "one.yaml")
    second, _ = import_schedule(CAMP, tmp_path, "two.yaml")
    assert first.read_bytes() == second.read_bytes()


def test_import_refuses_to_overwrite_a_file_without_force(tmp_path):
    target = write(tmp_path, "keep me\n", "forum.yaml")
    result = run("import", DEMOCON, "-o", target, exit_status=None)
    assert result.exit_status != 0 and target.read_text(encoding="utf-8") == "keep me\n"


def test_import_of_a_file_that_is_not_a_schedule_names_the_file_and_writes_nothing(tmp_path):
    broken = write(tmp_path, '{"schedule": ', "broken.json")
    result = run("import", broken, "-o", tmp_path / "out.yaml", exit_status=None)
    assert result.exit_status != 0 and "broken.json:1: neither JSON nor XML" in result.stderr
    not_one = write(tmp_path, '{"hello": 1}', "other.json")
    result = run("import", not_one, "-o", tmp_path / "out.yaml", exit_status=None)
    assert "other.json: not a conference schedule" in result.stderr
    assert not (tmp_path / "out.yaml").exists()


# --- import from schedule.xml, built here from the JSON examples (not with agenda's exporter)


def xml_from_json(source: Path) -> bytes:
    """schedule.xml as frab writes it, from schedule.json, by this test's own hand."""
    conference = json.loads(source.read_text(encoding="utf-8"))["schedule"]["conference"]
    root = ElementTree.Element("schedule")
    ElementTree.SubElement(root, "version").text = "1"
    head = ElementTree.SubElement(root, "conference")
    for key in ("title", "acronym", "start", "end", "time_zone_name"):
        ElementTree.SubElement(head, key).text = conference[key]
    for day in conference["days"]:
        day_element = ElementTree.SubElement(root, "day", index=str(day["index"]), date=day["date"],
                                             start=day["day_start"], end=day["day_end"])
        for room, events in day["rooms"].items():
            room_element = ElementTree.SubElement(day_element, "room", name=room)
            for event in events:
                element = ElementTree.SubElement(room_element, "event", id=str(event["id"]), guid=event["guid"])
                for key in ("date", "start", "duration", "room", "title", "type", "track", "abstract"):
                    ElementTree.SubElement(element, key).text = event[key] or ""
                persons = ElementTree.SubElement(element, "persons")
                for person in event["persons"]:
                    ElementTree.SubElement(persons, "person").text = person.get("name") or person["public_name"]
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


@pytest.mark.parametrize("source", [DEMOCON, CAMP], ids=["democon", "camp2019"])
def test_an_imported_schedule_xml_exports_every_session_back(tmp_path, source):
    schedule_xml = tmp_path / "schedule.xml"
    schedule_xml.write_bytes(xml_from_json(source))
    forum, _ = import_schedule(schedule_xml, tmp_path)
    assert not [f for f in findings(forum) if f["severity"] == "error"]
    round_trip(sessions_of_json(source), forum, tmp_path)
