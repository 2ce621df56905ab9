"""Property tests: random valid forums, planned; the planner's promises hold, and every export agrees."""

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agenda.loading.analysis import analyze_text
from agenda.export.formats import export_bytes
from agenda.core.model import Flexible

ZONES = ["Asia/Seoul", "Europe/Berlin", "America/New_York", "UTC", "Australia/Lord_Howe", "Asia/Kolkata"]
KINDS = ["opening", "remarks", "transition", "presentation", "panel", "qa", "break", "closing", "other"]
UTC = timezone.utc


@st.composite
def durations(draw):
    choice = draw(st.sampled_from(["fixed", "each", "flexible", "fill", "items"]))
    if choice == "fixed":
        return {"duration": f"{draw(st.integers(1, 60))}m"}
    if choice == "each":
        speakers = [{"name": f"S{n}"} for n in range(draw(st.integers(1, 4)))]
        return {"each": draw(st.integers(1, 20)), "speakers": speakers}
    if choice == "flexible":
        low = draw(st.integers(0, 30))
        bounds = {"min": f"{low}m"}
        if draw(st.booleans()):
            bounds["max"] = f"{low + draw(st.integers(0, 60))}m"
        return {"duration": bounds}
    if choice == "fill":
        return {"duration": "fill"}
    items = [{"title": f"Item {n}", "duration": draw(st.integers(1, 15))} for n in range(draw(st.integers(1, 4)))]
    return {"items": items}


@st.composite
def forums(draw):
    window = draw(st.integers(30, 480))
    start = draw(st.integers(6 * 60, 18 * 60))
    program = []
    for n in range(draw(st.integers(1, 12))):
        segment = {"kind": draw(st.sampled_from(KINDS)), "id": f"s{n}", **draw(durations())}
        if n and draw(st.integers(0, 5)) == 0:
            at = (start + draw(st.integers(0, window))) % (24 * 60)  # past midnight is the next day's clock
            segment["at"] = f"{at // 60:02d}:{at % 60:02d}"
        if draw(st.integers(0, 9)) == 0:
            segment["status"] = "cancelled"
        program.append(segment)
    day = date(2024, 1, 1) + timedelta(days=draw(st.integers(0, 365)))
    return {
        "forum": {"id": "prop", "title": "Property", "date": day.isoformat(),
                  "start": f"{start // 60:02d}:{start % 60:02d}", "duration": f"{window}m",
                  "timezone": draw(st.sampled_from(ZONES)), "language": draw(st.sampled_from(["ko", "en"]))},
        "program": program,
    }


def planned(data):
    # JSON is YAML 1.2: the text goes through the YAML loader like any forum file
    analysis = analyze_text(json.dumps(data), "prop.yaml")
    assert analysis.plan is not None, analysis.findings
    return analysis.plan


def for_random_forums(test):
    """Run `test(data)` on 150 random forums (a slow test)."""
    checked = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    return pytest.mark.slow(checked(given(forums())(test)))


@for_random_forums
def test_planner_invariants(data):
    plan = planned(data)
    previous_end = plan.window_start
    # The checks compare plan times with < and >: that compares instants only while every one is in UTC.
    times = [plan.window_start, plan.window_end] + [t for seg in plan.segments for t in (seg.start, seg.end)] + [
        t for seg in plan.segments for item in seg.items for t in (item.start, item.end) if t is not None]
    assert all(t.tzinfo is UTC for t in times)
    for seg, raw in zip(plan.segments, data["program"]):
        assert seg.end >= seg.start
        if "at" not in raw:
            assert seg.start == previous_end  # follows on from the one before
        if isinstance(seg.segment.duration, Flexible):
            bounds = seg.segment.duration
            assert seg.minutes >= bounds.min
            assert bounds.max is None or seg.minutes <= bounds.max
        previous_end = seg.end
    covered = set()
    offset = lambda moment: int((moment - plan.window_start).total_seconds() // 60)
    for seg in plan.segments:
        if not seg.cancelled:
            covered |= set(range(max(0, offset(seg.start)), min(plan.window_minutes, offset(seg.end))))
    assert plan.scheduled_minutes == len(covered)
    if plan.overrun_minutes == 0:
        assert plan.scheduled_minutes + plan.slack_minutes == plan.window_minutes


@for_random_forums
def test_flexible_segments_fill_the_room_before_the_next_fixed_start(data):
    plan = planned(data)
    segments = plan.segments
    for n, seg in enumerate(segments):
        unbounded = isinstance(seg.segment.duration, Flexible) and seg.segment.duration.max is None
        if not unbounded:
            continue
        following = next((s for s in segments[n + 1:] if s.segment.at is not None), None)
        run_end = (segments[segments.index(following) - 1] if following else segments[-1]).end
        limit = following.start if following else plan.window_end
        assert run_end >= limit  # an unbounded flexible segment leaves no room unused


@for_random_forums
def test_json_csv_and_ics_agree_on_every_time(data):
    from icalendar import Calendar

    plan = planned(data)
    from_json = json.loads(export_bytes("json", [plan]))
    json_times = {s["id"]: (datetime.fromisoformat(s["start"]), datetime.fromisoformat(s["end"]))
                  for s in from_json["segments"]}
    rows = list(csv.DictReader(io.StringIO(export_bytes("csv", [plan]).decode("utf-8-sig"), newline="")))
    for row in rows:
        if row["kind"] == "item":
            continue
        start, end = json_times[row["segment"]]
        assert (row["date"], row["start"], row["end"]) == (start.date().isoformat(), f"{start:%H:%M}", f"{end:%H:%M}")
        assert row["minutes"] == str(int((end - start).total_seconds() // 60))
    calendar = Calendar.from_ical(export_bytes("ics", [plan], segments=True))
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        if uid == "prop@agenda.forum":
            expected = (datetime.fromisoformat(from_json["forum"]["start"]), datetime.fromisoformat(from_json["forum"]["end"]))
        else:
            expected = json_times[uid.split(".", 1)[1].split("@")[0]]
        got = (event.decoded("DTSTART"), event.decoded("DTEND"))
        assert tuple(t.astimezone(UTC) for t in got) == tuple(t.astimezone(UTC) for t in expected), uid
