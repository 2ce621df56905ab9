"""Issue 23 on the day: `mark`, `now` and `report` on a file of several days run the day the desk is on.

The two-day symposium of the trial (TRIAL.md, problems 1-6): 2024-11-21 09:30-16:00 and 2024-11-22
10:00-14:10. Each day is projected alone, in its own window, with its own cut advice; a day's last
`next` ends it without starting the next day's first part on it.
"""

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from helpers import run

TWO_DAYS = FIXTURES / "day" / "two-days.yaml"
DAY_TWO_HEADING = "  - kind: day\n    title: 둘째 날\n"

DAY_ONE_UNTIL_THE_QA = ["start@10:02", "next@10:07", "next@10:17", "next@10:27", "next@10:32", "next@11:02",
                        "next@11:17", "next@11:37", "next@11:57", "next@12:02", "next@13:32", "next@14:02",
                        "next@14:17", "next@14:32", "next@14:46"]
"""Day 1 as the trial ran it: two minutes late from the start, the Q&A begun a minute late."""


@pytest.fixture
def two_days(tmp_path) -> Path:
    target = tmp_path / "sym.yaml"
    shutil.copy(TWO_DAYS, target)
    return target


@pytest.fixture
def day_one_only(tmp_path) -> Path:
    """The same file cut before day 2's heading."""
    text = TWO_DAYS.read_text(encoding="utf-8")
    target = tmp_path / "day-one" / "sym.yaml"
    target.parent.mkdir()
    target.write_text(text[:text.index(DAY_TWO_HEADING)], encoding="utf-8")
    return target


def marks(file: Path, *steps: str, lang: str | None = None) -> list[str]:
    said = []
    for step in steps:
        words, at = step.split("@")
        said.append(run("mark", file, *words.split(), "--at", at, *(["--lang", lang] if lang else [])).stdout)
    return said


def now(file: Path, at: str, *more: str) -> dict:
    return json.loads(run("now", file, "--at", at, "--format", "json", *more).stdout)


def log_lines(file: Path) -> list[dict]:
    return [json.loads(line) for line in
            file.with_name(file.stem + ".actuals.jsonl").read_text(encoding="utf-8").splitlines()]


def test_problem_1_day_one_at_1002_is_projected_as_the_day_one_only_file_is(two_days, day_one_only):
    said = [marks(f, "start@10:02")[0] for f in (two_days, day_one_only)]
    assert said[0] == said[1] == "국민의례 시작 10:02 · 2분 늦게 진행 중 · 질의응답·자유토론 65분 → 63분 · 16:00 정시 종료 예상\n"
    assert run("now", two_days, "--at", "10:02").stdout == run("now", day_one_only, "--at", "10:02").stdout
    assert now(two_days, "10:02") == now(day_one_only, "10:02")
    state = now(two_days, "10:02")
    assert state["window_end"] == "2024-11-21T16:00:00+09:00" and state["end"] == "2024-11-21T16:00:00+09:00"
    assert "sessions" not in {s["id"] for s in state["segments"]}  # day 2's parts are not listed on day 1


def test_problem_2_the_stage_timer_of_the_qa_at_1447_counts_to_its_own_end(two_days):
    said = marks(two_days, *DAY_ONE_UNTIL_THE_QA)
    assert said[-1].startswith("질의응답·자유토론 시작 14:46 · 정시 진행 중")  # not "44분 일찍"
    state = now(two_days, "14:47")
    assert state["current"]["part"] == "qa-2"
    assert state["current"]["end"] == "2024-11-21T15:50:00+09:00"  # as planned, not 15:06
    assert state["current"]["remaining_seconds"] == 63 * 60 and state["delay_minutes"] == 0
    assert now(two_days, "15:40")["current"]["remaining_seconds"] == 10 * 60  # not "34:00 초과"


def test_problem_3_next_at_the_end_of_day_one_ends_the_day_and_says_when_day_two_starts(two_days):
    marks(two_days, *DAY_ONE_UNTIL_THE_QA, "next@15:50")
    said = run("mark", two_days, "next", "--at", "16:12").stdout
    assert said == ("1일차 마지막 순서 종료 16:12 · 2일차는 2024년 11월 22일(금) 10:00 시작 · "
                    "16:12 종료, 예정보다 12분 초과\n")
    assert log_lines(two_days)[-1] == {"at": "2024-11-21T16:12:00+09:00", "mark": "next", "segment": None}
    state = now(two_days, "16:21")
    assert state["state"] == "after" and state["current"] is None and state["next"] is None
    assert state["end"] == "2024-11-21T16:12:00+09:00" and state["over_window_minutes"] == 12
    refused = run("mark", two_days, "next", "--at", "16:22", exit_status=1)
    assert "1일차 순서를 모두 마쳤습니다. 2일차는 2024년 11월 22일(금) 10:00에 시작합니다" in refused.stderr
    assert "--at 2024-11-22T10:00+09:00" in refused.stderr
    other = run("mark", two_days, "start", "sessions", "--at", "16:22", "--lang", "en", exit_status=1)
    assert ("'sessions' is on Day 2 (Friday, 22 November 2024, 10:00–14:10), so it cannot start on Day 1"
            in other.stderr)
    assert len(log_lines(two_days)) == len(DAY_ONE_UNTIL_THE_QA) + 2  # nothing appended by either


