"""Rooms on the day (FORMAT.md, "The stage and the desk"): while a parallel block runs, each room's desk
steps its own track; the Korean two-room day (14:00-15:30 two forums, then 폐회 until 15:40)."""

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from agenda.day.marks import Facts, ImpossibleMark, Mark, MarkKind, apply, facts_from, resolve
from agenda.day.marks_log import parse_log
from agenda.day.parts import parts_of
from agenda.day.projection import project
from agenda.loading.analysis import analyze
from helpers import ROOT, run
from live_server import LiveServer
from terminal_tools import needs_tmux
from test_day_presses import together

FIXTURE = ROOT / "tests" / "fixtures" / "rooms" / "korean-two-rooms.yaml"


@pytest.fixture
def forum(tmp_path: Path) -> Path:
    target = tmp_path / "forum.yaml"
    shutil.copy(FIXTURE, target)
    return target


def marks(forum: Path, *presses: str) -> None:
    for press in presses:
        run("mark", forum, *press.split())


def now(forum: Path, at: str, *extra: str) -> dict:
    return json.loads(run("now", forum, "--at", at, "--format", "json", *extra).stdout)


def logged(forum: Path) -> list[dict]:
    return [json.loads(line) for line in forum.with_name("forum.actuals.jsonl").read_text("utf-8").splitlines()]


def test_marks_per_room_step_each_track_and_name_their_room_in_the_log(forum):
    marks(forum, "start forums --at 14:00", "next --room room1 --at 14:31", "next --room room2 --at 14:41")
    day = now(forum, "14:42")
    assert day["current"]["id"] == "forums"  # at the top, the block itself
    assert day["rooms"]["room1"]["current"]["part"] == "panel-2:1"
    assert day["rooms"]["room1"]["next"]["part"] == "panel-2:2"
    assert day["rooms"]["room2"]["current"]["part"] == "panel-3:1"
    assert day["rooms"]["room2"]["current"]["people"] == ["이연희"]
    assert [line.get("room") for line in logged(forum)] == [None, "room1", "room2"]


def test_next_without_a_room_during_a_block_is_refused_with_the_rooms_names_in_korean(forum):
    marks(forum, "start forums --at 14:00")
    refused = run("mark", forum, "next", "--at", "14:10", exit_status=1)
    assert "어느 회의실의 기록인지" in refused.stderr
    assert "room1 (제1소회의실), room2 (제2소회의실)" in refused.stderr
    assert len(logged(forum)) == 1


def test_next_without_a_room_during_a_block_is_refused_with_the_rooms_names_in_english(forum):
    marks(forum, "start forums --at 14:00")
    refused = run("mark", forum, "next", "--at", "14:10", "--lang", "en", exit_status=1)
    assert "a parallel block is running: say which room" in refused.stderr
    assert "room1 (제1소회의실), room2 (제2소회의실)" in refused.stderr


def test_next_without_a_room_is_taken_when_only_one_track_is_left(forum):
    marks(forum, "start forums --at 14:00", "next --room room2 --at 14:40", "next --room room2 --at 14:55",
          "next --room room2 --at 15:10", "next --room room2 --at 15:28")  # room2's track is done
    assert now(forum, "15:28")["rooms"]["room2"]["current"] is None
    marks(forum, "next --at 15:29")
    assert logged(forum)[-1]["room"] == "room1" and logged(forum)[-1]["segment"] == "panel-2"


def test_the_block_ends_with_its_last_track_and_the_next_segment_starts_with_its_own_mark(forum):
    marks(forum, "start forums --at 14:00", "next --room room1 --at 14:30", "next --room room2 --at 14:40",
          "next --room room1 --at 14:45", "next --room room2 --at 14:55", "next --room room2 --at 15:10",
          "next --room room1 --at 15:15", "next --room room2 --at 15:29", "next --room room1 --at 15:30")
    day = now(forum, "15:31")
    assert day["state"] == "between" and day["current"] is None and "rooms" not in day
    assert day["next"]["id"] == "closing-1"
    forums = next(s for s in day["segments"] if s["id"] == "forums")
    assert forums["end"] == "2024-03-14T15:30:00+09:00"
    marks(forum, "next --at 15:31")
    assert now(forum, "15:32")["current"]["id"] == "closing-1"


