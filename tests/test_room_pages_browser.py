"""Rooms on the day in the pages (issue 24; FORMAT.md, "The stage and the desk"): `/control?room=ID` and
`/stage?room=ID` follow one room while its parallel block runs, and a message for one room reaches only
that room's stage. Headless Chromium, as in test_stage_desk_browser.py; nothing here is timed.
"""

import json
import shutil
from pathlib import Path

import pytest

from helpers import ROOT
from live_server import LiveServer, poll
from test_serve_browser import browser  # noqa: F401  (the module's one Chromium)

pytestmark = pytest.mark.browser
FIXTURE = ROOT / "tests" / "fixtures" / "rooms" / "korean-two-rooms.yaml"
PHONE = {"width": 390, "height": 844}
BLOCK_STARTS = "2024-03-14T14:00:00+09:00"


@pytest.fixture
def server(tmp_path: Path):
    forum = tmp_path / "forum.yaml"
    shutil.copy(FIXTURE, forum)
    live = LiveServer(forum, tmp_path / "marks.jsonl", at="14:00")
    assert live.mark("start", segment="forums", expect="none", at=BLOCK_STARTS)[0] == 200
    yield live
    assert live.stop() == 0, live.stderr()
    assert "Traceback" not in live.stderr()


def say(server: LiveServer, **body) -> tuple[int, dict]:
    status, _, answer = server.request("POST", "/message", json.dumps(body).encode(),
                                       {"Content-Type": "application/json",
                                        "Authorization": f"Bearer {server.token}"})
    return status, json.loads(answer)


def test_a_rooms_desk_presses_next_during_the_block_and_the_log_line_carries_its_room(browser, server):
    desk = browser.new_page(viewport=PHONE)
    sent: list[dict] = []
    desk.on("request", lambda request: sent.append(json.loads(request.post_data))
            if request.url.endswith("/mark") else None)
    desk.goto(f"{server.url}/control?room=room1#token={server.token}")
    assert "제1소회의실" in desk.text_content("h1")
    poll(lambda: desk.text_content(".running .people") == "최은영")  # room1's first part, not the block
    assert desk.text_content('button[data-mark="next"]').startswith("다음: 발제 보충")
    desk.click('button[data-mark="next"]')
    poll(lambda: "기록했습니다" in desk.text_content(".result"))
    poll(lambda: desk.text_content(".running .part") == "발제 보충")
    assert sent[0]["room"] == "room1" and sent[0]["expect"] == "presentation-3"
    lines = [json.loads(line) for line in server.log.read_text("utf-8").splitlines()]
    assert lines[-1]["room"] == "room1"
    rooms = server.now()["rooms"]
    assert rooms["room1"]["current"]["part"] == "panel-2:1" and rooms["room2"]["current"]["part"] == "presentation-4"
    desk.close()


def test_room_twos_stage_keeps_room_twos_part_while_room_ones_desk_advances_room_one(browser, server):
    stage = browser.new_page()
    stage.goto(f"{server.url}/stage?room=room2")
    assert stage.text_content(".room") == "제2소회의실"
    poll(lambda: stage.text_content(".current") == "발제" and "지정토론" in stage.text_content(".next"))
    desk = browser.new_page(viewport=PHONE)
    desk.goto(f"{server.url}/control?room=room1#token={server.token}")
    poll(lambda: desk.text_content(".running .people") == "최은영")
    desk.click('button[data-mark="next"]')
    poll(lambda: desk.text_content(".running .part") == "발제 보충")
    poll(lambda: server.now()["rooms"]["room1"]["current"]["part"] == "panel-2:1")
    # the stream keeps its order: once a later message shows, the state after the press has arrived too
    assert say(server, text="순서 확인")[0] == 200
    poll(lambda: stage.text_content(".message") == "순서 확인")
    assert stage.text_content(".current") == "발제" and "지정토론" in stage.text_content(".next")
    assert "running" in stage.get_attribute(".timer", "class")
    desk.close()
    stage.close()


def test_a_message_for_one_room_shows_on_that_rooms_stage_and_not_the_other(browser, server):
    one = browser.new_page()
    two = browser.new_page()
    one.goto(f"{server.url}/stage?room=room1")
    two.goto(f"{server.url}/stage?room=room2")
    poll(lambda: one.text_content(".time-of-day") and two.text_content(".time-of-day"))
    desk = browser.new_page(viewport=PHONE)
    desk.goto(f"{server.url}/control?room=room2#token={server.token}")
    desk.fill("#message-text", "2분 남았습니다")
    desk.click(".message-form button[type=submit]")
    poll(lambda: two.is_visible(".message") and two.text_content(".message") == "2분 남았습니다")
    assert one.is_hidden(".message")
    assert say(server, text="모두 마무리해 주세요")[0] == 200  # a message without a room is for every stage
    poll(lambda: one.text_content(".message") == "모두 마무리해 주세요")
    poll(lambda: two.text_content(".message") == "모두 마무리해 주세요")  # the later word, on every stage
    assert say(server, text="1분 남았습니다", room="room1")[0] == 200
    late = browser.new_page()  # a stage opened later ends on the last thing its room was told, not the other's
    late.goto(f"{server.url}/stage?room=room2")
    poll(lambda: late.text_content(".message") == "모두 마무리해 주세요")
    again = browser.new_page()
    again.goto(f"{server.url}/stage?room=room1")
    poll(lambda: again.text_content(".message") == "1분 남았습니다")
    for page in (one, two, desk, late, again):
        page.close()


def test_an_unknown_room_on_the_pages_and_in_a_message_is_refused_in_korean(server):
    for path in ("/stage?room=room9", "/control?room=room9"):
        status, _, body = server.request("GET", path)
        assert status == 400 and "room9" in json.loads(body)["error"] and "회의실" in json.loads(body)["error"]
    status, body = say(server, text="마무리해 주세요", room="room9")
    assert status == 400 and "room9" in body["error"] and "room1" in body["error"]
    status, body = say(server, text="마무리해 주세요", room=3)
    assert status == 400 and "room" in body["error"]


@pytest.mark.parametrize("path, viewport", [("/control?room=room1", PHONE), ("/stage?room=room2", None)])
def test_the_room_pages_pass_axe_core_with_a_message_showing(browser, server, path, viewport):
    from axe_playwright_python.sync_playwright import Axe

    assert say(server, text="마무리해 주세요", room="room2")[0] == 200
    page = browser.new_page(viewport=viewport) if viewport else browser.new_page()
    page.goto(f"{server.url}{path}")
    poll(lambda: page.text_content(".time-of-day"))
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.close()
