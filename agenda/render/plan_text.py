"""The programme as plain text: the calendar DESCRIPTION, and anywhere markup would be noise."""

from agenda.i18n import labels_for
from agenda.planner import Plan, Section, TimedSegment
from agenda.render.people import credit_lines, people_lines


def segment_text(seg: TimedSegment, labels) -> list[str]:
    """A segment's people, note and items, one per line."""
    lines = list(people_lines(seg.people, labels))
    if seg.segment.note:
        lines.append(seg.segment.note)
    for item in seg.items:
        head = " ".join(part for part in ("·", labels.time_range(item.start, item.end), item.item.title) if part)
        people = people_lines(item.people, labels)
        lines.append(head + (f" — {', '.join(people)}" if people else ""))
    return lines


def plan_text(plan: Plan) -> str:
    labels = labels_for(plan.language)
    forum = plan.forum
    lines = []
    if forum.theme:
        lines.append(forum.theme)
    lines.append(labels.when(plan.window_start, plan.window_end))
    if forum.venue:
        lines.append(forum.venue)
    lines.extend(credit_lines(plan, labels))
    lines.extend(people_lines(plan.hosts, labels))
    lines.append("")
    for seg in plan.program:
        if isinstance(seg, Section):
            lines.append(f"■ {seg.title}")
            continue
        title = seg.title + (f" ({labels.cancelled})" if seg.cancelled else "")
        lines.append(f"{labels.time_range(seg.start, seg.end)} {title}")
        lines.extend(f"  {line}" for line in segment_text(seg, labels))
    if forum.description:
        lines += ["", forum.description]
    if forum.url:
        lines += ["", forum.url]
    return "\n".join(lines)
