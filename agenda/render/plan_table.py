"""The plan as a Rich table in the terminal, read like a printed programme."""

from rich.console import Group
from rich.table import Table
from rich.text import Text

from agenda.i18n import Labels, labels_for
from agenda.planner import Plan
from agenda.render.people import people_lines
from agenda.render.programme_rows import Row, programme_rows


def plan_table(plan: Plan, language: str | None = None) -> Group:
    labels = labels_for(language or plan.language)
    table = Table(title=_heading(plan, labels), show_lines=False, expand=False, title_justify="left")
    table.add_column(labels.time_heading, no_wrap=True)
    table.add_column(labels.minutes_heading, justify="right", no_wrap=True)
    table.add_column(labels.segment_heading, overflow="fold")
    table.add_column(labels.people_heading, overflow="fold")
    table.add_column(labels.notes_heading, overflow="fold", max_width=18)
    for row in programme_rows(plan, labels):
        table.add_row(row.when, "" if row.minutes is None else str(row.minutes), _title(row, labels),
                      "\n".join(people_lines(row.people, labels)), row.note or "")
    total = labels.total(plan.scheduled_minutes, plan.window_minutes, plan.slack_minutes, plan.overrun_minutes)
    style = "red" if plan.overrun_minutes else "yellow" if plan.slack_minutes else "green"
    parts: list[Table | Text] = [table, Text(total, style=style)]
    hosts = people_lines(plan.hosts, labels)
    if hosts:
        parts.insert(1, Text(" · ".join(hosts)))
    return Group(*parts)


def _heading(plan: Plan, labels: Labels) -> Text:
    forum = plan.forum
    heading = Text(forum.title, style="bold")
    if forum.theme:
        heading.append(f"\n{forum.theme}", style="italic")
    details = [labels.when(plan.local(plan.window_start), plan.local(plan.window_end))]
    if forum.venue:
        details.append(forum.venue)
    heading.append("\n" + " · ".join(details), style="none")
    return heading


def _title(row: Row, labels: Labels) -> Text:
    if row.depth:
        return Text(f"  · {row.title}")
    if row.state == "cancelled":
        title = Text(row.title, style="strike dim")
        title.append(f" ({labels.cancelled})", style="dim")
        return title
    return Text(row.title, style="bold")
