"""The plan as a Rich table in the terminal, read like a printed programme."""

from rich.console import Group
from rich.table import Table
from rich.text import Text

from agenda.i18n import labels_for
from agenda.planner import Plan, Section
from agenda.render.people import people_lines


def plan_table(plan: Plan) -> Group:
    labels = labels_for(plan.language)
    forum = plan.forum
    heading = Text(forum.title, style="bold")
    if forum.theme:
        heading.append(f"\n{forum.theme}", style="italic")
    details = [labels.when(plan.window_start, plan.window_end)]
    if forum.venue:
        details.append(forum.venue)
    heading.append("\n" + " · ".join(details), style="none")
    table = Table(title=heading, show_lines=False, expand=False, title_justify="left")
    table.add_column(labels.time_heading, no_wrap=True)
    table.add_column(labels.minutes_heading, justify="right", no_wrap=True)
    table.add_column(labels.segment_heading, overflow="fold")
    table.add_column(labels.people_heading, overflow="fold")
    table.add_column(labels.notes_heading, overflow="fold", max_width=18)
    for seg in plan.program:
        if isinstance(seg, Section):
            table.add_row("", "", Text(seg.title, style="bold reverse"), "", "")
            continue
        style = "strike dim" if seg.cancelled else "bold"
        title = Text(seg.title, style=style)
        if seg.cancelled:
            title.append(f" ({labels.cancelled})", style="dim")
        table.add_row(labels.time_range(seg.start, seg.end), _minutes(seg.minutes), title,
                      "\n".join(people_lines(seg.people, labels)), seg.segment.note or "")
        for item in seg.items:
            when = labels.time_range(item.start, item.end)
            table.add_row(when, _minutes(item.minutes), Text(f"  · {item.item.title}"),
                          "\n".join(people_lines(item.people, labels)), item.item.note or "")
    total = labels.total(plan.scheduled_minutes, plan.window_minutes, plan.slack_minutes, plan.overrun_minutes)
    style = "red" if plan.overrun_minutes else "yellow" if plan.slack_minutes else "green"
    parts = [table, Text(total, style=style)]
    hosts = people_lines(plan.hosts, labels)
    if hosts:
        parts.insert(1, Text(" · ".join(hosts)))
    return Group(*parts)


def _minutes(minutes: int | None) -> str:
    return "" if minutes is None else str(minutes)
