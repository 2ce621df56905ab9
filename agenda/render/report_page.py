"""The report for the hosts after the day (`agenda report -o report.html|pdf`): a document, on A4.

It opens with the printed programme's header (title, date, venue, credits),
then every segment planned against actual with its people, the skipped ones
with the reason given at the mark, what ran shorter than planned, and the
totals. The page is the printed programme's style (html_page) and prints
through the same Chromium (pdf.print_html); the PDF is dated by the day's
last mark, so the same log gives the same bytes.
"""

from datetime import datetime
from html import escape

from agenda.day.marks import PASSED_OVER
from agenda.day.projection import DayState, SegmentState
from agenda.export.html_page import STYLE, forum_header
from agenda.export.pdf import print_html
from agenda.messages.labels import labels_for
from agenda.messages.report_words import REPORT_WORDS
from agenda.render.day_report import (ReportRow, day_heading, day_report, each_day, skipped_part_title, skipped_parts,
                                     totals_line)
from agenda.render.day_text import title_of
from agenda.messages.day_words import day_words
from agenda.render.people import people_lines

REPORT_STYLE = """
table.report col.title { width: auto; } table.report col.time { width: 22mm; } table.report col.minutes { width: 10mm; }
table.report col.difference { width: 20mm; } table.report col.status { width: 24mm; }
td .people { display: block; font-size: 8.5pt; color: #444; }
td .reason { display: block; font-size: 8.5pt; }
tr.skipped .name { text-decoration: line-through; }
ul.skipped, ul.cut { margin: 0; padding-left: 5mm; }
p.totals { font-weight: bold; }
@media (max-width: 600px) {
  table.report, table.report tbody, table.report tr, table.report td { display: block; width: auto; }
  table.report thead, table.report colgroup { display: none; }
  table.report tr { border-bottom: 1px solid #ccc; padding: 1mm 0; }
  table.report td { border: 0; padding: 0.3mm 0; }
}
"""


def _hm(day: DayState, start: datetime | None, end: datetime | None, language: str) -> str:
    """As the plan writes a span (`14:00~14:15` in Korean), on the forum's clock."""
    return labels_for(language).time_range(day.plan.local(start), day.plan.local(end))


def _row(day: DayState, row: ReportRow, language: str) -> str:
    words = day_words(language)
    state = row.state
    done = state.status == "done"
    people = "<br>".join(escape(line) for line in people_lines(state.segment.people, labels_for(language)))
    reason = ""
    if state.status == "skipped":
        said = state.note or REPORT_WORDS[language].no_reason
        reason = f'<span class="reason">{escape(said)}</span>'
    difference = row.difference if done else None
    differs = ("" if difference is None else words.more.format(n=difference) if difference > 0
               else words.less.format(n=-difference) if difference < 0 else words.as_planned)
    actual = _hm(day, state.start, state.end if done else None, language) if row.actual else ""
    return (f'<tr class="{escape(state.status)}"><td class="title"><strong class="name">'
            f'{escape(title_of(state, language))}</strong>'
            f'{f"<span class=people>{people}</span>" if people else ""}</td>'
            f'<td class="time">{escape(_hm(day, state.planned_start, state.planned_end, language))}</td>'
            f'<td class="minutes">{"" if state.segment.minutes is None else state.segment.minutes}</td>'
            f'<td class="time">{escape(actual)}</td>'
            f'<td class="minutes">{state.minutes if row.actual and done and state.minutes is not None else ""}</td>'
            f"<td>{escape(differs)}</td>"
            f"<td>{escape(words.statuses[state.status])}{reason}</td></tr>")


def _cut(states: list[SegmentState], language: str) -> list[str]:
    words = REPORT_WORDS[language]
    return [words.cut_line.format(title=title_of(s, language), planned=s.segment.minutes, actual=s.minutes)
            for s in states if s.status == "done" and s.marked and s.segment.minutes is not None
            and s.minutes is not None and s.minutes < s.segment.minutes]


def _day_sections(day: DayState, language: str, level: int) -> list[str]:
    """One day's table, what was skipped and why, what was cut, and its totals, under headings of `level`."""
    words, day_said, labels = REPORT_WORDS[language], day_words(language), labels_for(language)
    rows, _ = day_report(day)
    h = day_said.headings
    headings = [labels.segment_heading, h["planned"], h["minutes"], h["actual"], h["minutes"], h["difference"],
                h["status"]]
    columns = ("title", "time", "minutes", "time", "minutes", "difference", "status")
    table = ('<table class="report"><colgroup>' + "".join(f'<col class="{c}">' for c in columns)
             + "</colgroup><thead><tr>" + "".join(f'<th scope="col">{escape(t)}</th>' for t in headings)
             + "</tr></thead><tbody>" + "\n".join(_row(day, r, language) for r in rows) + "</tbody></table>")
    # a whole segment skipped, or a part of one that took place (a panelist who did not come)
    skipped = [(title_of(r.state, language), r.state.note) for r in rows if r.state.status == "skipped"]
    skipped += [(skipped_part_title(r.state, part, language), part.note) for r in rows
                for part in skipped_parts(r.state)]
    skipped_html = ('<ul class="skipped">' + "".join(
        f"<li>{escape(title)}: {escape(note or words.no_reason)}</li>" for title, note in skipped)
        + "</ul>") if skipped else f"<p>{escape(words.none_skipped)}</p>"
    cut = _cut([r.state for r in rows], language)
    cut_html = ('<ul class="cut">' + "".join(f"<li>{escape(line)}</li>" for line in cut) + "</ul>"
                if cut else f"<p>{escape(words.none_cut)}</p>")
    planned = sum(r.state.segment.minutes or 0 for r in rows
                  if r.state.status != "cancelled" and r.state.segment.kind not in PASSED_OVER)
    actual = sum(r.state.minutes or 0 for r in rows if r.actual and r.state.status == "done")
    totals = " · ".join([totals_line(day, language), words.planned_total.format(minutes=planned),
                         words.actual_total.format(minutes=actual)])
    return [f"<h{level}>{escape(words.heading)}</h{level}>", table,
            f"<h{level}>{escape(words.skipped)}</h{level}>", skipped_html,
            f"<h{level}>{escape(words.cut)}</h{level}>", cut_html,
            f"<h{level}>{escape(words.totals)}</h{level}>", f'<p class="totals">{escape(totals)}</p>']


def report_page(day: DayState, language: str) -> str:
    """The document; a skipped part carries the reason given at its mark (`skip PART --note`).

    A forum of several days has every day under its own heading, as the text report has, below the
    forum's own header (its dates, not the last day's).
    """
    words = REPORT_WORDS[language]
    forum = day.whole or day.plan
    parts = ['<main>\n<section class="forum">', forum_header(forum, language)]
    if day.days:
        for one in each_day(day):
            parts += [f"<h2>{escape(day_heading(one, language))}</h2>", *_day_sections(one, language, 3)]
    else:
        parts += _day_sections(day, language, 2)
    body = "\n".join([*parts, "</section>\n</main>"])
    title = words.document.format(title=forum.forum.title)
    return (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}{REPORT_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def report_html(day: DayState, language: str) -> str:
    return report_page(day, language)


def report_pdf(day: DayState, language: str) -> bytes:
    return print_html(report_page(day, language), day.at)