def test_now_json_has_rooms_only_while_a_block_runs(forum):
    assert "rooms" not in now(forum, "13:00")
    marks(forum, "start forums --at 14:00")
    assert set(now(forum, "14:01")["rooms"]) == {"room1", "room2"}


def test_now_with_a_room_follows_that_room(forum):
    marks(forum, "start forums --at 14:00")
    day = now(forum, "14:05", "--room", "room2")
    assert day["room"] == "room2" and day["current"]["part"] == "presentation-4"
    assert day["next"]["part"] == "panel-3:1" and "rooms" not in day
    words = run("now", forum, "--at", "14:05", "--room", "room1").stdout
    assert "발제" in words and "25:00" in words  # room1's 30-minute 발제, 5 minutes in


def test_now_with_a_room_the_file_lacks_is_a_usage_error(forum):
    refused = run("now", forum, "--at", "14:05", "--room", "room9", exit_status=2)
    assert "room9" in refused.stderr and "room1, room2" in refused.stderr


def test_a_track_overrun_is_cut_within_the_track_first(forum):
    # room2's 40-minute 발제 runs 4 minutes over; its 20-minute Q&A can give them
    marks(forum, "start forums --at 14:00", "next --room room2 --at 14:44")
    day = now(forum, "14:45")
    assert day["rooms"]["room2"]["cut"] == [{"part": "qa-3", "title": "질의응답", "from_minutes": 20,
                                             "to_minutes": 16}]
    assert day["current"]["end"] == "2024-03-14T15:30:00+09:00"  # the block keeps its end
    assert day["cut"] == []


def test_what_a_track_cannot_absorb_delays_the_block_and_is_cut_from_the_main_program(forum):
    marks(forum, "start forums --at 14:00", "next --room room1 --at 14:30", "next --room room2 --at 14:40",
          "next --room room1 --at 14:45", "next --room room2 --at 14:55", "next --room room2 --at 15:10",
          "next --room room1 --at 15:15", "next --room room2 --at 15:30")
    day = now(forum, "15:35")  # room1's Q&A still runs, 5 minutes past the block's end
    assert day["current"]["end"] == "2024-03-14T15:35:00+09:00"
    assert day["cut"] == [{"part": "closing-1", "title": "폐회", "from_minutes": 10, "to_minutes": 5}]


def test_an_old_log_without_rooms_reads_as_before(forum):
    plan = analyze(str(forum)).plan
    old = (b'{"at": "2024-03-14T14:00:00+09:00", "mark": "start", "segment": "forums"}\n'
           b'{"at": "2024-03-14T15:31:00+09:00", "mark": "next", "segment": "closing-1"}\n')
    read, warnings = parse_log(old, "old.jsonl", plan.zone)
    assert warnings == [] and [m.room for m in read] == [None, None]
    facts, more = facts_from(plan, read)
    assert more == [] and facts.running == "closing-1" and facts.rooms == {}
    assert facts.ended["forums"] == read[1].at


def test_a_room_mark_outside_a_block_is_the_days_mark_and_logged_without_a_room(forum):
    marks(forum, "start --room room1 --at 10:00")  # a room's desk may always send its room
    assert logged(forum) == [{"at": "2024-03-14T10:00:00+09:00", "mark": "start", "segment": "opening-1",
                              "item": "1"}]


@pytest.fixture
def server(forum: Path, tmp_path: Path):
    live = LiveServer(forum, tmp_path / "marks.jsonl", at="14:00")
    yield live
    assert live.stop() == 0, live.stderr()
    assert "Traceback" not in live.stderr()


def test_two_room_desks_pressing_at_once_both_land(server):
    assert server.mark("start", segment="forums", expect="none", at="2024-03-14T14:00:00+09:00")[0] == 200
    statuses = together(("next", {"room": "room1", "expect": "presentation-3", "at": "2024-03-14T14:31:00+09:00"}),
                        ("next", {"room": "room2", "expect": "presentation-4", "at": "2024-03-14T14:31:00+09:00"}),
                        server=server)
    assert statuses == [200, 200]
    lines = [json.loads(line) for line in server.log.read_text("utf-8").splitlines()]
    assert sorted(line.get("room") or "" for line in lines) == ["", "room1", "room2"]
    rooms = server.now()["rooms"]
    assert rooms["room1"]["current"]["part"] == "panel-2:1" and rooms["room2"]["current"]["part"] == "panel-3:1"
    status, _, body = server.request("GET", "/now.json?room=room2")
    assert status == 200 and json.loads(body)["current"]["part"] == "panel-3:1"


