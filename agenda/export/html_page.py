"""A printed forum programme as one self-contained HTML page (inline CSS, no network, one A4 page).

Every text from the file goes through `html.escape`; nothing from the file
is ever markup.
"""

from html import escape

from agenda.i18n import labels_for
from agenda.planner import Plan, Section
from agenda.render.people import credits, people_lines, person_text
from agenda.timeline import timeline_blocks

COLOURS = {
    "registration": "#b0bec5", "opening": "#90caf9", "remarks": "#80deea", "transition": "#cfd8dc",
    "presentation": "#ce93d8", "keynote": "#f48fb1", "panel": "#a5d6a7", "qa": "#ffe082", "break": "#e0e0e0",
    "closing": "#9fa8da", "other": "#f5f5f5",
}

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
tr.section th { border-bottom: 1.5px solid #1a1a1a; padding-top: 2.5mm; font-size: 10.5pt; }
tr.cancelled .title { text-decoration: line-through; color: #888; }
.timeline { display: flex; height: 9mm; border: 1px solid #1a1a1a; margin-top: 2mm; }
.block { overflow: hidden; white-space: nowrap; font-size: 7.5pt; padding: 0.5mm 1mm;
         border-right: 1px solid #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.block.unscheduled { background: repeating-linear-gradient(45deg, #fff, #fff 2px, #ddd 2px, #ddd 4px); color: #555; }
.block.cancelled { text-decoration: line-through; opacity: 0.6; }
.scale { display: flex; justify-content: space-between; font-size: 8pt; color: #555; }
.total { margin-top: 2mm; font-weight: bold; }
ul.people { columns: 2; margin: 0; padding-left: 5mm; font-size: 8.5pt; }
.forum + .forum { page-break-before: always; }
@media print { body { padding: 0; max-width: none; } }
"""


def _cell(text: str | None) -> str:
    return escape(text or "").replace("\n", "<br>")


def _lines(lines: list[str]) -> str:
    return "<br>".join(escape(line) for line in lines)


def forum_section(plan: Plan) -> str:
    labels = labels_for(plan.language)
    forum = plan.forum
    out = ['<section class="forum">', "<header>"]
    if forum.series:
        number = f" · {labels.series_number.format(n=forum.series.number)}" if forum.series.number else ""
        out.append(f'<p class="series">{escape(forum.series.title)}{escape(number)}</p>')
    out.append(f"<h1>{escape(forum.title)}</h1>")
    if forum.theme:
        out.append(f'<p class="theme">{escape(forum.theme)}</p>')
    details = [(labels.date_label, labels.when(plan.window_start, plan.window_end))]
    if forum.venue:
        details.append((labels.venue, forum.venue))
    details.extend(credits(plan, labels))
    for role in plan.hosts:
        details.append((labels.roles[role.role], person_text(role.person, labels)))
    out.append("<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in details) + "</dl>")
    out.append("</header>")
    if forum.description:
        out.append(f'<p class="description">{_cell(forum.description)}</p>')
    out.append(f"<h2>{escape(labels.programme_heading)}</h2>")
    out.append("<table><thead><tr>" + "".join(
        f"<th>{escape(h)}</th>" for h in (labels.time_heading, labels.minutes_heading, labels.segment_heading,
                                          labels.people_heading, labels.notes_heading)) + "</tr></thead><tbody>")
    for seg in plan.program:
        if isinstance(seg, Section):
            out.append(f'<tr class="section"><th colspan="5" scope="colgroup">{escape(seg.title)}</th></tr>')
            continue
        css = "segment cancelled" if seg.cancelled else "segment"
        title = escape(seg.title) + (f" ({escape(labels.cancelled)})" if seg.cancelled else "")
        out.append(f'<tr class="{css}"><td class="time">{escape(labels.time_range(seg.start, seg.end))}</td>'
                   f'<td class="minutes">{"" if seg.minutes is None else seg.minutes}</td>'
                   f'<td class="title"><strong>{title}</strong></td>'
                   f"<td>{_lines(people_lines(seg.people, labels))}</td><td>{_cell(seg.segment.note)}</td></tr>")
        for item in seg.items:
            when = labels.time_range(item.start, item.end)
            out.append(f'<tr class="item"><td class="time">{escape(when)}</td>'
                       f'<td class="minutes">{"" if item.minutes is None else item.minutes}</td>'
                       f'<td class="title">· {escape(item.item.title)}</td>'
                       f"<td>{_lines(people_lines(item.people, labels))}</td><td>{_cell(item.item.note)}</td></tr>")
    out.append("</tbody></table>")
    out.append(f"<h2>{escape(labels.timeline_heading)}</h2>")
    out.append('<div class="timeline">')
    for block in timeline_blocks(plan):
        share = 100 * block.minutes / plan.window_minutes
        name = block.title or labels.unscheduled_block
        tip = f"{name} · {labels.minutes(block.minutes)}"
        if block.kind == "unscheduled":
            out.append(f'<div class="block unscheduled" style="width:{share:.4f}%" title="{escape(tip)}">'
                       f"{escape(tip)}</div>")
        else:
            css = "block cancelled" if block.cancelled else "block"
            out.append(f'<div class="{css}" style="width:{share:.4f}%;background:{COLOURS[block.kind]}" '
                       f'title="{escape(tip)}">{escape(name)}</div>')
    out.append("</div>")
    out.append(f'<div class="scale"><span>{plan.window_start:%H:%M}</span><span>{plan.window_end:%H:%M}</span></div>')
    out.append(f'<p class="total">{escape(labels.total(plan.scheduled_minutes, plan.window_minutes, plan.slack_minutes, plan.overrun_minutes))}</p>')
    people = _people(plan, labels)
    if people:
        out.append(f"<h2>{escape(labels.people_list_heading)}</h2>")
        out.append('<ul class="people">' + "".join(f"<li>{escape(p)}</li>" for p in people) + "</ul>")
    out.append("</section>")
    return "\n".join(out)


def _people(plan: Plan, labels) -> list[str]:
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


def html_page(plans: list[Plan]) -> str:
    title = " · ".join(p.forum.title for p in plans)
    language = plans[0].language
    body = "\n".join(forum_section(p) for p in plans)
    return (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def html_bytes(plans: list[Plan]) -> bytes:
    return html_page(plans).encode("utf-8")
