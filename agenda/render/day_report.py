"""`agenda report`: planned against actual for every segment, and the day's totals.

The report is built once (`day_report`) and written four ways; JSON and CSV
carry numbers for programs, the table and Markdown say differences in words.
"""

import csv
import io
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from agenda.day.marks import PASSED_OVER
from agenda.day.projection import DayState, SegmentState, State, Status, whole_minutes
from agenda.export.csv_table import neutralize
from agenda.render.inert import json_text
from agenda.messages.labels import labels_for
from agenda.render.day_text import ending_text, speaker_text, title_of
from agenda.messages.day_words import DayWords, day_words
from agenda.render.plan_markdown import escape, lone_tilde
from agenda.render.day_clock_face import on_the_forums_clock

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


def day_report(day: DayState) -> tuple[list[ReportRow], Totals]:
    day = on_the_forums_clock(day)
    rows = [ReportRow(s) for s in day.segments]
    marked = [s for s in day.segments if s.marked and s.segment.kind not in PASSED_OVER and s.start is not None]
    first = min(marked, key=lambda s: s.start.astimezone(timezone.utc) if s.start else day.at, default=None)
    late = None
    if first is not None and first.planned_start is not None and first.start is not None:
        late = whole_minutes(first.planned_start, first.start)
    return rows, Totals(late, day.end, day.over_window_minutes)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def each_day(day: DayState) -> tuple[DayState, ...]:
    """The days the report shows one after the other: a forum of one day is its one."""
    return day.days or (day,)


def day_heading(day: DayState, language: str) -> str:
    """"1일차 · 2024년 11월 21일(목) · 첫째 날": one day's heading in a report of several."""
    window = day.plan.days[0]
    return labels_for(language).day_heading(window.number, window.date, _day_title(day))


def _day_title(day: DayState) -> str | None:
    """The title its `day` heading gives it, if any (the day's own plan has left its heading out)."""
    number = day.plan.days[0].number
    whole = day.whole or day.plan
    return next((s.title for s in whole.sections if s.window is not None and s.window.number == number), None) or None


def report_dict(day: DayState) -> dict[str, Any]:
    day = on_the_forums_clock(day)
    if day.days:
        return _days_dict(day)
    rows, totals = day_report(day)
    return {
        "forum": {"id": day.plan.forum_id, "title": day.plan.forum.title,
                  "window_start": _iso(day.plan.local(day.plan.window_start)),
                  "window_end": _iso(day.plan.local(day.plan.window_end))},
        "segments": _segment_dicts(day, rows),
        "totals": _totals_dict(day, totals),
    }


def _days_dict(day: DayState) -> dict[str, Any]:
    """Several days: every day's segments (each with its `day`), each day's totals, and the forum's."""
    whole = day.whole or day.plan
    days: list[dict[str, Any]] = []
    segments: list[dict[str, Any]] = []
    each: list[Totals] = []
    for one in day.days:
        rows, totals = day_report(one)
        window = one.plan.days[0]
        segments += [{**row, "day": window.number} for row in _segment_dicts(one, rows)]
        days.append({"day": window.number, "date": window.date.isoformat(), "title": _day_title(one),
                     "window_start": _iso(one.plan.local(window.start)), "window_end": _iso(one.plan.local(window.end)),
                     "totals": _totals_dict(one, totals)})
        each.append(totals)
    first = next((t.started_late_minutes for t in each if t.started_late_minutes is not None), None)
    return {
        "forum": {"id": whole.forum_id, "title": whole.forum.title,
                  "window_start": _iso(whole.local(whole.window_start)),
                  "window_end": _iso(whole.local(whole.window_end))},
        "segments": segments,
        "totals": {**_totals_dict(day.days[-1], each[-1]), "started_late_minutes": first,
                   "past_window_minutes": sum(t.past_window_minutes for t in each)},
        "days": days,
    }


def _segment_dicts(day: DayState, rows: list[ReportRow]) -> list[dict[str, Any]]:
    return [{
            "id": r.state.id, "title": title_of(r.state, day.plan.language), "status": r.state.status,
            "planned_start": _iso(r.state.planned_start), "planned_end": _iso(r.state.planned_end),
            "planned_minutes": r.state.segment.minutes,
            "start": _iso(r.state.start) if r.actual else None,
            "end": _iso(r.state.end) if r.actual and r.state.status is Status.DONE else None,
            "minutes": r.state.minutes if r.actual and r.state.status is Status.DONE else None,
            "difference_minutes": r.difference if r.state.status is Status.DONE else None,
            "note": r.state.note,  # the reason given at a skip (`--note`)
        } for r in rows]


def _totals_dict(day: DayState, totals: Totals) -> dict[str, Any]:
    return {"started_late_minutes": totals.started_late_minutes,
            "ended_at": _iso(totals.ended_at) if day.state is State.AFTER else None,
            "projected_end": _iso(totals.ended_at),
            "past_window_minutes": totals.past_window_minutes}


