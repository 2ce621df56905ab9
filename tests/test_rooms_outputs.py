"""Days, rooms and parallel tracks in every output (issue 23): table, Markdown, JSON, CSV, calendars,
diff, notices, the printed grid, and the day across days.

A file without days and rooms keeps its bytes: the golden files guard that.
"""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from icalendar import Calendar

from browser_tools import poppler, probe_page
from calendar_tools import check_ics
from helpers import ROOT, SEED, run, write

ROOMS = ROOT / "tests" / "fixtures" / "rooms"
SYMPOSIUM, EVENING, KOREAN = ROOMS / "symposium.yaml", ROOMS / "evening.yaml", ROOMS / "korean-two-rooms.yaml"
FIXED = {"SOURCE_DATE_EPOCH": "1700000000"}


def events(path: Path, *options: str) -> list:
    text = run("export", path, "-o", "-", "--format", "ics", *options, env=FIXED).stdout
    return list(Calendar.from_ical(text).walk("VEVENT"))


def test_the_table_has_a_day_heading_row_with_its_date_and_a_sub_table_per_room():
    out = run("plan", SYMPOSIUM, env={"COLUMNS": "160"}).stdout
    assert "Day 2 · Tuesday, 21 May 2024 · Main Conference" in out
    assert "Monday, 20 May 2024 – Wednesday, 22 May 2024" in out
    ts1 = out.split("Technical Sessions 1", 1)[1]
    hall, r201 = ts1.index("Grand Hall · TS1A: Sensors"), ts1.index("Room 201 · TS1B: Networks")
    assert hall < r201 and ts1[hall:r201].count("┏") == 1  # each room in a table of its own
    assert "07:00–08:00" in out and "(+1)" not in out  # day 2's clocks are day 2's, not the forum's (+1)


def test_markdown_has_a_sub_table_per_room_and_the_chair_of_a_part_once():
    out = run("plan", "--format", "markdown", KOREAN).stdout
    assert "### 제1소회의실 · 토론회 1: AI 기본법 · 좌장: 한서연 (국회입법조사처 입법조사관)" in out
    assert "### 제2소회의실 · 토론회 2: 공공 AI · 좌장: 박지현 (KAIST 교수)" in out
    assert out.count("좌장: 구본권") == 1  # on the 부's heading, not on each of its four segments
    assert "| **제1부 AI와 민주주의** | 좌장: 구본권 (한겨레 사람과디지털연구소 소장) |" in out


def test_plan_json_has_days_rooms_and_tracks():
    data = json.loads(run("plan", "--format", "json", SYMPOSIUM).stdout)
    assert [(d["date"], d["start"], d["end"], d["window_minutes"], d["slack_minutes"]) for d in data["days"]] == [
        ("2024-05-20", "2024-05-20T09:00:00+09:00", "2024-05-20T19:00:00+09:00", 600, 0),
        ("2024-05-21", "2024-05-21T08:00:00+09:00", "2024-05-21T16:15:00+09:00", 495, 0),
        ("2024-05-22", "2024-05-22T09:00:00+09:00", "2024-05-22T12:00:00+09:00", 180, 0)]
    assert (data["forum"]["start"], data["forum"]["end"]) == ("2024-05-20T09:00:00+09:00",
                                                              "2024-05-22T12:00:00+09:00")
    assert data["forum"]["window_minutes"] == 1275 and data["scheduled_minutes"] == 1275
    day2 = next(s for s in data["segments"] if s["id"] == "day-2")
    assert (day2["kind"], day2["date"], day2["start"], day2["minutes"]) == \
        ("day", "2024-05-21", "2024-05-21T08:00:00+09:00", 0)
    ts1 = next(s for s in data["segments"] if s["id"] == "ts1")
    assert ts1["room"] is None and [(t["id"], t["room"], t["title"]) for t in ts1["tracks"]] == [
        ("ts1.hall", "hall", "TS1A: Sensors"), ("ts1.r201", "r201", "TS1B: Networks")]
    assert ts1["tracks"][0]["moderator"]["name"] == "Sora Lee"
    assert [(s["id"], s["room"], s["start"][11:16]) for s in ts1["tracks"][1]["segments"]] == [
        ("presentation-5", "r201", "09:30"), ("presentation-6", "r201", "10:15")]
    assert all("room" in s for s in data["segments"])


def test_a_file_without_rooms_or_days_gets_no_new_json_keys_or_csv_column():
    data = json.loads(run("plan", "--format", "json", SEED).stdout)
    assert "days" not in data and all("room" not in s and "tracks" not in s for s in data["segments"])
    header = run("export", SEED, "-o", "-", "--format", "csv").stdout.splitlines()[0]
    assert not header.endswith(",room")


