"""Name plates (명패): one A4 landscape page a person, folded in half into a tent that stands on the table.

Everyone who takes part (the forum's MC and 좌장, then the programme's people in
order of first appearance) and every guest (내빈, in the file's order) gets one
plate, once. The face is printed twice, the upper one upside down, so that
after folding along the middle both sides read upright. The name is sized to
fit its half on one line (a Korean name is never broken), estimated as the
printed timeline does, since the page is made without a browser to measure it.
"""

from datetime import datetime
from html import escape

from agenda.core.model import Person
from agenda.core.planner import Plan, Role
from agenda.export.paper_style import page
from agenda.messages.labels import labels_for
from agenda.messages.paper_words import paper_words
from agenda.render.people import person_detail

_WIDTH_MM = 250.0  # of the 277 mm between the margins, kept clear of the edges
_PT_MM = 0.3528
_LARGEST_PT, _SMALLEST_PT = 110.0, 28.0

STYLE = """
@page { size: A4 landscape; margin: 0; }
.plate { width: 297mm; height: 210mm; display: flex; flex-direction: column; break-after: page;
         overflow: hidden; }
.plate:last-child { break-after: auto; }
.face { height: 105mm; display: flex; flex-direction: column; align-items: center; justify-content: center;
        text-align: center; padding: 0 12mm; }
.face.upside-down { transform: rotate(180deg); border-bottom: 0.3mm dashed #bbb; }
.name { font-weight: bold; white-space: nowrap; line-height: 1.1; letter-spacing: 0.05em; }
.detail { font-size: 22pt; margin-top: 4mm; color: #333; max-width: 260mm; }
.for-screen-readers { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
                      white-space: nowrap; }
"""


def plate_people(plan: Plan) -> list[Person]:
    """Everyone on a plate, once each: the forum's hosts, the programme's people, then the guests."""
    roles: list[Role] = list(plan.hosts)
    for seg in plan.segments:
        if seg.cancelled:  # nobody sits at the table for a part that is not held
            continue
        roles += seg.people
        for item in seg.items:
            roles += item.people
    roles += plan.guests
    by_name = {person.name: key for key, person in plan.document.people.items()}
    seen: dict[str, Person] = {}
    for role in roles:  # an inline person with a roster person's name is that person, as in notices
        key = role.ref or by_name.get(role.person.name) or f"\0{role.person.name}"
        seen.setdefault(key, plan.document.people.get(key, role.person))
    return list(seen.values())


def _name_pt(name: str) -> float:
    ems = sum(1.0 if ord(ch) >= 0x1100 else 0.62 for ch in name) + 0.05 * len(name)
    fitting = _WIDTH_MM / (max(ems, 1.0) * _PT_MM)
    return round(max(_SMALLEST_PT, min(_LARGEST_PT, fitting)), 1)


def _face(person: Person, detail: str, css: str) -> str:
    shown = f'<div class="detail">{escape(detail)}</div>' if detail else ""
    return (f'<div class="face{css}"><div class="name" style="font-size:{_name_pt(person.name)}pt">'
            f"{escape(person.name)}</div>{shown}</div>")


def nameplates_html(plan: Plan, language: str | None = None) -> str:
    language = language or plan.language
    labels = labels_for(language)
    plates = []
    for person in plate_people(plan):
        detail = person_detail(person, labels)
        plates.append(f'<div class="plate">{_face(person, detail, " upside-down")}{_face(person, detail, "")}</div>')
    heading = f"{paper_words(language).nameplates} · {plan.forum.title}"
    return page(language, heading, STYLE, f'<main>\n<h1 class="for-screen-readers">{escape(heading)}</h1>\n'
                + "\n".join(plates) + "\n</main>")


def nameplates_pdf(plan: Plan, when: datetime, language: str | None = None) -> bytes:
    from agenda.export.pdf import print_html

    return print_html(nameplates_html(plan, language), when)
