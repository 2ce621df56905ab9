"""The 자료집 (booklet): a cover, the programme, a 차례 of presentations and discussants, then their papers.

`forum.materials` names a PDF for a part (a segment id, or `SEGMENT:ITEM` as
the day names parts); those PDFs are appended in the programme's order with
pypdf, and the 차례 gives the page each starts on. That page is known only
once the booklet's own pages are counted, so the front is printed twice:
once to count its pages, then with the numbers (and again, should the
numbers have changed its length). Every material is found and read before
anything is printed: a missing or unreadable file is said at once, in the
reader's language, and nothing is written.
"""

import io
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path

from agenda.core.errors import UsageError
from agenda.core.model import Person
from agenda.core.parts import item_id
from agenda.core.planner import Plan, TimedItem, TimedSegment
from agenda.export.html_page import STYLE as PROGRAMME_STYLE, forum_section, title_lines
from agenda.export.paper_style import page
from agenda.messages.labels import Labels, labels_for
from agenda.messages.paper_words import paper_words
from agenda.render.people import person_detail

_PRESENTING = ("presentation", "keynote")


@dataclass(frozen=True)
class Entry:
    """One line of the 차례: a part, its people, and the page its paper starts on."""

    part: str  # the part's name, as `forum.materials` and the day name it
    group: str  # presentation or discussion
    title: str
    people: tuple[Person, ...]


def part_names(plan: Plan) -> dict[str, tuple[TimedSegment, TimedItem | None]]:
    """Every part a material may name: each segment, each item (`panel:2`), each `each` turn (`panel:2`, `panel:kim`)."""
    names: dict[str, tuple[TimedSegment, TimedItem | None]] = {}
    for seg in plan.segments:
        names[seg.id] = (seg, None)
        for item in seg.items:
            names[f"{seg.id}:{item_id(item)}"] = (seg, item)
        if not seg.items and seg.segment.each is not None:
            for n, role in enumerate(r for r in seg.people if r.role == "speaker"):
                names[f"{seg.id}:{n + 1}"] = (seg, None)
                if role.ref:
                    names[f"{seg.id}:{role.ref}"] = (seg, None)
    return names


def contents(plan: Plan, labels: Labels) -> list[Entry]:
    """Presentations and discussants in the programme's order, then any other part a material names."""
    entries: list[Entry] = []
    for seg in plan.segments:
        if seg.cancelled or seg.kind not in (*_PRESENTING, "panel"):
            continue
        group = "presentation" if seg.kind in _PRESENTING else "discussion"
        title = labels.title(seg.title, seg.kind)
        timed = [item for item in seg.items if item.people]
        if timed:
            entries += [Entry(f"{seg.id}:{item_id(item)}", group, item.item.title,
                              tuple(role.person for role in item.people)) for item in timed]
            continue
        speakers = [role for role in seg.people if role.role == "speaker"]
        if seg.kind == "panel" and seg.segment.each is not None and len(speakers) > 1:
            entries += [Entry(f"{seg.id}:{n + 1}", group, title, (role.person,)) for n, role in enumerate(speakers)]
        else:
            entries.append(Entry(seg.id, group, title, tuple(role.person for role in speakers)))
    listed = {entry.part for entry in entries}
    named = part_names(plan)
    for part in plan.forum.materials:
        if part not in listed and part in named:
            seg, item = named[part]
            title = item.item.title if item else labels.title(seg.title, seg.kind)
            people = item.people if item else seg.people
            entries.append(Entry(part, "other", title, tuple(role.person for role in people)))
    return entries


def materials(plan: Plan, base: Path) -> dict[str, bytes]:
    """Each material's bytes by part name, read and checked before any printing."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    named = part_names(plan)
    found: dict[str, bytes] = {}
    for part, written in plan.forum.materials.items():
        if part not in named:
            segment = part.partition(":")[0]  # the same segment's parts first: panel:9 → panel:1, panel:2 …
            choices = sorted(named, key=lambda name: name.partition(":")[0] != segment)
            raise UsageError("material-unknown-part", part=part, choices=tuple(choices))
        path = base / written
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise UsageError("material-missing", part=part, path=str(path)) from None
        except OSError as error:
            raise UsageError("material-unreadable", part=part, path=str(path),
                             error=error.strerror or str(error)) from None
        try:
            PdfReader(io.BytesIO(data)).pages[0]
        except (PyPdfError, ValueError, IndexError, KeyError, OSError) as error:
            raise UsageError("material-unreadable", part=part, path=str(path), error=str(error) or "PDF") from None
        found[part] = data
    return found


STYLE = """
@page { size: A4; margin: 12mm; }
.cover { height: 270mm; display: flex; flex-direction: column; justify-content: center; text-align: center;
         break-after: page; }
