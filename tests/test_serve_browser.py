"""The live pages in headless Chromium: what a speaker, a wall and a desk actually see.

Playwright drives the machine's Chromium (no browser download), its headless shell where installed; axe-core,
bundled by axe-playwright-python, checks each page for accessibility.
Screenshots are kept in test-artifacts/ to check by eye.
"""

import os
from pathlib import Path

import pytest

from browser_tools import find_chromium
from helpers import ROOT, SEED
from live_server import LiveServer, poll

pytestmark = pytest.mark.browser  # one Chromium for the module on each worker that runs its tests

CHROMIUM = find_chromium()
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs it)")
        pytest.skip("chromium is not installed (apt-get install chromium-headless-shell)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def server(tmp_path: Path):
    forum = tmp_path / "forum.yaml"
    forum.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    live = LiveServer(forum, tmp_path / "marks.jsonl")
    yield live
    assert live.stop() == 0, live.stderr()


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
    assert (ARTIFACTS / name).stat().st_size > 1000


def test_the_stage_follows_a_mark_with_the_title_and_the_minutes_left(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{server.url}/stage")
    poll(lambda: "idle" in page.get_attribute(".timer", "class"))
    assert page.text_content(".timer .figures") == "--:--"
    assert server.mark("start")[0] == 200  # the opening: 15 minutes from 14:03
    poll(lambda: page.text_content(".current") == "개회식")
    figures = page.text_content(".timer .figures")
    minutes, seconds = map(int, figures.split(":"))
    assert 14 * 60 <= minutes * 60 + seconds <= 15 * 60, figures
    assert page.text_content(".timer .caption") == "남음"
    assert page.text_content(".next").startswith("다음: 장내 정리, 좌장 인사말")
    screenshot(page, "stage.png")
    page.close()


def test_the_stage_turns_red_and_counts_up_when_over(browser, tmp_path):
    forum = tmp_path / "forum.yaml"
    forum.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    live = LiveServer(forum, tmp_path / "marks.jsonl", at="14:20")
    try:
        assert live.mark("start", at="14:00")[0] == 200  # 15 minutes from 14:00: 5 over at 14:20
        page = browser.new_page()
        page.goto(f"{live.url}/stage")
        poll(lambda: "over" in page.get_attribute(".timer", "class"))
        assert page.text_content(".timer .figures").startswith("+05:0")
        assert page.text_content(".timer .caption") == "초과"
        screenshot(page, "stage-over.png")
        page.close()
    finally:
        assert live.stop() == 0


def test_the_programme_shows_actual_and_projected_times(browser, server):
    page = browser.new_page()
    page.goto(f"{server.url}/")
    assert server.mark("start")[0] == 200
    row = 'tr[data-id="opening"]'
    poll(lambda: page.get_attribute(row, "class") == "status-running")
    assert page.text_content(f"{row} .actual").startswith("14:03–14:18")
    assert page.text_content(f"{row} .status") == "진행 중"
    screenshot(page, "programme.png")
    page.close()


def test_the_desk_presses_next_with_the_token_from_the_address(browser, server):
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    page.goto(f"{server.url}/control#token={server.token}")
    assert "token=" not in page.url  # taken out of the address bar
    page.click('button[data-mark="next"]')
    poll(lambda: "기록했습니다" in page.text_content(".result"))
    assert server.now()["current"]["id"] == "opening"
    screenshot(page, "control.png")
    page.close()


def test_the_desk_without_the_token_records_nothing(browser, server):
    page = browser.new_page()
    page.goto(f"{server.url}/control")
    page.click('button[data-mark="next"]')
    poll(lambda: "기록하지 못했습니다" in page.text_content(".result"))
    assert not server.log.exists() or server.log.read_bytes() == b""
    page.close()


@pytest.mark.waits
def test_a_page_reconnects_after_the_server_restarts(browser, tmp_path):
    forum = tmp_path / "forum.yaml"
    forum.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    log = tmp_path / "marks.jsonl"
    first = LiveServer(forum, log)
    page = browser.new_page()
    page.goto(f"{first.url}/stage")
    poll(lambda: "idle" in page.get_attribute(".timer", "class"))
    port = first.port
    assert first.stop() == 0
    poll(lambda: page.is_visible(".offline"))
    second = LiveServer.on_port(forum, log, port)
    try:
        assert second.token == first.token  # kept beside the log
        assert second.mark("start")[0] == 200
        poll(lambda: page.text_content(".current") == "개회식", seconds=15)
        assert page.is_hidden(".offline")
    finally:
        page.close()
        assert second.stop() == 0


@pytest.mark.parametrize("path", ["/", "/stage", "/control"])
def test_the_pages_pass_axe_core(browser, server, path):
    from axe_playwright_python.sync_playwright import Axe

    assert server.mark("start")[0] == 200
    page = browser.new_page()
    page.goto(f"{server.url}{path}")
    poll(lambda: page.text_content(".day-line, .current") is not None)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.close()
