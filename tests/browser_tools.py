"""Headless Chromium for the printed-programme and live-page tests: print to PDF, read the PDF back, run axe-core.

Where a tool is missing the test is skipped with the reason, or fails under
CI (calendar_tools.need); .ci/run installs Chromium, poppler-utils,
fonts-noto-cjk and axe-core.
"""

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from calendar_tools import need

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run")


def _bundled_axe() -> Path:
    """axe-core as the test extra axe-playwright-python ships it (the live pages' tests use the same copy)."""
    try:
        import axe_playwright_python
    except ImportError:
        return Path("axe.min.js (pip install -e '.[test]')")
    return Path(axe_playwright_python.__file__).with_name("axe.min.js")


AXE = Path(os.environ.get("AGENDA_AXE_CORE") or _bundled_axe())


# The browser the tests drive: the headless shell where it is installed (as agenda's PDF export prefers
# it), a quarter of the full browser's CPU for each start and each page; else the full browser.
BROWSERS = ("chromium-headless-shell", "chromium", "chromium-browser")


def find_chromium() -> str | None:
    return next(filter(None, map(shutil.which, BROWSERS)), None)


def chromium() -> str:
    found = find_chromium()
    need(found is not None, "chromium is not installed (apt-get install chromium-headless-shell)")
    return str(found)


def poppler(tool: str, pdf: Path, *args: str) -> str:
    need(shutil.which(tool) is not None, f"{tool} is not installed (apt-get install poppler-utils)")
    return subprocess.run([tool, *args, str(pdf), "-"] if tool == "pdftotext" else [tool, *args, str(pdf)],
                          capture_output=True, text=True, check=True, timeout=60).stdout


def browse(folder: Path, *args: str) -> str:
    """Run Chromium with a fresh profile in `folder`; its standard output."""
    done = subprocess.run([chromium(), *FLAGS, f"--user-data-dir={folder / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(folder)},
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return done.stdout


def print_page(page: Path, pdf: Path) -> None:
    browse(page.parent, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert pdf.stat().st_size > 0


# Run in the page: axe-core's violations, and the timeline blocks whose text does not fit (would be cut).
_PROBE = """<script src="axe.min.js"></script><script>
axe.run(document, {resultTypes: ["violations"]}).then(function (result) {
  var cut = Array.from(document.querySelectorAll(".block"))
    .filter(function (b) { return b.scrollWidth > b.clientWidth + 1; })
    .map(function (b) { return b.textContent; });
  var out = document.createElement("pre");
  out.id = "probe-result";
  out.textContent = JSON.stringify({cut: cut, violations: result.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(function (n) { return n.target.join(" ") + ": " + (n.failureSummary || ""); })};
  })});
  document.body.appendChild(out);
});
</script>"""


def probe_page(page: Path) -> dict:
    """Serve a copy of the page with axe-core added, let Chromium run it, and read back what it found."""
    need(AXE.exists(), f"axe-core not found at {AXE} (the test extra axe-playwright-python brings it)")
    folder = page.parent / "probe"
    folder.mkdir()
    shutil.copy(AXE, folder / "axe.min.js")
    text = page.read_text(encoding="utf-8")
    assert text.count("</body>") == 1
    copy = folder / "page.html"
    copy.write_text(text.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    dom = browse(folder, "--virtual-time-budget=30000", "--dump-dom", copy.as_uri())
    found = re.search(r'<pre id="probe-result">(.*?)</pre>', dom, re.S)
    assert found, "axe-core did not report (is axe.min.js a real copy?)\n" + dom[-2000:]
    return json.loads(html.unescape(found.group(1)))
