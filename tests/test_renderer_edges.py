"""Edges of the renderers: CSV times that programs can read, formula look-alikes, Markdown blocks, later days."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from markdown_it import MarkdownIt

from agenda.export.csv_table import neutralize
from helpers import run, write

NIGHT = """\
forum:
  id: night
  title: Night session
  date: 2024-11-02
  start: "23:00"
  end: "2024-11-03 01:30"
  timezone: {zone}
  language: en
program:
  - {{kind: presentation, title: Late talk, duration: 60m}}
  - {{kind: panel, title: After midnight, duration: 30m}}
  - {{kind: qa, duration: 60m}}
"""


def csv_rows(path) -> list[dict[str, str]]:
    result = run("export", path, "-o", "-", "--format", "csv")
    return list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"), newline="")))


def test_csv_rows_carry_iso_instants_that_end_on_the_next_day(tmp_path):
    rows = csv_rows(write(tmp_path, NIGHT.format(zone="Asia/Seoul")))
    spans = [(datetime.fromisoformat(r["start_iso"]), datetime.fromisoformat(r["end_iso"])) for r in rows]
    assert [(r["start"], r["end"]) for r in rows] == [("23:00", "00:00"), ("00:00", "00:30"), ("00:30", "01:30")]
    assert spans[0][1] - spans[0][0] == timedelta(minutes=60)
    assert spans[0][1].date().isoformat() == "2024-11-03" and rows[0]["date"] == "2024-11-02"
    assert all(start.utcoffset() == timedelta(hours=9) for start, _ in spans)
    assert all(later[0] == earlier[1] for earlier, later in zip(spans, spans[1:]))


def test_csv_tells_the_two_passes_of_a_repeated_hour_apart(tmp_path):
    forum = NIGHT.replace("2024-11-02", "2024-11-03").replace('"23:00"', '"00:00"').replace('"2024-11-03 01:30"', '"03:00"')
    rows = csv_rows(write(tmp_path, forum.format(zone="America/New_York")))
    spans = [(datetime.fromisoformat(r["start_iso"]), datetime.fromisoformat(r["end_iso"])) for r in rows]
    assert [r["start"] for r in rows] == ["00:00", "01:00", "01:30"]
    assert [start.utcoffset() for start, _ in spans] == [timedelta(hours=-4), timedelta(hours=-4), timedelta(hours=-4)]
    assert (rows[2]["start"], rows[2]["end"]) == ("01:30", "01:30")  # the short columns cannot tell them apart
    assert spans[2][1].utcoffset() == timedelta(hours=-5)  # it ends at the second 01:30, after clocks went back
    assert all((end - start) == timedelta(minutes=int(r["minutes"])) for (start, end), r in zip(spans, rows))


@pytest.mark.parametrize("text", ["＝1+1", "＋1", "－1", "＠SUM(A1)", "\u200b=1+1", "\ufeff=1", "\u2060+1",
                                  " =1+1", "\u200b\u200c＝HYPERLINK(1)"])
def test_formula_look_alikes_are_neutralized(text):
    assert neutralize(text) == "'" + text


@pytest.mark.parametrize("text", ["1=1", "a+b", "개회식", "\u200bplain", "(=)"])
def test_ordinary_text_is_left_alone(text):
    assert neutralize(text) == text


def test_the_forum_description_is_paragraphs_and_nothing_else(tmp_path):
    description = "# not a heading\\n- not a list\\n1. not a list either\\n| a | b |\\n|---|---|\\n" \
                  "<div>html</div>\\n    not code\\n===\\n\\n> not a quote\\n```\\nnot a fence"
    forum = write(tmp_path, NIGHT.format(zone="Asia/Seoul").replace(
        "  language: en\n", f'  language: en\n  description: "{description}"\n'))
    markdown = run("export", forum, "-o", "-", "--format", "markdown").stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    description_at = next(i for i, t in enumerate(tokens) if t.type == "inline" and "not a heading" in t.content)
    block = tokens[description_at - 1: description_at + 8]
    assert [t.type for t in block[:3]] == ["paragraph_open", "inline", "paragraph_close"]
    assert [t.type for t in block[3:6]] == ["paragraph_open", "inline", "paragraph_close"]
    assert block[6].type == "heading_open" and block[7].content == "Programme"  # the next thing is ours
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    for text in ("# not a heading", "- not a list", "1. not a list either", "| a | b |", "&lt;div&gt;html&lt;/div&gt;",
                 "not code", "&gt; not a quote", "```"):
        assert text in rendered, text
    assert rendered.count("<h1>") == 1 and "<ul>" not in rendered and "<ol>" not in rendered


def test_the_terminal_marks_times_on_the_next_day(tmp_path):
    out = run("plan", write(tmp_path, NIGHT.format(zone="Asia/Seoul"))).stdout
    assert "23:00–00:00(+1)" in out
    assert "00:00(+1)–00:30(+1)" in out
    assert "Saturday, 2 November 2024, 23:00–01:30(+1)" in out


def test_the_printed_timeline_marks_the_forums_own_hours(tmp_path):
    from html.parser import HTMLParser

    forum = NIGHT.format(zone="Asia/Kolkata").replace('"23:00"', '"09:15"').replace('"2024-11-03 01:30"', '"11:45"')

    class Scale(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.marks: list[tuple[str, str]] = []
            self.inside: str | None = None

        def handle_endtag(self, tag: str) -> None:
            self.inside = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            style = dict(attrs).get("style") or ""
            self.inside = style if tag == "span" and style.startswith("left:") else None

        def handle_data(self, data: str) -> None:
            if self.inside:
                self.marks.append((self.inside, data))

    page = Scale()
    page.feed(run("export", write(tmp_path, forum), "-o", "-", "--format", "html").stdout)
    assert page.marks == [("left:0.0000%", "09:15"), ("left:30.0000%", "10:00"), ("left:70.0000%", "11:00"),
                          ("left:100.0000%", "11:45")]


def test_renderers_show_the_forums_wall_clock_whatever_zone_the_plan_keeps_its_instants_in():
    """The planner may keep instants in UTC: every renderer goes through plan.local before showing one."""
    from dataclasses import replace
    from datetime import UTC

    from agenda.loading.analysis import analyze
    from agenda.export.formats import export_bytes
    from agenda.render.plan_table import plan_table
    from agenda.render.plan_text import plan_text
    from helpers import SEED
    from rich.console import Console

    def utc(moment):
        return None if moment is None else moment.astimezone(UTC)

    plan = analyze(str(SEED)).plan
    segments = tuple(replace(seg, start=utc(seg.start), end=utc(seg.end),
                             items=tuple(replace(i, start=utc(i.start), end=utc(i.end)) for i in seg.items))
                     for seg in plan.segments)
    in_utc = replace(plan, window_start=utc(plan.window_start), window_end=utc(plan.window_end), segments=segments)
    assert in_utc.segments[1].start.utcoffset() == timedelta(0)
    for fmt in ("markdown", "html", "csv"):
        assert export_bytes(fmt, [in_utc]) == export_bytes(fmt, [plan]), fmt
    assert plan_text(in_utc) == plan_text(plan)

    def table(p):
        console = Console(width=80, record=True, file=io.StringIO(), color_system=None)
        console.print(plan_table(p))
        return console.export_text()

    assert table(in_utc) == table(plan)


def test_a_lone_tilde_between_times_stays_bare_and_a_second_one_keeps_both_escaped():
    """Strikethrough needs two tildes in one block: `11:15~11:35` alone is plain text as it is, but a title
    `A ~B` beside it could pair with it, even across the title's own line break."""
    from agenda.render.plan_markdown import escape, escape_block, lone_tilde

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    alone = lone_tilde(f"- {escape_block('발제')} — {escape('11:15~11:35')}")
    assert alone == "- 발제 — 11:15~11:35" and "<s>" not in md.render(alone)
    for title in ("A ~~B", "A ~~B\n~~C"):
        paired = lone_tilde(f"- {escape_block(title)} — {escape('11:15~11:35')}")
        assert "\\~11:35" in paired and "<s>" not in md.render(paired)