.cover .series { font-size: 14pt; color: #555; margin: 0 0 6mm; }
.cover h1 { font-size: 26pt; margin: 0 0 6mm; }
.cover .theme { font-size: 16pt; margin: 0 0 16mm; }
.cover dl { display: grid; grid-template-columns: max-content max-content; justify-content: center;
            gap: 2mm 6mm; font-size: 13pt; text-align: left; }
.programme { break-after: page; }
.contents h2 { font-size: 16pt; border-bottom: 2px solid #1a1a1a; padding-bottom: 1mm; }
.contents h3 { font-size: 12pt; margin: 5mm 0 1mm; }
.contents ol { list-style: none; margin: 0; padding: 0; }
.contents li { display: flex; gap: 3mm; font-size: 11pt; padding: 1.5mm 0; border-bottom: 1px dotted #bbb; }
.contents .what { flex: 1; } .contents .who { display: block; color: #444; font-size: 10pt; }
.contents .page { font-variant-numeric: tabular-nums; min-width: 10mm; text-align: right; }
"""


def _cover(plan: Plan, labels: Labels) -> str:
    return "\n".join(['<section class="cover">', *title_lines(plan, labels, with_hosts=False), "</section>"])


def _contents(entries: list[Entry], starts: dict[str, int], labels: Labels) -> str:
    words = paper_words(labels.language)
    out = ['<section class="contents">', f"<h2>{escape(words.contents)}</h2>"]
    for group in ("presentation", "discussion", "other"):
        rows = [entry for entry in entries if entry.group == group]
        if not rows:
            continue
        out.append(f"<h3>{escape(words.groups[group])}</h3><ol>")
        for entry in rows:
            who = " · ".join(" ".join(p for p in (person.name, person_detail(person, labels)) if p)
                             for person in entry.people)
            number = starts.get(entry.part)
            out.append(f'<li><span class="what">{escape(entry.title)}'
                       + (f'<span class="who">{escape(who)}</span>' if who else "")
                       + f'</span><span class="page">{"" if number is None else number}</span></li>')
        out.append("</ol>")
    return "\n".join(out + ["</section>"])


def booklet_html(plan: Plan, starts: dict[str, int], language: str | None = None) -> str:
    language = language or plan.language
    labels = labels_for(language)
    body = "\n".join([_cover(plan, labels), f'<div class="programme">{forum_section(plan, language)}</div>',
                      _contents(contents(plan, labels), starts, labels)])
    return page(language, plan.forum.title, PROGRAMME_STYLE + STYLE, body)


def booklet_pdf(plan: Plan, base: Path, when: datetime, language: str | None = None) -> bytes:
    """The booklet's bytes: the front printed by Chromium, the materials appended after it."""
    from pypdf import PdfReader, PdfWriter

    from agenda.export.pdf import print_html

    papers = materials(plan, base)
    counts = {part: len(PdfReader(io.BytesIO(data)).pages) for part, data in papers.items()}
    order = [entry.part for entry in contents(plan, labels_for(language or plan.language)) if entry.part in papers]
    starts = {part: 100 for part in order}  # as wide as a real number will be, for the first count
    front = print_html(booklet_html(plan, starts, language), when)
    for _ in range(3):
        length = len(PdfReader(io.BytesIO(front)).pages)
        numbered, at = {}, length + 1
        for part in order:
            numbered[part], at = at, at + counts[part]
        if numbered == starts:
            break
        starts = numbered
        front = print_html(booklet_html(plan, starts, language), when)
    if not papers:
        return front
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front)))
    for part in order:
        writer.append(PdfReader(io.BytesIO(papers[part])))
    stamp = f"D:{when:%Y%m%d%H%M%S}+00'00'"
    writer.add_metadata({"/CreationDate": stamp, "/ModDate": stamp, "/Title": plan.forum.title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