def test_csv_gains_a_room_column_last():
    text = run("export", KOREAN, "-o", "-", "--format", "csv").stdout.lstrip("\ufeff")
    table = list(csv.DictReader(io.StringIO(text)))
    assert list(table[0])[-1] == "room"
    at_two = [(row["segment"], row["room"]) for row in table if row["start"] == "14:00" and row["kind"] != "item"]
    assert at_two == [("forums", ""), ("presentation-3", "제1소회의실"), ("presentation-4", "제2소회의실")]


def test_the_calendar_has_a_forum_event_per_day_and_room_locations():
    found = events(SYMPOSIUM, "--segments")
    forum = [e for e in found if "RELATED-TO" not in e]
    assert [str(e["UID"]) for e in forum] == ["sensing-2024@agenda.forum", "sensing-2024.day-2@agenda.forum",
                                              "sensing-2024.day-3@agenda.forum"]
    assert [e.decoded("dtstart").strftime("%m-%d %H:%M") for e in forum] == ["05-20 09:00", "05-21 08:00",
                                                                              "05-22 09:00"]
    day2 = str(forum[1]["DESCRIPTION"])  # each day's event holds that day's programme
    assert "Registration Open" in day2 and "Tutorial A" not in day2 and "Open Hardware" not in day2
    talk = next(e for e in found if str(e["UID"]) == "sensing-2024.presentation-5@agenda.forum")
    assert str(talk["LOCATION"]) == "Room 201, Seoul Global Center"
    assert talk.decoded("dtstart").strftime("%m-%d %H:%M") == "05-21 09:30"


def test_a_day_past_midnight_is_exported():
    table = run("plan", EVENING, env={"COLUMNS": "120"}).stdout
    assert "23:30–00:30(+1)" in table and "00:30(+1)–01:00(+1)" in table  # counted from its own day's date
    found = {str(e["UID"]): e for e in events(EVENING, "--segments")}
    day2 = found["night-2024.day-2@agenda.forum"]
    assert (day2.decoded("dtstart").strftime("%m-%d %H:%M"), day2.decoded("dtend").strftime("%m-%d %H:%M")) == \
        ("05-21 19:00", "05-22 01:00")
    qa = found["night-2024.late-qa@agenda.forum"]
    assert qa.decoded("dtend").strftime("%m-%d %H:%M") == "05-22 01:00"
    assert str(qa["LOCATION"]) == "Grand Hall, Seoul Global Center"


@pytest.mark.parametrize("forum", [SYMPOSIUM, EVENING, KOREAN], ids=lambda p: p.stem)
def test_the_shared_checker_reads_the_calendar_of_days_and_rooms(forum, tmp_path):
    out = tmp_path / "forum.ics"
    run("export", forum, "-o", out, "--segments", env=FIXED)
    assert "RESULT: PASS" in check_ics(out)


def test_per_person_calendars_hold_track_parts_with_their_rooms(tmp_path):
    run("export", KOREAN, "--per-person", tmp_path, env=FIXED)
    han = list(Calendar.from_ical((tmp_path / "han.ics").read_bytes()).walk("VEVENT"))
    track = next(e for e in han if str(e["UID"]) == "ai-policy-2024.forums.room1+han@agenda.forum")
    assert str(track["LOCATION"]) == "제1소회의실, 국회의원회관"
    yoon = list(Calendar.from_ical((tmp_path / "yoon.ics").read_bytes()).walk("VEVENT"))
    item = next(e for e in yoon if str(e["UID"]) == "ai-policy-2024.panel-2.1+yoon@agenda.forum")
    assert "발제" in str(item["DESCRIPTION"])  # an item of kind presentation inside a panel: 발제자, not 지정토론자
    assert "지정토론자" not in str(item["DESCRIPTION"])


def moved_to_room2(tmp_path: Path) -> Path:
    text = KOREAN.read_text(encoding="utf-8").replace(
        "  - {kind: closing, title: 폐회, duration: 10m}", "  - {kind: closing, title: 폐회, duration: 10m, room: room2}")
    text = text.replace("      - room: room1\n", "      - room: room3\n").replace(
        "      - room: room2\n", "      - room: room1\n").replace("      - room: room3\n", "      - room: room2\n")
    return write(tmp_path, text.replace("  mc: lee-yeonhee\n", "  mc: lee-yeonhee\n  revision: 1\n"), "moved.yaml")


