"""The plan as Markdown: a heading, the details, and a GitHub-flavoured table."""

import re

from agenda.i18n import labels_for
from agenda.planner import Plan, Section
from agenda.render.people import credits, people_lines

_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str | None) -> str:
    """Inert in a Markdown table cell: markup escaped, line breaks as <br>."""
    if not text:
        return ""
    text = _MARKUP.sub(r"\\\1", text)
    return re.sub(r"\r\n|\r|\n", "<br>", text)


def plan_markdown(plan: Plan) -> str:
    labels = labels_for(plan.language)
    forum = plan.forum
    lines = [f"# {escape(forum.title)}", ""]
    if forum.theme:
        lines += [f"**{labels.theme}:** {escape(forum.theme)}  "]
    if forum.series:
        number = f" ({labels.series_number.format(n=forum.series.number)})" if forum.series.number else ""
        lines += [f"**{labels.series}:** {escape(forum.series.title)}{number}  "]
    lines += [f"**{labels.date_label}:** {labels.when(plan.window_start, plan.window_end)}  "]
    if forum.venue:
        lines += [f"**{labels.venue}:** {escape(forum.venue)}  "]
    for role, names in credits(plan, labels):
        lines += [f"**{role}:** {escape(names)}  "]
    for host in people_lines(plan.hosts, labels):
        lines += [f"{escape(host)}  "]
    if forum.description:
        lines += ["", escape(forum.description)]
    lines += ["", f"## {labels.programme_heading}", ""]
    lines += [f"| {labels.time_heading} | {labels.minutes_heading} | {labels.segment_heading} "
              f"| {labels.people_heading} | {labels.notes_heading} |",
              "|---|---:|---|---|---|"]
    for seg in plan.program:
        if isinstance(seg, Section):
            lines.append(_row("", None, f"**{escape(seg.title)}**", [], None))
            continue
        title = escape(seg.title)
        if seg.cancelled:
            title = f"~~{title}~~ ({labels.cancelled})"
        lines.append(_row(labels.time_range(seg.start, seg.end), seg.minutes, f"**{title}**",
                          people_lines(seg.people, labels), seg.segment.note))
        for item in seg.items:
            when = labels.time_range(item.start, item.end)
            lines.append(_row(when, item.minutes, f"· {escape(item.item.title)}",
                              people_lines(item.people, labels), item.item.note))
    lines += ["", labels.total(plan.scheduled_minutes, plan.window_minutes,
                               plan.slack_minutes, plan.overrun_minutes), ""]
    return "\n".join(lines)


def _row(when: str, minutes: int | None, title: str, people: list[str], note: str | None) -> str:
    cells = [when, "" if minutes is None else str(minutes), title,
             "<br>".join(escape(p) for p in people), escape(note)]
    return "| " + " | ".join(cells) + " |"
