"""The to-scale timeline under the terminal table, for a terminal of any width."""

from rich.text import Text

from agenda.i18n import labels_for
from agenda.planner import Plan
from agenda.timeline import timeline_blocks

COLOURS = {
    "registration": "grey50", "opening": "blue", "remarks": "cyan", "transition": "grey42",
    "presentation": "magenta", "keynote": "bright_magenta", "panel": "green", "qa": "yellow", "break": "bright_black",
    "closing": "blue", "other": "white",
}


def _columns(blocks, width: int, total: int) -> list[int]:
    """Whole columns per block, adding up to `width`, rounding by running total so errors never pile up."""
    columns, used, elapsed = [], 0, 0
    for block in blocks:
        elapsed += block.minutes
        target = round(elapsed * width / total)
        columns.append(max(0, target - used))
        used = target
    return columns


def timeline_bar(plan: Plan, width: int) -> Text:
    labels = labels_for(plan.language)
    blocks = timeline_blocks(plan)
    bar_width = max(10, width)
    text = Text()
    for block, cols in zip(blocks, _columns(blocks, bar_width, plan.window_minutes)):
        if not cols:
            continue
        if block.kind == "unscheduled":
            text.append(("░" * cols), style="dim")
            continue
        label = block.title[: max(0, cols - 1)]
        cell = Text(" " + label if cols > 1 else " ")
        cell.truncate(cols, overflow="crop", pad=True)
        cell.stylize(f"black on {COLOURS.get(block.kind, 'white')}" + (" strike" if block.cancelled else ""))
        text.append_text(cell)
    text.append("\n")
    start, end = f"{plan.window_start:%H:%M}", f"{plan.window_end:%H:%M}"
    text.append(start + " " * max(1, bar_width - len(start) - len(end)) + end + "\n")
    legend = [f"{b.title or labels.unscheduled_block} {labels.minutes(b.minutes)}" for b in blocks]
    text.append(" · ".join(legend), style="dim")
    return text
