"""Property tests for days and parallel tracks: random forums of one to three days with blocks of
two or three rooms, planned; the promises of issue 23 hold, and every export agrees on every time."""

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agenda.core.model import Flexible
from agenda.export.formats import export_bytes
from test_properties import KINDS, ZONES, durations, planned

UTC = timezone.utc
ROOMS = {"hall": {"name": "Hall"}, "r2": {"name": "Room 2"}, "r3": {"name": "제3회의실"}}


@st.composite
def tracks(draw, n: int):
    rooms = draw(st.permutations(list(ROOMS)))[: draw(st.integers(2, 3))]
    out = []
    for room in rooms:
        program = [{"kind": draw(st.sampled_from(KINDS)), "id": f"t{n}-{room}-{k}", **draw(durations())}
                   for k in range(draw(st.integers(1, 4)))]
        out.append({"room": room, "program": program})
    return out


@st.composite
def forums(draw):
    program: list[dict] = []
    for day in range(draw(st.integers(1, 3))):
        if day or draw(st.booleans()):
            heading: dict = {"kind": "day"}
            if draw(st.booleans()):
                heading["start"] = f"{draw(st.integers(7, 12)):02d}:00"
            if draw(st.booleans()):
                heading["duration"] = f"{draw(st.integers(60, 600))}m"
            program.append(heading)
        for n in range(draw(st.integers(1, 5))):
            if draw(st.integers(0, 2)) == 0:
                block: dict = {"kind": "parallel", "id": f"b{day}-{n}", "tracks": draw(tracks(f"{day}-{n}"))}
                if draw(st.booleans()):
                    block["duration"] = f"{draw(st.integers(10, 120))}m"
                program.append(block)
            else:
                program.append({"kind": draw(st.sampled_from(KINDS)), "id": f"s{day}-{n}", **draw(durations())})
    first = date(2024, 1, 1) + timedelta(days=draw(st.integers(0, 365)))
    return {
        "forum": {"id": "prop", "title": "Property", "date": first.isoformat(), "start": "09:00",
                  "duration": f"{draw(st.integers(120, 600))}m", "timezone": draw(st.sampled_from(ZONES)),
                  "language": draw(st.sampled_from(["ko", "en"])), "rooms": ROOMS},
        "program": program,
    }


def for_random_forums(test):
    checked = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    return pytest.mark.slow(checked(given(forums())(test)))


@for_random_forums
def test_days_follow_one_another_and_each_program_starts_in_its_window(data):
    plan = planned(data)
    assert [day.date for day in plan.days] == sorted({day.date for day in plan.days})  # a day after the other
    for day in plan.days:
        if day.segments:
            assert day.segments[0].start == day.start  # nothing in these programs is pinned with `at`
        for before, seg in zip(day.segments, day.segments[1:]):
            assert seg.start == before.end
    assert plan.window_minutes == sum(day.window_minutes for day in plan.days)


@for_random_forums
def test_tracks_stay_in_their_block_and_a_block_is_as_long_as_asked_or_its_longest_track(data):
    plan = planned(data)
    for block in (seg for seg in plan.segments if seg.kind == "parallel"):
        ends = []
        for track in block.tracks:
            assert track.segments[0].start == block.start
            for before, seg in zip(track.segments, track.segments[1:]):
                assert seg.start == before.end and seg.day == block.day
            for seg in track.segments:
                if isinstance(seg.segment.duration, Flexible) and seg.segment.duration.max is None:
                    assert track.program_end >= block.end  # an unbounded flexible segment fills its track
            ends.append(track.program_end)
        if block.segment.duration is None:
            assert max(ends) <= block.end  # the longest track at its minimum, flexible ones fill up to it
            assert any(end == block.end for end in ends) or not ends


@for_random_forums
def test_json_csv_and_ics_agree_on_every_time_of_every_day_and_track(data):
    from icalendar import Calendar

    plan = planned(data)
    from_json = json.loads(export_bytes("json", [plan]))
    times = {}
    for seg in from_json["segments"]:
        if seg["kind"] not in ("section", "day"):
            times[seg["id"]] = (datetime.fromisoformat(seg["start"]), datetime.fromisoformat(seg["end"]))
        for track in seg.get("tracks", []):
            for inner in track["segments"]:
                times[inner["id"]] = (datetime.fromisoformat(inner["start"]), datetime.fromisoformat(inner["end"]))
    assert set(times) == {seg.id for seg in plan.all_segments}
    rows = list(csv.DictReader(io.StringIO(export_bytes("csv", [plan]).decode("utf-8-sig"), newline="")))
    for row in rows:
        if row["kind"] != "item":
            start, end = times[row["segment"]]
            assert (row["start_iso"], row["end_iso"]) == (start.isoformat(), end.isoformat())
    days = {f"prop@agenda.forum" if n == 0 else f"prop.day-{n + 1}@agenda.forum": day
            for n, day in enumerate(from_json.get("days") or [from_json["forum"]])}
    calendar = Calendar.from_ical(export_bytes("ics", [plan], segments=True))
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        if uid in days:
            expected = (datetime.fromisoformat(days[uid]["start"]), datetime.fromisoformat(days[uid]["end"]))
        else:
            expected = times[uid.split(".", 1)[1].split("@")[0]]
        got = (event.decoded("DTSTART"), event.decoded("DTEND"))
        assert tuple(t.astimezone(UTC) for t in got) == tuple(t.astimezone(UTC) for t in expected), uid
