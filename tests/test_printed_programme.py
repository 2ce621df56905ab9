"""The printed programme, HTML and PDF: no Korean word broken, no label cut, accessible, fonts embedded."""

import re
import stat
from pathlib import Path

import pytest

from agenda.loading.analysis import analyze
from agenda.messages.labels import labels_for
from agenda.core.planner import Plan
from agenda.render.people import person_text
from browser_tools import chromium, poppler, print_page, probe_page
from calendar_tools import need
from conftest import FIXTURES
from helpers import ENGLISH, SEED, run, write

SECTIONS = FIXTURES / "documents" / "sections.yaml"


def with_a_cancelled_segment(tmp_path: Path) -> Path:
    text = SECTIONS.read_text(encoding="utf-8").replace("  - kind: closing\n", "  - kind: closing\n    status: cancelled\n")
    assert "cancelled" in text
    return write(tmp_path, text, "cancelled.yaml")


def printed_texts(plan: Plan) -> list[str]:
    """Every title and every person (name, affiliation, position) the programme prints."""
    labels = labels_for(plan.language)
    texts = [labels.title(entry.title, entry.kind) for entry in plan.program]
    for seg in plan.segments:
        texts += [person_text(role.person, labels) for role in seg.people]
        for item in seg.items:
            texts.append(item.item.title)
            texts += [person_text(role.person, labels) for role in item.people]
    return texts


def assert_printed_whole(pdf: Path, forum: Path) -> None:
    """Every title and person is in the PDF's text, word by word in order, and no word is split across lines.

    A cell may wrap between words; pdftotext may then put a neighbouring
    cell's text between the two lines, so the words are looked for in order
    rather than side by side.
    """
    text = poppler("pdftotext", pdf)
    lines, flat = text.splitlines(), " ".join(text.split())
    for printed in printed_texts(analyze(str(forum)).plan):
        reached = 0
        for word in printed.split():
            assert any(word in line for line in lines), f"{word!r} (of {printed!r}) is split across lines"
            found = flat.find(word, reached)
            assert found >= 0, f"{word!r} of {printed!r} is missing, or out of order"
            reached = found + len(word)


def export(tmp_path: Path, forum: Path, suffix: str) -> Path:
    out = tmp_path / f"{forum.stem}{suffix}"
    run("export", forum, "-o", out)
    return out


@pytest.mark.browser
@pytest.mark.parametrize("forum", [SEED, ENGLISH], ids=lambda p: p.stem)
def test_chromium_prints_the_page_with_no_word_split(forum, tmp_path):
    pdf = tmp_path / "printed.pdf"
    print_page(export(tmp_path, forum, ".html"), pdf)
    assert_printed_whole(pdf, forum)


@pytest.mark.browser
def test_pdf_export_is_one_a4_page_with_fonts_embedded_and_words_whole(tmp_path):
    pdf = export(tmp_path, SEED, ".pdf")
    info = poppler("pdfinfo", pdf)
    assert re.search(r"^Pages:\s+1$", info, re.M) and re.search(r"^Page size:.*\(A4\)$", info, re.M), info
    fonts = poppler("pdffonts", pdf).splitlines()[2:]
    assert fonts, "the PDF uses no font: its text would not be extractable"
    assert all(line.split()[-5] == "yes" for line in fonts), "\n".join(fonts)
    assert_printed_whole(pdf, SEED)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left behind


@pytest.mark.browser
def test_pdf_by_format_option_and_to_standard_output(tmp_path):
    out = run("export", SECTIONS, "--format", "pdf", "-o", "-").stdout_bytes
    assert out.startswith(b"%PDF-")
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(out)
    assert_printed_whole(pdf, SECTIONS)


@pytest.mark.browser
@pytest.mark.parametrize("which", ["seed", "english", "sections"])
def test_axe_core_finds_no_violation_and_no_timeline_label_is_cut(which, tmp_path):
    forum = {"seed": SEED, "english": ENGLISH, "sections": with_a_cancelled_segment(tmp_path)}[which]
    found = probe_page(export(tmp_path, forum, ".html"))
    assert found["violations"] == [], found["violations"]
    assert found["cut"] == []


def test_pdf_without_chromium_says_what_to_install(tmp_path):
    out = tmp_path / "programme.pdf"
    nothing = tmp_path / "empty-path"
    nothing.mkdir()
    said = run("export", SEED, "-o", out, "--lang", "en", env={"PATH": str(nothing), "AGENDA_CHROMIUM": ""},
               exit_status=2).stderr
    assert "headless Chromium, which is not installed" in said and "apt-get install chromium" in said
    assert "chromium-headless-shell" in said  # the lighter one, where the system has it
    assert not out.exists()


