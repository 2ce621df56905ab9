"""The programme as plain text: the calendar DESCRIPTION, and anywhere markup would be noise."""

from agenda.messages.labels import Labels, labels_for
from agenda.core.planner import Plan, Section, TimedSegment
from agenda.render.people import credit_lines, people_lines
from agenda.render.programme_rows import Row, forum_when, heading_text, section_row, segment_rows, track_rows


def segment_text(plan: Plan, seg: TimedSegment, labels: Labels) -> list[str]:
    """A segment's people, note and items, one per line (the segment's own line left to the caller)."""
    head, *items = segment_rows(plan, seg, labels)
    lines = people_lines(head.people, labels)
    if head.note:
        lines.append(head.note)
    lines += [_item_line(row, labels) for row in items]
    return lines


def _item_line(row: Row, labels: Labels) -> str:
    head = " ".join(part for part in ("·", row.when, row.title) if part)
    people = people_lines(row.people, labels)
    return head + (f" — {', '.join(people)}" if people else "")


def _segment_lines(plan: Plan, seg: TimedSegment, labels: Labels) -> list[str]:
    head = next(segment_rows(plan, seg, labels))
    cancelled = f" ({labels.cancelled})" if head.state == "cancelled" else ""
    return [f"{head.when} {head.title}{cancelled}", *(f"  {line}" for line in segment_text(plan, seg, labels))]


def plan_text(plan: Plan, language: str | None = None) -> str:
    labels = labels_for(language or plan.language)
    forum = plan.forum
    lines = []
    if forum.theme:
        lines.append(forum.theme)
    lines.append(forum_when(plan, labels))
    if forum.venue:
        lines.append(forum.venue)
    lines.extend(credit_lines(plan, labels))
    lines.extend(people_lines(plan.hosts, labels))
    lines.append("")
    for seg in plan.program:
        if isinstance(seg, Section):
            lines.append(f"■ {heading_text(section_row(seg, labels, plan), labels)}")
            continue
        lines.extend(_segment_lines(plan, seg, labels))
        for track in seg.tracks:  # each room under its name, indented under the block
            lines.append(f"  ▸ {heading_text(next(track_rows(plan, track, labels)), labels)}")
            lines.extend(f"    {line}" for entry in track.program if not isinstance(entry, Section)
                         for line in _segment_lines(plan, entry, labels))
    if forum.description:
        lines += ["", forum.description]
    if forum.url:
        lines += ["", forum.url]
    return "\n".join(lines)
