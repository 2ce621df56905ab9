"""The programme as CSV for spreadsheets: one row per segment and per item of it.

An item without a duration has no time of its own: its row follows its
segment's, with the segment's date and id, and no start, end or minutes
(the 국민의례, 축사, 인사말 of an opening; the nine speakers of a panel
written as items). A segment's `speakers` are its people, in its own row's
`people` cell, as the printed programme shows them; section headings take
no time and have no row.

UTF-8 with a BOM so Excel reads Korean correctly; any text cell that a
spreadsheet would take for a formula is neutralized with a leading quote.
The short `date`/`start`/`end` columns are for people; `start_iso` and
`end_iso` (ISO 8601 with the UTC offset) are for programs, and stay
unambiguous for a row that ends on a later day or falls in a repeated hour.
"""

import csv
import io
import unicodedata
from collections.abc import Iterator
from datetime import datetime

from agenda.messages.labels import labels_for
from agenda.core.planner import Plan
from agenda.render.people import people_lines
from agenda.render.programme_rows import programme_rows

HEADER = ["date", "start", "end", "minutes", "kind", "title", "people", "notes", "forum", "segment",
          "start_iso", "end_iso", "status"]  # added last, so readers that count columns keep working
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(text: str) -> str:
    """Defuse spreadsheet formula injection (OWASP): a leading quote makes the cell plain text.

    Spreadsheets also read a full-width ＝ ＋ － ＠ as the ASCII sign, and skip
    invisible format characters (a zero-width space, a BOM) and spaces
    before it, so the first visible character is judged in its NFKC form.
    """
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    visible = next((ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf"), "")
    return "'" + text if unicodedata.normalize("NFKC", visible).startswith(_FORMULA_STARTS) else text


def rows(plan: Plan, language: str | None = None, rooms: bool = False) -> Iterator[list[str]]:
    """`rooms`: a `room` column last (the room's name), which only files with forum.rooms get."""
    labels = labels_for(language or plan.language)
    day = ""  # the date of the segment whose items follow
    for row in programme_rows(plan, labels, sections=False):
        moment = row.start or row.end
        if moment is not None:
            day = moment.date().isoformat()
        elif row.depth == 0:
            continue  # a segment always has an end at least; one without would have no date
        cells = [day, f"{row.start:%H:%M}" if row.start else "",
                 f"{row.end:%H:%M}" if row.end else "", "" if row.minutes is None else str(row.minutes)]
        text = [row.kind, row.title, "; ".join(people_lines(row.people, labels)), row.note or "",
                plan.forum_id, row.segment_id]
        status = "cancelled" if row.state == "cancelled" else "confirmed"  # as the .ics STATUS says it
        room = [neutralize(row.room or "")] if rooms else []
        yield cells + [neutralize(cell) for cell in text] + [_iso(row.start), _iso(row.end), status] + room


def _iso(moment: datetime | None) -> str:
    return "" if moment is None else moment.isoformat()


def csv_bytes(plans: list[Plan], language: str | None = None) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    rooms = any(plan.rooms for plan in plans)
    writer.writerow(HEADER + (["room"] if rooms else []))
    for plan in plans:
        writer.writerows(rows(plan, language, rooms))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
