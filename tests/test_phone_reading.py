"""The exported programme and the report read on a 390 px phone without sideways scrolling (issue 24).

The grid reflows on a narrow screen only; in print each day is still one A4
page (test_printed_programme.py prints it).
"""

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from helpers import SEED, run
from test_serve_browser import browser  # noqa: F401  (the module's one Chromium)

pytestmark = pytest.mark.browser
ROOMS = FIXTURES / "rooms"


def width_at_phone(browser, page: Path) -> tuple[int, list[str]]:
    """The page's scroll width at 390 px, and what reaches past the screen's edge (outside scroll boxes)."""
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    tab.goto(page.as_uri())
    width = tab.evaluate("document.scrollingElement.scrollWidth")
    past = tab.evaluate("""Array.from(document.querySelectorAll('body *'))
        .filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.timeline-frame'))
        .map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 40))""")
    tab.close()
    return width, past


@pytest.mark.parametrize("forum", [SEED, SEED.parent / "open-data-symposium-en.yaml",
                                   ROOMS / "korean-two-rooms.yaml", ROOMS / "symposium.yaml"],
                         ids=lambda path: path.stem)
def test_the_exported_programme_reads_on_a_phone_without_sideways_scrolling(browser, forum, tmp_path):
    out = tmp_path / "programme.html"
    run("export", forum, "-o", out, exit_status=None)
    assert out.exists()
    width, past = width_at_phone(browser, out)
    assert width <= 390 and not past, past


def test_the_report_reads_on_a_phone_without_sideways_scrolling(browser, tmp_path):
    forum = tmp_path / "forum.yaml"
    shutil.copy(SEED, forum)
    run("mark", forum, "start", "--at", "14:03")
    out = tmp_path / "report.html"
    run("report", forum, "-o", out)
    width, past = width_at_phone(browser, out)
    assert width <= 390 and not past, past
