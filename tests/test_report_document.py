"""`agenda report -o report.html|pdf`: a document for the hosts after the day (issue 24).

The printed programme's header, every segment planned against actual with
its people, the skipped ones with the reason given at the mark, what ran
shorter, the totals; one A4 page for the seed, text that pdftotext finds.
"""

import shutil
from pathlib import Path

import pytest

from browser_tools import poppler
from helpers import SEED, run

def marked_day(tmp_path: Path, *note: str) -> Path:
    """The seed's day as marked at the desk; the presentation skipped, with the reason NOTE if one is given."""
    forum = tmp_path / "forum.yaml"
    shutil.copy(SEED, forum)
    for step in ("start@14:03", "next@14:15", "skip presentation@14:16", "next@14:20", "next@14:37", "next@14:54",
                 "next@15:10", "end@15:30"):  # the panel turn by turn: three speakers
        words, at = step.split("@")
        run("mark", forum, *words.split(), "--at", at, *(("--note", *note) if note and "skip" in words else ()))
    return forum


@pytest.fixture
def day(tmp_path: Path) -> Path:
    return marked_day(tmp_path)


def test_the_html_report_has_the_programmes_header_every_part_with_people_and_the_totals(day, tmp_path):
    out = tmp_path / "report.html"
    run("report", day, "-o", out)
    page = out.read_text(encoding="utf-8")
    assert "<h1>모두의 AI : 정책과 전략 연속토론회 (제2차 AI 정당)</h1>" in page
    assert "국회의원회관 제2간담회의실" in page and "2023년 12월 13일(수) 14:00~16:00" in page
    assert "이상은" in page  # the skipped presentation's speaker
    assert "14:20~15:10" in page and "5분 더" in page  # the panel, actual against planned
    assert "발제: AI 시대의 정당 혁신: 사유 없음" in page  # skipped, no reason given
    assert "질의응답·자유토론: 25분 → 20분" in page  # what was cut
    assert "3분 늦게 시작 · 15:30 종료 (30분 여유) · 계획 115분 · 실제 87분" in page


