"""Issue 22: every press lands where the room is (parts, seconds, ending on time, a press counts once)."""

import json
import shlex
import shutil
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import FIXTURES
from helpers import run
from terminal_tools import Terminal, needs_tmux

DAY = FIXTURES / "day"


@pytest.fixture
def seed(tmp_path) -> Path:
    target = tmp_path / "forum.yaml"
    shutil.copy(DAY / "seed-flexible-qa.yaml", target)
    return target


@pytest.fixture
def headings(tmp_path) -> Path:
    target = tmp_path / "forum.yaml"
    shutil.copy(DAY / "headings.yaml", target)
    return target


def marks(file: Path, *steps: str) -> None:
    for step in steps:
        words, at = step.split("@")
        run("mark", file, *words.split(), "--at", at)


def now(file: Path, at: str | None = None, *more) -> dict:
    return json.loads(run("now", file, *(["--at", at] if at else []), "--format", "json", *more).stdout)


def log_lines(file: Path, suffix: str = ".actuals.jsonl") -> list[dict]:
    return [json.loads(line) for line in file.with_name(file.stem + suffix).read_text(encoding="utf-8").splitlines()]


def test_headings_at_the_start_between_and_at_the_end_are_never_parts(headings):
    """A section first, two in a row, and one last: `next` steps through every part, none skipped."""
    steps = ["start@14:00", "next@14:10", "next@14:40", "next@14:55", "next@15:10", "next@15:25"]
    seen = []
    for step in steps:
        marks(headings, step)
        seen.append(now(headings, step.split("@")[1])["current"]["part"])
    assert seen == ["opening", "keynote", "panel:1", "panel:2", "panel:3", "qa"]
    result = run("mark", headings, "next", "--at", "15:50")
    assert result.stdout.startswith("마지막 순서 종료 15:50")
    assert now(headings, "15:51")["state"] == "after"


def test_sections_fixture_next_from_the_presentation_starts_the_panel(tmp_path):
    target = tmp_path / "sections.yaml"
    shutil.copy(FIXTURES / "documents" / "sections.yaml", target)
    marks(target, "start@13:00", "next@13:10", "next@13:40")
    assert now(target, "13:41")["current"]["id"] == "presentation-1"
    marks(target, "next@14:05")
    assert now(target, "14:06")["current"]["id"] == "panel-1"


def test_a_panel_is_stepped_speaker_by_speaker_and_a_skipped_speaker_frees_15_minutes(seed):
    marks(seed, "start@14:00", "next@14:15", "next@14:20", "next@14:45")
    state = now(seed, "14:46")
    assert (state["current"]["part"], state["current"]["item"], state["current"]["segment_title"]) == (
        "panel:1", "1", "지정토론")
    assert state["current"]["people"][0] == "권영설" and state["current"]["end"].endswith("15:00:00+09:00")
    assert state["next"]["part"] == "panel:2"
    run("mark", seed, "skip", "panel:cho-seunghyun", "--at", "14:50", "--note", "불참")
    assert log_lines(seed)[-1] == {"at": "2023-12-13T14:50:00+09:00", "mark": "skip", "segment": "panel",
                                   "item": "2", "note": "불참"}
    marks(seed, "next@15:00")
    state = now(seed, "15:01")
    assert state["current"]["part"] == "panel:3"
    panel = next(s for s in state["segments"] if s["id"] == "panel")
    assert panel["start"].endswith("14:45:00+09:00") and panel["end"].endswith("15:15:00+09:00")  # 30 minutes
    assert [p["status"] for p in panel["parts"]] == ["done", "skipped", "running"]
    assert panel["parts"][1]["note"] == "불참"
    report = json.loads(run("report", seed, "--format", "json").stdout)
    assert "불참" in json.dumps(report, ensure_ascii=False)


def test_an_old_log_without_item_reads_as_the_first_part(seed):
    seed.with_name("forum.actuals.jsonl").write_text(
        '{"at": "2023-12-13T14:45:00+09:00", "mark": "start", "segment": "panel"}\n', encoding="utf-8")
    assert now(seed, "14:50")["current"]["part"] == "panel:1"


def test_a_qa_started_at_153801_fills_to_the_window_to_the_second(tmp_path):
    forum = tmp_path / "forum.yaml"
    shutil.copy(DAY / "seed-flexible-qa.yaml", forum)
    run("mark", forum, "start", "qa", "--at", "15:38:01")
    state = now(forum, "15:40")
    assert state["current"]["end"] == "2023-12-13T16:00:00+09:00"
    assert state["current"]["remaining_seconds"] == 20 * 60
    assert log_lines(forum)[0]["at"] == "2023-12-13T15:38:01+09:00"
    assert not any(s["status"] == "running" and s["minutes"] > 21 for s in state["segments"])  # 21:59 is 21


