"""Property tests of the day (issue 22): k presses of `next` run the k-th part; the cut advice adds up."""

import json
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agenda.day.marks import Facts, MarkKind, apply, resolve
from agenda.day.parts import parts_of
from agenda.day.projection import project
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
        apply(facts, mark, touched)
        assert facts.running == runnable[k]
        at += timedelta(minutes=minutes[k], seconds=minutes[-1 - k])
    if presses > len(runnable) and runnable:  # one more `next` ends the last part; nothing follows
        mark, touched = resolve(plan, facts, MarkKind.NEXT, None, at)
        apply(facts, mark, touched)
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
        apply(facts, mark, touched)
        at += timedelta(minutes=minutes[k])
    day = project(plan, facts, at + timedelta(minutes=minutes[-1]))
    taken = sum(60 * (c.from_minutes - c.to_minutes) for c in day.cut)
    over = day.over_window_seconds
    if over == 0:
        assert day.cut == () and day.uncut_seconds == 0
        return
    assert all(0 <= c.to_minutes < c.from_minutes for c in day.cut)
    assert all(not (c.part.segment.segment.at is not None) for c in day.cut)  # never a pinned part
    if day.uncut_seconds == 0:
        assert over <= taken + 60 * len(day.cut)  # each cut rounded up to a whole minute (or less)
    else:
        assert taken + day.uncut_seconds >= over  # what no cut can take is said, not lost
