"""The to-scale timeline under the terminal table, for a terminal of any width."""

from rich.text import Text

from agenda.i18n import Labels, labels_for
from agenda.kinds import KINDS
from agenda.planner import Plan
from agenda.timeline import Block, timeline_blocks

COLOURS = {name: row.terminal for name, row in KINDS.items()}


def _columns(blocks, width: int, total: int) -> list[int]:
    """Whole columns per block, adding up to `width`, rounding by running total so errors never pile up."""
    columns, used, elapsed = [], 0, 0
    for block in blocks:
        elapsed += block.minutes
        target = round(elapsed * width / total)
        columns.append(max(0, target - used))
        used = target
    return columns


def timeline_bar(plan: Plan, width: int, language: str | None = None) -> Text:
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
        label = _name(block, labels)[: max(0, cols - 1)]
        cell = Text(" " + label if cols > 1 else " ")
        cell.truncate(cols, overflow="crop", pad=True)
        cell.stylize(f"black on {COLOURS.get(block.kind, 'white')}" + (" strike" if block.cancelled else ""))
        text.append_text(cell)
    text.append("\n")
    start, end = f"{plan.local(plan.window_start):%H:%M}", f"{plan.local(plan.window_end):%H:%M}"
    text.append(start + " " * max(1, bar_width - len(start) - len(end)) + end + "\n")
    legend = [f"{_name(b, labels)} {labels.minutes(b.minutes)}" for b in blocks]
    text.append(" · ".join(legend), style="dim")
    return text


def _name(block: Block, labels: Labels) -> str:
    if block.kind == "unscheduled":
        return labels.unscheduled_block
    return labels.title(block.title, block.kind)
