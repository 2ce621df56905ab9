"""Reading forum files: YAML 1.2 semantics, JSON and TOML, positions, and every way a file can be bad."""


from pathlib import Path

import pytest

from agenda.loading.analysis import analyze, analyze_text
from agenda.core.errors import Unreadable
from agenda.loading import MAX_FILE_BYTES, file_suffix, read_document
from agenda.loading.yaml12 import load_yaml
from agenda.messages import describe
from conftest import FIXTURES
from helpers import run

MALFORMED = sorted((FIXTURES / "malformed").iterdir())

# file -> (exit status, the one line that must be in the output)
EXPECTED = {
    "a-list.yaml": (1, "a-list.yaml:1:1: error[invalid-field] this is not a forum file (a list)"),
    "alias-bomb.yaml": (2, "alias-bomb.yaml:1:50: error[unreadable] more than 100000 values made by expanding "
                           "aliases (*name)"),
    "bad-date.yaml": (1, "bad-date.yaml:4:9: error[invalid-field] date: '2024-02-30' is not a date"),
    "bad-duration.yaml": (1, "bad-duration.yaml:10:15: error[invalid-field] duration: 'an hour' is not a duration"),
    "bad-kind.yaml": (1, "bad-kind.yaml:9:11: error[invalid-field] kind: Input should be 'registration'"),
    "bad-time.yaml": (1, "bad-time.yaml:5:10: error[invalid-field] start: '25:00' is not a time of day"),
    "bad-utf8.yaml": (2, "bad-utf8.yaml:3:10: error[unreadable] not UTF-8 (byte 0xff); save the file as UTF-8"),
    "bad-zone.yaml": (1, "bad-zone.yaml:7:13: error[invalid-field] timezone: 'Asia/Seol' is not a time zone; "
                         "did you mean 'Asia/Seoul'?"),
    "control-character.yaml": (1, "control-character.yaml:3:10: error[invalid-field] title: control character U+0007"),
    "deep-nesting.yaml": (2, "deep-nesting.yaml:2:68: error[unreadable] nested deeper than 64 levels"),
    "duplicate-key.yaml": (1, "duplicate-key.yaml:4:3: error[invalid-field] duplicate key 'title'"),
    "empty.yaml": (2, "empty.yaml:1:1: error[unreadable] the file is empty"),
    "flexible-bounds.yaml": (1, "flexible-bounds.yaml:10:15: error[invalid-field] duration: max (30m) is less than min"),
    "json-syntax.json": (2, "json-syntax.json:1:22: error[unreadable] JSON syntax: Expecting property name"),
    "no-end.yaml": (1, "no-end.yaml:2:3: error[invalid-field] forum: the window needs an end"),
    "nul-byte.yaml": (2, "nul-byte.yaml:2:8: error[unreadable] contains a NUL byte"),
    "overdetermined.yaml": (1, "overdetermined.yaml:9:5: error[invalid-field] program[0]: at, until and duration all "
                               "fix the length; give two of them"),
    "only-forum-id.yaml": (1, "only-forum-id.yaml:2:3: error[invalid-field] title is required in forum"),
    "tab-indent.yaml": (2, "tab-indent.yaml:2:1: error[unreadable] YAML syntax: found character that cannot start any token "
                           "(while scanning for the next token); YAML indents with spaces, not tabs; replace the tab"),
    "colon-in-value.yaml": (2, "colon-in-value.yaml:2:12: error[unreadable] YAML syntax: mapping values are not allowed in this "
                               "context; a value with ': ' in it needs quotes, e.g. title: \"AI: 정책\""),
    "toml-syntax.toml": (2, "toml-syntax.toml:3:9: error[unreadable] TOML syntax: Invalid value"),
    "two-documents.yaml": (2, "two-documents.yaml:2:1: error[unreadable] YAML syntax: but found another document "
                              "(expected a single document in the stream); one forum per file: move what follows "
                              "'---' to its own file"),
    "unknown-key.yaml": (1, "unknown-key.yaml:10:5: error[invalid-field] unknown key 'duraton'; did you mean 'duration'?"),
    "unknown-tag.yaml": (2, "unknown-tag.yaml:1:8: error[unreadable] unsupported tag"),
    "yaml-syntax.yaml": (2, "yaml-syntax.yaml:4:7: error[unreadable] YAML syntax: did not find expected ',' or ']'"),
    "wrong-type.yaml": (1, "wrong-type.yaml:9:10: error[invalid-field] program: Input should be a valid list"),
}