def test_cut_advice_at_1555_with_the_first_panelist_still_talking(seed):
    marks(seed, "start@14:00", "next@14:15", "next@14:20", "next@14:45")
    state = now(seed, "15:55")
    assert state["over_window_minutes"] == 35
    assert [(c["part"], c["from_minutes"], c["to_minutes"]) for c in state["cut"]] == [
        ("qa", 10, 0), ("panel:3", 15, 0), ("panel:2", 15, 5)]
    line = run("now", seed, "--at", "15:55").stdout.splitlines()[-1]
    assert line.endswith("질의응답·자유토론 10분 → 0분, 지정토론 · 양승오 15분 → 0분, "
                         "지정토론 · 조승현 15분 → 5분이면 16:00 정시 종료")


def test_cut_advice_at_1600_in_the_seed_and_the_window_left_on_the_last_part(seed):
    marks(seed, "start@14:00", "next@14:15", "next@14:20", "next@14:45", "next@15:00", "next@15:15",
          "next@15:50")
    state = now(seed, "16:00")
    assert state["current"]["part"] == "qa" and state["next"] is None
    assert state["current"]["window_left_seconds"] == 0
    assert state["cut"] == []  # the Q&A ends at its minimum, 16:00: on time, nothing to cut
    assert state["over_window_minutes"] == 0


def test_cut_advice_at_1625_takes_what_is_left_of_the_running_part(seed):
    marks(seed, "start@14:00", "next@14:15", "next@14:20", "next@14:45", "next@15:00", "next@15:15",
          "next@16:20")
    state = now(seed, "16:25")
    assert state["current"]["part"] == "qa" and state["over_window_minutes"] == 30
    assert [(c["part"], c["from_minutes"], c["to_minutes"]) for c in state["cut"]] == [("qa", 10, 5)]
    text = run("now", seed, "--at", "16:25").stdout
    # the advice never says "16:00 on time" beside "25 min over": stopping now still ends at 16:25
    assert "30분 초과" in text.splitlines()[-1] and text.splitlines()[-1].endswith("지금 마치면 16:25 종료 (25분 초과)")


def test_the_same_id_twice_is_one_line(seed):
    run("mark", seed, "start", "--at", "14:00", "--id", "press-1")
    again = run("mark", seed, "start", "--at", "14:01", "--id", "press-1")
    assert again.stdout.startswith("개회식 시작 14:00")
    assert len(log_lines(seed)) == 1 and log_lines(seed)[0]["id"] == "press-1"


def test_a_stale_expect_is_refused_and_appends_nothing(seed):
    run("mark", seed, "start", "--at", "14:00", "--expect", "none")
    run("mark", seed, "next", "--at", "14:15", "--expect", "opening")
    stale = run("mark", seed, "next", "--at", "14:16", "--expect", "opening", exit_status=1)
    assert "그사이 진행이 바뀌었습니다" in stale.stderr
    assert len(log_lines(seed)) == 2
    run("mark", seed, "undo", "--expect", "moderator-greeting")
    run("mark", seed, "undo", "--expect", "moderator-greeting", exit_status=1)  # two undos at once: one counts
    assert len(log_lines(seed)) == 3


def test_a_bad_id_exits_2(seed):
    result = run("mark", seed, "start", "--at", "14:00", "--id", "not ok", exit_status=2)
    assert "--id" in result.stderr


def test_a_clock_five_minutes_fast_then_corrected_keeps_working(seed):
    from agenda.day.marks import MarkKind
    from agenda.day.recording import Press, record_mark
    from agenda.loading.analysis import analyze

    plan = analyze(str(seed)).plan
    log = seed.with_name("forum.actuals.jsonl")
    fast = datetime(2023, 12, 13, 5, 5, tzinfo=timezone.utc)  # 14:05 KST, five minutes fast
    record_mark(plan, log, Press(MarkKind.START), None, lambda: fast)
    corrected = fast - timedelta(minutes=5, seconds=-30)  # 14:00:30 on the corrected clock
    recorded = record_mark(plan, log, Press(MarkKind.NEXT), None, lambda: corrected)
    assert recorded.behind_seconds == 270 and recorded.warnings[0].reason == "clock-behind"
    assert log_lines(seed)[-1]["at"] == "2023-12-13T14:05:01+09:00"
    explicit = run("mark", seed, "next", "--at", "14:01", exit_status=1)  # an explicit time is refused as before
    assert "마지막 기록" in explicit.stderr


def test_undo_and_now_on_a_rehearsal_log_take_its_latest_mark_as_now(seed):
    log = seed.with_name("forum.rehearsal.jsonl")
    for step in ("start@14:00", "next@14:15"):
        words, at = step.split("@")
        run("mark", seed, words, "--at", at, "--log", log)
    state = json.loads(run("now", seed, "--log", log, "--format", "json").stdout)
    assert state["at"] == "2023-12-13T14:15:00+09:00" and state["delay_minutes"] == 0
    result = run("mark", seed, "undo", "--log", log)
    assert "14:15" in result.stdout and "1569288" not in result.stdout
    assert json.loads(log.read_text(encoding="utf-8").splitlines()[-1])["at"] == "2023-12-13T14:15:00+09:00"