def test_problem_3_in_english_the_day_is_over(two_days):
    marks(two_days, *DAY_ONE_UNTIL_THE_QA, "next@15:50")
    said = run("mark", two_days, "next", "--at", "16:00", "--lang", "en").stdout
    assert said.startswith("Day 1 is over (16:00); Day 2 starts Friday, 22 November 2024 at 10:00 · ")


def test_problem_4_start_on_day_two_marks_day_two_first_part_with_no_day_one_delay(two_days):
    said = run("mark", two_days, "start", "--at", "2024-11-22T10:01+09:00").stdout
    assert said.startswith("분과 세션 시작 10:01 · 1분 늦게 진행 중 · ")
    assert log_lines(two_days)[-1]["segment"] == "sessions"
    state = now(two_days, "12:20", "--lang", "en")  # a bare clock both windows hold: the log's day, day 2
    assert state["at"] == "2024-11-22T12:20:00+09:00"
    # the block is the day's current; its rooms' desks keep their own clocks (rooms on the day): the hall's
    # first talk, started with the block at 10:01 and planned to 10:30, is 109 minutes over
    assert state["current"]["id"] == "sessions" and state["current"]["over_seconds"] == 19 * 60
    assert state["rooms"]["hall"]["current"]["over_seconds"] == 109 * 60
    assert state["window_end"] == "2024-11-22T14:10:00+09:00"
    assert [s["id"] for s in state["segments"]] == ["sessions", "break-3", "panel-4", "closing-2", "break-4"]
    assert [(c["part"], c["from_minutes"], c["to_minutes"]) for c in state["cut"]] == [("break-4", 60, 40)]


def test_problem_4_after_a_whole_day_one_start_on_day_two_is_day_two_first_part(two_days):
    marks(two_days, *DAY_ONE_UNTIL_THE_QA, "next@15:50", "next@16:00")
    before = run("now", two_days, "--at", "2024-11-22T09:50+09:00").stdout
    assert before.splitlines()[1:] == ["  10:00~12:00 분과 세션", "  12:00~12:15 커피 브레이크",
                                       "  12:15~13:00 종합토론", "  13:00~13:10 폐회", "  13:10~14:10 오찬",
                                       "다음: 분과 세션 10:00", "10:00 시작까지 10분 · 14:10 정시 종료 예상"]
    said = run("mark", two_days, "start", "--at", "2024-11-22T10:00+09:00").stdout
    assert said == "분과 세션 시작 10:00 · 정시 진행 중 · 14:10 정시 종료 예상\n"


def test_problem_5_the_cut_advice_at_1605_says_where_stopping_now_ends(two_days):
    marks(two_days, *DAY_ONE_UNTIL_THE_QA, "next@15:59")
    line = run("now", two_days, "--at", "16:05").stdout.splitlines()[-1]
    assert line == "9분 늦게 진행 중 · 16:09 종료 예상, 예정보다 9분 초과 · 지금 마치면 16:05 종료 (5분 초과)"
    english = run("now", two_days, "--at", "16:05", "--lang", "en").stdout.splitlines()[-1]
    assert english.endswith("stopping now ends at 16:05, 5 min past the window")
    state = now(two_days, "16:05")
    assert [(c["part"], c["from_minutes"], c["to_minutes"]) for c in state["cut"]] == [("closing-1", 10, 6)]


def test_problem_5_cuts_that_cannot_end_on_time_say_where_the_day_ends(two_days):
    """Upcoming parts cut to nothing and still past the window: the advice names the end it reaches."""
    marks(two_days, *DAY_ONE_UNTIL_THE_QA[:-1], "next@15:55")  # the Q&A begun 65 minutes late
    line = run("now", two_days, "--at", "16:20").stdout.splitlines()[-1]  # and past its minimum
    assert line.endswith("예정보다 30분 초과 · 첫째 날 폐회 10분 → 0분이면 16:20 종료 (20분 초과)")