def test_every_malformed_fixture_has_an_expectation():
    assert sorted(p.name for p in MALFORMED) == sorted(EXPECTED)


@pytest.mark.parametrize("path", MALFORMED, ids=lambda p: p.name)
def test_malformed_file_gives_one_clear_message(path):
    status, line = EXPECTED[path.name]
    result = run("validate", "--lang", "en", path, exit_status=status)
    assert line in result.stdout


@pytest.mark.parametrize("path", MALFORMED, ids=lambda p: p.name)
def test_malformed_file_fails_plan_too_without_traceback(path):
    status, _ = EXPECTED[path.name]
    result = run("plan", path, exit_status=status)
    assert result.stdout == ""
    assert path.name in result.stderr


BASE = """\
forum:
  id: y
  title: {title}
  date: 2024-05-02
  start: 14:00
  end: 15:00
  timezone: Asia/Seoul
program:
  - kind: qa
    duration: 60
"""


def test_yaml_is_read_as_1_2_not_1_1():
    analysis = analyze_text(BASE.format(title="no"), "f.yaml")
    forum = analysis.forum_file.forum
    assert forum.title == "no"  # YAML 1.1 would make it False
    assert f"{forum.start:%H:%M}" == "14:00"  # YAML 1.1 would make it 840
    assert analysis.plan.window_minutes == 60


@pytest.mark.parametrize("title", ["on", "yes", "off", "y", "1_000", "0b101", "~x"])
def test_yaml_1_1_specials_stay_text(title):
    assert analyze_text(BASE.format(title=title), "f.yaml").forum_file.forum.title == title


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), ("-3", -3), ("00", 0), ("0o17", 15), ("0x1F", 31), ("1.5", 1.5), (".5", 0.5), ("1.", 1.0),
    ("1e3", 1000.0), ("-1.5E-3", -0.0015), (".inf", float("inf")), ("-.Inf", float("-inf")),
    ("14:00", "14:00"), ("25m", "25m"), ("2023-12-13", "2023-12-13"), ("1.2.3", "1.2.3"), ("+0x1", "+0x1"),
    ("-0o7", "-0o7"), ("1_000", "1_000"), ("0b1", "0b1"), (".", "."), ("1e", "1e"), ("true", True), ("~", None),
])
def test_plain_scalars_take_the_yaml_1_2_core_schema_types(text, value):
    """Regression guard for the one-pattern shortcut that lets times, dates and durations skip the number rules."""
    data, _, _ = load_yaml(f"a: {text}\nb: [{text}]\n", "f.yaml")
    assert data == {"a": value, "b": [value]} and type(data["a"]) is type(value)


def test_plain_nan_is_a_float():
    data, _, _ = load_yaml("a: .NaN\n", "f.yaml")
    assert isinstance(data["a"], float) and data["a"] != data["a"]


@pytest.mark.parametrize(("name", "suffix"), [
    ("forum.TOML", ".toml"), ("a/b.c/forum.json", ".json"), ("x/..json", ".json"), (".toml", ""), ("a/.json", ""),
    ("forum.", ""), ("forum", ""), ("a.tar.yaml", ".yaml"),
])
def test_a_file_suffix_is_read_as_a_path_reads_it(name, suffix):
    """Regression guard: the suffix is read off the string for speed, and must still agree with pathlib."""
    assert file_suffix(name) == suffix == Path(name).suffix.lower()


def test_a_dotfile_named_toml_is_not_read_as_toml(tmp_path):
    path = tmp_path / ".toml"
    path.write_text('[forum]\ntitle = "x"\n', encoding="utf-8")
    result = run("validate", path, exit_status=2)
    assert result.stdout.startswith(f"{path}:2:1: error[unreadable] YAML syntax")


def test_bom_and_crlf_are_fine(tmp_path):
    path = tmp_path / "crlf.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.format(title="T").replace("\n", "\r\n").encode())
    analysis = analyze(str(path))
    assert analysis.findings == [] and analysis.plan.window_minutes == 60


