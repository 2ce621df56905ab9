"""Property tests of the day (issue 22): k presses of `next` run the k-th part; the cut advice adds up."""

import json
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agenda.day.marks import Facts, MarkKind, apply, resolve
from agenda.day.parts import parts_of
from agenda.day.projection import Status, project
from agenda.loading.analysis import analyze_text
from test_properties import forums

CHECKED = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def programmes(draw):
    """The suite's random forums, with section headings dropped in anywhere (first, last, two in a row)."""
    data = draw(forums())
    program = []
    for segment in data["program"]:
        for _ in range(draw(st.integers(0, 2)) if draw(st.integers(0, 3)) == 0 else 0):
            program.append({"kind": "section", "title": f"Part {len(program)}"})
        program.append(segment)
    if draw(st.booleans()):
        program.append({"kind": "section", "title": "The end"})
    data["program"] = program
    return data


def planned(data):
    plan = analyze_text(json.dumps(data), "prop.yaml").plan
    assert plan is not None
    return plan


@CHECKED
@given(data=programmes(), presses=st.integers(1, 20), minutes=st.lists(st.integers(0, 40), min_size=20, max_size=20))
def test_after_k_presses_of_next_the_kth_part_runs(data, presses, minutes):
    plan = planned(data)
    runnable = [p.id for p in parts_of(plan).all
                if p.timed.kind not in ("registration", "section") and not p.timed.cancelled]
    facts = Facts()
    at = plan.window_start
    for k in range(min(presses, len(runnable))):
        mark, touched = resolve(plan, facts, MarkKind.START if k == 0 else MarkKind.NEXT, None, at)
        apply(plan, facts, mark, touched)
        assert facts.running == runnable[k]
        at += timedelta(minutes=minutes[k], seconds=minutes[-1 - k])
    if presses > len(runnable) and runnable:  # one more `next` ends the last part; nothing follows
        mark, touched = resolve(plan, facts, MarkKind.NEXT, None, at)
        apply(plan, facts, mark, touched)
        assert facts.running is None and set(facts.started) == set(runnable)


@CHECKED
@given(data=programmes(), presses=st.integers(1, 8), minutes=st.lists(st.integers(0, 90), min_size=9, max_size=9))
def test_the_cut_advice_ends_on_time_or_leaves_what_nothing_may_give(data, presses, minutes):
    plan = planned(data)
    facts = Facts()
    at = plan.window_start
    for k in range(presses):
        try:
            mark, touched = resolve(plan, facts, MarkKind.START if k == 0 else MarkKind.NEXT, None, at)
        except Exception:
            break
        apply(plan, facts, mark, touched)
        at += timedelta(minutes=minutes[k])
    day = project(plan, facts, at + timedelta(minutes=minutes[-1]))
    over = day.over_window_seconds
    if over == 0:
        assert day.cut == () and day.uncut_seconds == 0
        return
    assert all(0 <= c.to_minutes < c.from_minutes for c in day.cut)
    assert all(c.part.segment.segment.at is None for c in day.cut)  # never a pinned part
    assert applied_over(day) <= day.uncut_seconds  # the cut ends the day on time, or leaves what nothing gives
    if day.uncut_seconds:
        assert applied_over(day) > day.uncut_seconds - 60 * max(1, len(day.cut))  # and no more (to the minute)


def applied_over(day) -> int:
    """The seconds past the window once every part keeps the length the cut advice gives it.

    A model of FORMAT.md's rule 3 with the lengths fixed: parts follow one another, a pinned part
    starts at its `at` or right after the one before it, whichever is later.
    """
    cut = {id(c.part): 60 * (c.from_minutes - c.to_minutes) for c in day.cut}
    placed = [s for s in day.parts if s.status in (Status.RUNNING, Status.UPCOMING, Status.CANCELLED)
              and s.start is not None and s.end is not None and s.segment.kind not in ("registration", "section")]
    first = next((k for k, s in enumerate(placed) if s.status != Status.CANCELLED), None)  # what is placed anew
    if first is None:
        return day.over_window_seconds
    placed = placed[first:]
    cursor = placed[0].start
    ends = [s.end for s in day.parts if s.status == Status.DONE and s.end is not None]
    for s in placed:
        if s.segment.segment.at is not None and s.segment.start is not None and s is not day.current:
            cursor = max(cursor, s.segment.start)
        length = (s.end - s.start).total_seconds() - cut.get(id(s), 0)
        cursor = cursor + timedelta(seconds=max(0, length))
        if s.status != Status.CANCELLED:  # a cancelled part keeps its place, but the day does not end with it
            ends.append(cursor)
    if not ends:
        return day.over_window_seconds
    return max(0, int((max(ends) - day.window_end).total_seconds()))
