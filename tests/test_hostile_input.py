"""Hostile input and unusual paths: nothing printed can drive a terminal, nothing read can exhaust memory."""

import json
import os
import shutil
from pathlib import Path

import pytest

from agenda.messages.ko import josa
from helpers import SEED, run, write

ESC_NAME = "e\x1b]52;c;aGk=\x07\x1b[31m.yaml"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_escapes_in_people_keys_are_refused_and_printed_inert(tmp_path):
    text = seed_text().replace("people:\n", 'people:\n  "evil\\e]8;;http://x\\a": {name: X}\n'
                                             '  "-dash": {name: Y}\n  김민수.2: {name: Z}\n', 1)
    path = write(tmp_path, text)
    result = run("validate", "--lang", "en", path, exit_status=1)
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert f"{path}:23:3: error[invalid-field] people: 'evil\\x1b]8;;http://x\\x07' is not a people id; use " \
           f"letters, digits, -, _ and . (not first), e.g. kim-minsu or 김민수\n" in result.stdout
    assert f"{path}:24:3: error[invalid-field] people: '-dash' is not a people id" in result.stdout
    assert ":25:" not in result.stdout  # a Hangul id with a dot is an id
    korean = run("validate", path, exit_status=1).stdout
    assert "\x1b" not in korean and "\x07" not in korean
    assert f"{path}:24:3: error[invalid-field] people: '-dash'은(는) people id로 쓸 수 없습니다. 글자, 숫자, -, _, .만 " \
           f"쓰고 -나 .으로 시작하지 마세요. 예: kim-minsu, 김민수\n" in korean


@pytest.mark.parametrize("command", [("validate",), ("validate", "--format", "github"), ("plan",)])
def test_control_characters_in_file_names_are_printed_inert(tmp_path, command):
    path = tmp_path / ESC_NAME
    shutil.copy(SEED, path)
    result = run(*command[:1], path, *command[1:])
    printed = result.stdout + result.stderr
    assert "slack" in printed
    assert "\x1b" not in printed and "\x07" not in printed
    assert "e\\x1b]52;c;aGk=\\x07\\x1b[31m.yaml" in printed


def test_an_unreadable_file_name_with_escapes_is_inert_too(tmp_path):
    result = run("plan", tmp_path / ESC_NAME, exit_status=2)
    assert result.stderr == \
        f"{tmp_path}/e\\x1b]52;c;aGk=\\x07\\x1b[31m.yaml: error[unreadable] no such file; check the path\n"


def test_non_utf8_file_names_keep_the_json_report_valid(tmp_path):
    folder = tmp_path / "forums"
    folder.mkdir()
    shutil.copy(SEED, os.fsdecode(os.path.join(os.fsencode(folder), b"bad\xff.yaml")))
    result = run("validate", folder, "--format", "json")
    assert [entry["path"] for entry in json.loads(result.stdout)["files"]] == [f"{folder}/bad\\xff.yaml"]


def test_dev_zero_is_refused_without_reading_it():
    result = run("validate", "/dev/zero", exit_status=2)
    assert result.stdout.startswith("/dev/zero: error[unreadable] is not a regular file (a device, FIFO or socket); "
                                    "give a forum file\n")


def test_a_fifo_is_refused_instead_of_waiting(tmp_path):
    fifo = tmp_path / "forum.yaml"
    os.mkfifo(fifo)
    assert run("plan", fifo, exit_status=2).stderr == \
        f"{fifo}: error[unreadable] is not a regular file (a device, FIFO or socket); give a forum file\n"


def test_a_folder_given_as_a_file_is_refused(tmp_path):
    assert run("plan", tmp_path, exit_status=2).stderr == \
        f"{tmp_path}: error[unreadable] is a folder; give a forum file (or use `agenda validate` on folders)\n"


def test_the_size_cap_counts_the_bytes_read_not_what_stat_says(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * (1024 * 1024) + b"\n")
    real_stat = os.stat

    def small(target, *args, **kwargs):  # a file that says it is small (a growing log, /proc)
        result = real_stat(target, *args, **kwargs)
        if str(target) == str(path):
            return os.stat_result((result.st_mode, *result[1:6], 10, *result[7:]))
        return result

    monkeypatch.setattr(os, "stat", small)
    assert "forum files are limited to 1 MiB" in run("plan", path, exit_status=2).stderr


def test_a_toml_key_of_very_many_parts_is_refused_before_parsing(tmp_path):
    path = write(tmp_path, "[forum]\nx = 1\n" + ".".join(["a"] * 40_000) + " = 1\n", "forum.toml")
    assert run("validate", path, exit_status=2).stdout.startswith(
        f"{path}:3:1: error[unreadable] a dotted key of more than 64 parts; a forum file needs a few\n")


def test_dots_inside_a_toml_string_are_text(tmp_path):
    path = write(tmp_path, '[forum]\ndescription = "' + ".".join(["a"] * 400) + '"\n', "forum.toml")
    assert "dotted key" not in run("validate", path, exit_status=1).stdout


def test_an_unreadable_sub_folder_is_an_error_not_a_silent_skip(tmp_path, monkeypatch):
    folder = tmp_path / "forums"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(SEED, folder / "good.yaml")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("validate", "--lang", "en", folder, exit_status=2)
    assert result.stdout.splitlines()[0] == \
        f"{folder}/locked: error[unreadable] folder cannot be read (Permission denied); its files were not checked"
    assert "good.yaml:68:5: warning[slack]" in result.stdout