@pytest.mark.parametrize("lang, says", [
    ("en", "AGENDA_CHROMIUM is no-such-browser, which is not a program that can be run"),
    ("ko", "AGENDA_CHROMIUM이 no-such-browser인데 실행할 수 있는 프로그램이 아닙니다"),
])
def test_a_wrong_agenda_chromium_is_named_not_called_missing(tmp_path, lang, says):
    """A new user's trial: with two browsers installed, a mistyped AGENDA_CHROMIUM read "Chromium is not
    installed"; the setting is what is wrong, and the message says so."""
    out = tmp_path / "programme.pdf"
    said = run("export", SEED, "-o", out, "--lang", lang, env={"AGENDA_CHROMIUM": "no-such-browser"},
               exit_status=2).stderr
    assert says in said and "not installed" not in said and "설치되어 있지 않습니다" not in said
    assert not out.exists()


def fake_tool(folder: Path, name: str, script: str) -> Path:
    folder.mkdir(exist_ok=True)
    tool = folder / name
    tool.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    return tool


@pytest.mark.browser
def test_pdf_without_a_korean_font_names_the_package(tmp_path):
    chromium()
    bin_ = tmp_path / "bin"
    fake_tool(bin_, "fc-list", "exit 0")
    out = tmp_path / "programme.pdf"
    import os

    said = run("export", SEED, "-o", out, "--lang", "en", env={"PATH": f"{bin_}:{os.environ['PATH']}"},
               exit_status=2).stderr
    assert "no Korean font is installed" in said and "fonts-noto-cjk" in said
    assert not out.exists()


def test_a_failed_print_leaves_the_previous_pdf_in_place(tmp_path):
    out = tmp_path / "programme.pdf"
    out.write_bytes(b"%PDF- the previous one")
    browser = fake_tool(tmp_path / "bin", "broken-browser", "echo 'cannot open display' >&2; exit 3")
    said = run("export", ENGLISH, "-o", out, env={"AGENDA_CHROMIUM": str(browser)}, exit_status=2).stderr
    assert "Chromium could not print the PDF (exit 3); nothing written: cannot open display" in said
    assert out.read_bytes() == b"%PDF- the previous one"


def timeline_of(page: str) -> tuple[list[str], list[str]]:
    bar = page[page.index('<div class="timeline">'):page.index('<div class="scale">')]
    blocks = re.findall(r'<div class="block[^"]*" [^>]*>([^<]*)</div>', bar)
    legend = re.findall(r'<span class="key"[^>]*>(\d+)</span><span class="name">([^<]*)</span>', page)
    return blocks, [f"{n} {name}" for n, name in legend]


def test_a_label_too_narrow_for_its_block_moves_to_the_legend(tmp_path):
    page = export(tmp_path, SEED, ".html").read_text(encoding="utf-8")
    blocks, legend = timeline_of(page)
    assert blocks == ["개회식", "1", "발제: AI 시대의 정당 혁신", "지정토론", "질의응답·자유토론", ""]
    assert legend == ["1 장내 정리, 좌장 인사말"]
    plan = analyze(str(SEED)).plan
    titles = {labels_for(plan.language).title(seg.title, seg.kind) for seg in plan.segments}
    assert all(text in titles or text.isdigit() or not text for text in blocks)  # whole, a number, or nothing


def test_the_handout_is_for_attendees(tmp_path):
    page = export(tmp_path, SEED, ".html").read_text(encoding="utf-8")
    assert "word-break: keep-all" in page and page.count("<main>") == 1
    assert "115 / 120분" not in page and "미배정" not in re.sub(r'title="[^"]*"', "", page)  # plan's figures
    scale = re.findall(r'<span class="(first|hour|last)" style="left:([\d.]+)%">(\d\d:\d\d)</span>', page)
    assert scale == [("first", "0.0000", "14:00"), ("hour", "50.0000", "15:00"), ("last", "100.0000", "16:00")]
    table = page[page.index("<table"):page.index("</table>")]
    panel = table[table.index("지정토론"):table.index("생성형 AI")]
    assert panel.index("좌장: 구본권") >= 0 and "권영설" not in panel  # chair first; speakers under their items
    assert table.count("권영설 (KTN미디어그룹 부회장)") == 1


