"""HTML, Markdown, CSV and JSON exports, each read back by its own parser; hostile text stays inert."""

import csv
import io
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from agenda.loading.analysis import analyze
from agenda.export.csv_table import neutralize
from agenda.render.plan_json import plan_dict
import browser_tools
from calendar_tools import need
from conftest import FIXTURES
from helpers import ENGLISH, SEED, golden, run, write

HOSTILE = FIXTURES / "documents" / "hostile.yaml"
FORUMS = [SEED, ENGLISH, HOSTILE]


def export(tmp_path: Path, forum: Path, suffix: str, *extra) -> bytes:
    out = tmp_path / f"{forum.stem}{suffix}"
    run("export", forum, "-o", out, *extra)
    return out.read_bytes()


class PageReader(HTMLParser):
    """Collects the page's text, its elements and attributes: what a browser would act on."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def read_html(raw: bytes) -> PageReader:
    reader = PageReader()
    reader.feed(raw.decode("utf-8"))
    reader.close()
    return reader


@pytest.mark.parametrize("forum", FORUMS, ids=lambda p: p.stem)
def test_html_holds_every_segment_and_nothing_active(forum, tmp_path):
    page = read_html(export(tmp_path, forum, ".html"))
    text = " ".join(page.text)
    plan = analyze(str(forum)).plan
    from agenda.messages.labels import labels_for

    labels = labels_for(plan.language)
    for seg in plan.segments:
        assert labels.time_range(plan.local(seg.start), plan.local(seg.end)) in text
        assert labels.title(seg.title, seg.kind) in text
    assert set(page.tags) <= {"html", "head", "meta", "title", "style", "body", "section", "header", "p", "h1", "h2",
                              "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "strong", "br", "div",
                              "span", "ul", "li", "main", "colgroup", "col"}
    assert not [name for name, _ in page.attributes if name.startswith("on") or name in ("src", "href")]


def test_html_is_the_printed_programme_in_korean(tmp_path):
    raw = export(tmp_path, SEED, ".html").decode("utf-8")
    assert '<html lang="ko">' in raw
    assert "2023년 12월 13일(수) 14:00~16:00" in raw and "국회의원회관 제2간담회의실" in raw
    assert "115 / 120분" not in raw  # a planning figure, not for attendees
    assert 'class="block unscheduled" style="width:4.1667%"' in raw  # 5 of 120 minutes
    assert ('<div class="scale"><span class="first" style="left:0.0000%">14:00</span>'
            '<span class="hour" style="left:50.0000%">15:00</span>'
            '<span class="last" style="left:100.0000%">16:00</span></div>') in raw
    assert "@page { size: A4" in raw and "http" not in raw.replace("http://evil.example", "")


def test_html_in_english_for_a_korean_forum(tmp_path):
    raw = export(tmp_path, SEED, ".html", "--lang", "en").decode("utf-8")
    assert "Wednesday, 13 December 2023, 14:00–16:00" in raw and "Opening" in raw and "115 / 120 min" not in raw


def test_hostile_html_is_escaped(tmp_path):
    raw = export(tmp_path, HOSTILE, ".html").decode("utf-8")
    assert "<script>" not in raw and "<img" not in raw and "<b>" not in raw
    assert "&lt;script&gt;alert(&#x27;forum&#x27;)&lt;/script&gt;" in raw
    assert "line one<br>line two | with a pipe<br>&lt;b&gt;bold?&lt;/b&gt;" in raw


def markdown_rows(text: str) -> list[list[str]]:
    """Cells of the GitHub table: split on pipes that are not escaped."""
    rows = []
    for line in text.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)[1:-1]
            rows.append([c.strip() for c in cells])
    return rows


@pytest.mark.parametrize("forum", FORUMS, ids=lambda p: p.stem)
def test_markdown_table_keeps_its_columns(forum, tmp_path):
    text = export(tmp_path, forum, ".md").decode("utf-8")
    rows = markdown_rows(text)
    assert rows[1] == ["---", "---:", "---", "---", "---"]
    assert all(len(row) == 5 for row in rows)
    plan = analyze(str(forum)).plan
    assert len(rows) == 2 + len(plan.segments) + sum(len(s.items) for s in plan.segments)


def test_hostile_markdown_is_inert(tmp_path):
    text = export(tmp_path, HOSTILE, ".md").decode("utf-8")
    assert "a\\|b\\|c \\*\\*not bold\\*\\* \\[link\\](http://evil.example) \\`code\\`" in text
    assert "\\<script\\>" in text and "<script>" not in text
    assert "line one<br>line two \\| with a pipe<br>\\<b\\>bold?\\</b\\>" in text


def test_markdown_export_matches_plan_markdown(tmp_path):
    assert export(tmp_path, SEED, ".md").decode("utf-8") == run("plan", SEED, "--format", "markdown").stdout


def read_csv(raw: bytes) -> list[dict]:
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("forum", FORUMS, ids=lambda p: p.stem)
def test_csv_has_a_row_per_segment_and_item_timed_or_not(forum, tmp_path):
    rows = read_csv(export(tmp_path, forum, ".csv"))
    plan = analyze(str(forum)).plan
    expected = []
    hm = lambda moment: f"{plan.local(moment):%H:%M}" if moment else ""  # noqa: E731
    for seg in plan.segments:
        expected.append((seg.id, seg.kind, hm(seg.start), hm(seg.end)))
        expected += [(seg.id, "item", hm(i.start), hm(i.end)) for i in seg.items]
    assert [(r["segment"], r["kind"], r["start"], r["end"]) for r in rows] == expected
    assert list(rows[0]) == ["date", "start", "end", "minutes", "kind", "title", "people", "notes", "forum",
                             "segment", "start_iso", "end_iso", "status"]


def test_seed_csv_reads_back_in_korean(tmp_path):
    rows = read_csv(export(tmp_path, SEED, ".csv"))
    assert rows[1] == {"date": "2023-12-13", "start": "14:00", "end": "14:15",
                       "start_iso": "2023-12-13T14:00:00+09:00", "end_iso": "2023-12-13T14:15:00+09:00",
                       "minutes": "15", "kind": "opening",
                       "title": "개회식", "people": "진행 사회: 이연희 (민주연구원 상근부원장)", "notes": "",
                       "forum": "ai-party-2023-2", "segment": "opening", "status": "confirmed"}


CHAIR_AND_NINE = """\
forum: {id: round-table, title: 원탁 토론, date: 2024-05-20, start: "14:00", end: "15:30", timezone: Asia/Seoul,
        language: ko}
