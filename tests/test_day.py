"""On the day: marks, the projection of the rest of the day, `now` and `report`, all driven by --at."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from helpers import golden, run

DAY = FIXTURES / "day"


@pytest.fixture
def seed(tmp_path) -> Path:
    """The seed forum with the Q&A flexible {min: 10m, max: 25m}, in a folder of its own (the log goes beside it)."""
    target = tmp_path / "forum.yaml"
    shutil.copy(DAY / "seed-flexible-qa.yaml", target)
    return target


def copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copy(DAY / name, target)
    return target


def marks(file: Path, *steps: str) -> None:
    """Each step 'WORD [SEGMENT] @HH:MM'."""
    for step in steps:
        words, at = step.split("@")
        run("mark", file, *words.split(), "--at", at)


def now(file: Path, at: str, *more) -> dict:
    return json.loads(run("now", file, "--at", at, "--format", "json", *more).stdout)


def by_id(state: dict) -> dict:
    return {s["id"]: s for s in state["segments"]}


def log_lines(file: Path, suffix: str = ".actuals.jsonl") -> list[dict]:
    path = file.with_name(file.stem + suffix)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_start_passes_over_registration_and_is_logged_beside_the_file(seed):
    result = run("mark", seed, "start", "--at", "14:03")
    assert result.stdout == "개회식 시작 14:03 · 3분 늦게 진행 중 · 15:58 종료 예상 (2분 여유)\n"
    assert log_lines(seed) == [{"at": "2023-12-13T14:03:00+09:00", "mark": "start", "segment": "opening"}]


def test_a_late_opening_is_taken_by_the_idle_minutes_and_the_qa_keeps_25(seed):
    marks(seed, "start@14:03", "next@14:20")
    state = now(seed, "14:20")
    assert state["delay_minutes"] == 5
    assert state["end"] == "2023-12-13T16:00:00+09:00" and state["over_window_minutes"] == 0
    qa = by_id(state)["qa"]
    assert (qa["start"], qa["end"], qa["minutes"]) == ("2023-12-13T15:35:00+09:00", "2023-12-13T16:00:00+09:00", 25)
    assert by_id(state)["opening"]["minutes"] == 17 and by_id(state)["opening"]["status"] == "done"
    text = run("now", seed, "--at", "14:22").stdout
    assert text == ("14:22 · 장내 정리, 좌장 인사말 · 3:00 남음 (14:25까지) · 구본권\n"
                    "다음: 발제: AI 시대의 정당 혁신 14:25 (계획 14:20)\n"
                    "5분 늦게 진행 중 · 남는 시간으로 메워 16:00 정시 종료 예상\n")


def test_panel_to_1545_leaves_the_qa_15_minutes_and_the_day_still_ends_at_16(seed):
    marks(seed, "start@14:03", "next@14:20", "next@14:25", "next@14:50", "next@15:05", "next@15:20", "next@15:45")
    state = now(seed, "15:46")
    assert state["state"] == "running" and state["current"]["id"] == "qa"
    assert state["current"]["end"] == "2023-12-13T16:00:00+09:00"
    assert state["current"]["remaining_seconds"] == 14 * 60
    assert by_id(state)["qa"]["minutes"] == 15
    assert state["end"] == "2023-12-13T16:00:00+09:00" and state["over_window_minutes"] == 0
    line = run("now", seed, "--at", "15:46").stdout.splitlines()[-1]
    assert line == "5분 늦게 진행 중 · 질의응답·자유토론 25분 → 15분 · 16:00 정시 종료 예상"


def test_panel_to_1555_puts_the_qa_at_its_minimum_and_past_the_window(seed):
    marks(seed, "start@14:03", "next@14:20", "next@14:25", "next@14:50", "next@15:05", "next@15:20", "next@15:55")
    state = now(seed, "15:56")
    assert by_id(state)["qa"]["minutes"] == 10
    assert state["end"] == "2023-12-13T16:05:00+09:00" and state["over_window_minutes"] == 5
    english = run("now", seed, "--at", "15:56", "--lang", "en").stdout.splitlines()[-1]
    assert english == ("running 10 min late · 질의응답·자유토론 cut from 25 to 10 min · ends 16:05, 5 min past the window"
                       " · cut 질의응답·자유토론 from 10 to 5 min to end at 16:00")
    assert state["cut"] == [{"part": "qa", "title": "질의응답·자유토론", "from_minutes": 10, "to_minutes": 5}]


def test_a_running_panel_is_projected_to_now_when_it_overruns(seed):
    marks(seed, "start@14:03", "next@14:20", "next@14:25", "next@14:50", "next@15:05", "next@15:20")
    state = now(seed, "15:40")
    assert state["current"]["part"] == "panel:3"  # the third speaker's own 15 minutes, due 15:35
    assert state["current"]["over_seconds"] == 5 * 60 and state["current"]["remaining_seconds"] == 0
    assert state["current"]["end"] == "2023-12-13T15:40:00+09:00"
    assert state["delay_minutes"] == 10
    assert by_id(state)["qa"]["minutes"] == 20
    assert {k: state["next"][k] for k in ("id", "title", "start", "planned_start", "part", "item")} == {
        "id": "qa", "title": "질의응답·자유토론", "start": "2023-12-13T15:40:00+09:00",
        "planned_start": "2023-12-13T15:30:00+09:00", "part": "qa", "item": None}


def test_skip_gives_its_minutes_to_the_qa_up_to_its_maximum(seed):
    marks(seed, "start@14:03", "next@14:20", "next@14:25", "next@14:50", "next@15:05", "next@15:20", "next@15:55")
    assert by_id(now(seed, "15:56"))["qa"]["minutes"] == 10
    # Another run of the day: the late panel, but the presentation is skipped.
    seed.with_name("forum.actuals.jsonl").unlink()
    marks(seed, "start@14:03", "next@14:20", "skip presentation@14:21")
    state = now(seed, "14:22")
    assert by_id(state)["presentation"]["status"] == "skipped"
    assert by_id(state)["presentation"]["minutes"] == 0
    assert by_id(state)["panel"]["start"] == "2023-12-13T14:25:00+09:00"
    assert by_id(state)["qa"]["minutes"] == 25  # grows back, but no further than its maximum
    assert state["end"] == "2023-12-13T15:35:00+09:00"


def test_skip_after_a_long_panel_lets_the_qa_grow_back(tmp_path):
    forum = tmp_path / "forum.yaml"
    text = (DAY / "seed-flexible-qa.yaml").read_text(encoding="utf-8")
    forum.write_text(text.replace("rules:", "  - {kind: closing, id: closing, duration: 10m}\nrules:"),
                     encoding="utf-8")
    marks(forum, "start@14:00", "next@14:15", "next@14:20", "next@14:50")  # the panel starts 5 late
    before = by_id(now(forum, "15:00"))["qa"]["minutes"]
    marks(forum, "skip closing@15:01")
    after = now(forum, "15:01")
    assert (before, by_id(after)["qa"]["minutes"]) == (15, 25)
    assert by_id(after)["closing"]["status"] == "skipped"


def test_undo_withdraws_the_latest_mark_in_force_then_the_one_before(seed):
    marks(seed, "start@14:03", "next@14:20", "next@14:25")
    assert run("mark", seed, "undo", "--at", "14:26").stdout.startswith("마지막 기록 취소 (다음 발제: AI 시대의 정당 혁신 14:25)")
    assert now(seed, "14:26")["current"]["id"] == "moderator-greeting"
    run("mark", seed, "undo", "--at", "14:26")
    state = now(seed, "14:26")
    assert state["current"]["id"] == "opening" and by_id(state)["moderator-greeting"]["status"] == "upcoming"
    assert [line["mark"] for line in log_lines(seed)] == ["start", "next", "next", "undo", "undo"]
    run("mark", seed, "undo", "--at", "14:27")
    run("mark", seed, "undo", "--at", "14:27", exit_status=1)
    assert now(seed, "14:27")["state"] == "before"


def test_a_pinned_break_does_not_move_early_and_starts_late_when_pushed(tmp_path):
    forum = copy(tmp_path, "pinned-break.yaml")
    marks(forum, "start@10:00", "next@10:05")  # the opening ran 10 minutes short
    state = now(forum, "10:20")
    assert by_id(state)["talk"]["end"] == "2024-05-20T10:35:00+01:00"
    assert by_id(state)["coffee"]["start"] == "2024-05-20T11:00:00+01:00"  # the gap takes it
    assert state["end"] == "2024-05-20T12:00:00+01:00"
    state = now(forum, "11:05")  # the talk runs long, to now
    assert state["next"]["id"] == "coffee" and state["next"]["start"] == "2024-05-20T11:05:00+01:00"
    assert by_id(state)["qa"]["minutes"] == 10 and state["end"] == "2024-05-20T12:00:00+01:00"
    text = run("now", forum, "--at", "11:05").stdout
    assert "next: Break at 11:05 (planned 11:00)" in text


def test_a_pinned_break_pushed_late_squeezes_the_flexible_qa_after_it(tmp_path):
    forum = copy(tmp_path, "pinned-break.yaml")
    marks(forum, "start@10:00", "next@10:15", "next@11:10")
    state = now(forum, "11:12")
    assert state["current"]["id"] == "coffee" and state["current"]["start"] == "2024-05-20T11:10:00+01:00"
    assert by_id(state)["qa"]["minutes"] == 5
    assert state["over_window_minutes"] == 0 and state["end"] == "2024-05-20T12:00:00+01:00"


def test_before_the_first_mark_now_shows_the_plan_and_the_time_to_the_start(seed):
    text = run("now", seed, "--at", "13:48").stdout
    assert text == ("13:48 · 시작 전\n"
                    "  13:30~14:00 사전 등록\n"
                    "  14:00~14:15 개회식\n"
                    "  14:15~14:20 장내 정리, 좌장 인사말\n"
                    "  14:20~14:45 발제: AI 시대의 정당 혁신\n"
                    "  14:45~15:30 지정토론\n"
                    "  15:30~15:55 질의응답·자유토론\n"
                    "다음: 개회식 14:00\n"
                    "14:00 시작까지 12분 · 15:55 종료 예상 (5분 여유)\n")
    state = now(seed, "13:48")
    assert state["state"] == "before" and state["current"] is None and state["delay_minutes"] == 0
    assert by_id(state)["opening"]["start"] == "2023-12-13T14:00:00+09:00"
    assert now(seed, "14:04")["next"]["start"] == "2023-12-13T14:04:00+09:00"  # later than planned: now


def test_between_segments_the_next_starts_at_its_planned_start_or_now(seed):
    marks(seed, "start@14:00", "end@14:10")
    early = now(seed, "14:12")
    assert early["state"] == "between" and early["next"]["start"] == "2023-12-13T14:15:00+09:00"
    assert early["delay_minutes"] == -5
    assert run("now", seed, "--at", "14:12", "--lang", "en").stdout.splitlines()[-1] == \
        "running 5 min ahead · ends 15:55, 5 min to spare"
    late = now(seed, "14:18")
    assert late["next"]["start"] == "2023-12-13T14:18:00+09:00"


def test_after_the_last_segment_now_shows_the_totals(seed):
    marks(seed, "start@14:03", "next@14:20", "next@14:25", "next@14:50", "next@15:05", "next@15:20", "next@15:45", "end@16:01")
    state = now(seed, "16:10")
    assert state["state"] == "after" and state["next"] is None and state["current"] is None
    assert state["over_window_minutes"] == 1 and state["delay_minutes"] == 6
    assert run("now", seed, "--at", "16:10").stdout == "16:10 · 종료\n16:01 종료, 예정보다 1분 초과\n"


@pytest.mark.parametrize("args, message", [
    (["end"], "nothing is running"),
    (["start", "no-such-segment"], "no segment 'no-such-segment'"),
    (["skip"], "say which segment"),
])
def test_impossible_marks_exit_1_and_append_nothing(seed, args, message):
    result = run("mark", seed, *args, "--at", "14:03", "--lang", "en", exit_status=1)
    assert message in result.stderr and "nothing appended" in result.stderr
    assert not seed.with_name("forum.actuals.jsonl").exists() or log_lines(seed) == []


def test_a_mark_before_the_latest_in_force_exits_1_and_appends_nothing(seed):
    marks(seed, "start@14:03")
    result = run("mark", seed, "next", "--at", "14:02", "--lang", "en", exit_status=1)
    assert "before the latest mark in force" in result.stderr
    run("mark", seed, "start", "opening", "--at", "14:05", exit_status=1)  # already started
    assert len(log_lines(seed)) == 1


@pytest.mark.parametrize("text", ["25:00", "14h", "2023-12-13T14:00:00", "tomorrow"])
def test_a_bad_time_exits_2_with_a_message(seed, text):
    result = run("now", seed, "--at", text, "--lang", "en", exit_status=2)
    assert result.stderr.startswith(f"agenda: --at: {text!r} ")
    assert "HH:MM" in result.stderr or "offset" in result.stderr


def test_iso_times_with_an_offset_are_instants(seed):
    marks(seed, "start@2023-12-13T05:03:00Z")
    assert log_lines(seed)[0]["at"] == "2023-12-13T14:03:00+09:00"


def test_a_forum_crossing_midnight_projects_into_the_next_day(tmp_path):
    forum = copy(tmp_path, "midnight.yaml")
    marks(forum, "start@23:10", "next@00:20")
    assert log_lines(forum)[1]["at"] == "2024-05-21T00:20:00+09:00"
    state = now(forum, "00:30")
    assert state["current"]["id"] == "qa" and state["current"]["end"] == "2024-05-21T01:00:00+09:00"
    assert by_id(state)["talk"]["minutes"] == 70 and by_id(state)["qa"]["minutes"] == 40
    assert run("now", forum, "--at", "00:30").stdout.splitlines()[-1] == \
        "15분 늦게 진행 중 · 질의응답 45분 → 40분 · 01:00 정시 종료 예상"


def test_the_repeated_hour_of_a_fall_back_night_is_counted_in_real_minutes(tmp_path):
    forum = copy(tmp_path, "new-york-fall-back.yaml")
    marks(forum, "start@23:30", "next@00:40")
    first_pass = now(forum, "01:20")  # 01:20 EDT, the first pass
    assert first_pass["at"] == "2024-11-03T01:20:00-04:00"
    assert first_pass["current"]["end"] == "2024-11-03T01:10:00-05:00"  # 90 real minutes from 00:40 EDT
    assert first_pass["current"]["remaining_seconds"] == 50 * 60
    second_pass = now(forum, "2024-11-03T01:20:00-05:00")
    assert second_pass["current"]["over_seconds"] == 10 * 60 and second_pass["delay_minutes"] == 20
    marks(forum, "next@2024-11-03T01:25:00-05:00")
    state = now(forum, "2024-11-03T01:30:00-05:00")
    assert by_id(state)["panel"]["minutes"] == 105
    assert by_id(state)["qa"]["end"] == "2024-11-03T02:30:00-05:00" and state["over_window_minutes"] == 0
    # A mark on the first pass of 01:10 is before the latest (01:25 on the second pass): refused.
    run("mark", forum, "end", "--at", "01:10", exit_status=1)


def full_day(seed: Path) -> None:
    marks(seed, "start@14:03", "next@14:20", "next@14:25", "skip panel@14:26", "next@14:51",
          "end@15:20")


def test_report_matches_the_marks_in_all_four_formats(seed):
    full_day(seed)
    data = json.loads(run("report", seed, "--format", "json").stdout)
    rows = {r["id"]: r for r in data["segments"]}
    assert (rows["opening"]["start"], rows["opening"]["end"], rows["opening"]["minutes"],
            rows["opening"]["difference_minutes"]) == ("2023-12-13T14:03:00+09:00", "2023-12-13T14:20:00+09:00", 17, 2)
    assert rows["panel"]["status"] == "skipped" and rows["panel"]["start"] is None
    assert (rows["qa"]["start"], rows["qa"]["end"], rows["qa"]["minutes"], rows["qa"]["difference_minutes"]) == \
        ("2023-12-13T14:51:00+09:00", "2023-12-13T15:20:00+09:00", 29, 4)
    assert rows["registration"]["start"] is None  # never marked: no actual times
    assert data["totals"] == {"started_late_minutes": 3, "ended_at": "2023-12-13T15:20:00+09:00",
                              "projected_end": "2023-12-13T15:20:00+09:00", "past_window_minutes": 0}

    out = seed.with_name("report.csv")
    run("report", seed, "--format", "csv", "-o", out)
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["segment"] for r in table] == [r["id"] for r in data["segments"]]
    for parsed, row in zip(table, data["segments"]):
        assert parsed["start"] == (row["start"] or "") and parsed["end"] == (row["end"] or "")
        assert parsed["minutes"] == ("" if row["minutes"] is None else str(row["minutes"]))
        assert parsed["status"] == row["status"]

    golden("day-report-seed.md", run("report", seed, "--format", "markdown").stdout)
    golden("day-report-seed.txt", run("report", seed).stdout)
    golden("day-report-seed-en.md", run("report", seed, "--format", "markdown", "--lang", "en").stdout)


def test_now_json_has_the_contract_fields(seed):
    marks(seed, "start@14:03")
    state = now(seed, "14:10")
    assert set(state) == {"at", "state", "current", "next", "delay_minutes", "end", "window_end",
                          "over_window_minutes", "cut", "segments"}
    named = {"part", "item", "people", "segment_title"}
    assert set(state["current"]) == {"id", "title", "start", "end", "planned_start", "planned_end",
                                     "remaining_seconds", "over_seconds", "window_left_seconds"} | named
    assert set(state["next"]) == {"id", "title", "start", "planned_start"} | named
    fields = {"id", "title", "status", "planned_start", "planned_end", "planned_minutes", "start", "end", "minutes"}
    assert set(state["segments"][0]) == fields | {"parts"}
    assert set(state["segments"][0]["parts"][0]) == fields | {"part", "item", "note"}


def test_an_explicit_log_and_a_mark_naming_a_removed_segment(seed, tmp_path):
    log = tmp_path / "elsewhere.jsonl"
    log.write_text('{"at": "2023-12-13T14:00:00+09:00", "mark": "start", "segment": "gone"}\n', encoding="utf-8")
    run("mark", seed, "start", "--at", "14:03", "--log", log)
    result = run("now", seed, "--at", "14:04", "--log", log, "--lang", "en")
    assert result.stderr == "warning: mark 1 (start gone 14:00:00) names a segment the file no longer has; ignored\n"
    korean = run("now", seed, "--at", "14:04", "--log", log).stderr
    assert korean == "경고: 1번째 기록(시작 gone 14:00:00)의 순서가 이제 파일에 없어 무시합니다\n"
    assert not seed.with_name("forum.actuals.jsonl").exists()


def test_run_without_a_terminal_exits_2_and_says_why(seed):
    result = run("run", seed, "--lang", "en", exit_status=2)
    assert "needs a terminal" in result.stderr


def test_a_cancelled_segment_keeps_its_place_as_idle_minutes(tmp_path):
    forum = tmp_path / "forum.yaml"
    text = (DAY / "seed-flexible-qa.yaml").read_text(encoding="utf-8")
    forum.write_text(text.replace("    note: 1인, 25분\n", "    note: 1인, 25분\n    status: cancelled\n"),
                     encoding="utf-8")
    marks(forum, "start@14:03", "next@14:20")
    state = now(forum, "14:21")
    talk = by_id(state)["presentation"]
    assert (talk["status"], talk["start"], talk["minutes"]) == ("cancelled", "2023-12-13T14:25:00+09:00", 25)
    assert by_id(state)["panel"]["start"] == "2023-12-13T14:50:00+09:00"
    assert state["next"]["id"] == "panel"  # a cancelled segment is never next
    run("mark", forum, "start", "presentation", "--at", "14:22", exit_status=1)


def test_a_mark_or_a_projection_off_the_forums_day_is_refused(seed):
    """Without --at the clock reads today, years after the seed forum: not a 1.5-million-minute delay."""
    for command in (["now", seed], ["now", seed, "--format", "json"]):
        result = run(*command, "--lang", "en", exit_status=1)
        assert result.stdout == ""
        assert result.stderr.startswith("this forum takes place on Wednesday, 13 December 2023, 14:00–16:00 "
                                        "(Asia/Seoul); it is not its day now")
    assert "이 토론회는 2023년 12월 13일(수) 14:00~16:00 (Asia/Seoul)에 열립니다" in run("now", seed, exit_status=1).stderr
    mark = run("mark", seed, "start", "--lang", "en", exit_status=1).stderr
    assert "is not this forum's day (2023-12-13); give a time of that day with --at" in mark
    assert "nothing appended" in mark
    run("mark", seed, "start", "--at", "2023-12-14T09:00:00+09:00", exit_status=1)  # the next morning: too far
    log = seed.with_name("forum.actuals.jsonl")
    assert not log.exists() or log.read_bytes() == b""  # nothing appended


def test_undo_needs_no_time_of_the_day(seed):
    """An undo withdraws a mark and names no time: it works the day after, without --at."""
    marks(seed, "start @14:03")
    assert run("mark", seed, "undo").stdout.startswith("마지막 기록 취소")
    assert now(seed, "14:10")["state"] == "before"


def test_times_out_of_range_are_said_plainly(seed):
    result = run("now", seed, "--at", "0001-01-01T00:00:00+09:00", "--lang", "en", exit_status=2)
    assert "is out of range" in result.stderr and "internal error" not in result.stderr
    log = seed.with_name("forum.actuals.jsonl")
    log.write_text('{"at": "9999-12-31T23:59:59+00:00", "mark": "end"}\n', encoding="utf-8")
    read = run("now", seed, "--at", "14:10", "--lang", "en")
    assert "forum.actuals.jsonl:1: the mark's time is in the year 9999, outside 1900-2999; it is skipped" in read.stderr


def test_report_follows_the_suffix_of_its_output(seed, tmp_path):
    marks(seed, "start @14:03", "next @14:20")
    for name, check in (("r.csv", lambda t: t.startswith("\ufeffsegment,title,status")),
                        ("r.json", lambda t: json.loads(t)["segments"][1]["id"] == "opening"),
                        ("r.md", lambda t: t.lstrip().startswith(("#", "|"))),
                        ("r.txt", lambda t: "┃" in t)):
        result = run("report", seed, "-o", tmp_path / name)
        assert check((tmp_path / name).read_text(encoding="utf-8")), name
        assert result.stderr == f"{tmp_path / name}에 썼습니다\n"
    refused = run("report", seed, "-o", tmp_path / "r.xlsx", exit_status=2)
    assert "cannot tell the format from .xlsx; use .txt, .json, .md, .csv, .html or .pdf, or --format" in refused.stderr
    assert not (tmp_path / "r.xlsx").exists()