def report_json(day: DayState) -> str:
    return json_text(report_dict(day)) + "\n"


CSV_HEADER = ["segment", "title", "status", "planned_start", "planned_end", "planned_minutes",
              "start", "end", "minutes", "difference_minutes"]


def report_csv(day: DayState) -> str:
    day = on_the_forums_clock(day)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    days = ("day",) if day.days else ()  # a forum of several days: which day, last (one day keeps its bytes)
    writer.writerow(CSV_HEADER + list(days))
    for row in report_dict(day)["segments"]:
        writer.writerow([neutralize(str(row[key])) if isinstance(row[key], str) else
                         ("" if row[key] is None else row[key]) for key in
                         ("id", "title", "status", "planned_start", "planned_end", "planned_minutes",
                          "start", "end", "minutes", "difference_minutes", *days)])
    return out.getvalue()


def _span(start: datetime | None, end: datetime | None, language: str) -> str:
    """As the plan writes a span (`14:00~14:15` in Korean, `14:00–14:15` in English), on the forum's clock."""
    return labels_for(language).time_range(start, end)


def _difference_words(words: DayWords, n: int | None) -> str:
    if n is None:
        return ""
    if n > 0:
        return words.more.format(n=n)
    if n < 0:
        return words.less.format(n=-n)
    return words.as_planned


def _cells(day: DayState, words: DayWords) -> list[list[str]]:
    day = on_the_forums_clock(day)
    cells = []
    for r in day_report(day)[0]:
        s = r.state
        done = s.status is Status.DONE
        cells.append([
            _title_cell(s, words.language), words.statuses[s.status],
            _span(s.planned_start, s.planned_end, words.language),
            "" if s.segment.minutes is None else str(s.segment.minutes),
            _span(s.start, s.end if done else None, words.language) if r.actual else "",
            str(s.minutes) if r.actual and done and s.minutes is not None else "",
            _difference_words(words, r.difference) if done else "",
        ])
    return cells


def _title_cell(s: SegmentState, language: str) -> str:
    """A segment's title, with the reason it was skipped: a whole segment "지정토론 (불참)", one of its
    parts by who it was "지정토론 · 백승호 (불참)" (the panel itself took place); a part skipped without
    a reason says it was skipped ("지정토론 · 백승호 (건너뜀)")."""
    title = title_of(s, language)
    skipped = skipped_parts(s)
    if s.status is Status.SKIPPED or not skipped:
        return title + (f" ({s.note})" if s.note else "")
    said = day_words(language).statuses[Status.SKIPPED]
    return f"{title} · " + ", ".join(f"{_who(p, language)} ({p.note or said})" for p in skipped)


def skipped_parts(s: SegmentState) -> list[SegmentState]:
    """The parts skipped within a segment that itself took place (a panelist who did not come)."""
    return [] if s.status is Status.SKIPPED else [p for p in s.parts if p.status is Status.SKIPPED]


def skipped_part_title(s: SegmentState, part: SegmentState, language: str) -> str:
    """"지정토론 · 백승호": a skipped part named within its segment, by who it was."""
    return f"{title_of(s, language)} · {_who(part, language)}"


def _who(part: SegmentState, language: str) -> str:
    """A part within its segment: who speaks in it, else its own title."""
    return speaker_text(part.segment, speakers_only=True) or title_of(part, language)


def totals_line(day: DayState, language: str) -> str:
    day = on_the_forums_clock(day)
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


def report_markdown(day: DayState, language: str) -> str:
    day = on_the_forums_clock(day)
    words = day_words(language)
    lines = [f"# {escape(day.plan.forum.title)}", ""]
    for one in each_day(day):
        if day.days:
            lines += [f"## {escape(day_heading(one, language))}", ""]
        lines += ["| " + " | ".join(_headings(words)) + " |", "|" + "---|" * 7]
        for row in _cells(one, words):
            # a cell is a block of its own: a lone tilde there (a Korean span, 14:00~14:15) stays bare
            lines.append("| " + " | ".join(lone_tilde(escape(c)) for c in row) + " |")
        lines += ["", f"**{words.headings['totals']}:** {totals_line(one, language)}", ""]
    return "\n".join(lines)


def report_table(day: DayState, language: str) -> "RenderableType":
    day = on_the_forums_clock(day)
    from rich.console import Group
    from rich.text import Text

    from agenda.render.report_table import ReportTable

    words = day_words(language)
    shown: list[RenderableType] = []
    for one in each_day(day):
        if not shown:  # the forum's title once (a line of its own: no trailing spaces), then each day
            shown.append(Text(day.plan.forum.title, style="bold"))
        if day.days:
            shown += [Text("")] if len(shown) > 1 else []
            shown.append(Text(day_heading(one, language), style="bold"))
        table = ReportTable(_headings(words), _cells(one, words))
        shown += [table, Text(f"{words.headings['totals']}: {totals_line(one, language)}")]
    return Group(*shown)
