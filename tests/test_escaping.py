"""What the file says is shown as text everywhere: never markup, never a terminal's control, never half a folder.

Issue 20, items 8, 9 and two of 10, one test per reproducer.
"""

import json
import os
import shutil
from pathlib import Path

import pytest

from helpers import SEED, run, write
from notice_forums import FORUM, MOVE_TALK, edited, versions
from output_checks import assert_clean_json, assert_clean_markdown, assert_clean_terminal

HOSTILE = ("<img src=x onerror=alert(1)> <script>alert(1)</script> [x](javascript:alert(1)) "
           "![y](javascript:alert(2)) &#x202E; \u202eevil\u2067")
"""A name or title that was HTML, a script, a javascript: link and bidi overrides in the outputs of main."""


def hostile(text: str, value: str = HOSTILE) -> str:
    """The notice forum with `value` as the forum's title, the talk's title and 이상은's name."""
    quoted = json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    return edited(text, ("  title: 모두의 AI 토론회", f"  title: {quoted}"),
                  ('title: "발제: AI 시대의 정당"', f"title: {quoted}"), ("name: 이상은", f"name: {quoted}"),
                  revision=int(text.split("revision: ")[1][0]))


def hostile_versions(tmp_path: Path) -> tuple[Path, Path]:
    old, new = versions(tmp_path, MOVE_TALK)
    old.write_text(hostile(old.read_text(encoding="utf-8")), encoding="utf-8")
    new.write_text(hostile(new.read_text(encoding="utf-8")), encoding="utf-8")
    return old, new


# item 8: Markdown

def test_the_notices_index_escapes_html_scripts_and_javascript_links_from_names_and_titles(tmp_path):
    old, new = hostile_versions(tmp_path)
    run("notices", old, new, "-o", tmp_path / "out")
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert_clean_markdown(index, "index.md")
    assert "\\<script\\>alert(1)\\</script\\>" in index and "\\\\u202eevil\\\\u2067" in index
    assert "- 구본권 <koo@example.org>: `koo.eml`" in index  # a plain address stays a mail link


def test_report_markdown_escapes_html_and_javascript_links_from_titles(tmp_path):
    _, new = hostile_versions(tmp_path)
    report = run("report", new, "--format", "markdown").stdout
    assert_clean_markdown(report, "report")
    assert report.startswith("# \\<img src=x onerror=alert(1)\\>")


@pytest.mark.parametrize("command", [("plan", "--format", "markdown"), ("export", "-o", "-", "--format", "md")])
def test_plan_and_export_markdown_escape_bidi_overrides_too(tmp_path, command):
    _, new = hostile_versions(tmp_path)
    assert_clean_markdown(run(command[0], new, *command[1:]).stdout, " ".join(command))


def test_diff_markdown_escapes_what_it_prints_from_the_file(tmp_path):
    old, new = hostile_versions(tmp_path)
    assert_clean_markdown(run("diff", old, new, "--format", "markdown").stdout, "diff")


def test_a_plain_ampersand_stays_as_written_in_markdown(tmp_path):
    path = write(tmp_path, FORUM.replace("title: 모두의 AI 토론회", "title: Q&A 모두의 AI 토론회"))
    assert "# Q&A 모두의 AI 토론회" in run("plan", path, "--format", "markdown").stdout


# item 9: controls and bidi overrides in terminals and JSON

def test_validate_json_writes_c1_controls_and_bidi_in_a_path_as_json_escapes(tmp_path):
    path = tmp_path / "a\u009b31m\u009d0;x\u0007\u202eb.yaml"
    shutil.copy(SEED, path)
    result = run("validate", "--format", "json", path)
    assert "\\u009b31m\\u009d0;x\\u0007\\u202eb.yaml" in result.stdout
    data = assert_clean_json(result.stdout_bytes, "validate --format json")
    assert data["files"][0]["path"] == str(path)  # a program reads back the very name


