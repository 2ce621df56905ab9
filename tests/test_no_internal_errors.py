"""Values that once ended in "internal error": each is now an invalid-field finding or a clear exit 2."""

import json

import pytest

from helpers import run, write

BASE = {"forum": {"id": "f", "title": "T", "date": "2024-05-20", "start": "10:00", "end": "12:00",
                  "timezone": "Asia/Seoul"},
        "program": [{"kind": "opening", "duration": "10m", "title": "x"}]}


def forum_json(**changes) -> str:
    data = json.loads(json.dumps(BASE))
    for where, value in changes.items():
        section, key = where.split("__")
        target = data["forum"] if section == "forum" else data["program"][0]
        if value is None:
            target.pop(key)
        else:
            target[key] = value
    return json.dumps(data)


def through_every_command(tmp_path, path, status):
    """validate, plan and export all end with `status`, and none says "internal error"."""
    results = [run("validate", "--lang", "en", path, exit_status=status),
               run("plan", path, "--format", "json", exit_status=status),
               run("export", path, "-o", tmp_path / "out.ics", "--segments", exit_status=status)]
    for result in results:
        assert "internal error" not in result.stderr + result.stdout
    return results[0].stdout


@pytest.mark.parametrize("changes, message", [
    ({"segment__duration": "99999999h"},
     "1:164: error[invalid-field] duration: '99999999h' is longer than a week (10080 minutes), "
     "the most any duration may be; check the number"),
    ({"segment__duration": 1.0e308}, "duration: '1e+308' is longer than a week (10080 minutes)"),
    ({"forum__end": None, "forum__duration": "10081m"}, "duration: '10081m' is longer than a week"),
    ({"forum__date": "0001-01-01"}, "date: the year 1 is outside 1900-2999; check the date"),
    ({"forum__date": "9999-12-31"}, "date: the year 9999 is outside 1900-2999; check the date"),
    ({"forum__updated": "0001-01-01T00:00:00"}, "updated: the year 1 is outside 1900-2999"),
    ({"forum__updated": "9999-12-31T23:59:59Z"}, "updated: the year 9999 is outside 1900-2999"),
    ({"segment__title": "a\nb"}, "title: a line break at position 2; this field is one line "
                                 "(only description and note may have several)"),
    ({"forum__series": {"title": "a\u2028b"}}, "title: a line break at position 2"),
    ({"forum__url": "https://a.example/\nb"}, "url: a line break at position 19"),
    ({"forum__url": "javascript:alert(1)"},
     "url: 'javascript:alert(1)' is not a web address; write it as https://example.org/page"),
    ({"forum__revision": 202405010930}, "revision: 202405010930 is outside 0-2147483647, the calendar's SEQUENCE range; "
                                        "count published changes 0, 1, 2, ... (not a date)"),
    ({"segment__speaker": "guest\u007f"}, "speaker: control character U+007F at position 6; remove it"),
])
def test_out_of_range_values_are_findings(tmp_path, changes, message):
    path = write(tmp_path, forum_json(**changes), "forum.json")
    assert message in through_every_command(tmp_path, path, 1)


def test_a_lone_surrogate_in_json_is_a_finding(tmp_path):
    path = write(tmp_path, forum_json().replace('"x"', '"\\udc00"'), "forum.json")
    assert "title: lone surrogate U+DC00 at position 1; remove it" in through_every_command(tmp_path, path, 1)


@pytest.mark.parametrize("changes, message", [
    ({"forum__revision": -1}, "revision: -1은(는) 캘린더 SEQUENCE 범위(0~2147483647) 밖입니다"),
    ({"forum__date": "0001-01-01"}, "date: 1년은 쓸 수 있는 1900~2999년 밖입니다. 날짜를 확인하세요"),
    ({"forum__url": "javascript:alert(1)"}, "url: 'javascript:alert(1)'은 웹 주소가 아닙니다"),
    ({"segment__title": "a\nb"}, "title: 2번째 글자에서 줄이 바뀝니다. 이 값은 한 줄로 씁니다"),
    ({"forum__end": None, "forum__duration": "10081m"}, "duration: '10081m'은(는) 일주일(10080분)보다 깁니다"),
])
def test_out_of_range_values_read_in_korean_for_a_korean_file(tmp_path, changes, message):
    path = write(tmp_path, forum_json(**changes), "forum.json")
    assert message in run("validate", path, exit_status=1).stdout


def test_a_float_too_large_for_any_float_is_refused_clearly(tmp_path):
    """Regression: `!!float` of a 401-digit integer reached the internal-error handler (OverflowError)."""
    path = write(tmp_path, "forum:\n  revision: !!float 1" + "0" * 400 + "\n", "f.yaml")
    assert run("validate", path, exit_status=2).stdout == (
        f"{path}:2:13: error[unreadable] a number too large for any value; no value in a forum file needs one\n"
        "1 file: 0 errors, 0 warnings, 1 unreadable\n")


def test_a_description_keeps_its_line_breaks(tmp_path):
    path = write(tmp_path, forum_json(forum__description="one\ntwo", forum__url="https://a.example/x"), "f.json")
    run("export", path, "-o", tmp_path / "out.ics")


@pytest.mark.parametrize("name, text, where", [
    ("f.yaml", "forum:\n  revision: " + "1" * 4301 + "\n", "f.yaml:2:13"),
    ("tagged.yaml", "forum:\n  revision: !!int " + "1" * 4301 + "\n", "tagged.yaml:2:13"),
    ("f.json", '{"forum": {"revision": ' + "1" * 4301 + "}}", "f.json:1:24"),
    ("f.toml", "[forum]\nrevision = " + "1" * 4301 + "\n", "f.toml:2:12"),
])
def test_an_integer_of_4301_digits_is_refused_clearly(tmp_path, name, text, where):
    path = write(tmp_path, text, name)
    result = run("validate", path, exit_status=2)
    assert result.stdout.startswith(
        f"{tmp_path}/{where}: error[unreadable] a number thousands of digits long; no value in a forum file needs one\n")
