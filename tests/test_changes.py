"""`agenda diff` compares the files, not their labels, and keeps minutes and times typed until it prints."""

import json

from agenda.loading.analysis import analyze
from agenda.core.changes import compare
from helpers import SEED, run, write


def test_a_korean_and_an_english_copy_of_one_programme_differ_in_nothing(tmp_path):
    english = write(tmp_path, SEED.read_text(encoding="utf-8").replace("  language: ko\n", "  language: en\n"))
    assert run("diff", SEED, english).stdout == "no changes\n"
    assert run("diff", english, SEED).stdout == "바뀐 것이 없습니다\n"


def test_giving_a_default_title_in_words_is_a_rename_from_the_kinds_label(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    titled = write(tmp_path, text.replace("  - kind: opening\n    id: opening\n",
                                          "  - kind: opening\n    id: opening\n    title: 개회\n"))
    assert run("diff", SEED, titled).stdout == "renamed  개회: 개회식 → 개회\n바뀐 것 1개\n"
    assert run("diff", SEED, titled, "--lang", "en").stdout == "renamed  개회: Opening → 개회\n1 change\n"


def test_a_registration_that_loses_its_start_is_resized_to_no_minutes(tmp_path):
    open_start = write(tmp_path, SEED.read_text(encoding="utf-8").replace("    at: 13:30  ", "    #"))
    changes = compare(analyze(str(SEED)).plan, analyze(str(open_start)).plan)
    resized = [c for c in changes if c.change == "resized"]
    assert [(c.segment, c.before, c.after) for c in resized] == [("registration", 30, None)]
    moved = [c for c in changes if c.change == "moved"][0]
    assert moved.after[0] is None and moved.before[0] is not None  # typed spans, not strings
    assert run("diff", SEED, open_start).stdout == (
        "moved    사전 등록: 13:30–14:00 → –14:00\n"
        "resized  사전 등록: 30분 → —\n"
        "바뀐 것 2개\n")
    data = json.loads(run("diff", SEED, open_start, "--format", "json").stdout)
    assert [(c["change"], c["before"], c["after"]) for c in data["changes"]] == [
        ("moved", "13:30–14:00", "–14:00"), ("resized", "30", None)]


def test_a_moved_window_shows_its_date(tmp_path):
    later = write(tmp_path, SEED.read_text(encoding="utf-8").replace("date: 2023-12-13", "date: 2023-12-14"))
    first = run("diff", SEED, later).stdout.splitlines()[0]
    assert first == ("window  모두의 AI : 정책과 전략 연속토론회 (제2차 AI 정당): "
                     "2023-12-13 14:00–16:00 → 2023-12-14 14:00–16:00")


def test_a_time_on_the_next_day_keeps_its_marker_in_diff(tmp_path):
    base = ("forum:\n  id: mid\n  title: Mid\n  date: 2024-05-20\n  start: \"23:00\"\n  duration: 120m\n"
            "  timezone: Asia/Seoul\n  language: en\nprogram:\n  - {kind: presentation, id: talk, duration: 60m}\n"
            "  - {kind: qa, id: qa, duration: 60m}\n")
    shorter = base.replace("id: talk, duration: 60m", "id: talk, duration: 40m")
    out = run("diff", write(tmp_path, base, "a.yaml"), write(tmp_path, shorter, "b.yaml")).stdout
    assert "moved    Q&A: 00:00(+1)–01:00(+1) → 23:40–00:40(+1)\n" in out