def test_a_room_desk_with_a_stale_expect_is_refused_with_its_room_and_an_unknown_room_is_a_bad_body(server):
    assert server.mark("start", segment="forums", at="2024-03-14T14:00:00+09:00")[0] == 200
    assert server.mark("next", room="room1", at="2024-03-14T14:30:00+09:00")[0] == 200
    status, body = server.mark("next", room="room1", expect="presentation-3", at="2024-03-14T14:31:00+09:00")
    assert status == 409 and body["now"]["room"] == "room1" and body["now"]["current"]["part"] == "panel-2:1"
    status, body = server.mark("next", room="room9")
    assert status == 400 and "room9" in body["error"] and "회의실" in body["error"]
    assert server.request("GET", "/now.json?room=room9")[0] == 400
    assert server.request("GET", "/events?room=room9")[0] == 400
    status, body = server.mark("next", at="2024-03-14T14:32:00+09:00")
    assert status == 409 and "제1소회의실" in body["error"]


PRESSES = st.lists(st.tuples(st.sampled_from(["room1", "room2", None]), st.sampled_from(["next", "end"]),
                             st.integers(1, 20)), max_size=14)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(presses=PRESSES)
def test_any_presses_in_rooms_keep_one_part_running_a_room_and_close_the_block_with_its_rooms(presses):
    plan = analyze(str(FIXTURE)).plan
    from datetime import datetime, timedelta

    at = datetime.fromisoformat("2024-03-14T14:00:00+09:00")
    inside = {p.id for p in parts_of(plan).inside}
    facts = Facts()
    mark, touched = resolve(plan, facts, MarkKind.START, "forums", at)
    apply(plan, facts, mark, touched)
    for room, kind, minutes in presses:
        at += timedelta(minutes=minutes)
        try:
            mark, touched = resolve(plan, facts, MarkKind(kind), None, at, room=room)
        except ImpossibleMark:
            continue
        apply(plan, facts, mark, touched)
        running = [p for p in facts.started if p in inside and p not in facts.ended]
        assert len(running) <= 2 and set(running) == {p for p in facts.rooms.values() if p is not None}
        if "forums" in facts.ended:  # the block ended: with its last running room
            assert facts.ended["forums"] == max(facts.ended[p] for p in inside if p in facts.ended)
            assert not running
        replayed, _ = facts_from(plan, list(facts.in_force))
        assert replayed.started == facts.started and replayed.ended == facts.ended  # the log reads back alike
        state = project(plan, facts, at)
        assert state.rooms == {} or state.current is not None and state.current.id == "forums"


def test_a_rooms_desk_steps_its_track_during_the_block_and_the_day_outside_it(tmp_path):
    from datetime import datetime, timedelta

    from agenda.cli.desk import Desk
    from agenda.core.zones import zone

    class Clock:
        now = datetime(2024, 3, 14, 13, 59, tzinfo=zone("Asia/Seoul"))

        def __call__(self) -> datetime:
            return self.now

    clock = Clock()
    plan = analyze(str(FIXTURE)).plan
    log = tmp_path / "marks.jsonl"
    log.write_text('{"at": "2024-03-14T13:30:00+09:00", "mark": "start", "segment": "break-1"}\n', "utf-8")
    desk = Desk(plan, log, clock, room="room2")
    assert desk.state().next is not None and desk.state().next.id == "forums"
    clock.now += timedelta(minutes=1)
    desk.press("n")  # outside its block, the room's desk starts the block for everyone
    assert desk.state().current is not None and desk.state().current.part == "presentation-4"
    clock.now += timedelta(minutes=40)
    desk.press("n")
    records = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert [(r["segment"], r.get("room")) for r in records[1:]] == [("forums", None), ("panel-3", "room2")]
    assert records[-1]["item"] == "lee-yeonhee"