def test_problem_6_the_report_has_day_headings_and_names_the_skipped_panelist(two_days):
    steps = DAY_ONE_UNTIL_THE_QA[:13]  # to the second panelist at 14:17
    marks(two_days, *steps)
    run("mark", two_days, "skip", "panel-1:baek-seungho", "--note", "불참", "--at", "14:20")
    marks(two_days, "next@14:32", "next@15:50", "next@16:00", "start@2024-11-22T10:00+09:00",
          "next break-3@12:00")  # a part of the main program ends the block and its rooms
    text = run("report", two_days).stdout
    assert text.index("1일차 · 2024년 11월 21일(목) · 첫째 날") < text.index("지정토론 · 백승호") \
        < text.index("2일차 · 2024년 11월 22일(금) · 둘째 날") < text.index("분과 세션")
    markdown = run("report", two_days, "--format", "markdown").stdout
    assert "## 1일차 · 2024년 11월 21일(목) · 첫째 날" in markdown
    assert "| 지정토론 · 백승호 (불참) | 완료 | 14:00~14:45 | 45 | 14:02~14:32 | 30 | 15분 덜 |" in markdown
    assert "| 분과 세션 | 완료 | 10:00~12:00 | 120 | 10:00~12:00 | 120 | 계획대로 |" in markdown
    assert markdown.count("**합계:**") == 2
    report = json.loads(run("report", two_days, "--format", "json").stdout)
    assert [d["title"] for d in report["days"]] == ["첫째 날", "둘째 날"]
    sessions = next(s for s in report["segments"] if s["id"] == "sessions")
    assert sessions["day"] == 2 and sessions["start"] == "2024-11-22T10:00:00+09:00"
    assert report["days"][0]["totals"]["ended_at"] == "2024-11-21T16:00:00+09:00"
    csv = run("report", two_days, "--format", "csv").stdout.splitlines()
    assert csv[0].endswith(",difference_minutes,day") and csv[-1].endswith(",2")


def test_a_whole_segment_skipped_keeps_its_own_title_with_the_reason(two_days):
    marks(two_days, "start@10:02")
    run("mark", two_days, "skip", "panel-1", "--note", "불참", "--at", "10:03")
    markdown = run("report", two_days, "--format", "markdown").stdout
    assert "| 지정토론 (불참) | 건너뜀 |" in markdown


def test_the_html_report_has_every_day_under_its_heading_below_the_forums_dates(two_days, tmp_path):
    """A new user's trial: `report -o report.html` showed only the last day, under that day's date."""
    marks(two_days, *DAY_ONE_UNTIL_THE_QA[:13])
    marks(two_days, "next@14:32", "next@15:50", "next@16:00", "start@2024-11-22T10:00+09:00",
          "next break-3@12:00")
    out = tmp_path / "report.html"
    run("report", two_days, "-o", out)
    page = out.read_text(encoding="utf-8")
    first, second = "1일차 · 2024년 11월 21일(목) · 첫째 날", "2일차 · 2024년 11월 22일(금) · 둘째 날"
    assert f"<h2>{first}</h2>" in page and f"<h2>{second}</h2>" in page
    assert page.index(first) < page.index("지정토론") < page.index(second) < page.index("분과 세션")
    assert page.count('<table class="report">') == 2 and page.count('<p class="totals">') == 2
    assert "2024년 11월 21일(목) ~ 2024년 11월 22일(금)" in page  # the forum's dates, above the days


def test_a_bare_clock_after_undoing_day_two_is_on_the_day_of_the_marks_still_in_force(two_days):
    """A new user's trial: after marks on day 2 were undone (each undo stamped with the real clock, years
    later), `--at 12:20` went to day 2, and a `next` started day 2 while day 1 ran. The day of a bare
    clock is the latest mark still in force: undos and what they withdrew do not move it."""
    marks(two_days, "start@2024-11-21T09:30+09:00", "start sessions@2024-11-22T10:01+09:00")
    log = two_days.with_name(two_days.stem + ".actuals.jsonl")
    with log.open("a", encoding="utf-8") as appended:
        appended.write('{"at": "2026-12-07T10:09:47+09:00", "mark": "undo"}\n')
    assert now(two_days, "12:20")["at"] == "2024-11-21T12:20:00+09:00"  # day 1, where the marks in force are
    marks(two_days, "start sessions@2024-11-22T10:01+09:00")
    assert now(two_days, "12:20")["at"] == "2024-11-22T12:20:00+09:00"  # and day 2 once a mark there stands
