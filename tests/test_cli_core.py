"""`agenda plan` and `agenda validate` through the real entry point, whole outputs compared."""

import json

import pytest

from helpers import BROKEN, ENGLISH, EXAMPLES, SEED, golden, run


def test_plan_seed_table_in_korean(monkeypatch):
    monkeypatch.chdir(EXAMPLES)
    result = run("plan", SEED.name)
    golden("plan-seed-ko.txt", result.stdout)
    assert "14:00~14:15" in result.stdout and "15:30~15:55" in result.stdout
    assert result.stdout.rstrip().endswith("115 / 120분 · 5분 미배정")
    assert result.stderr == (f"{SEED.name}:68:5: warning[slack] 15:55에 질의응답·자유토론이 끝나 16:00까지 "
                             "5분이 비어 있습니다. 순서 하나를 늘리거나 유연한 시간으로 바꾸세요\n")


def test_plan_seed_table_in_english(monkeypatch):
    monkeypatch.chdir(EXAMPLES)
    result = run("plan", SEED.name, "--lang", "en")
    golden("plan-seed-en.txt", result.stdout)
    assert result.stdout.rstrip().endswith("115 / 120 min · 5 min unscheduled")


def test_plan_english_example_table(monkeypatch):
    monkeypatch.chdir(EXAMPLES)
    golden("plan-english.txt", run("plan", ENGLISH.name).stdout)


def test_plan_json_is_the_contract_shape():
    data = json.loads(run("plan", SEED, "--format", "json").stdout)
    assert {k: data["forum"][k] for k in ("id", "date", "start", "end", "timezone", "window_minutes")} == {
        "id": "ai-party-2023-2", "date": "2023-12-13", "start": "2023-12-13T14:00:00+09:00",
        "end": "2023-12-13T16:00:00+09:00", "timezone": "Asia/Seoul", "window_minutes": 120}
    assert (data["scheduled_minutes"], data["slack_minutes"]) == (115, 5)
    opening = data["segments"][1]
    assert {k: opening[k] for k in ("id", "kind", "title", "start", "end", "minutes")} == {
        "id": "opening", "kind": "opening", "title": "개회식", "start": "2023-12-13T14:00:00+09:00",
        "end": "2023-12-13T14:15:00+09:00", "minutes": 15}
    assert opening["people"] == [{"name": "이연희", "role": "mc", "affiliation": "민주연구원", "title": "상근부원장"}]
    assert opening["items"][1] == {"title": "축사", "start": None, "end": None, "minutes": None, "note": None,
                                   "people": [{"name": "이개호", "role": "speaker", "affiliation": "더불어민주당",
                                               "title": "정책위원회 의장"}]}
    golden("plan-seed.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def test_plan_markdown(monkeypatch):
    golden("plan-seed.md", run("plan", SEED, "--format", "markdown").stdout)


def test_plan_of_a_broken_file_prints_the_plan_and_exits_1():
    result = run("plan", BROKEN, exit_status=1)
    assert "10:35–11:05" in result.stdout
    assert "error[overlap]" in result.stderr


def test_validate_seed_warns_and_passes(monkeypatch):
    monkeypatch.chdir(EXAMPLES)
    golden("validate-seed-ko.txt", run("validate", SEED.name).stdout)
    result = run("validate", "--lang", "en", SEED.name)
    assert result.stdout == (f"{SEED.name}:68:5: warning[slack] the program ends at 15:55 with 질의응답·자유토론, "
                             "5 minutes before the window closes at 16:00; lengthen a segment or make one flexible\n"
                             "1 file: 0 errors, 1 warning\n")


def test_validate_broken_example_in_korean(monkeypatch):
    monkeypatch.chdir(EXAMPLES)
    golden("validate-broken-ko.txt", run("validate", "--lang", "ko", BROKEN.name, exit_status=1).stdout)


def test_validate_strict_fails_on_the_warning():
    run("validate", "--strict", SEED, exit_status=1)


def test_validate_folder_text(monkeypatch):
    monkeypatch.chdir(EXAMPLES.parent)
    golden("validate-examples.txt", run("validate", "examples", exit_status=1).stdout)


def test_validate_json_has_the_contract_fields(monkeypatch):
    monkeypatch.chdir(EXAMPLES)
    data = json.loads(run("validate", "--format", "json", SEED.name).stdout)
    assert data == {"files": [{"path": SEED.name, "valid": True, "findings": [{
        "code": "slack", "severity": "warning",
        "message": "15:55에 질의응답·자유토론이 끝나 16:00까지 5분이 비어 있습니다. 순서 하나를 늘리거나 유연한 시간으로 바꾸세요",
        "line": 68, "column": 5, "path": "program[5]"}]}]}


@pytest.mark.parametrize("args", [
    ["plan", "--format", "pdf", "x.yaml"],
    ["plan"],
    ["validate", "--bogus", "x.yaml"],
    ["frobnicate"],
])
def test_bad_options_exit_2(args):
    result = run(*args, exit_status=2)
    assert result.stdout == "" and result.stderr


def test_no_arguments_shows_help():
    result = run(exit_status=2)
    assert "plan" in result.stdout + result.stderr
