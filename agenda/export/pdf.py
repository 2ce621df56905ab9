"""The printed programme as a PDF: the HTML page, printed by headless Chromium.

Chromium shapes Korean correctly, embeds the fonts it uses (subset) and
keeps the text extractable, and honours the page's `@page { size: A4 }`;
the PDF libraries for Python either need a native stack (WeasyPrint:
Pango) or do not shape Hangul. What is missing is said before any work is
done: Chromium itself, or a Korean font when the page holds Korean.
Chromium stamps the PDF with the time of printing; that stamp is replaced
by the calendar's (forum.updated, else SOURCE_DATE_EPOCH), so the same
file gives the same bytes.
"""

import os
import re
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

from agenda.core.errors import UsageError
from agenda.export.html_page import html_page
from agenda.export.ics import stamp
from agenda.core.planner import Plan

# The headless shell first: the same Blink prints the same page, without the full browser's start-up
# (0.3 s against 1 s for the seed's programme, a quarter of the CPU).
BROWSERS = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \((D:\d{14}[^)]*)\)")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
          "--print-to-pdf-no-header")
PRINT_SECONDS = 120


def find_browser() -> str:
    """Chromium's path: AGENDA_CHROMIUM, else the first of BROWSERS on PATH."""
    chosen = os.environ.get("AGENDA_CHROMIUM")
    found = shutil.which(chosen) if chosen else next(filter(None, map(shutil.which, BROWSERS)), None)
    if found is None and chosen:
        raise UsageError("chromium-not-found", path=chosen)  # the setting is wrong, not the machine
    if found is None:
        raise UsageError("chromium-missing")
    return found


def require_korean_font() -> None:
    """Without a Korean font Chromium prints empty boxes; say which package to install instead."""
    fc_list = shutil.which("fc-list")
    listed = ""
    if fc_list:
        done = subprocess.run([fc_list, ":lang=ko", "family"], capture_output=True, text=True, timeout=60)
        listed = done.stdout.strip()
    if not listed:
        raise UsageError("korean-font-missing")


def pdf_bytes(plans: list[Plan], now: datetime, language: str | None = None) -> bytes:
    """The printed programme as PDF bytes; `now` dates it where a forum has no `updated`."""
    return print_html(html_page(plans, language), max(stamp(plan, now) for plan in plans))


def print_html(page: str, when: datetime) -> bytes:
    """Any self-contained page (the programme, the script, name plates, the booklet) as PDF, dated `when`."""
    browser = find_browser()
    if _HANGUL.search(page):
        require_korean_font()
    with tempfile.TemporaryDirectory(prefix="agenda-pdf-") as folder:
        work = Path(folder)
        source, target = work / "programme.html", work / "programme.pdf"
        source.write_text(page, encoding="utf-8")
        command = [browser, *_FLAGS, f"--user-data-dir={work / 'profile'}", f"--print-to-pdf={target}",
                   source.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=PRINT_SECONDS,
                                  env={**os.environ, "HOME": str(work)}, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise UsageError("pdf-timeout", seconds=PRINT_SECONDS) from None
        except OSError as error:
            raise UsageError("browser-unstartable", browser=browser, error=error.strerror or str(error)) from None
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            said = (done.stderr or done.stdout).strip().splitlines()[-3:]
            snap = "/snap/" in os.path.realpath(browser) and done.returncode == 0
            raise UsageError("pdf-print-failed", status=done.returncode, said=tuple(said), snap=snap)
        return _restamped(target.read_bytes(), when)


def _restamped(pdf: bytes, when: datetime) -> bytes:
    """The PDF's creation and modification dates set to `when` (UTC), where that keeps every byte offset."""
    date = f"D:{when:%Y%m%d%H%M%S}+00'00'".encode("ascii")

    def replace(match: re.Match[bytes]) -> bytes:
        if len(match.group(2)) != len(date):
            return match.group(0)
        return b"/" + match.group(1) + b" (" + date + b")"

    return _PDF_DATE.sub(replace, pdf)