program:
  - {kind: opening, duration: 10m}
  - kind: panel
    title: 종합토론
    duration: 80m
    items:
      - {title: 좌장, speaker: {name: 김좌장}}
""" + "".join(f"      - {{title: 토론 {n}, speaker: {{name: 토론자{n}}}}}\n" for n in range(1, 10))


def test_csv_lists_untimed_items_as_rows_of_their_segment_without_minutes(tmp_path):
    """Issue 26: a 좌장 plus nine speakers, written as items without durations, once showed as two rows."""
    rows = read_csv(export(tmp_path, write(tmp_path, CHAIR_AND_NINE), ".csv"))
    assert [(r["kind"], r["title"], r["minutes"]) for r in rows] == [
        ("opening", "개회식", "10"), ("panel", "종합토론", "80"), ("item", "좌장", ""),
        *[("item", f"토론 {n}", "") for n in range(1, 10)]]
    items = rows[2:]
    assert [r["people"] for r in items] == ["김좌장", *[f"토론자{n}" for n in range(1, 10)]]
    assert {(r["date"], r["segment"], r["start"], r["end"], r["start_iso"], r["end_iso"], r["status"])
            for r in items} == {("2024-05-20", rows[1]["segment"], "", "", "", "", "confirmed")}


def test_panel_speakers_stay_in_their_segments_people_cell(tmp_path):
    rows = read_csv(export(tmp_path, SEED, ".csv"))
    (presentation,) = [r for r in rows if r["segment"] == "presentation"]
    assert presentation["people"] == "이상은 (디지털미디어네트워크 대표)"
    assert [r["kind"] for r in rows if r["segment"] == "presentation"] == ["presentation"]


def test_a_cancelled_segment_says_so_in_the_csv(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("    id: moderator-greeting\n",
                                                    "    id: moderator-greeting\n    status: cancelled\n")
    assert "status: cancelled" in text
    rows = read_csv(export(tmp_path, write(tmp_path, text), ".csv"))
    assert {r["segment"]: r["status"] for r in rows if r["kind"] != "item"}["moderator-greeting"] == "cancelled"
    assert {r["status"] for r in rows if r["segment"] == "opening"} == {"confirmed"}


def test_hostile_csv_cells_are_not_formulas(tmp_path):
    rows = read_csv(export(tmp_path, HOSTILE, ".csv"))
    cells = [value for row in rows for key, value in row.items() if key not in ("minutes",)]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert rows[0]["title"] == "'=HYPERLINK(\"http://evil.example\",\"click me\")"
    assert rows[2]["title"] == "'-2+3"
    assert rows[4]["title"] == "Q\"A', with \"quotes\" and a tab\there"


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_neutralize_every_formula_start(text):
    assert neutralize(text) == "'" + text


@pytest.mark.parametrize("forum", FORUMS, ids=lambda p: p.stem)
def test_json_export_is_the_plan_json(forum, tmp_path):
    data = json.loads(export(tmp_path, forum, ".json"))
    assert data == json.loads(json.dumps(plan_dict(analyze(str(forum)).plan)))


def test_series_json_lists_every_forum(tmp_path):
    out = tmp_path / "series.json"
    run("export", SEED, ENGLISH, "-o", out)
    assert [f["forum"]["id"] for f in json.loads(out.read_text(encoding="utf-8"))["forums"]] == [
        "ai-party-2023-2", "open-data-symposium-2024"]


def test_terminal_timeline(monkeypatch):
    golden("plan-seed-timeline.txt", run("plan", SEED, "--timeline").stdout)
    narrow = run("plan", ENGLISH, "--timeline", env={"COLUMNS": "40"}).stdout
    lines = narrow.splitlines()
    scale = next(n for n, line in enumerate(lines) if re.fullmatch(r"09:00 +10:00 +11:00 +12:30", line))
    assert len(lines[scale]) == 40 and len(lines[scale - 1]) == 40  # the bar spans the terminal exactly


@pytest.mark.browser
def test_seed_programme_prints_on_one_a4_page_in_chromium(tmp_path):
    chromium = browser_tools.chromium()
    need(shutil.which("pdftotext") is not None, "pdftotext is not installed (apt-get install poppler-utils)")
    page = tmp_path / "programme.html"
    run("export", SEED, "-o", page)
    pdf = tmp_path / "programme.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    assert re.search(r"^Page size:.*\(A4\)$", info, re.M), info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    from agenda.messages.labels import labels_for

    plan = analyze(str(SEED)).plan
    for seg in plan.segments:
        title = labels_for("ko").title(seg.title, seg.kind)
        assert f"{plan.local(seg.start):%H:%M}~{plan.local(seg.end):%H:%M}" in flat, title
        assert re.sub(r"\s+", "", title) in flat, title
