"""The programme as CSV for spreadsheets: one row per segment and per timed item.

UTF-8 with a BOM so Excel reads Korean correctly; any text cell that a
spreadsheet would take for a formula is neutralized with a leading quote.
"""

import csv
import io

from agenda.i18n import labels_for
from agenda.planner import Plan
from agenda.render.people import people_lines

HEADER = ["date", "start", "end", "minutes", "kind", "title", "people", "notes", "forum", "segment"]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(text: str) -> str:
    """Defuse spreadsheet formula injection (OWASP): a leading quote makes the cell plain text."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def rows(plan: Plan, language: str | None = None):
    labels = labels_for(language or plan.language)

    def row(start, end, minutes, kind, title, people, note, segment_id):
        day = (start or end).date().isoformat()
        cells = [day, f"{start:%H:%M}" if start else "", f"{end:%H:%M}" if end else "",
                 "" if minutes is None else str(minutes)]
        text = [kind, title, "; ".join(people_lines(people, labels)), note or "", plan.forum_id, segment_id]
        return cells + [neutralize(cell) for cell in text]

    for seg in plan.segments:
        yield row(seg.start, seg.end, seg.minutes, seg.kind, labels.title(seg.title, seg.kind), seg.people,
                  seg.segment.note, seg.id)
        for item in seg.items:
            if item.start is not None:
                yield row(item.start, item.end, item.minutes, "item", item.item.title, item.people,
                          item.item.note, seg.id)


def csv_bytes(plans: list[Plan], language: str | None = None) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for plan in plans:
        writer.writerows(rows(plan, language))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
