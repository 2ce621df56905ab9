"""agenda in CI and in the editor: annotations, folders, the JSON Schema, the pre-commit hook, init and diff."""

import json

import jsonschema
import pytest
import yaml

from agenda.loading import read_document
from conftest import FIXTURES
from helpers import EXAMPLES, ROOT, SEED, golden, run

REPO = FIXTURES / "repo"
REVISED = FIXTURES / "revised-seed.yaml"
NOTE = "forums/drafts/notes.yaml: skipped, not a forum file (no `forum` key)\n"


def test_folder_in_text(monkeypatch):
    monkeypatch.chdir(REPO)
    result = run("validate", "forums", exit_status=1)
    golden("repo-validate.txt", result.stdout)
    assert result.stderr == NOTE


def test_folder_in_github_annotations(monkeypatch):
    monkeypatch.chdir(REPO)
    result = run("validate", "--format", "github", "--lang", "en", "forums/", exit_status=1)
    assert result.stdout == (
        "::warning file=forums/2023/warning-only.yaml,line=68,col=5,title=slack::the program ends at 15:55 with "
        "질의응답·자유토론, 5 minutes before the window closes at 16:00; lengthen a segment or make one flexible\n"
        "::error file=forums/drafts/broken.yaml,line=9,col=45,title=unknown-person::'nobody' is not in people; "
        "add the person to people, e.g. `nobody: {name: ..., title: ..., affiliation: ...}`, or write them inline "
        "as {name: ...}\n"
        "::error file=forums/drafts/broken.yaml,line=10,col=5,title=window-overflow::Q&A ends at 11:05, "
        "5 minutes after the window closes at 11:00; shorten the program or move forum.end\n")
    assert result.stderr == NOTE + "4 files: 2 errors, 1 warning\n"
    korean = run("validate", "--format", "github", "forums/", exit_status=1)
    assert korean.stdout.splitlines()[0] == (
        "::warning file=forums/2023/warning-only.yaml,line=68,col=5,title=slack::15:55에 질의응답·자유토론이 끝나 "
        "16:00까지 5분이 비어 있습니다. 순서 하나를 늘리거나 유연한 시간으로 바꾸세요")
    assert korean.stderr == NOTE + "4 files: 2 errors, 1 warning\n"  # several files: the locale (C) decides
    in_korean_locale = run("validate", "--format", "github", "forums/", exit_status=1, env={"LANG": "ko_KR.UTF-8"})
    assert in_korean_locale.stderr == ("forums/drafts/notes.yaml: 포럼 파일이 아니라(`forum` 키 없음) 건너뜁니다\n"
                                       "파일 4개: 오류 2개, 경고 1개\n")


def test_folder_in_json(monkeypatch):
    monkeypatch.chdir(REPO)
    data = json.loads(run("validate", "--format", "json", "forums", exit_status=1).stdout)
    assert [(f["path"], f["valid"], [x["code"] for x in f["findings"]]) for f in data["files"]] == [
        ("forums/2023/warning-only.yaml", True, ["slack"]),
        ("forums/drafts/broken.yaml", False, ["unknown-person", "window-overflow"]),
        ("forums/drafts/series.toml", True, []),
        ("forums/good.yaml", True, []),
    ]


def test_one_unreadable_file_does_not_stop_the_others_and_the_worst_exit_wins(tmp_path):
    (tmp_path / "a-bad.yaml").write_text("forum: [\n", encoding="utf-8")
    (tmp_path / "b-good.yaml").write_text((REPO / "forums" / "good.yaml").read_text(), encoding="utf-8")
    result = run("validate", tmp_path, exit_status=2)
    assert result.stdout.splitlines()[-1] == "2 files: 0 errors, 0 warnings, 1 unreadable"
    github = run("validate", "--format", "github", tmp_path / "a-bad.yaml", exit_status=2).stdout
    assert github.startswith(f"::error file={tmp_path / 'a-bad.yaml'},line=2,col=1,title=unreadable::YAML syntax")


def test_strict_fails_only_on_warnings(monkeypatch):
    monkeypatch.chdir(REPO)
    run("validate", "--strict", "forums/good.yaml")
    run("validate", "--strict", "forums/2023", exit_status=1)


