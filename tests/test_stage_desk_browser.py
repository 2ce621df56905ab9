"""The stage and the desk in headless Chromium (issue 24): what the operator and the speaker see.

The desk on a phone names the running and the next part; a press while the
server is down says "not confirmed" and is recorded once when it is back;
messages, blackout, flash and chime reach the stage; every page shows the
time of day and warns of a browser clock that is off. No test here is timed:
the latencies live in benchmarks/.
"""

import json
import re
from datetime import date

import pytest

from helpers import SEED
from live_server import LiveServer, poll
from test_serve_browser import browser, screenshot  # noqa: F401  (the module's one Chromium)

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def say(server: LiveServer, **body) -> tuple[int, dict]:
    status, _, answer = server.request("POST", "/message", json.dumps(body).encode(),
                                       {"Content-Type": "application/json",
                                        "Authorization": f"Bearer {server.token}"})
    return status, json.loads(answer)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")


def test_the_desk_on_a_phone_names_the_running_part_its_people_and_the_next(browser, server):
    assert server.mark("start")[0] == 200  # the opening
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{server.url}/control#token={server.token}")
    poll(lambda: page.text_content(".running .part") == "개회식")
    poll(lambda: re.fullmatch(r"1[45]:\d\d", page.text_content(".running .timer .figures")))
    assert page.text_content('button[data-mark="next"]').startswith("다음: 장내 정리, 좌장 인사말")
    assert page.text_content('button[data-mark="skip"]').startswith("건너뛰기: 장내 정리, 좌장 인사말")
    assert no_sideways_scroll(page)
    box = page.locator('button[data-mark="next"]').bounding_box()
    assert box["width"] >= 300 and box["height"] >= 80  # one thumb finds it
    page.click('button[data-mark="next"]')
    poll(lambda: "에 기록했습니다" in page.text_content(".result"))
    assert re.search(r"14:0\d:\d\d에 기록했습니다", page.text_content(".result"))
    poll(lambda: page.text_content(".running .part").startswith("장내 정리"))
    assert server.now()["current"]["id"] == "moderator-greeting"
    screenshot(page, "desk-phone.png")
    page.close()


def test_the_desk_sends_expect_and_an_id_with_every_press(browser, server):
    page = browser.new_page(viewport=PHONE)
    sent: list[dict] = []
    page.on("request", lambda request: sent.append(json.loads(request.post_data))
            if request.url.endswith("/mark") else None)
    page.goto(f"{server.url}/control#token={server.token}")
    poll(lambda: page.text_content(".running .part") == "진행 중인 순서 없음")
    page.click('button[data-mark="next"]')
    poll(lambda: "기록했습니다" in page.text_content(".result"))
    poll(lambda: page.text_content(".running .part") == "개회식")
    page.click('button[data-mark="skip"]')
    poll(lambda: page.text_content(".result").count("기록했습니다") and len(sent) == 2)
    assert sent[0]["mark"] == "next" and sent[0]["expect"] == "none"
    assert sent[1] == {"mark": "skip", "expect": "opening", "segment": "moderator-greeting", "id": sent[1]["id"]}
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", press["id"]) for press in sent)
    assert sent[0]["id"] != sent[1]["id"]
    page.close()


@pytest.mark.waits
def test_a_press_while_the_server_is_down_is_not_confirmed_then_recorded_once(browser, forum, tmp_path):
    log = tmp_path / "marks.jsonl"
    first = LiveServer(forum, log)
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{first.url}/control#token={first.token}")
    poll(lambda: page.text_content(".running .part") == "진행 중인 순서 없음")
    port = first.port
    assert first.stop() == 0
    page.click('button[data-mark="next"]')
    poll(lambda: "확인되지 않았습니다" in page.text_content(".result"))
    assert "기록하지 못했습니다" not in page.text_content(".result")
    second = LiveServer.on_port(forum, log, port)
    try:
        poll(lambda: "기록했습니다" in page.text_content(".result"), seconds=20)
        lines = log.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 and json.loads(lines[0])["mark"] == "next"
        page.wait_for_timeout(2500)  # a retry still in flight would land here
        assert len(log.read_text(encoding="utf-8").splitlines()) == 1
    finally:
        page.close()
        assert second.stop() == 0


def test_a_message_reaches_the_stage_large_and_is_cleared(browser, server):
    stage = browser.new_page(viewport={"width": 1920, "height": 1080})
    stage.goto(f"{server.url}/stage")
    poll(lambda: stage.text_content(".time-of-day"))
    assert stage.is_hidden(".message")
    desk = browser.new_page(viewport=PHONE)
    desk.goto(f"{server.url}/control#token={server.token}")
    desk.click("button.ready >> nth=1")  # 마무리해 주세요
    poll(lambda: stage.is_visible(".message") and stage.text_content(".message") == "마무리해 주세요")
    poll(lambda: desk.text_content(".message-result") == "무대에 띄웠습니다")
    size = stage.evaluate("parseFloat(getComputedStyle(document.querySelector('.message')).fontSize)")
    assert size >= 64
    screenshot(stage, "stage-message.png")
    desk.click("button.clear")
    poll(lambda: stage.is_hidden(".message"))
    desk.close()
    stage.close()


