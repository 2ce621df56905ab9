"""A printed forum programme as one self-contained HTML page (inline CSS, no network, one A4 page).

Every text from the file goes through `html.escape`; nothing from the file
is ever markup. A Korean word never breaks (`word-break: keep-all`; a token
longer than its cell may still wrap, as a last resort, rather than spill);
the timeline is printed_timeline's.
"""

from html import escape

from agenda.export.printed_timeline import timeline_html
from agenda.i18n import labels_for
from agenda.planner import Plan, Role, Section, TimedSegment
from agenda.render.people import credits, people_lines, person_text

COLOURS = {
    "registration": "#b0bec5", "opening": "#90caf9", "remarks": "#80deea", "transition": "#cfd8dc",
    "presentation": "#ce93d8", "keynote": "#f48fb1", "panel": "#a5d6a7", "qa": "#ffe082", "break": "#e0e0e0",
    "closing": "#9fa8da", "other": "#f5f5f5",
}

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
.scale span { position: absolute; top: 0; transform: translateX(-50%); font-variant-numeric: tabular-nums; }
.scale span.first { transform: none; } .scale span.last { transform: translateX(-100%); }
ul.legend { list-style: none; margin: 1mm 0 0; padding: 0; font-size: 8pt; display: flex; flex-wrap: wrap;
            gap: 0.5mm 4mm; }
.key { display: inline-block; min-width: 4mm; padding: 0 0.8mm; margin-right: 1mm; text-align: center;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.legend .cancelled .name { text-decoration: line-through; }
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
    notes = any(seg.segment.note or any(item.item.note for item in seg.items) for seg in plan.segments)
    headings = [labels.time_heading, labels.minutes_heading, labels.segment_heading, labels.people_heading]
    headings += [labels.notes_heading] if notes else []
    columns = ("time", "minutes", "title", "people", "notes")[:len(headings)]
    out.append(f'<table class="{"with-notes" if notes else "no-notes"}"><colgroup>'
               + "".join(f'<col class="{name}">' for name in columns) + "</colgroup><thead><tr>"
               + "".join(f"<th>{escape(h)}</th>" for h in headings) + "</tr></thead><tbody>")

    def note_cell(note: str | None) -> str:
        return f"<td>{_cell(note)}</td>" if notes else ""

    for seg in plan.program:
        if isinstance(seg, Section):
            out.append(f'<tr class="section"><th colspan="{len(headings)}" scope="colgroup">'
                       f"{escape(seg.title)}</th></tr>")
            continue
        css = "segment cancelled" if seg.cancelled else "segment"
        title = escape(seg.title) + (f" ({escape(labels.cancelled)})" if seg.cancelled else "")
        out.append(f'<tr class="{css}"><td class="time">{escape(labels.time_range(seg.start, seg.end))}</td>'
                   f'<td class="minutes">{"" if seg.minutes is None else seg.minutes}</td>'
                   f'<td class="title"><strong>{title}</strong></td>'
                   f"<td>{_lines(people_lines(_printed_people(seg), labels))}</td>{note_cell(seg.segment.note)}</tr>")
        for item in seg.items:
            when = labels.time_range(item.start, item.end)
            out.append(f'<tr class="item"><td class="time">{escape(when)}</td>'
                       f'<td class="minutes">{"" if item.minutes is None else item.minutes}</td>'
                       f'<td class="title">· {escape(item.item.title)}</td>'
                       f"<td>{_lines(people_lines(item.people, labels))}</td>{note_cell(item.item.note)}</tr>")
    out.append("</tbody></table>")
    out.append(timeline_html(plan, labels, COLOURS))
    people = _people(plan, labels)
    if people:
        out.append(f"<h2>{escape(labels.people_list_heading)}</h2>")
        out.append('<ul class="people">' + "".join(f"<li>{escape(p)}</li>" for p in people) + "</ul>")
    out.append("</section>")
    return "\n".join(out)


def _printed_people(seg: TimedSegment) -> list[Role]:
    """The chair first (좌장, then 사회), then the speakers not already named under an item of their own."""
    under_items = {_who(role) for item in seg.items for role in item.people}
    chairs = [role for role in seg.people if role.role != "speaker"]
    return chairs + [role for role in seg.people if role.role == "speaker" and _who(role) not in under_items]


def _who(role: Role) -> str:
    return role.ref if role.ref is not None else role.person.name


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
    body = "<main>\n" + "\n".join(forum_section(p) for p in plans) + "\n</main>"
    return (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def html_bytes(plans: list[Plan]) -> bytes:
    return html_page(plans).encode("utf-8")