def test_diff_says_a_change_of_room(tmp_path):
    out = run("diff", KOREAN, moved_to_room2(tmp_path), exit_status=None).stdout
    assert re.search(r"^room +폐회: 제1소회의실 → 제2소회의실$", out, re.M), out


def test_notices_go_to_whoever_changed_room(tmp_path):
    run("notices", KOREAN, moved_to_room2(tmp_path), "-o", tmp_path / "out", env=FIXED)
    drafted = sorted(p.stem for p in (tmp_path / "out").glob("*.eml"))
    assert "han" in drafted and "choi" in drafted  # 토론회 1 moved to 제2소회의실 with its chair and speakers
    text = (tmp_path / "out" / "han.eml").read_bytes()
    assert b"text/calendar" in text


def test_now_places_a_bare_time_on_the_day_whose_window_holds_it(tmp_path):
    log = tmp_path / "none.jsonl"
    day2 = json.loads(run("now", SYMPOSIUM, "--at", "07:30", "--format", "json", "--log", log).stdout)
    assert (day2["at"], day2["window_end"]) == ("2024-05-21T07:30:00+09:00", "2024-05-21T16:15:00+09:00")
    day3 = json.loads(run("now", SYMPOSIUM, "--at", "11:50", "--format", "json", "--log", log).stdout)
    assert day3["at"].startswith("2024-05-20T11:50")  # held by day 1's window, the first that holds it
    late = json.loads(run("now", EVENING, "--at", "00:30", "--format", "json", "--log", log).stdout)
    assert (late["at"], late["window_end"]) == ("2024-05-22T00:30:00+09:00", "2024-05-22T01:00:00+09:00")


def test_a_mark_with_a_bare_time_lands_on_its_day(tmp_path):
    log = tmp_path / "marks.jsonl"
    run("mark", SYMPOSIUM, "start", "registration", "--at", "07:02", "--log", log)
    (line,) = log.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["at"].startswith("2024-05-21T07:02")


@pytest.mark.browser
@pytest.mark.parametrize("forum, pages", [(SYMPOSIUM, 3), (KOREAN, 1), (EVENING, 2)], ids=lambda v: str(v)[-20:])
def test_the_printed_grid_is_a_page_a_day_with_no_korean_word_broken(forum, pages, tmp_path):
    pdf = tmp_path / "out.pdf"
    run("export", forum, "-o", pdf, env=FIXED)
    info = poppler("pdfinfo", pdf)
    assert re.search(rf"^Pages:\s+{pages}$", info, re.M) and re.search(r"^Page size:.*\(A4\)$", info, re.M), info
    text = poppler("pdftotext", pdf)
    lines = text.splitlines()
    words = {KOREAN: ("제1소회의실", "제2소회의실", "국회입법조사처", "디지털미디어네트워크", "정보통신정책연구원"),
             SYMPOSIUM: ("Grand Hall", "Room 201"), EVENING: ("Grand Hall", "Sky Lounge")}[forum]
    for word in words:
        for piece in word.split():
            assert any(piece in line for line in lines), f"{piece!r} is split across lines"
    if forum == SYMPOSIUM:  # each day on its own page, in order
        pages_text = text.split("\f")
        assert [("Day 1" in p, "Day 2" in p, "Day 3" in p) for p in pages_text[:3]] == [
            (True, False, False), (False, True, False), (False, False, True)]


@pytest.mark.browser
@pytest.mark.parametrize("forum", [SYMPOSIUM, KOREAN], ids=lambda p: p.stem)
def test_the_printed_grid_is_accessible(forum, tmp_path):
    page = tmp_path / "out.html"
    run("export", forum, "-o", page)
    found = probe_page(page)
    assert found["violations"] == [], found["violations"]
    html = page.read_text(encoding="utf-8")
    assert html.count('<div class="room">') == {SYMPOSIUM: 6, KOREAN: 2}[forum]  # a column per room and block


def test_the_timeline_draws_a_bar_per_day_on_its_own_hours():
    out = run("plan", SYMPOSIUM, "--timeline", env={"COLUMNS": "100"}).stdout
    bars = out.split("1275 / 1275 min\n", 1)[1]
    assert [line.split(" · ")[0] for line in bars.splitlines() if line.startswith("Day ")] == ["Day 1", "Day 2", "Day 3"]
    scales = [line for line in bars.splitlines() if re.match(r"^\d\d:\d\d ", line)]
    assert [(s.split()[0], s.split()[-1]) for s in scales] == [("09:00", "19:00"), ("08:00", "16:15"),
                                                                 ("09:00", "12:00")]
