"""Days, rooms and parallel tracks in one file (issue 23): the plan and the checks.

The fixtures in tests/fixtures/rooms are programmes as published: a three-day
symposium, an evening that runs to 01:00, a two-room Korean 토론회 day, and
the two ways one person ends up in two rooms at once.
"""

from pathlib import Path

import pytest

from agenda.core.parts import people_parts
from agenda.loading.analysis import analyze, analyze_text
from agenda.messages import describe
from helpers import ROOT, run

ROOMS = ROOT / "tests" / "fixtures" / "rooms"


def planned(name: str):
    analysis = analyze(str(ROOMS / name))
    assert analysis.plan is not None, analysis.findings
    return analysis


def starts(plan) -> dict[str, str]:
    return {seg.id: f"{plan.local(seg.start):%m-%d %H:%M}" for seg in plan.all_segments if seg.start is not None}


def test_the_three_day_symposium_reproduces_its_published_starts():
    analysis = planned("symposium.yaml")
    assert analysis.findings == []
    got = starts(analysis.plan)
    assert {key: got[key] for key in (
        "tutorial-a", "lunch-1", "tutorial-b", "coffee-1", "reception",
        "registration", "opening", "keynote-1", "coffee-2", "ts1", "lunch-2", "ts2", "coffee-3", "ts3",
        "closing-2", "keynote-2", "coffee-4", "closing-panel", "farewell")} == {
        "tutorial-a": "05-20 09:00", "lunch-1": "05-20 12:00", "tutorial-b": "05-20 13:00",
        "coffee-1": "05-20 16:00", "reception": "05-20 17:00",
        "registration": "05-21 07:00", "opening": "05-21 08:00", "keynote-1": "05-21 08:15",
        "coffee-2": "05-21 09:00", "ts1": "05-21 09:30", "lunch-2": "05-21 11:00", "ts2": "05-21 12:15",
        "coffee-3": "05-21 13:15", "ts3": "05-21 13:45", "closing-2": "05-21 15:45",
        "keynote-2": "05-22 09:00", "coffee-4": "05-22 10:00", "closing-panel": "05-22 10:30",
        "farewell": "05-22 11:45"}


def test_registration_at_seven_on_the_second_day_is_that_days_and_overlaps_nothing():
    """The issue's first symptom: `at: 07:00` on day 2 landed on day 1, 720 minutes before the reception."""
    plan = planned("symposium.yaml").plan
    registration = next(seg for seg in plan.segments if seg.id == "registration")
    assert registration.day == 2 and f"{plan.local(registration.start):%Y-%m-%d %H:%M}" == "2024-05-21 07:00"


def test_days_have_their_own_dates_and_windows():
    plan = planned("symposium.yaml").plan
    assert [(str(day.date), f"{plan.local(day.start):%H:%M}", f"{plan.local(day.end):%H:%M}")
            for day in plan.days] == [("2024-05-20", "09:00", "19:00"), ("2024-05-21", "08:00", "16:15"),
                                      ("2024-05-22", "09:00", "12:00")]
    assert plan.window_minutes == 600 + 495 + 180 and plan.slack_minutes == 0


def test_tracks_are_planned_inside_their_block_with_flexible_segments_filling_it():
    plan = planned("symposium.yaml").plan
    got = starts(plan)
    assert (got["presentation-3"], got["presentation-5"]) == ("05-21 09:30", "05-21 09:30")  # side by side
    qa = next(seg for seg in plan.all_segments if seg.id == "qa-2")  # {min: 20m} fills TS3A to the block's end
    assert qa.track == "ts3.hall" and qa.minutes == 40 and qa.end == qa.end and qa.end == plan.tracks[-1].end
    ts2 = next(seg for seg in plan.segments if seg.id == "ts2")
    assert ts2.minutes == 60  # no duration: the longest track (3 x 20m)


def test_a_day_past_midnight_is_planned_and_checked():
    analysis = planned("evening.yaml")
    plan = analysis.plan
    assert [f.code for f in analysis.findings] == ["crosses-midnight"]
    assert analysis.findings[0].location.line == 22  # the day's own end
    evening = plan.days[1]
    assert f"{plan.local(evening.start):%m-%d %H:%M}–{plan.local(evening.end):%m-%d %H:%M}" == \
        "05-21 19:00–05-22 01:00"
    got = starts(plan)
    assert got["late-talk"] == "05-21 23:30"
    assert got["late-qa"] == "05-22 00:30"


def test_a_korean_two_room_day_runs_two_forums_at_two_and_one_chair_for_the_whole_part():
    analysis = planned("korean-two-rooms.yaml")
    assert analysis.findings == []
    plan = analysis.plan
    block = next(seg for seg in plan.segments if seg.kind == "parallel")
    assert [(t.room, f"{plan.local(t.segments[0].start):%H:%M}") for t in block.tracks] == \
        [("room1", "14:00"), ("room2", "14:00")]
    chaired = [seg.id for seg in plan.segments
               if any(r.role == "moderator" and r.person.name == "구본권" for r in seg.people)]
    assert chaired == ["presentation-1", "presentation-2", "panel-1", "qa-1"]  # not the lunch break


def test_an_item_kind_names_its_speakers_role():
    plan = planned("korean-two-rooms.yaml").plan
    yoon = next(p for p in people_parts(plan) if p.key == "yoon")
    assert [(part.kind, part.title) for part in yoon.parts] == [("presentation", "발제 보충")]


def test_a_track_moderator_holds_the_whole_track_under_the_track_id():
    plan = planned("korean-two-rooms.yaml").plan
    han = next(p for p in people_parts(plan) if p.key == "han")
    assert [(part.segment_id, part.role, f"{part.start:%H:%M}", f"{part.end:%H:%M}") for part in han.parts] == \
        [("forums.room1", "moderator", "14:00", "15:30")]


