"""`agenda report`: planned against actual for every segment, and the day's totals.

The report is built once (`day_report`) and written four ways; JSON and CSV
carry numbers for programs, the table and Markdown say differences in words.
"""

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from agenda.day.marks import PASSED_OVER, Mark, MarkKind
from agenda.day.projection import DayState, SegmentState, whole_minutes
from agenda.export.csv_table import neutralize
from agenda.render.inert import json_text
from agenda.render.day_text import ending_text, title_of
from agenda.messages.day_words import DayWords, day_words
from agenda.render.plan_markdown import escape

if TYPE_CHECKING:
    from rich.console import RenderableType


@dataclass(frozen=True)
class ReportRow:
    state: SegmentState

    @property
    def actual(self) -> bool:
        return self.state.marked

    @property
    def difference(self) -> int | None:
        planned = self.state.segment.minutes
        if not self.actual or planned is None or self.state.minutes is None:
            return None
        return self.state.minutes - planned


@dataclass(frozen=True)
class Totals:
    started_late_minutes: int | None  # negative: early
    ended_at: datetime
    past_window_minutes: int


Notes = Mapping[str, str] | None
"""The reasons given at the skip marks, by segment id (`agenda mark FILE skip PART --note "불참"`)."""


def skip_notes(in_force: Iterable[Mark]) -> dict[str, str]:
    """The reason of each skip still in force; a mark that gives none (or an older log) gives none."""
    notes: dict[str, str] = {}
    for mark in in_force:
        note = getattr(mark, "note", None)
        if mark.kind is MarkKind.SKIP and mark.segment is not None and isinstance(note, str) and note:
            notes[mark.segment] = note
    return notes


def day_report(day: DayState) -> tuple[list[ReportRow], Totals]:
    rows = [ReportRow(s) for s in day.segments]
    marked = [s for s in day.segments if s.marked and s.segment.kind not in PASSED_OVER and s.start is not None]
    first = min(marked, key=lambda s: s.start.timestamp() if s.start else 0.0, default=None)
    late = None
    if first is not None and first.planned_start is not None and first.start is not None:
        late = whole_minutes(first.planned_start, first.start)
    return rows, Totals(late, day.end, day.over_window_minutes)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def report_dict(day: DayState) -> dict[str, Any]:
    rows, totals = day_report(day)
    return {
        "forum": {"id": day.plan.forum_id, "title": day.plan.forum.title,
                  "window_start": _iso(day.plan.local(day.plan.window_start)),
                  "window_end": _iso(day.plan.local(day.plan.window_end))},
        "segments": [{
            "id": r.state.id, "title": title_of(r.state, day.plan.language), "status": r.state.status,
            "planned_start": _iso(r.state.planned_start), "planned_end": _iso(r.state.planned_end),
            "planned_minutes": r.state.segment.minutes,
            "start": _iso(r.state.start) if r.actual else None,
            "end": _iso(r.state.end) if r.actual and r.state.status == "done" else None,
            "minutes": r.state.minutes if r.actual and r.state.status == "done" else None,
            "difference_minutes": r.difference if r.state.status == "done" else None,
        } for r in rows],
        "totals": {"started_late_minutes": totals.started_late_minutes,
                   "ended_at": _iso(totals.ended_at) if day.state == "after" else None,
                   "projected_end": _iso(totals.ended_at),
                   "past_window_minutes": totals.past_window_minutes},
    }


def report_json(day: DayState, notes: Notes = None) -> str:
    return json_text(report_dict(day)) + "\n"


CSV_HEADER = ["segment", "title", "status", "planned_start", "planned_end", "planned_minutes",
              "start", "end", "minutes", "difference_minutes"]


def report_csv(day: DayState, notes: Notes = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in report_dict(day)["segments"]:
        writer.writerow([neutralize(str(row[key])) if isinstance(row[key], str) else
                         ("" if row[key] is None else row[key]) for key in
                         ("id", "title", "status", "planned_start", "planned_end", "planned_minutes",
                          "start", "end", "minutes", "difference_minutes")])
    return out.getvalue()


def _span(start: datetime | None, end: datetime | None) -> str:
    if start is None and end is None:
        return ""
    return f"{start:%H:%M}–{end:%H:%M}" if start and end else (f"{start:%H:%M}–" if start else f"–{end:%H:%M}")


def _difference_words(words: DayWords, n: int | None) -> str:
    if n is None:
        return ""
    if n > 0:
        return words.more.format(n=n)
    if n < 0:
        return words.less.format(n=-n)
    return words.as_planned


def _cells(day: DayState, words: DayWords, notes: Notes = None) -> list[list[str]]:
    cells = []
    notes = notes or {}
    for r in day_report(day)[0]:
        s = r.state
        done = s.status == "done"
        cells.append([
            title_of(s, words.language),
            words.statuses[s.status] + (f" ({notes[s.id]})" if s.status == "skipped" and s.id in notes else ""),
            _span(s.planned_start, s.planned_end),
            "" if s.segment.minutes is None else str(s.segment.minutes),
            _span(s.start, s.end if done else None) if r.actual else "",
            str(s.minutes) if r.actual and done and s.minutes is not None else "",
            _difference_words(words, r.difference) if done else "",
        ])
    return cells


def totals_line(day: DayState, language: str) -> str:
    words = day_words(language)
    totals = day_report(day)[1]
    parts = []
    if totals.started_late_minutes is not None:
        n = totals.started_late_minutes
        parts.append(words.started_late.format(n=n) if n > 0 else
                     words.started_early.format(n=-n) if n < 0 else words.started_on_time)
    parts.append(ending_text(words, day))
    return " · ".join(parts)


def _headings(words: DayWords) -> list[str]:
    h = words.headings
    return [h["segment"], h["status"], h["planned"], h["minutes"], h["actual"], h["minutes"], h["difference"]]


def report_markdown(day: DayState, language: str, notes: Notes = None) -> str:
    words = day_words(language)
    lines = [f"# {escape(day.plan.forum.title)}", "", "| " + " | ".join(_headings(words)) + " |",
             "|" + "---|" * 7]
    for row in _cells(day, words, notes):
        lines.append("| " + " | ".join(escape(c) for c in row) + " |")
    lines += ["", f"**{words.headings['totals']}:** {totals_line(day, language)}", ""]
    return "\n".join(lines)


def report_table(day: DayState, language: str, notes: Notes = None) -> "RenderableType":
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    words = day_words(language)
    table = Table(title=Text(day.plan.forum.title, style="bold"), title_justify="left")
    for k, heading in enumerate(_headings(words)):
        table.add_column(heading, justify="right" if k in (3, 5) else "left", no_wrap=k != 0)
    for row in _cells(day, words, notes):
        table.add_row(*row)
    return Group(table, Text(f"{words.headings['totals']}: {totals_line(day, language)}"))