@needs_tmux
def test_run_steps_over_headings_and_through_the_panel_key_by_key(headings, tmp_path):
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "agenda", "run", str(headings), "--at", "14:00"])
    term = Terminal(tmp_path, command)
    try:
        term.wait_for("시작 전")
        term.keys("s")
        term.wait_for("개회식 시작")
        for said in ("기조연설 시작", "지정토론 · 권영설 시작", "지정토론 · 조승현 시작", "지정토론 · 양승오 시작",
                     "질의응답 시작"):
            term.keys("n")
            term.wait_for(said)
        term.keys("n")
        term.wait_for("마지막 순서 종료")
        term.keys("q")
        assert term.exit_status() == 0
    finally:
        term.close()
    records = log_lines(headings, ".rehearsal.jsonl")
    assert [(r["segment"], r.get("item")) for r in records] == [
        ("opening", None), ("keynote", None), ("panel", "1"), ("panel", "2"), ("panel", "3"), ("qa", None),
        (None, None)]
    assert all(r.get("id") for r in records)  # `run` sends an id with every press (and its expect)


def test_the_seed_at_1600_with_its_fixed_qa_says_what_to_cut_and_the_minutes_to_the_windows_end(tmp_path):
    forum = tmp_path / "forum.yaml"
    shutil.copy(FIXTURES.parent.parent / "examples" / "ai-party-forum-2023-12-13.yaml", forum)
    run("mark", forum, "start", "qa", "--at", "15:38")
    text = run("now", forum, "--at", "16:00").stdout.splitlines()
    assert text[0] == "16:00 · 질의응답·자유토론 · 3:00 남음 (16:03까지) · 구본권 · 종료 시각까지 0:00"
    assert text[-1] == ("8분 늦게 진행 중 · 16:03 종료 예상, 예정보다 3분 초과 · "
                        "질의응답·자유토론 25분 → 22분이면 16:00 정시 종료")
    state = now(forum, "15:50")
    assert state["cut"] == [{"part": "qa", "title": "질의응답·자유토론", "from_minutes": 25, "to_minutes": 22}]
    assert state["current"]["window_left_seconds"] == 600


def test_minutes_after_a_segments_last_timed_item_are_idle_time_not_a_part(tmp_path):
    forum = tmp_path / "forum.yaml"
    forum.write_text("""\
forum: {title: T, date: 2023-12-13, start: "14:00", end: "15:00", timezone: Asia/Seoul, language: ko}
program:
  - kind: panel
    id: panel
    duration: 30m
    items:
      - {title: A, duration: 10m}
      - {title: B, duration: 10m}
  - kind: closing
    id: closing
    duration: 10m
""", encoding="utf-8")
    marks(forum, "start@14:00", "next@14:10")
    state = now(forum, "14:11")
    assert state["current"]["part"] == "panel:2" and state["next"]["part"] == "closing"
    assert state["next"]["start"] == "2023-12-13T14:30:00+09:00"  # the panel's last 10 minutes stay idle


def test_an_undo_sent_again_with_its_id_is_answered_as_that_undo(seed):
    marks(seed, "start@14:00", "next@14:15")
    first = run("mark", seed, "undo", "--id", "undo-1")
    again = run("mark", seed, "undo", "--id", "undo-1")
    assert again.stdout.split(" · ")[0] == first.stdout.split(" · ")[0] == (
        "마지막 기록 취소 (다음 장내 정리, 좌장 인사말 14:15)")
    assert [line["mark"] for line in log_lines(seed)] == ["start", "next", "undo"]


def test_a_day_past_its_window_with_only_pinned_parts_left_says_nothing_can_be_cut(tmp_path):
    """A new user's trial read only "ends 15:36, 6 min past the window" and no advice: with nothing the
    advice may cut (FORMAT.md: never a pinned part), the line says so, in the file's language."""
    forum = tmp_path / "forum.yaml"
    shutil.copy(DAY / "pinned-end.yaml", forum)
    marks(forum, "start@14:00", "next@14:38")
    state = now(forum, "14:40")
    assert state["cut"] == [] and state["over_window_minutes"] == 8
    assert run("now", forum, "--at", "14:40").stdout.splitlines()[-1] == (
        "8분 늦게 진행 중 · 15:08 종료 예상, 예정보다 8분 초과 · 줄일 수 있는 남은 순서가 없습니다")
    assert run("now", forum, "--at", "14:40", "--lang", "en").stdout.splitlines()[-1].endswith(
        "8 min past the window · nothing left can be cut")


def test_a_day_with_something_to_cut_or_on_time_does_not_say_nothing_can_be_cut(seed, tmp_path):
    marks(seed, "start@14:00", "next@14:15", "next@14:20", "next@14:45", "next@15:00", "next@15:15",
          "next@16:20")
    assert now(seed, "16:25")["cut"] and "줄일 수 있는 남은 순서가 없습니다" not in run("now", seed, "--at", "16:25").stdout
    forum = tmp_path / "on-time.yaml"
    shutil.copy(DAY / "pinned-end.yaml", forum)
    marks(forum, "start@14:00", "next@14:30")
    assert "줄일 수 있는" not in run("now", forum, "--at", "14:40").stdout