def test_an_empty_folder_is_an_error(tmp_path):
    assert "no forum files" in run("validate", tmp_path, exit_status=2).stderr


def test_github_escapes_newlines_and_percent():
    from agenda.core.findings import Finding, Location, Severity
    from agenda.render.findings_report import report_github
    from agenda.loading.validation import FileReport

    finding = Finding("unused-person", Severity.WARNING, "", {"id": "x", "name": "50% idle\nnext line"},
                      Location(file="a,b:c.yaml", line=1, column=2))
    assert report_github([FileReport("a,b:c.yaml", [finding], "en")]) == \
        "::warning file=a%2Cb%3Ac.yaml,line=1,col=2,title=unused-person::'x' (50%25 idle%0Anext line) is in people " \
        "but takes no part\n"


def schema() -> dict:
    return json.loads(run("schema").stdout)


def test_schema_command_matches_the_committed_schema_file():
    assert run("schema").stdout == (ROOT / "schema" / "forum.schema.json").read_text(encoding="utf-8")


def test_schema_describes_every_field_and_lists_the_kinds():
    data = schema()
    assert data["$defs"]["Kind"]["enum"] == ["registration", "opening", "remarks", "transition", "presentation",
                                             "keynote", "panel", "qa", "break", "closing", "other",
                                             "section", "parallel", "day"]
    for name, definition in [("agenda forum file", data), *data["$defs"].items()]:
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_schema_accepts_every_example(example):
    jsonschema.validate(read_document(str(example)).data, schema())