def test_a_stage_opened_later_shows_the_message_in_force(browser, server):
    assert say(server, text="질문 두 개만 더 받겠습니다")[0] == 200
    stage = browser.new_page()
    stage.goto(f"{server.url}/stage")
    poll(lambda: stage.is_visible(".message") and stage.text_content(".message") == "질문 두 개만 더 받겠습니다")
    stage.close()


def test_blackout_turns_the_stage_black_and_back(browser, server):
    stage = browser.new_page()
    stage.goto(f"{server.url}/stage")
    poll(lambda: stage.text_content(".time-of-day"))
    assert stage.is_hidden(".blackout")
    assert say(server, blackout=True)[1]["blackout"] is True
    poll(lambda: stage.is_visible(".blackout"))
    assert stage.evaluate("getComputedStyle(document.querySelector('.blackout')).backgroundColor") == "rgb(0, 0, 0)"
    assert say(server, blackout=False)[0] == 200
    poll(lambda: stage.is_hidden(".blackout"))
    stage.close()


def test_a_flash_message_flashes_and_with_sound_chimes(browser, server):
    quiet, loud = browser.new_page(), browser.new_page()
    quiet.goto(f"{server.url}/stage")
    loud.goto(f"{server.url}/stage?sound=1")
    for page in (quiet, loud):
        poll(lambda page=page: page.text_content(".time-of-day"))
    assert say(server, text="마무리해 주세요", flash=True)[0] == 200
    for page in (quiet, loud):
        poll(lambda page=page: page.get_attribute("body", "data-flashes") == "1")
    assert loud.get_attribute("body", "data-chimes") == "1"
    assert quiet.get_attribute("body", "data-chimes") is None
    quiet.close()
    loud.close()


@pytest.mark.waits
def test_the_stage_flashes_when_the_part_enters_its_wrap_up_time(browser, server):
    at = server.now()["at"]  # the rehearsal clock, 14:03 and a few seconds
    hh, mm, ss = map(int, at[11:19].split(":"))
    started = (hh * 3600 + mm * 60 + ss) - 13 * 60 + 8  # 15 minutes long: 2 minutes and 8 seconds left
    stamp = f"{started // 3600:02d}:{started % 3600 // 60:02d}:{started % 60:02d}"
    assert server.mark("start", at=stamp)[0] == 200
    page = browser.new_page()
    page.goto(f"{server.url}/stage")
    poll(lambda: "running" in page.get_attribute(".timer", "class"))
    assert page.get_attribute("body", "data-flashes") is None
    poll(lambda: page.get_attribute("body", "data-flashes") == "1", seconds=20)
    assert "amber" in page.get_attribute(".timer", "class")
    page.close()


def test_every_page_shows_the_time_of_day_of_the_forum(browser, server):
    for path in ("/", "/stage", "/control"):
        page = browser.new_page()
        page.goto(f"{server.url}{path}")
        poll(lambda page=page: re.fullmatch(r"14:0\d:\d\d", page.text_content(".time-of-day") or ""))
        assert page.is_hidden(".clock-off")  # a rehearsal clock is off on purpose
        page.close()


def test_a_browser_clock_off_by_minutes_is_said(browser, tmp_path):
    forum = tmp_path / "forum.yaml"  # the forum is today, served on the wall clock
    text = SEED.read_text(encoding="utf-8").replace("date: 2023-12-13", f"date: {date.today().isoformat()}")
    forum.write_text(text, encoding="utf-8")
    live = LiveServer(forum, tmp_path / "marks.jsonl", at=None)
    try:
        right, wrong = browser.new_page(), browser.new_page()
        wrong.add_init_script("(() => { const real = Date.now; Date.now = () => real() + 300000; })()")
        for page in (right, wrong):
            page.goto(f"{live.url}/stage")
            poll(lambda page=page: page.text_content(".time-of-day"))
        poll(lambda: wrong.is_visible(".clock-off"))
        assert re.search(r"서버와 (29\d|30\d)초 다릅니다", wrong.text_content(".clock-off"))
        assert right.is_hidden(".clock-off")
        screenshot(wrong, "stage-clock-off.png")
        right.close()
        wrong.close()
    finally:
        assert live.stop() == 0


@pytest.mark.parametrize("path, viewport", [("/control", PHONE), ("/stage?sound=1", None), ("/", PHONE)])
def test_the_pages_pass_axe_core_with_a_message_showing(browser, server, path, viewport):
    from axe_playwright_python.sync_playwright import Axe

    assert server.mark("start")[0] == 200
    assert say(server, text="마무리해 주세요")[0] == 200
    page = browser.new_page(viewport=viewport) if viewport else browser.new_page()
    page.goto(f"{server.url}{path}")
    poll(lambda: page.text_content(".time-of-day"))
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.close()


def test_the_stage_with_nothing_running_has_no_empty_heading(browser, server):
    page = browser.new_page()
    page.goto(f"{server.url}/stage")
    poll(lambda: "idle" in page.get_attribute(".timer", "class"))
    assert page.text_content("h1").strip() == "모두의 AI : 정책과 전략 연속토론회 (제2차 AI 정당)"
    page.close()