def test_the_report_is_the_same_bytes_for_the_same_log(day, tmp_path):
    run("report", day, "-o", tmp_path / "a.html")
    run("report", day, "-o", tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_an_english_forums_report_is_in_english(tmp_path):
    forum = tmp_path / "forum.yaml"
    shutil.copy(SEED.parent / "open-data-symposium-en.yaml", forum)
    out = tmp_path / "report.html"
    run("report", forum, "-o", out)
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Planned and actual" in page and "Nothing was skipped." in page


def test_a_skip_reason_given_at_the_mark_is_in_the_report(tmp_path):
    day = marked_day(tmp_path, "불참")
    out = tmp_path / "report.html"
    run("report", day, "-o", out)
    assert "발제: AI 시대의 정당 혁신: 불참" in out.read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_pdf_report_is_one_a4_page_whose_text_has_the_title_the_venue_and_a_skip_reason(tmp_path):
    day = marked_day(tmp_path, "불참")
    out = tmp_path / "report.pdf"
    run("report", day, "-o", out)
    info = poppler("pdfinfo", out)
    assert "Pages:           1" in info and "(A4)" in info
    text = " ".join(poppler("pdftotext", out).split())
    assert "모두의 AI : 정책과 전략 연속토론회 (제2차 AI 정당)" in text
    assert "국회의원회관 제2간담회의실" in text
    assert "발제: AI 시대의 정당 혁신: 불참" in text


DAY_WITH_A_SKIPPED_PANELIST = [
    {"at": "2023-12-13T14:04:00+09:00", "mark": "start", "segment": "opening"},
    {"at": "2023-12-13T14:21:00+09:00", "mark": "next", "segment": "moderator-greeting"},
    {"at": "2023-12-13T14:26:00+09:00", "mark": "next", "segment": "presentation"},
    {"at": "2023-12-13T14:58:00+09:00", "mark": "next", "segment": "panel", "item": "1"},
    {"at": "2023-12-13T15:13:00+09:00", "mark": "next", "segment": "panel", "item": "2"},
    {"at": "2023-12-13T15:14:00+09:00", "mark": "skip", "segment": "panel", "item": "3", "note": "개인 사정으로 불참"},
    {"at": "2023-12-13T15:28:00+09:00", "mark": "next", "segment": "qa"},
    {"at": "2023-12-13T15:58:00+09:00", "mark": "end", "segment": "qa"},
]


def a_day(tmp_path: Path, lines: list[dict]) -> Path:
    import json

    log = tmp_path / "day.jsonl"
    log.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return log


def test_the_html_report_lists_a_skipped_panelist_with_the_reason_given(tmp_path):
    """A new user's trial: the panel took place, one panelist did not come, and the hosts' document said
    "건너뛴 순서가 없습니다"; the terminal's report named them. Both now do."""
    log = a_day(tmp_path, DAY_WITH_A_SKIPPED_PANELIST)
    page = run("report", SEED, "--log", log, "--format", "html").stdout
    skipped = page[page.index('<ul class="skipped">'):]
    assert "<li>지정토론 · 양승오: 개인 사정으로 불참</li>" in skipped and "건너뛴 순서가 없습니다" not in page
    english = run("report", SEED, "--log", log, "--format", "html", "--lang", "en").stdout
    assert "Nothing was skipped" not in english and "개인 사정으로 불참" in english


def test_a_panelist_skipped_without_a_reason_is_still_named(tmp_path):
    day = [line for line in DAY_WITH_A_SKIPPED_PANELIST if line["mark"] != "skip"]
    day[4] = {"at": "2023-12-13T15:13:00+09:00", "mark": "next", "segment": "panel", "item": "3"}  # 2 passed over
    log = a_day(tmp_path, day)
    text = run("report", SEED, "--log", log, env={"COLUMNS": "100"}).stdout
    assert "지정토론 · 조승현 (건너뜀)" in text
    page = run("report", SEED, "--log", log, "--format", "html").stdout
    assert "<li>지정토론 · 조승현: 사유 없음</li>" in page


@pytest.mark.parametrize("columns", [80, 100, 120])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_terminal_report_breaks_no_word_and_cuts_no_time(tmp_path, columns, lang):
    """Rich's own squeezing showed "발제: AI 시대의 정 …" (정당 lost) and "13:30–14:…" at 80 columns."""
    log = a_day(tmp_path, DAY_WITH_A_SKIPPED_PANELIST)
    text = run("report", SEED, "--log", log, "--lang", lang, env={"COLUMNS": str(columns)}).stdout
    lines = text.splitlines()
    assert "…" not in text and all(line == line.rstrip() for line in lines)
    from rich.cells import cell_len

    assert all(cell_len(line) <= columns for line in lines)
    words = set(" ".join(lines).replace("│", " ").replace("┃", " ").split())
    for title in ("발제: AI 시대의 정당 혁신", "장내 정리, 좌장 인사말", "지정토론 · 양승오 (개인 사정으로 불참)"):
        assert set(title.split()) <= words, title
    dash = "~" if lang == "ko" else "–"
    for span in ("13:30", "14:00", "14:04", "14:21", "15:58"):
        assert any(span in line and dash in line for line in lines), span


def test_a_narrow_terminal_keeps_the_report_s_titles(tmp_path):
    log = a_day(tmp_path, DAY_WITH_A_SKIPPED_PANELIST)
    text = run("report", SEED, "--log", log, env={"COLUMNS": "60"}).stdout
    assert text.splitlines()[1].startswith("순서") and "13:30~14:00" in text and "양승오" in text


@pytest.mark.parametrize("lang, says", [
    ("ko", "경고: 기록 파일 {log}이(가) 없어 표시가 하나도 없는 보고서입니다. 다른 파일이면 --log로 고르세요"),
    ("en", "warning: there is no marks log at {log}, so the report has no marks; choose another with --log"),
])
def test_a_report_of_a_log_that_is_not_there_warns(tmp_path, lang, says):
    """A new user's trial: a mistyped --log gave a report of nothing, exit 0, and no word of why."""
    log = tmp_path / "mistyped.jsonl"
    result = run("report", SEED, "--log", log, "--lang", lang)
    assert says.format(log=log) in result.stderr and result.stdout  # still the plan's side of the report
    present = a_day(tmp_path, DAY_WITH_A_SKIPPED_PANELIST)
    assert run("report", SEED, "--log", present, "--lang", lang).stderr == ""