@pytest.mark.parametrize("change, message", [
    (("kind: presentation", "kind: workshop"), "'workshop' is not one of"),
    (("duration: 25m", "duration: an hour"), "'an hour' does not match"),
    (("duration: 25m", "duraton: 25m"), "Additional properties are not allowed ('duraton' was unexpected)"),
])
def test_schema_rejects_what_validate_rejects(tmp_path, change, message):
    path = tmp_path / "f.yaml"
    path.write_text(SEED.read_text(encoding="utf-8").replace(*change, 1), encoding="utf-8")
    with pytest.raises(jsonschema.ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        jsonschema.validate(read_document(str(path)).data, schema())
    run("validate", path, exit_status=1)


def test_pre_commit_hook_definition():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "agenda-validate" and hook["entry"] == "agenda validate --skip-non-forum"
    # pre-commit passes every matching file by name, forum files or not
    result = run("validate", "--skip-non-forum", REPO / "forums" / "drafts" / "notes.yaml", REPO / "forums" / "good.yaml")
    assert result.stdout == "1 file: 0 errors, 0 warnings\n" and "skipped, not a forum file" in result.stderr


@pytest.mark.parametrize("template", ["forum", "symposium"])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_init_writes_a_valid_file(tmp_path, template, lang):
    path = tmp_path / f"{template}-{lang}.yaml"
    result = run("init", path, "--template", template, "--lang", lang, "--date", "2024-09-10",
                 "--title", "Test: a \"quoted\" title", "--timezone", "Europe/Berlin")
    assert result.stderr == {"ko": f"{path}에 썼습니다. 다음 단계: agenda plan {path}\n",
                             "en": f"wrote {path}; next: agenda plan {path}\n"}[lang]
    summary = "파일 1개: 오류 0개, 경고 0개\n" if lang == "ko" else "1 file: 0 errors, 0 warnings\n"
    assert run("validate", "--strict", path).stdout == summary
    plan = json.loads(run("plan", path, "--format", "json").stdout)
    assert plan["forum"]["title"] == 'Test: a "quoted" title' and plan["forum"]["timezone"] == "Europe/Berlin"
    assert plan["slack_minutes"] == 0


def test_init_never_overwrites_without_force(tmp_path):
    path = tmp_path / "forum.yaml"
    path.write_text("mine", encoding="utf-8")
    assert "exists" in run("init", path, "--lang", "en", exit_status=2).stderr
    assert path.read_text(encoding="utf-8") == "mine"
    run("init", path, "--force", "--date", "2024-09-10")
    assert path.read_text(encoding="utf-8").startswith("# Made by `agenda init`")


def test_init_with_a_window_too_short_writes_nothing(tmp_path):
    path = tmp_path / "short.yaml"
    result = run("init", path, "--lang", "en", "--start", "10:00", "--end", "10:30", "--date", "2024-09-10",
                 exit_status=2)
    assert result.stderr == (
        "agenda: nothing written: the forum template's programme needs 100 minutes, and --start 10:00 "
        "--end 10:30 give 30; give a later --end (or none) and shorten the programme in the file afterwards\n")
    result = run("init", path, "--start", "10:00", "--end", "10:30", "--date", "2024-09-10", exit_status=2)
    assert result.stderr == (
        "agenda: 아무것도 쓰지 않았습니다. forum 템플릿의 프로그램에는 100분이 필요한데 --start 10:00부터 "
        "--end 10:30까지는 30분뿐입니다. --end를 늦추거나 빼고, 프로그램은 파일에서 줄이세요\n")
    assert not path.exists()


@pytest.mark.parametrize("option, value, message", [
    ("--start", "2pm", "agenda: --start '2pm': give a time of day as HH:MM, e.g. 14:00\n"),
    ("--end", "25:00", "agenda: --end '25:00': give a time of day as HH:MM, e.g. 14:00\n"),
    ("--date", "2024-02-30", "agenda: --date '2024-02-30': give a date as YYYY-MM-DD, e.g. 2024-05-20\n"),
    ("--timezone", "localtime", "agenda: --timezone: 'localtime' is not a time zone; "
                                "give an IANA name such as Asia/Seoul\n"),
])
def test_init_refuses_an_option_it_cannot_use_in_plain_words(tmp_path, option, value, message):
    path = tmp_path / "new.yaml"
    assert run("init", path, option, value, "--lang", "en", exit_status=2).stderr == message
    assert not path.exists()


def test_init_rejects_an_unknown_template(tmp_path):
    assert "--template 'gala'" in run("init", tmp_path / "x.yaml", "--template", "gala", exit_status=2).stderr


def test_diff_lists_exactly_the_changes():
    result = run("diff", SEED, REVISED)
    assert result.stdout == (
        "resized  발제: AI 시대의 정당 혁신: 25분 → 20분\n"
        "moved    지정토론: 14:45–15:30 → 14:40–15:10\n"
        "resized  지정토론: 45분 → 30분\n"
        "people   지정토론: −양승오\n"
        "added    휴식: 15:10–15:20\n"
        "moved    질의응답·자유토론: 15:30–15:55 → 15:20–15:45\n"
        "바뀐 것 6개\n")


def test_diff_json_and_markdown():
    data = json.loads(run("diff", SEED, REVISED, "--format", "json").stdout)
    assert [(c["change"], c["segment"]) for c in data["changes"]] == [
        ("resized", "presentation"), ("moved", "panel"), ("resized", "panel"), ("people", "panel"),
        ("added", "break"), ("moved", "qa")]
    assert data["changes"][3]["detail"] == {"removed": ["양승오"], "added": []}
    golden("diff-seed.md", run("diff", SEED, REVISED, "--format", "markdown").stdout)


def test_diff_of_a_file_with_itself_is_empty():
    assert run("diff", SEED, SEED).stdout == "바뀐 것이 없습니다\n"


def test_diff_of_an_invalid_file_exits_1():
    run("diff", SEED, EXAMPLES / "broken-forum.yaml", exit_status=0)
    run("diff", SEED, FIXTURES / "malformed" / "bad-kind.yaml", exit_status=1)


def test_validate_paths_is_the_library_behind_the_command(monkeypatch):
    from agenda.core.status import ExitStatus
    from agenda.loading.validation import validate_paths

    monkeypatch.chdir(REPO)
    run_ = validate_paths(["forums"])
    assert run_.skipped == ["forums/drafts/notes.yaml"]
    assert [(r.path, r.valid) for r in run_.reports] == [
        ("forums/2023/warning-only.yaml", True), ("forums/drafts/broken.yaml", False),
        ("forums/drafts/series.toml", True), ("forums/good.yaml", True)]
    assert run_.status() is ExitStatus.INVALID
    assert validate_paths(["forums/good.yaml"]).status(strict=True) is ExitStatus.SUCCESS
