"""The window cut into blocks, to scale: what a timeline picture draws, in any medium.

Segments are clipped to the window; minutes no segment covers become
`unscheduled` blocks, so the picture always adds up to the window.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from agenda.core.planner import Plan
from agenda.core.zones import minutes_between


@dataclass(frozen=True)
class Block:
    offset: int  # minutes from the window's start
    minutes: int
    title: str | None  # the file's title; None for the kind's default or unscheduled time
    kind: str  # a segment kind, or "unscheduled"
    cancelled: bool = False


def timeline_blocks(plan: Plan) -> list[Block]:
    blocks: list[Block] = []
    reached = 0
    for seg in plan.segments:
        if seg.start is None:
            continue
        start = max(0, minutes_between(plan.window_start, seg.start))
        end = min(plan.window_minutes, minutes_between(plan.window_start, seg.end))
        if end <= start or end <= reached:
            continue
        start = max(start, reached)
        if start > reached:
            blocks.append(Block(reached, start - reached, None, "unscheduled"))
        blocks.append(Block(start, end - start, seg.title, seg.kind, seg.cancelled))
        reached = end
    if reached < plan.window_minutes:
        blocks.append(Block(reached, plan.window_minutes - reached, None, "unscheduled"))
    return blocks


def hour_marks(plan: Plan) -> list[tuple[int, datetime]]:
    """(minutes from the window's start, the forum's wall clock) for both ends and every full hour between.

    Walked minute by minute on instants, so a half-hour zone or a night the
    clocks change marks the hours the forum's own clocks show.
    """
    start = plan.window_start.astimezone(timezone.utc)
    marks = []
    for offset in range(plan.window_minutes + 1):
        local = plan.local(start + timedelta(minutes=offset))
        if local is not None and (local.minute == 0 or offset in (0, plan.window_minutes)):
            marks.append((offset, local))
    return marks