@pytest.mark.parametrize("command", [
    ("plan",), ("plan", "--timeline"), ("now", "--at", "2023-12-13T14:30+09:00"), ("report",), ("validate",),
])
def test_terminal_outputs_show_bidi_overrides_escaped(tmp_path, command):
    _, new = hostile_versions(tmp_path)
    result = run(command[0], new, *command[1:], env={"COLUMNS": "200"})
    assert_clean_terminal(result.stdout + result.stderr, " ".join(command))
    if command[0] != "validate":
        assert "\\u202eevil\\u2067" in result.stdout


def test_diff_text_shows_bidi_overrides_escaped(tmp_path):
    old, new = hostile_versions(tmp_path)
    printed = run("diff", old, new).stdout
    assert_clean_terminal(printed, "diff")
    assert "moved    <img src=x onerror=alert(1)>" in printed and "\\u202eevil\\u2067" in printed


def test_a_title_in_square_brackets_is_printed_not_taken_as_rich_markup(tmp_path):
    path = write(tmp_path, FORUM.replace('title: "발제: AI 시대의 정당"', 'title: "[bold red]발제[/] [x]"'))
    assert "[bold red]발제[/] [x]" in run("report", path, env={"COLUMNS": "200"}).stdout
    assert "[bold red]발제[/] [x]" in run("plan", path, env={"COLUMNS": "200"}).stdout


def test_the_plan_table_stays_aligned_with_an_escaped_bidi_override(tmp_path):
    path = write(tmp_path, FORUM.replace('title: "발제: AI 시대의 정당"', 'title: "발제 \u202eevil"'))
    lines = [line for line in run("plan", path, "--lang", "en", env={"COLUMNS": "100"}).stdout.splitlines()
             if line.startswith(("│", "┃", "┏", "└"))]
    from rich.cells import cell_len

    assert len({cell_len(line) for line in lines}) == 1


@pytest.mark.parametrize("command", [
    ("plan", "--format", "json"), ("now", "--at", "2023-12-13T14:30+09:00", "--format", "json"),
    ("report", "--format", "json"), ("export", "-o", "-", "--format", "json"),
])
def test_json_outputs_write_bidi_overrides_as_json_escapes(tmp_path, command):
    _, new = hostile_versions(tmp_path)
    result = run(command[0], new, *command[1:])
    assert "\\u202eevil\\u2067" in result.stdout
    data = assert_clean_json(result.stdout_bytes, " ".join(command))
    assert HOSTILE in json.dumps(data, ensure_ascii=False)  # the same text, read back


def test_diff_json_writes_bidi_overrides_as_json_escapes(tmp_path):
    old, new = hostile_versions(tmp_path)
    assert_clean_json(run("diff", old, new, "--format", "json").stdout_bytes, "diff --format json")


# the first bullet: controls are refused as invalid-field

FIELDS = [
    ("forum title", "  title: 모두의 AI 토론회", "  title: {}"),
    ("venue", "  venue: 국회의원회관 제2간담회의실", "  venue: {}"),
    ("forum id", "  id: notice-forum", "  id: {}"),
    ("person name", "  lee: {name: 이상은, email: lee.se@example.org}",
     "  lee: {{name: {}, email: lee.se@example.org}}"),
    ("person email", "  lee: {name: 이상은, email: lee.se@example.org}", "  lee: {{name: 이상은, email: {}}}"),
    ("segment title", '    title: "발제: AI 시대의 정당"', "    title: {}"),
    ("speaker id", "    speakers: [lee]", "    speakers: [{}]"),
    ("people id", "  cho: {name: 조승현}", "  {}: {{name: 조승현}}"),
]
"""(field, its line in the notice forum, the line with the value put in): a value reaches a mail header (names,
titles), a file name (ids) or a terminal (all of them)."""


@pytest.mark.parametrize("field, old, new", FIELDS, ids=[f[0] for f in FIELDS])
@pytest.mark.parametrize("control", ["\r", "\n", "\x00", "\x1b", "\x7f", "\x85", "\x9b", "\x9d"],
                         ids=["CR", "LF", "NUL", "ESC", "DEL", "NEL", "CSI", "OSC"])