def test_one_file_that_breaks_a_check_does_not_hide_the_others(tmp_path, monkeypatch):
    from agenda.checks import slack

    folder = tmp_path / "forums"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.yaml")
    write(folder, seed_text().replace("title: 질의응답·자유토론", "title: boom"), "b.yaml")
    real = slack.check

    def fragile(plan):
        if any(s.title == "boom" for s in plan.segments):
            raise RuntimeError("a bug")
        return real(plan)

    monkeypatch.setattr(slack, "check", fragile)
    result = run("validate", folder, "--format", "json", exit_status=2)
    files = {Path(entry["path"]).name: entry for entry in json.loads(result.stdout)["files"]}
    assert [f["code"] for f in files["a.yaml"]["findings"]] == ["slack"]
    assert files["b.yaml"]["error"]["message"] == \
        "internal error (RuntimeError: a bug); please report it with the file"


@pytest.mark.parametrize("name", ["localtime", "Factory", "posixrules", "right/Asia/Seoul", "posix/Asia/Seoul"])
def test_zone_names_that_are_not_places_are_refused(tmp_path, name):
    path = write(tmp_path, seed_text().replace("timezone: Asia/Seoul", f"timezone: {name}"))
    assert f"timezone: '{name}' is not a time zone" in run("validate", "--lang", "en", path, exit_status=1).stdout


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://a.example/", "https://"])
def test_url_takes_only_http_and_https(tmp_path, url):
    text = seed_text().replace("  timezone: Asia/Seoul", f'  timezone: Asia/Seoul\n  url: "{url}"')
    path = write(tmp_path, text)
    assert f"url: '{url}' is not a web address" in run("validate", "--lang", "en", path, exit_status=1).stdout
    assert f"url: {josa(repr(url), '은', '는')} 웹 주소가 아닙니다" in run("validate", path, exit_status=1).stdout


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_many_plain_values_without_aliases_pass(tmp_path, suffix):
    data = {"forum": {"title": "x"}, "extra": [1] * 150_000}
    result = run("validate", "--lang", "en", write(tmp_path, json.dumps(data, separators=(",", ":")), "many" + suffix),
                 exit_status=1)
    assert "unknown key 'extra'" in result.stdout and "aliases" not in result.stdout


def test_a_symbolic_link_loop_in_a_folder_run_ends(tmp_path):
    folder = tmp_path / "forums"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(SEED, folder / "2024" / "seed.yaml")
    (folder / "2024" / "back-up").symlink_to(folder)
    (folder / "elsewhere").symlink_to(folder / "2024")
    result = run("validate", "--lang", "en", folder)
    assert result.stdout.startswith(f"{folder}/2024/seed.yaml:68:5: warning[slack]")
    assert result.stdout.endswith("1 file: 0 errors, 1 warning\n")


def test_a_non_utf8_file_name_in_an_error_line_shows_its_bytes(tmp_path):
    missing = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9.yaml"))
    assert run("plan", missing, exit_status=2).stderr == \
        f"{tmp_path}/caf\\xe9.yaml: error[unreadable] no such file; check the path\n"


def test_text_that_needs_no_escape_is_told_apart_without_the_patterns():
    """`inert` and `shown` return printable text as it is, without running (or compiling) their patterns:
    every character they escape must then be one that `str.isprintable` refuses. Checked on each
    character the patterns name, and on those around them (tab, line break, space, no-break space)."""
    import re

    from agenda.render import inert as escapes

    named = [*range(0x00, 0xA1), 0xAD, *range(0x200B, 0x2070), *range(0xD7F0, 0xE010), 0xFEFF, 0x10FFFF]
    for code in named:
        for text in (f"a{chr(code)}b", f"a{chr(code)}\nb", f"a{chr(code)}\nb\tc"):
            for keep, pattern in ((False, escapes._UNSAFE), (True, escapes._UNSAFE_BUT_NEWLINE)):
                assert escapes.inert(text, keep) == re.sub(pattern, escapes._escape, text), hex(code)
            assert escapes.shown(text) == re.sub(escapes._UNSAFE_IN_TEXT, escapes._escape, text), hex(code)


def test_printable_titles_and_texts_are_told_apart_without_the_patterns():
    """A title (or a text, line breaks and tabs aside) that `str.isprintable` passes skips the model's
    search for what it may not hold: every character that search finds must be one `isprintable` refuses."""
    import re

    from pydantic_core import PydanticCustomError

    from agenda.core.model import _CONTROL, _NOT_ONE_CLEAN_LINE, _line, _text

    named = [*range(0x00, 0xA1), 0xAD, *range(0x2000, 0x2070), *range(0xD7F0, 0xE010), 0xFEFF, 0x10FFFF]
    def refused(check, text: str) -> bool:
        try:
            check(text)
        except PydanticCustomError:
            return True
        return False

    for code in named:
        text = f"a{chr(code)}b"
        assert refused(_line, text) == (re.search(_NOT_ONE_CLEAN_LINE, text) is not None), hex(code)
    for code in named:  # and a multi-line text (description, note), where line breaks and tabs are fine
        text = f"a{chr(code)}\nb\tc"
        assert refused(_text, text) == (re.search(_CONTROL, text) is not None), hex(code)
