"""The plan as Markdown: a heading, the details, and a GitHub-flavoured table."""

import re

from agenda.messages.labels import Labels, labels_for
from agenda.render.inert import shown
from agenda.core.planner import Plan
from agenda.render.people import credits, people_lines
from agenda.render.programme_rows import Row, forum_when, heading_text, programme_rows, tables

_MARKUP = re.compile(r"([\\`*_\[\]<>|~]|&(?=#?[0-9A-Za-z]+;))")


def escape(text: str | None) -> str:
    """Inert in a Markdown table cell: controls and bidi overrides as visible escapes, markup (and the `&` of an
    entity, which could spell any character, a bidi override too) escaped, line breaks as <br>.

    Every Markdown output (plan, diff, report, the notices' index) writes text from the file through here.
    """
    if not text:
        return ""
    text = _MARKUP.sub(r"\\\1", shown(text))
    return re.sub(r"\r\n|\r|\n", "<br>", text)


def lone_tilde(block: str) -> str:
    """One block (a paragraph, a heading, a list item's text) with a single tilde gets it back bare.

    Strikethrough needs a pair of tildes within one block (GFM takes `~a~` as well as `~~a~~`), so a
    lone `11:15~11:35` is safe as it is, and reads the same in a viewer and as plain text; a block
    with two or more keeps every tilde escaped, since any two could pair.
    """
    return block.replace("\\~", "~") if block.count("~") == 1 else block


_LIST_NUMBER = re.compile(r"\d{1,9}(?=[.)])")


def escape_block(text: str) -> str:
    """Free text as plain paragraphs: no line may start a heading, list, table, quote, code or HTML block;
    also one line of text where a block could start (a list item's first words).

    Blank lines part paragraphs and other line breaks stay line breaks.
    """
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join("  \n".join(_inert_line(line) for line in p.splitlines()) for p in paragraphs)


def _inert_line(line: str) -> str:
    """Inline markup escaped as in a cell; no indentation (code); a leading #, -, +, = or `1.` escaped."""
    line = _MARKUP.sub(r"\\\1", shown(line.strip()))
    number = _LIST_NUMBER.match(line)
    if number:
        return line[:number.end()] + "\\" + line[number.end():]
    return "\\" + line if line[:1] in ("#", "-", "+", "=") else line


def plan_markdown(plan: Plan, language: str | None = None) -> str:
    labels = labels_for(language or plan.language)
    forum = plan.forum
    lines = [f"# {escape(forum.title)}", ""]
    if forum.theme:
        lines += [f"**{labels.theme}:** {escape(forum.theme)}  "]
    if forum.series:
        number = f" ({labels.series_number.format(n=forum.series.number)})" if forum.series.number else ""
        lines += [f"**{labels.series}:** {escape(forum.series.title)}{number}  "]
    lines += [f"**{labels.date_label}:** {forum_when(plan, labels)}  "]
    if forum.venue:
        lines += [f"**{labels.venue}:** {escape(forum.venue)}  "]
    for role, names in credits(plan, labels):
        lines += [f"**{role}:** {escape(names)}  "]
    for host in people_lines(plan.hosts, labels):
        lines += [f"{escape(host)}  "]
    if forum.description:
        lines += ["", escape_block(forum.description)]
    lines += ["", f"## {labels.programme_heading}", ""]
    head = [f"| {labels.time_heading} | {labels.minutes_heading} | {labels.segment_heading} "
            f"| {labels.people_heading} | {labels.notes_heading} |",
            "|---|---:|---|---|---|"]
    for n, table in enumerate(tables(list(programme_rows(plan, labels)))):
        if table[0].track is not None:  # a room of a parallel block: its own sub-table under its name
            lines += ["", f"### {escape(heading_text(table[0], labels))}", ""] + head
            table = table[1:]
        elif n:
            lines += [""] + head
        else:
            lines += head
        lines += [_row(row, labels) for row in table]
    lines += ["", labels.total(plan.scheduled_minutes, plan.window_minutes,
                               plan.slack_minutes, plan.overrun_minutes), ""]
    return "\n".join(lines)


def _title(row: Row, labels: Labels) -> str:
    title = escape(row.title)
    if row.depth:
        return f"· {title}"
    if row.state == "cancelled":
        title = f"~~{title}~~ ({labels.cancelled})"
    return f"**{title}**"


def _row(row: Row, labels: Labels) -> str:
    cells = [row.when, "" if row.minutes is None else str(row.minutes), _title(row, labels),
             "<br>".join(escape(p) for p in people_lines(row.people, labels)), escape(row.note)]
    return "| " + " | ".join(cells) + " |"
