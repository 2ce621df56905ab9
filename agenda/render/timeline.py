"""The to-scale timeline under the terminal table, for a terminal of any width.

A block shows as much of its name as fits in whole words (never "기조연"
for 기조연설); the legend beneath names every block in full. The scale
marks the forum's hours where they do not crowd each other.
"""

from rich.cells import cell_len
from rich.text import Text

from agenda.messages.labels import Labels, labels_for
from agenda.core.kinds import KINDS
from agenda.core.planner import Plan
from agenda.render.line_breaks import wrap_at_spaces
from agenda.core.timeline import Block, hour_marks, timeline_blocks


def _columns(blocks: list[Block], width: int, total: int) -> list[int]:
    """Whole columns per block, adding up to `width`, rounding by running total so errors never pile up."""
    columns: list[int] = []
    used, elapsed = 0, 0
    for block in blocks:
        elapsed += block.minutes
        target = round(elapsed * width / total)
        columns.append(max(0, target - used))
        used = target
    return columns


def timeline_bar(plan: Plan, width: int, language: str | None = None) -> Text:
    """The window to scale; a forum of several days, a bar per day under its heading."""
    if plan.has_days:
        labels = labels_for(language or plan.language)
        text = Text()
        for n, day in enumerate(plan.days):
            text.append(("\n" if n else "") + labels.day_heading(day.number, day.date, None) + "\n", style="bold")
            text.append_text(timeline_bar(plan.day_view(day), width, language))
        return text
    labels = labels_for(language or plan.language)
    blocks = timeline_blocks(plan)
    bar_width = max(10, width)
    text = Text()
    for block, cols in zip(blocks, _columns(blocks, bar_width, plan.window_minutes)):
        if not cols:
            continue
        if block.kind == "unscheduled":
            text.append(("░" * cols), style="dim")
            continue
        words = wrap_at_spaces(_name(block, labels), cols - 1)[0] if cols > 1 else ""
        label = words if cell_len(words) <= cols - 1 else ""
        cell = Text(" " + label)
        cell.truncate(cols, overflow="crop", pad=True)
        cell.stylize(f"black on {KINDS[block.kind].terminal}" + (" strike" if block.cancelled else ""))
        text.append_text(cell)
    text.append("\n")
    text.append(scale_line(plan, bar_width) + "\n")
    legend = [f"{_name(b, labels)} {labels.minutes(b.minutes)}" for b in blocks]
    text.append(" · ".join(legend), style="dim")
    return text


def scale_line(plan: Plan, width: int) -> str:
    """The window's two ends at the edges and each full hour under its place, a space apart at least."""
    marks = hour_marks(plan)
    (_, first), (_, last) = marks[0], marks[-1]
    line = list(f"{first:%H:%M}".ljust(width))
    right = width - len(f"{last:%H:%M}")
    line[right:] = f"{last:%H:%M}"
    reached = len(f"{first:%H:%M}")
    for offset, moment in marks[1:-1]:
        label = f"{moment:%H:%M}"
        left = round(offset * width / plan.window_minutes) - len(label) // 2
        if left > reached and left + len(label) < right:
            line[left:left + len(label)] = label
            reached = left + len(label)
    return "".join(line)


def _name(block: Block, labels: Labels) -> str:
    if block.kind == "unscheduled":
        return labels.unscheduled_block
    return labels.title(block.title, block.kind)