@pytest.mark.browser
def test_the_same_file_gives_the_same_pdf(tmp_path):
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    for out in (first, second):
        run("export", SEED, "-o", out, env={"SOURCE_DATE_EPOCH": "1702443600"})
    assert first.read_bytes() == second.read_bytes()
    assert re.search(r"^CreationDate:.*2023", poppler("pdfinfo", first), re.M)


@pytest.mark.browser
def test_the_full_browser_prints_what_the_headless_shell_prints(tmp_path):
    """agenda prefers chromium-headless-shell where both are installed; a machine with only the full
    browser gets the same page: one A4 page, the same text in the same places."""
    import shutil

    need(shutil.which("chromium-headless-shell") is not None and shutil.which("chromium") is not None,
         "both chromium-headless-shell and chromium are needed (apt-get install chromium-headless-shell chromium)")
    shell, full = tmp_path / "shell.pdf", tmp_path / "full.pdf"
    run("export", SEED, "-o", shell, env={"AGENDA_CHROMIUM": "chromium-headless-shell"})
    run("export", SEED, "-o", full, env={"AGENDA_CHROMIUM": "chromium"})
    for pdf in (shell, full):
        assert re.search(r"^Page size:.*\(A4\)$", poppler("pdfinfo", pdf), re.M)
        assert re.search(r"^Pages:\s+1$", poppler("pdfinfo", pdf), re.M)
    assert poppler("pdftotext", full, "-layout") == poppler("pdftotext", shell, "-layout")
    assert poppler("pdfinfo", full).count("Producer:        Skia/PDF") == 1


@pytest.mark.browser
def test_an_over_long_token_wraps_in_its_own_cell_and_no_korean_word_breaks(tmp_path):
    url = "https://example.org/" + "abcdefghij" * 10
    text = SEED.read_text(encoding="utf-8").replace("    note: 1인, 25분", f"    note: 자료는 {url} 에서")
    forum = write(tmp_path, text, "long.yaml")
    pdf = export(tmp_path, forum, ".pdf")
    assert re.search(r"^Pages:\s+1$", poppler("pdfinfo", pdf), re.M)
    assert_printed_whole(pdf, SEED)
    text = poppler("pdftotext", pdf)
    assert sum(text.count(letter) for letter in "abcdefghij") >= 100  # wrapped inside its cell, nothing lost


def test_the_notes_column_is_left_out_when_nothing_has_a_note(tmp_path):
    page = export(tmp_path, SECTIONS, ".html").read_text(encoding="utf-8")
    assert "<th>비고</th>" not in page and '<th colspan="4" scope="colgroup">' in page
    assert "<th>비고</th>" in export(tmp_path, SEED, ".html").read_text(encoding="utf-8")


def test_the_headless_shell_is_chosen_before_the_full_browser_and_agenda_chromium_before_both(monkeypatch):
    from agenda.export import pdf

    installed = {"chromium": "/usr/bin/chromium", "chromium-headless-shell": "/usr/bin/chromium-headless-shell",
                 "/opt/chrome/chrome": "/opt/chrome/chrome"}
    monkeypatch.setattr(pdf.shutil, "which", installed.get)
    monkeypatch.delenv("AGENDA_CHROMIUM", raising=False)
    assert pdf.find_browser() == "/usr/bin/chromium-headless-shell"
    del installed["chromium-headless-shell"]
    assert pdf.find_browser() == "/usr/bin/chromium"
    monkeypatch.setenv("AGENDA_CHROMIUM", "/opt/chrome/chrome")
    assert pdf.find_browser() == "/opt/chrome/chrome"


@pytest.mark.browser
def test_a_pdf_is_not_written_to_a_terminal(tmp_path):
    """A new user's trial: `report --format pdf` with no -o poured PDF bytes into the terminal. On a
    terminal it exits 2 with what to do; piped (test_pdf_by_format_option_and_to_standard_output) it writes."""
    import os
    import pty
    import subprocess
    import sys

    chromium()
    main, terminal = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "agenda", "export", str(SEED), "--format", "pdf", "-o", "-"],
                              stdout=terminal, stderr=subprocess.PIPE, text=True, timeout=120,
                              env={**os.environ, "LANG": "C.UTF-8"})
        os.set_blocking(main, False)
        try:
            shown = os.read(main, 65536)
        except BlockingIOError:
            shown = b""
    finally:
        os.close(main)
        os.close(terminal)
    assert done.returncode == 2 and b"%PDF" not in shown
    assert "PDF는 터미널에 쓰지 않습니다. -o 파일.pdf를 주거나" in done.stderr