def test_a_control_character_in_a_field_that_reaches_a_header_a_file_name_or_a_terminal_is_invalid_field(
        tmp_path, field, old, new, control):
    value = json.dumps(f"x{control}y")  # "x\ry": the control written as a YAML escape
    line = FORUM.splitlines().index(old) + 1
    column = new.format(value).index(value) + 1
    path = write(tmp_path, FORUM.replace(old, new.format(value)))
    english = run("validate", "--lang", "en", path, exit_status=1).stdout
    assert f"{path}:{line}:{column}: error[invalid-field] " in english, english
    korean = run("validate", path, exit_status=1).stdout
    assert f"{path}:{line}:{column}: error[invalid-field] " in korean
    assert_clean_terminal(english + korean, field)


def test_ordinary_korean_text_with_a_tab_and_a_bidi_isolate_is_valid(tmp_path):
    text = FORUM.replace("  title: 모두의 AI 토론회", '  title: "모두의\\tAI 토론회 \u2067عربي\u2069"')
    result = run("validate", write(tmp_path, text))
    assert "invalid-field" not in result.stdout
    assert_clean_terminal(result.stdout, "validate")


# item 10: a folder run, and --per-person

def test_a_folder_run_reports_a_dangling_yaml_link_as_unreadable(tmp_path):
    shutil.copy(SEED, tmp_path / "good.yaml")
    (tmp_path / "gone.yaml").symlink_to("moved-away.yaml")
    result = run("validate", "--lang", "en", tmp_path, exit_status=2)
    assert result.stdout.splitlines()[0] == (f"{tmp_path}/gone.yaml: error[unreadable] is a symbolic link to "
                                             "moved-away.yaml, which does not exist; fix the link or remove it")
    assert "good.yaml:68:5: warning[slack]" in result.stdout
    assert "2 files: 0 errors, 1 warning, 1 unreadable" in result.stdout
    assert "심볼릭 링크인데 그 파일이 없습니다" in run("validate", "--lang", "ko", tmp_path, exit_status=2).stdout


def test_a_folder_run_reports_a_fifo_named_yaml_as_unreadable_without_waiting_for_a_writer(tmp_path):
    shutil.copy(SEED, tmp_path / "good.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run("validate", "--lang", "en", tmp_path, exit_status=2)
    assert f"{tmp_path}/pipe.yaml: error[unreadable] is not a regular file (a device, FIFO or socket)" \
        in result.stdout


def test_a_folder_run_reports_a_device_named_yaml_as_unreadable(tmp_path):
    (tmp_path / "null.yaml").symlink_to("/dev/null")  # a device by its name in the folder
    result = run("validate", "--lang", "en", tmp_path, exit_status=2)
    assert result.stdout.startswith(f"{tmp_path}/null.yaml: error[unreadable] is not a regular file")


def test_a_folder_of_readable_forum_files_is_still_valid(tmp_path):
    shutil.copy(SEED, tmp_path / "good.yaml")
    (tmp_path / "notes.txt").symlink_to("nowhere.txt")  # not a forum file's name: not looked at
    run("validate", tmp_path, exit_status=0)


LONG_ID = "가" * 90  # 270 bytes in UTF-8


def test_per_person_with_a_270_byte_id_writes_nothing_and_names_the_id(tmp_path):
    path = write(tmp_path, FORUM.replace("  yang: {", f"  {LONG_ID}: {{").replace("yang]", f"{LONG_ID}]"))
    folder = tmp_path / "people"
    result = run("export", path, "--per-person", folder, "--lang", "en", exit_status=2)
    assert result.stderr == (f"agenda: {folder}: the id '{LONG_ID}' is 270 bytes, too long for a file name (at most "
                             f"237 before .ics); shorten it in `people` (nothing was written)\n")
    assert not folder.exists()
    korean = run("export", path, "--per-person", folder, exit_status=2).stderr
    assert f"id '{LONG_ID}'는 270바이트라 파일 이름으로 쓰기에 너무 깁니다" in korean
    assert not folder.exists()


def test_per_person_with_the_longest_id_that_fits_writes_every_file(tmp_path):
    longest = "a" * 237
    path = write(tmp_path, FORUM.replace("  yang: {", f"  {longest}: {{").replace("yang]", f"{longest}]"))
    run("export", path, "--per-person", tmp_path / "people")
    assert (tmp_path / "people" / f"{longest}.ics").exists()
    assert len(list((tmp_path / "people").glob("*.ics"))) == 6