def test_a_file_over_the_size_limit_is_refused_quickly(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# padding\n" * (10 * 1024 * 1024 // 10))
    with pytest.raises(Unreadable) as raised:
        read_document(str(path))
    assert raised.value.finding.reason == "too-big"
    result = run("validate", path, exit_status=2)
    assert "big.yaml: error[unreadable] is over 1 MiB; forum files are limited to 1 MiB" in result.stdout
    assert MAX_FILE_BYTES == 1024 * 1024


def test_missing_file_and_folder_given_to_plan(tmp_path):
    assert run("plan", tmp_path / "nope.yaml", exit_status=2).stderr == f"{tmp_path / 'nope.yaml'}: error[unreadable] no such file; check the path\n"
    assert "is a folder" in run("plan", tmp_path, exit_status=2).stderr


def test_toml_forum_with_positions():
    analysis = analyze(str(FIXTURES / "formats" / "forum.toml"))
    assert [(f.code, f.location.line) for f in analysis.findings] == [
        ("slack", 18), ("unknown-person", 21)]
    assert [s.minutes for s in analysis.plan.segments] == [20, 30]


def test_json_forum_with_positions():
    analysis = analyze(str(FIXTURES / "formats" / "forum.json"))
    assert [(f.code, f.location.line, f.location.column) for f in analysis.findings] == [
        ("slack", 14, 5), ("unknown-person", 14, 49)]


def test_unquoted_date_and_times_in_toml_and_yaml_agree():
    toml = analyze(str(FIXTURES / "formats" / "forum.toml")).plan
    json_ = analyze(str(FIXTURES / "formats" / "forum.json")).plan
    assert [(s.start, s.end) for s in toml.segments] == [(s.start, s.end) for s in json_.segments]


@pytest.mark.parametrize("path", MALFORMED, ids=lambda p: p.name)
def test_malformed_file_in_korean(path):
    import re

    status, _ = EXPECTED[path.name]
    korean = run("validate", "--lang", "ko", path, exit_status=status).stdout.splitlines()
    english = run("validate", "--lang", "en", path, exit_status=status).stdout.splitlines()
    for ko_line, en_line in zip(korean[:-1], english[:-1]):
        code = re.search(r" (error|warning)\[[a-z-]+\] ", en_line)
        assert code is not None and code.group() in ko_line  # same position, severity and code
        assert re.search("[가-힣]", ko_line.split(code.group(), 1)[1]), ko_line


# The forms people write (and the tool prints), read back: durations in Korean and with `min`, a slot as a range.
WRITTEN = """\
forum:
  id: w
  title: T
  date: 2024-05-02
  start: "12:00"
  end: "16:00"
  timezone: Asia/Seoul
  language: ko
people:
  kim: {{name: 김철수}}
  lee: {{name: 이영희}}
program:
  - kind: presentation
    duration: 30m
    speaker: kim
  - kind: panel
{segment}
  - kind: qa
    duration: fill
"""


def written(segment: str):
    return analyze_text(WRITTEN.format(segment=segment), "w.yaml")


def panel_of(analysis):
    (panel,) = [s for s in analysis.plan.segments if s.kind == "panel"]
    return f"{panel.start.astimezone(analysis.plan.zone):%H:%M}", panel.minutes


@pytest.mark.parametrize(("form", "minutes"), [
    ("30분", 30), ("90분", 90), ("1시간", 60), ("2시간", 120), ("1시간 30분", 90), ("1시간30분", 90),
    ("1 시간 30 분", 90), ("30 min", 30), ("30min", 30), ("1h 30min", 90),
])
def test_a_duration_as_people_write_it_is_read_back(form, minutes):
    analysis = written(f"    duration: {form}\n    speakers: [lee]")
    assert analysis.findings == [] and panel_of(analysis) == ("12:30", minutes)


@pytest.mark.parametrize(("segment", "expected"), [
    ("    each: 15분\n    speakers: [kim, lee]", ("12:30", 30)),
    ("    duration: {min: 30분, max: 1시간}\n    speakers: [lee]\n    at: \"12:35\"\n    gap_before: 5분",
     ("12:35", 60)),  # the 5 idle minutes are allowed (no gap warning); the flexible panel grows to its max
    ("    duration: {min: 30분, max: 45 min}\n    speakers: [lee]", ("12:30", 45)),
])
def test_korean_minutes_are_read_in_each_flexible_bounds_and_gap_before(segment, expected):
    analysis = written(segment)
    assert analysis.findings == [] and panel_of(analysis) == expected


@pytest.mark.parametrize("near_miss", ["30 분s", "1시간 30m", "1시간반", "30mins"])
def test_a_near_miss_of_a_written_duration_is_refused_with_the_forms_to_write(near_miss):
    analysis = written(f"    duration: {near_miss}\n    speakers: [lee]")
    (finding,) = analysis.findings
    assert (finding.code, finding.location.line, finding.location.column) == ("invalid-field", 17, 15)
    assert describe(finding, "en") == (f"duration: '{near_miss}' is not a duration; write minutes as 15m, 1h30m, "
                                       f"30 min, 90, PT15M or 30분")
    assert describe(finding, "ko").endswith("시간 길이가 아닙니다. 30분, 1시간 30분, 15m, 1h30m, 90, PT15M처럼 쓰세요")


@pytest.mark.parametrize("slot", ["12:40~13:40", "12:40-13:40", "12:40–13:40", "12:40 ~ 13:40", "12:40 - 13:40",
                                  "12:40～13:40"])
def test_an_at_range_is_at_and_until_together(slot):
    analysis = written(f"    at: {slot}\n    speakers: [lee]")
    assert [f.code for f in analysis.findings] == ["gap"]  # 12:30-12:40 is idle: the range did pin the start
    assert panel_of(analysis) == ("12:40", 60)
    panel = analysis.forum_file.program[1]
    assert (f"{panel.at:%H:%M}", f"{panel.until:%H:%M}") == ("12:40", "13:40")


def test_an_at_range_with_a_duration_that_agrees_is_fine():
    analysis = written("    at: 12:30~13:30\n    duration: 1시간\n    speakers: [lee]")
    assert analysis.findings == [] and panel_of(analysis) == ("12:30", 60)


def test_an_at_range_and_a_duration_that_disagree_name_both():
    analysis = written("    at: 12:30~13:30\n    duration: 45m\n    speakers: [lee]")
    (finding,) = analysis.findings
    assert (finding.code, finding.location.line, finding.location.column) == ("invalid-field", 18, 15)
    assert describe(finding, "en") == ("duration: at 12:30~13:30 is 60 minutes, but duration is 45; "
                                       "fix one, or drop duration")
    assert describe(finding, "ko") == ("duration: at 12:30~13:30은 60분인데 duration은 45분입니다. "
                                       "둘 중 하나를 고치거나 duration을 지우세요")


@pytest.mark.parametrize(("extra", "line", "column", "english"), [
    ("until: \"13:30\"", 18, 12, "until: at 12:30~13:30 already gives the end; drop until, or give at the start alone"),
    ("duration: {min: 10m}", 18, 15, "duration: at 12:30~13:30 fixes the length at 60 minutes, so it cannot be "
                                     "flexible; drop duration"),
])
def test_an_at_range_beside_until_or_a_flexible_duration_is_refused(extra, line, column, english):
    (finding,) = written(f"    at: 12:30~13:30\n    {extra}\n    speakers: [lee]").findings
    assert (finding.location.line, finding.location.column, describe(finding, "en")) == (line, column, english)
    assert any("가" <= c <= "힣" for c in describe(finding, "ko"))


@pytest.mark.parametrize(("slot", "english"), [
    ("12:30~", "at: '12:30~' is not a time or a range of times; write a start, 14:00, or a slot, 12:00~13:00"),
    ("2pm-3pm", "at: '2pm-3pm' is not a time or a range of times; write a start, 14:00, or a slot, 12:00~13:00"),
    ("12:30~25:00", "at: '25:00' is not a time of day; write it as HH:MM, e.g. 14:00"),
])
def test_a_near_miss_of_a_range_says_how_to_write_one(slot, english):
    (finding,) = written(f"    at: \"{slot}\"\n    speakers: [lee]\n    duration: 30m").findings
    assert (finding.code, finding.location.line, finding.location.column) == ("invalid-field", 17, 9)
    assert describe(finding, "en") == english
    assert describe(finding, "ko").startswith("at: ")


def test_a_range_in_toml_and_json_is_read_as_in_yaml():
    toml = ('[forum]\nid = "w"\ntitle = "T"\ndate = 2024-05-02\nstart = "12:00"\nend = "13:00"\n'
            'timezone = "Asia/Seoul"\n[[program]]\nkind = "qa"\nat = "12:00~13:00"\n')
    json_ = ('{"forum": {"id": "w", "title": "T", "date": "2024-05-02", "start": "12:00", "end": "13:00", '
             '"timezone": "Asia/Seoul"}, "program": [{"kind": "qa", "at": "12:00~13:00"}]}')
    for text, name in ((toml, "w.toml"), (json_, "w.json")):
        analysis = analyze_text(text, name)
        assert analysis.findings == [] and analysis.plan.segments[0].minutes == 60
