"""A printed forum programme as one self-contained HTML page (inline CSS, no network, one A4 page).

Every text from the file goes through `html.escape`; nothing from the file
is ever markup. A Korean word never breaks (`word-break: keep-all`; a token
longer than its cell may still wrap, as a last resort, rather than spill);
the timeline is printed_timeline's.
"""

from html import escape

from agenda.export.printed_timeline import timeline_html
from agenda.messages.labels import Labels, labels_for
from agenda.core.kinds import KINDS
from agenda.core.planner import Plan
from agenda.render.people import credits, people_lines, person_text
from agenda.render.programme_rows import Row, forum_when, heading_text, programme_rows, tables

STYLE = """
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo", "Helvetica Neue",
       Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 186mm; padding: 6mm 0;
       font-size: 9.5pt; line-height: 1.3; word-break: keep-all; }
td, th, dd, li, p, h1, h2 { overflow-wrap: anywhere; }
header { border-bottom: 2px solid #1a1a1a; margin-bottom: 4mm; padding-bottom: 2mm; }
h1 { font-size: 17pt; margin: 0 0 1mm; }
.series { font-size: 10pt; color: #555; margin: 0; }
.theme { font-size: 12pt; margin: 1mm 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 2mm 0 0; }
dt { font-weight: bold; } dd { margin: 0; }
h2 { font-size: 11pt; margin: 3.5mm 0 1.5mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
col.time { width: 24mm; } col.minutes { width: 9mm; }
table.with-notes col.title { width: 52mm; } table.with-notes col.people { width: 62mm; }
table.no-notes col.title { width: 68mm; }
th, td { border-bottom: 1px solid #ccc; padding: 0.8mm 1.2mm; text-align: left; vertical-align: top; }
th { border-bottom: 1.5px solid #1a1a1a; font-size: 9.5pt; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.minutes { text-align: right; font-variant-numeric: tabular-nums; }
tr.item td { border-bottom: 1px dotted #ddd; font-size: 8.5pt; color: #333; }
tr.item td.title { padding-left: 5mm; }
tr.section th { border-bottom: 1.5px solid #1a1a1a; padding-top: 2.5mm; font-size: 10.5pt; }
tr.cancelled .title { text-decoration: line-through; color: #595959; }
.timeline-frame { overflow-x: auto; }
.timeline { display: flex; height: 9mm; border: 1px solid #1a1a1a; margin-top: 2mm; min-width: 150mm; }
.block { white-space: nowrap; overflow: hidden; font-size: 7.5pt; padding: 0.5mm 1mm; color: #1a1a1a;
         border-right: 1px solid #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.block.unscheduled { background: repeating-linear-gradient(45deg, #fff, #fff 2px, #ddd 2px, #ddd 4px); }
.block.cancelled { text-decoration: line-through; background: #ededed !important; color: #333; }
.scale { position: relative; height: 4mm; font-size: 8pt; color: #4d4d4d; min-width: 150mm; }
.scale span { position: absolute; top: 0; transform: translateX(-50%); font-variant-numeric: tabular-nums;
              white-space: nowrap; }
.scale span.first { transform: none; } .scale span.last { transform: translateX(-100%); }
ul.legend { list-style: none; margin: 1mm 0 0; padding: 0; font-size: 8pt; display: flex; flex-wrap: wrap;
            gap: 0.5mm 4mm; }
.key { display: inline-block; min-width: 4mm; padding: 0 0.8mm; margin-right: 1mm; text-align: center;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.legend .cancelled .name { text-decoration: line-through; }
ul.people { columns: 2; margin: 0; padding-left: 5mm; font-size: 8.5pt; }
.forum + .forum { page-break-before: always; }
@media print { body { padding: 0; max-width: none; } }
@media screen and (max-width: 640px) {
  body { padding: 3mm; font-size: 11pt; }
  dl { grid-template-columns: 1fr; gap: 0; } dd { margin-bottom: 1.5mm; }
  table, table tbody, table tr, table td, table th { display: block; width: auto; }
  table colgroup, table thead { display: none; }
  tr.segment, tr.item { display: grid; grid-template-columns: max-content 1fr; gap: 0 3mm; padding: 1.2mm 0;
                        border-bottom: 1px solid #ccc; }
  tr.segment td, tr.item td { border: 0; padding: 0; }
  tr.segment td.minutes, tr.item td.minutes { text-align: left; color: #555; }
  tr.segment td:nth-child(n+3), tr.item td:nth-child(n+3) { grid-column: 1 / -1; }
  tr.item td.title { padding-left: 3mm; }
  .grid { grid-template-columns: 1fr; gap: 2mm; }
  .timeline, .scale { min-width: 0; }
  ul.people { columns: 1; }
}
"""


