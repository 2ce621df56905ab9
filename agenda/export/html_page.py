"""A printed forum programme as one self-contained HTML page (inline CSS, no network, one A4 page).

Every text from the file goes through `html.escape`; nothing from the file
is ever markup.
"""

from html import escape

from agenda.i18n import Labels, labels_for
from agenda.kinds import KINDS
from agenda.planner import Plan
from agenda.render.people import people_lines, person_text
from agenda.render.programme_rows import Row, forum_when, programme_rows
from agenda.timeline import hour_marks, timeline_blocks

STYLE = """
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", "Helvetica Neue", Arial, sans-serif;
       color: #1a1a1a; margin: 0 auto; max-width: 186mm; padding: 6mm 0; font-size: 9.5pt; line-height: 1.3; }
header { border-bottom: 2px solid #1a1a1a; margin-bottom: 4mm; padding-bottom: 2mm; }
h1 { font-size: 17pt; margin: 0 0 1mm; }
.series { font-size: 10pt; color: #555; margin: 0; }
.theme { font-size: 12pt; margin: 1mm 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 2mm 0 0; }
dt { font-weight: bold; } dd { margin: 0; }
h2 { font-size: 11pt; margin: 3.5mm 0 1.5mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 0.8mm 1.2mm; text-align: left; vertical-align: top; }
th { border-bottom: 1.5px solid #1a1a1a; font-size: 9.5pt; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.minutes { text-align: right; font-variant-numeric: tabular-nums; }
tr.item td { border-bottom: 1px dotted #ddd; font-size: 8.5pt; color: #333; }
tr.item td.title { padding-left: 5mm; }
tr.cancelled .title { text-decoration: line-through; color: #888; }
.timeline { display: flex; height: 9mm; border: 1px solid #1a1a1a; margin-top: 2mm; }
.block { overflow: hidden; white-space: nowrap; font-size: 7.5pt; padding: 0.5mm 1mm;
         border-right: 1px solid #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.block.unscheduled { background: repeating-linear-gradient(45deg, #fff, #fff 2px, #ddd 2px, #ddd 4px); color: #555; }
.block.cancelled { text-decoration: line-through; opacity: 0.6; }
.scale { position: relative; height: 4mm; font-size: 8pt; color: #555; }
.scale span { position: absolute; transform: translateX(-50%); }
.scale span:first-child { transform: none; } .scale span:last-child { transform: translateX(-100%); }
ul.people { columns: 2; margin: 0; padding-left: 5mm; font-size: 8.5pt; }
.forum + .forum { page-break-before: always; }
@media print { body { padding: 0; max-width: none; } }
"""


def _cell(text: str | None) -> str:
    return escape(text or "").replace("\n", "<br>")


def _lines(lines: list[str]) -> str:
    return "<br>".join(escape(line) for line in lines)


def forum_section(plan: Plan, language: str | None = None) -> str:
    labels = labels_for(language or plan.language)
    parts = ['<section class="forum">', _header(plan, labels)]
    if plan.forum.description:
        parts.append(f'<p class="description">{_cell(plan.forum.description)}</p>')
    parts += [f"<h2>{escape(labels.programme_heading)}</h2>", _programme(plan, labels),
              f"<h2>{escape(labels.timeline_heading)}</h2>", _timeline(plan, labels)]
    people = _people(plan, labels)
    if people:
        parts.append(f"<h2>{escape(labels.people_list_heading)}</h2>")
        parts.append('<ul class="people">' + "".join(f"<li>{escape(p)}</li>" for p in people) + "</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def _header(plan: Plan, labels: Labels) -> str:
    forum = plan.forum
    out = ["<header>"]
    if forum.series:
        number = f" · {labels.series_number.format(n=forum.series.number)}" if forum.series.number else ""
        out.append(f'<p class="series">{escape(forum.series.title)}{escape(number)}</p>')
    out.append(f"<h1>{escape(forum.title)}</h1>")
    if forum.theme:
        out.append(f'<p class="theme">{escape(forum.theme)}</p>')
    details = [(labels.date_label, forum_when(plan, labels))]
    if forum.venue:
        details.append((labels.venue, forum.venue))
    if forum.organizer:
        details.append((labels.organizer, forum.organizer))
    details += [(labels.roles[role.role], person_text(role.person, labels)) for role in plan.hosts]
    out.append("<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in details) + "</dl>")
    out.append("</header>")
    return "\n".join(out)


def _programme(plan: Plan, labels: Labels) -> str:
    headings = (labels.time_heading, labels.minutes_heading, labels.segment_heading,
                labels.people_heading, labels.notes_heading)
    out = ["<table><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in headings) + "</tr></thead><tbody>"]
    out += [_row(row, labels) for row in programme_rows(plan, labels)]
    out.append("</tbody></table>")
    return "\n".join(out)


def _row(row: Row, labels: Labels) -> str:
    if row.depth:
        css, title = "item", f"· {escape(row.title)}"
    else:
        cancelled = row.state == "cancelled"
        css = "segment cancelled" if cancelled else "segment"
        title = f"<strong>{escape(row.title)}{f' ({escape(labels.cancelled)})' if cancelled else ''}</strong>"
    return (f'<tr class="{css}"><td class="time">{escape(row.when)}</td>'
            f'<td class="minutes">{"" if row.minutes is None else row.minutes}</td>'
            f'<td class="title">{title}</td>'
            f"<td>{_lines(people_lines(row.people, labels))}</td><td>{_cell(row.note)}</td></tr>")


def _timeline(plan: Plan, labels: Labels) -> str:
    out = ['<div class="timeline">']
    for block in timeline_blocks(plan):
        share = 100 * block.minutes / plan.window_minutes
        name = labels.unscheduled_block if block.kind == "unscheduled" else labels.title(block.title, block.kind)
        tip = f"{name} · {labels.minutes(block.minutes)}"
        if block.kind == "unscheduled":
            out.append(f'<div class="block unscheduled" style="width:{share:.4f}%" title="{escape(tip)}">'
                       f"{escape(tip)}</div>")
        else:
            css = "block cancelled" if block.cancelled else "block"
            out.append(f'<div class="{css}" style="width:{share:.4f}%;background:{KINDS[block.kind].paper}" '
                       f'title="{escape(tip)}">{escape(name)}</div>')
    out.append("</div>")
    out.append('<div class="scale">' + "".join(
        f'<span style="left:{100 * offset / plan.window_minutes:.4f}%">{clock:%H:%M}</span>'
        for offset, clock in hour_marks(plan)) + "</div>")
    return "\n".join(out)


def _people(plan: Plan, labels: Labels) -> list[str]:
    """Everyone who takes part, once each, in order of first appearance."""
    seen: dict[str, None] = {}
    roles = list(plan.hosts)
    for seg in plan.segments:
        roles += seg.people
        for item in seg.items:
            roles += item.people
    for role in roles:
        seen.setdefault(person_text(role.person, labels))
    return list(seen)


def html_page(plans: list[Plan], language: str | None = None) -> str:
    title = " · ".join(p.forum.title for p in plans)
    body = "\n".join(forum_section(p, language) for p in plans)
    language = language or plans[0].language
    return (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def html_bytes(plans: list[Plan], language: str | None = None) -> bytes:
    return html_page(plans, language).encode("utf-8")