@pytest.mark.parametrize("name, line, words", [
    ("double-booked-midnight.yaml", 31,
     "Joon Park is in Panel in Lounge from 00:00 and in Presentation in Hall until 00:30: 30 minutes"),
    ("double-booked-partial.yaml", 27,
     "Sora Lee is in Presentation in Room B from 10:15 and in Presentation in Room A until 10:30: 15 minutes"),
])
def test_double_booked_across_midnight_and_on_a_partial_overlap(name, line, words):
    """frab misses 23:30-00:30 against 00:00; conference_scheduler misses 10:00-10:30 against 10:15-10:45."""
    (finding,) = planned(name).findings
    assert (finding.code, finding.location.line) == ("double-booked", line)
    assert describe(finding, "en").startswith(words)
    assert "두 곳에" in describe(finding, "ko")


def test_double_booked_is_a_warning_that_strict_fails():
    path = ROOMS / "double-booked-partial.yaml"
    run("validate", path, exit_status=0)
    run("validate", "--strict", path, exit_status=1)


def test_back_to_back_in_two_rooms_is_not_double_booked():
    """Half-open: 10:00-10:30 in one room and 10:30 in the other is no clash."""
    text = (ROOMS / "double-booked-partial.yaml").read_text(encoding="utf-8").replace(
        "{kind: other, id: intro-b, duration: 15m}", "{kind: other, id: intro-b, duration: 30m}").replace(
        "{kind: qa, id: qa-b, duration: 15m}", "{kind: qa, id: qa-b, duration: 0m}".replace("0m", "fill"))
    text = text.replace("{kind: presentation, id: talk-b, duration: 30m, speaker: lee}",
                        "{kind: presentation, id: talk-b, duration: 20m, speaker: lee}")
    assert [f.code for f in analyze_text(text, "f.yaml").findings] == []


def test_within_one_segment_nobody_is_double_booked():
    """A moderator holds the whole panel their panelists take turns in; one person both is no clash."""
    text = (ROOMS / "double-booked-partial.yaml").read_text(encoding="utf-8").replace(
        "{kind: presentation, id: talk-b, duration: 30m, speaker: lee}",
        "{kind: panel, id: talk-b, each: 15m, speakers: [lee, {name: Bo}], moderator: lee}").replace(
        "{kind: presentation, id: talk-a, duration: 30m, speaker: lee}",
        "{kind: presentation, id: talk-a, duration: 30m, speaker: {name: Cy}}")
    assert [f.code for f in analyze_text(text, "f.yaml").findings] == []


def test_a_room_written_by_its_name_points_to_its_id():
    text = (ROOMS / "korean-two-rooms.yaml").read_text(encoding="utf-8").replace(
        "      - room: room2\n", "      - room: 제2소회의실\n")
    (finding,) = analyze_text(text, "f.yaml").findings
    assert finding.code == "unknown-room"
    assert describe(finding, "en") == "'제2소회의실' is a room's name, not its id: write its id, room2"
    assert describe(finding, "ko") == "'제2소회의실'은 방 이름입니다. id인 room2로 쓰세요"


def test_a_day_heading_date_defaults_to_the_day_after_and_the_first_is_the_forums():
    text = (ROOMS / "symposium.yaml").read_text(encoding="utf-8").replace(
        "    title: Workshops\n", "    title: Workshops\n    date: 2024-05-24\n")
    plan = analyze_text(text, "f.yaml").plan
    assert [str(day.date) for day in plan.days] == ["2024-05-20", "2024-05-21", "2024-05-24"]
    assert [section.id for section in plan.sections if section.kind == "day"] == ["day-1", "day-2", "day-3"]


def test_a_day_heading_end_before_its_start_is_end_before_start():
    text = (ROOMS / "symposium.yaml").read_text(encoding="utf-8").replace("    end: 12:00\n", "    end: 08:00\n")
    findings = analyze_text(text, "f.yaml").findings
    assert [(f.code, f.location.line) for f in findings] == [("end-before-start", 91)]


def test_a_track_without_its_room_in_forum_rooms_is_unknown_room():
    text = (ROOMS / "symposium.yaml").read_text(encoding="utf-8").replace("      - room: r201\n        title: \"TS1B",
                                                                            "      - room: r202\n        title: \"TS1B")
    (finding,) = analyze_text(text, "f.yaml").findings
    assert (finding.code, describe(finding, "en")) == ("unknown-room", "'r202' is not in forum.rooms; did you mean 'r201'?")


def test_a_parallel_block_needs_tracks():
    text = (ROOMS / "double-booked-partial.yaml").read_text(encoding="utf-8").split("    tracks:")[0]
    (finding,) = analyze_text(text, "f.yaml").findings
    assert finding.code == "invalid-field" and "tracks" in describe(finding, "en")


def test_a_track_chair_who_speaks_in_another_room_meanwhile_is_double_booked():
    """박지현 chairs 토론회 2 in 제2소회의실 from 14:00 to 15:30, and would present at 14:00 in 제1소회의실."""
    text = (ROOMS / "korean-two-rooms.yaml").read_text(encoding="utf-8").replace(
        "{kind: presentation, title: 발제, duration: 30m, speaker: choi}",
        "{kind: presentation, title: 발제, duration: 30m, speaker: park}")
    (finding,) = [f for f in analyze_text(text, "f.yaml").findings if f.code == "double-booked"]
    assert describe(finding, "ko") == ("박지현님이 14:00부터 제1소회의실의 발제에, 15:30까지 제2소회의실의 "
                                       "토론회 2: 공공 AI에 잡혀 있어 30분 동안 두 곳에 있어야 합니다")