@needs_tmux
def test_run_with_a_room_in_a_terminal_marks_that_room(tmp_path, forum):
    import shlex
    import sys

    from terminal_tools import Terminal

    log = tmp_path / "desk.jsonl"
    log.write_text('{"at": "2024-03-14T14:00:00+09:00", "mark": "start", "segment": "forums"}\n', "utf-8")
    command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "agenda", "run", str(forum), "--room", "room1",
                                                "--at", "14:30", "--log", str(log)])
    term = Terminal(tmp_path, command)
    try:
        shown = term.wait_for("발제")
        assert "제1소회의실" in shown
        term.keys("n")
        term.wait_for("토론 · 윤재호 시작")
        term.keys("q")
        assert term.exit_status() == 0
    finally:
        term.close()
    records = [json.loads(line) for line in log.read_text("utf-8").splitlines()]
    assert [(r["segment"], r.get("room")) for r in records] == [("forums", None), ("panel-2", "room1")]


def test_end_skip_and_undo_in_a_room_step_only_that_track(forum):
    marks(forum, "start forums --at 14:00", "next --room room2 --at 14:40", "skip panel-3:koo --at 14:41",
          "next --room room2 --at 14:55")
    assert logged(forum)[-1]["segment"] == "qa-3"  # the skipped turn is passed over within the track
    marks(forum, "end --room room2 --at 15:10")
    day = now(forum, "15:11", "--room", "room2")
    assert day["state"] == "between" and day["current"] is None and day["next"]["id"] == "closing-1"  # done: then 폐회
    assert now(forum, "15:11")["rooms"]["room1"]["current"]["part"] == "presentation-3"  # room1 untouched
    marks(forum, "undo --at 15:12")
    assert now(forum, "15:12", "--room", "room2")["current"]["part"] == "qa-3"
    words = run("now", forum, "--at", "15:12", "--room", "room2").stdout
    assert "순서 사이" not in words and "질의응답" in words


def test_a_part_of_another_room_is_refused_in_both_languages(forum):
    marks(forum, "start forums --at 14:00")
    korean = run("mark", forum, "next", "panel-3", "--room", "room1", "--at", "14:30", exit_status=1)
    assert "'panel-3'은 'room1' 회의실의 순서가 아닙니다" in korean.stderr
    english = run("mark", forum, "next", "panel-3", "--room", "room1", "--at", "14:30", "--lang", "en",
                  exit_status=1)
    assert "'panel-3' is not in room 'room1''s track" in english.stderr
    marks(forum, "next panel-3 --at 14:40")  # a track's part named without a room: its own room's
    assert logged(forum)[-1]["room"] == "room2"


def test_a_rooms_track_ending_is_said_as_that_rooms_not_the_last_part_of_the_day(forum):
    """A new user's trial: room 2's last `next` read `마지막 순서 종료` (and on a forum of days, "Day 1 is
    over") while room 1 went on."""
    marks(forum, "start forums --at 14:00", "next --room room2 --at 14:40", "next --room room2 --at 14:55",
          "next --room room2 --at 15:10")
    said = run("mark", forum, "next", "--room", "room2", "--at", "15:29").stdout
    assert said.startswith("제2소회의실 순서 종료 15:29") and "마지막 순서" not in said, said
    assert now(forum, "15:29")["rooms"]["room1"]["current"] is not None  # room 1's track goes on
    english = run("mark", forum, "undo", "--lang", "en").stdout
    assert "latest mark withdrawn" in english
    said = run("mark", forum, "next", "--room", "room2", "--at", "15:29", "--lang", "en").stdout
    assert said.startswith("제2소회의실: its track is over (15:29)") and "last segment" not in said, said


def test_a_rooms_last_part_is_followed_by_what_follows_the_block_not_by_nothing(forum):
    """A new user's trial: a room's view during its track's last part said "nothing follows" and counted
    down to the window's end, as if the day ended with that room."""
    marks(forum, "start forums --at 14:00", "next --room room2 --at 14:40", "next --room room2 --at 14:55",
          "next --room room2 --at 15:10")
    room = now(forum, "15:12", "--room", "room2")
    assert room["current"]["id"] == "qa-3" and room["next"]["id"] == "closing-1", room
    text = run("now", forum, "--at", "15:12", "--room", "room2", "--lang", "en").stdout
    assert "nothing follows" not in text and "window's end" not in text and "폐회" in text, text