ROOMS_STYLE = """
section.day + section.day { break-before: page; }
tr.day th { border-bottom: 2px solid #1a1a1a; padding-top: 2mm; font-size: 11.5pt; }
td.parallel { padding: 1mm 0 1.5mm; }
.grid { display: grid; grid-template-columns: repeat(var(--rooms), minmax(0, 1fr)); gap: 0 2mm; }
.room h3 { font-size: 9.5pt; margin: 0; padding: 0.8mm 1.2mm; background: #f0f0f0;
           -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.room .chair { font-size: 8.5pt; margin: 0; padding: 0.5mm 1.2mm; }
table.track td { font-size: 8.5pt; }
table.track col.time { width: 21mm; }
"""
"""Only for a forum of several days or with parallel tracks: any other page keeps its bytes."""


def _cell(text: str | None) -> str:
    return escape(text or "").replace("\n", "<br>")


def _lines(lines: list[str]) -> str:
    return "<br>".join(escape(line) for line in lines)


def forum_section(plan: Plan, language: str | None = None) -> str:
    labels = labels_for(language or plan.language)
    parts = ['<section class="forum">', _header(plan, labels)]
    if plan.forum.description:
        parts.append(f'<p class="description">{_cell(plan.forum.description)}</p>')
    parts += [f"<h2>{escape(labels.programme_heading)}</h2>"]
    if plan.has_days or plan.tracks:  # a page per day, a grid per parallel block
        parts.append(_days_and_rooms(plan, labels))
    else:
        parts.append(_programme(plan, labels))
    if not plan.has_days:  # one window's bar; days are a page each, with no room left for one
        parts.append(timeline_html(plan, labels, {kind: row.paper for kind, row in KINDS.items()}))
    people = _people(plan, labels)
    if people:
        parts.append(f"<h2>{escape(labels.people_list_heading)}</h2>")
        parts.append('<ul class="people">' + "".join(f"<li>{escape(p)}</li>" for p in people) + "</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def forum_header(plan: Plan, language: str | None = None) -> str:
    """The printed programme's header (title, date, venue, credits, hosts): the report for the hosts opens with it."""
    return _header(plan, labels_for(language or plan.language))


def _header(plan: Plan, labels: Labels) -> str:
    return "\n".join(["<header>", *title_lines(plan, labels, with_hosts=True), "</header>"])


def title_lines(plan: Plan, labels: Labels, with_hosts: bool) -> list[str]:
    """Series, title, theme, then date, venue and credits (and the MC and moderator `with_hosts`): the printed
    programme's header and the booklet's cover say the forum alike."""
    forum = plan.forum
    out = []
    if forum.series:
        number = f" · {labels.series_number.format(n=forum.series.number)}" if forum.series.number else ""
        out.append(f'<p class="series">{escape(forum.series.title)}{escape(number)}</p>')
    out.append(f"<h1>{escape(forum.title)}</h1>")
    if forum.theme:
        out.append(f'<p class="theme">{escape(forum.theme)}</p>')
    details = [(labels.date_label, forum_when(plan, labels))]
    if forum.venue:
        details.append((labels.venue, forum.venue))
    details.extend(credits(plan, labels))
    if with_hosts:
        details += [(labels.roles[role.role], person_text(role.person, labels)) for role in plan.hosts]
    out.append("<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in details) + "</dl>")
    return out


def _programme(plan: Plan, labels: Labels) -> str:
    """The programme table: a notes column only when something has a note; section headings span it."""
    rows = list(programme_rows(plan, labels))
    notes = any(row.note for row in rows if row.state != "section")
    headings = [labels.time_heading, labels.minutes_heading, labels.segment_heading, labels.people_heading]
    headings += [labels.notes_heading] if notes else []
    columns = ("time", "minutes", "title", "people", "notes")[:len(headings)]
    out = [f'<table class="{"with-notes" if notes else "no-notes"}"><colgroup>'
           + "".join(f'<col class="{name}">' for name in columns) + "</colgroup><thead><tr>"
           + "".join(f"<th>{escape(h)}</th>" for h in headings) + "</tr></thead><tbody>"]
    out += [_row(row, labels, notes, len(headings)) for row in rows]
    out.append("</tbody></table>")
    return "\n".join(out)


def _days_and_rooms(plan: Plan, labels: Labels) -> str:
    """The programme a day to a page (each day's table in a section that starts a new A4 page), and each
    parallel block as a grid with a column per room, in the order of `forum.rooms`."""
    rows = list(programme_rows(plan, labels))
    notes = any(row.note for row in rows if row.state != "section")
    headings = [labels.time_heading, labels.minutes_heading, labels.segment_heading, labels.people_heading]
    headings += [labels.notes_heading] if notes else []
    columns = ("time", "minutes", "title", "people", "notes")[:len(headings)]
    head = (f'<table class="{"with-notes" if notes else "no-notes"}"><colgroup>'
            + "".join(f'<col class="{name}">' for name in columns) + "</colgroup><thead><tr>"
            + "".join(f"<th>{escape(h)}</th>" for h in headings) + "</tr></thead><tbody>")
    order = {room.name: n for n, room in enumerate(plan.rooms.values())}
    days: list[list[str]] = [[]]
    grid: list[list[Row]] = []

    def flush() -> None:
        if grid:
            days[-1].append(_grid(sorted(grid, key=lambda t: order.get(t[0].room or "", len(order))),
                                  labels, len(headings)))
            grid.clear()

    for table in tables(rows):
        if table[0].track is not None:
            grid.append(table)
            continue
        flush()
        for row in table:
            if row.kind == "day" and days[-1]:
                days.append([])
            days[-1].append(_row(row, labels, notes, len(headings)))
    flush()
    return "\n".join('<section class="day">\n' + head + "\n" + "\n".join(day) + "\n</tbody></table>\n</section>"
                     for day in days)


def _grid(tracks: list[list[Row]], labels: Labels, width: int) -> str:
    """A parallel block's tracks side by side: a column per room, each with its heading, 좌장 and program."""
    out = [f'<tr class="parallel"><td class="parallel" colspan="{width}">'
           f'<div class="grid" style="--rooms: {len(tracks)}">']
    for heading, *rows in tracks:
        chair = "".join(f'<p class="chair">{escape(line)}</p>' for line in people_lines(heading.people, labels))
        body = "".join(
            f'<tr class="section"><th colspan="3" scope="colgroup">{escape(heading_text(row, labels))}</th></tr>'
            if row.state == "section" else
            f'<tr class="{"item" if row.depth else "segment"}"><td class="time">{escape(row.when)}</td>'
            f'<td class="title">{_title(row, labels)}</td>'
            f"<td>{_lines(people_lines(row.people, labels))}</td></tr>"
            for row in rows)
        out.append(f'<div class="room"><h3>{escape(heading.title)}</h3>{chair}'
                   f'<table class="track"><colgroup><col class="time"><col><col></colgroup>'
                   f"<tbody>{body}</tbody></table></div>")
    out.append("</div></td></tr>")
    return "".join(out)


def _title(row: Row, labels: Labels) -> str:
    if row.depth:
        return f"· {escape(row.title)}"
    cancelled = f" ({escape(labels.cancelled)})" if row.state == "cancelled" else ""
    return f"<strong>{escape(row.title)}{cancelled}</strong>"


def _row(row: Row, labels: Labels, notes: bool, width: int) -> str:
    if row.kind == "day":
        return f'<tr class="day"><th colspan="{width}" scope="colgroup">{escape(row.title)}</th></tr>'
    if row.state == "section":
        return f'<tr class="section"><th colspan="{width}" scope="colgroup">{escape(heading_text(row, labels))}</th></tr>'
    if row.depth:
        css, title = "item", f"· {escape(row.title)}"
    else:
        cancelled = row.state == "cancelled"
        css = "segment cancelled" if cancelled else "segment"
        title = f"<strong>{escape(row.title)}{f' ({escape(labels.cancelled)})' if cancelled else ''}</strong>"
    note = f"<td>{_cell(row.note)}</td>" if notes else ""
    return (f'<tr class="{css}"><td class="time">{escape(row.when)}</td>'
            f'<td class="minutes">{"" if row.minutes is None else row.minutes}</td>'
            f'<td class="title">{title}</td>'
            f"<td>{_lines(people_lines(row.people, labels))}</td>{note}</tr>")


def _people(plan: Plan, labels: Labels) -> list[str]:
    """Everyone who takes part, once each, in order of first appearance."""
    seen: dict[str, None] = {}
    roles = list(plan.hosts)
    for section in plan.sections:
        roles += section.people
    for track in plan.tracks:
        roles += [track.moderator] if track.moderator is not None else []
    for seg in plan.all_segments:
        roles += seg.people
        for item in seg.items:
            roles += item.people
    for role in roles:
        seen.setdefault(person_text(role.person, labels))
    return list(seen)


def html_page(plans: list[Plan], language: str | None = None) -> str:
    title = " · ".join(p.forum.title for p in plans)
    style = STYLE + (ROOMS_STYLE if any(p.has_days or p.tracks for p in plans) else "")
    body = "<main>\n" + "\n".join(forum_section(p, language) for p in plans) + "\n</main>"
    language = language or plans[0].language
    return (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def html_bytes(plans: list[Plan], language: str | None = None) -> bytes:
    return html_page(plans, language).encode("utf-8")
