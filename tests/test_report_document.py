"""`agenda report -o report.html|pdf`: a document for the hosts after the day (issue 24).

The printed programme's header, every segment planned against actual with
its people, the skipped ones with the reason given at the mark, what ran
shorter, the totals; one A4 page for the seed, text that pdftotext finds.
"""

import json
import shutil
from pathlib import Path

import pytest

from agenda.day.marks import Mark
from browser_tools import poppler
from helpers import SEED, run

NOTES = pytest.mark.skipif(not hasattr(Mark, "note"), reason="the reason at a skip (`--note`) comes with issue 22")


@pytest.fixture
def day(tmp_path: Path) -> Path:
    forum = tmp_path / "forum.yaml"
    shutil.copy(SEED, forum)
    for step in ("start@14:03", "next@14:15", "skip presentation@14:16", "next@14:20", "next@15:10", "end@15:30"):
        words, at = step.split("@")
        run("mark", forum, *words.split(), "--at", at)
    return forum


def with_note(forum: Path, note: str) -> None:
    """The log line of the skip, as `agenda mark … skip presentation --note NOTE` writes it."""
    log = forum.with_suffix(".actuals.jsonl")
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if line["mark"] == "skip":
            line["note"] = note
    log.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")


def test_the_html_report_has_the_programmes_header_every_part_with_people_and_the_totals(day, tmp_path):
    out = tmp_path / "report.html"
    run("report", day, "-o", out)
    page = out.read_text(encoding="utf-8")
    assert "<h1>모두의 AI : 정책과 전략 연속토론회 (제2차 AI 정당)</h1>" in page
    assert "국회의원회관 제2간담회의실" in page and "2023년 12월 13일(수) 14:00~16:00" in page
    assert "이상은" in page  # the skipped presentation's speaker
    assert "14:20–15:10" in page and "5분 더" in page  # the panel, actual against planned
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


@NOTES
def test_a_skip_reason_given_at_the_mark_is_in_the_report(day, tmp_path):
    with_note(day, "불참")
    out = tmp_path / "report.html"
    run("report", day, "-o", out)
    assert "발제: AI 시대의 정당 혁신: 불참" in out.read_text(encoding="utf-8")


@pytest.mark.browser
def test_the_pdf_report_is_one_a4_page_whose_text_has_the_title_the_venue_and_a_skip_reason(day, tmp_path):
    if hasattr(Mark, "note"):
        with_note(day, "불참")
    out = tmp_path / "report.pdf"
    run("report", day, "-o", out)
    info = poppler("pdfinfo", out)
    assert "Pages:           1" in info and "(A4)" in info
    text = " ".join(poppler("pdftotext", out).split())
    assert "모두의 AI : 정책과 전략 연속토론회 (제2차 AI 정당)" in text
    assert "국회의원회관 제2간담회의실" in text
    assert ("발제: AI 시대의 정당 혁신: 불참" if hasattr(Mark, "note") else "발제: AI 시대의 정당 혁신: 사유 없음") in text
