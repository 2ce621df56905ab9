"""The printed programme's to-scale timeline: blocks, hour marks, and a legend for names that do not fit.

A label is never cut: a block too narrow for its name shows a number (or
nothing, when even that does not fit) and the name is listed under the bar.
Whether a name fits is estimated from the A4 bar's width, since the page is
made without a browser to measure it; the estimate errs on the wide side
(the Chromium test checks that no block's text overflows).
"""

from collections.abc import Mapping
from html import escape

from agenda.messages.labels import Labels
from agenda.core.planner import Plan
from agenda.core.timeline import Block, hour_marks, timeline_blocks
from agenda.core.zones import clock_text

# At A4 width (186 mm) and 7.5 pt, a Hangul or CJK character is about 2.65 mm wide, a Latin one about 60 % of
# that; a label is shown in its block only when this estimate, with the padding, fits.
_BAR_MM, _EM_MM, _PADDING_MM = 186.0, 7.5 * 0.3528, 2.6


def _label_mm(text: str) -> float:
    return sum(_EM_MM * (1.0 if ord(ch) >= 0x1100 else 0.62) for ch in text)


def timeline_html(plan: Plan, labels: Labels, colours: Mapping[str, str]) -> str:
    """The window to scale, hour marks under it, and a legend for every block too narrow for its name."""
    out = [f"<h2>{escape(labels.timeline_heading)}</h2>",
           f'<div class="timeline-frame" role="region" aria-label="{escape(labels.timeline_heading)}" tabindex="0">',
           '<div class="timeline">']
    legend: list[tuple[int, Block]] = []
    for block in timeline_blocks(plan):
        share = block.minutes / plan.window_minutes
        width_mm = share * _BAR_MM
        name = labels.unscheduled_block if block.kind == "unscheduled" else labels.title(block.title, block.kind)
        tip = escape(f"{name} · {labels.minutes(block.minutes)}")
        style = f"width:{100 * share:.4f}%"
        if block.kind == "unscheduled":
            text = name if _label_mm(name) + _PADDING_MM <= width_mm else ""
            out.append(f'<div class="block unscheduled" style="{style}" title="{tip}">{escape(text)}</div>')
            continue
        css = "block cancelled" if block.cancelled else "block"
        if _label_mm(name) + _PADDING_MM <= width_mm:
            text = name
        else:
            legend.append((len(legend) + 1, block))
            number = str(len(legend))
            text = number if _label_mm(number) + _PADDING_MM <= width_mm else ""
        out.append(f'<div class="{css}" style="{style};background:{colours[block.kind]}" title="{tip}">'
                   f"{escape(text)}</div>")
    out.append("</div>")
    out.append('<div class="scale">' + "".join(
        f'<span class="{css}" style="left:{100 * offset / plan.window_minutes:.4f}%">{escape(clock)}</span>'
        for offset, clock, css in _hour_marks(plan)) + "</div>")
    out.append("</div>")
    if legend:
        out.append('<ul class="legend">' + "".join(
            f'<li class="{"cancelled" if block.cancelled else ""}"><span class="key" '
            f'style="background:{colours[block.kind]}">{number}</span><span class="name">{escape(labels.title(block.title, block.kind))}'
            f"</span> {escape(labels.minutes(block.minutes))}</li>" for number, block in legend) + "</ul>")
    return "\n".join(out)


def _hour_marks(plan: Plan) -> list[tuple[int, str, str]]:
    """(minutes from the start, HH:MM, css) for the window's ends and the full hours not crowding them."""
    marks = hour_marks(plan)
    last = len(marks) - 1
    return [(offset, clock_text(clock), "first" if n == 0 else "last" if n == last else "hour")
            for n, (offset, clock) in enumerate(marks)
            if n in (0, last) or 10 <= offset <= plan.window_minutes - 10]
