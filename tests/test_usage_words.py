"""The command's own errors (UsageError) speak the reader's language: --lang, else the file's, else the locale's."""

import ast
import re
from pathlib import Path

import pytest

from helpers import ENGLISH, ROOT, SEED, run

SEED_SLACK_KO = (f"{SEED}:68:5: warning[slack] 15:55에 질의응답·자유토론이 끝나 16:00까지 5분이 비어 있습니다. "
                 f"순서 하나를 늘리거나 유연한 시간으로 바꾸세요\n")
SEED_SLACK_EN = (f"{SEED}:68:5: warning[slack] the program ends at 15:55 with 질의응답·자유토론, 5 minutes before "
                 f"the window closes at 16:00; lengthen a segment or make one flexible\n")

SAMPLES: dict[str, object] = {
    "target": "out/forum.ics", "folder": "out", "example": "out/forum.ics", "error": "Permission denied",
    "file": "forum.yaml", "paths": ("talks", "old"), "path": "forum.actuals.jsonl", "written": 12, "size": 80,
    "value": "nope", "choices": ("ics", "markdown", "pdf"), "aliases": ("md",), "output": "out.pdfx",
    "suffix": ".pdfx", "suffixes": (".ics", ".md", ".pdf"), "problem": "not-a-duration",
    "detail": "nope is not a duration", "host": "127.0.0.1", "port": 8080, "option": "--start",
    "suggestion": "Asia/Seoul", "template": "forum", "needed": 100, "start": "14:00", "end": "14:30",
    "given": 30, "seconds": 120, "browser": "/usr/bin/chromium", "status": 1, "said": ("no display",),
    "snap": True, "whose": "이상은 (lee)", "address": "이상은@example.org", "stale": ("lee.eml",),
    "index": "out/index.md", "line": 3, "variable": "AGENDA_CALDAV_PASSWORD", "id": "kim-minsu", "limit": 237,
    "command": "agenda plan", "signal": "SIGTERM", "suggestions": ("--format",), "name": "'FILE'",
    "part": "panel:2", "document": "script", "format": "ics",
    "where": "days[0].rooms[Gray Room][2].date", "room": "room9", "rooms": "room1, room2",
}
"""A value of the right type for every argument a raise site gives; a new argument name needs one here."""


def raise_sites() -> list[tuple[str, str, frozenset[str]]]:
    """(where, reason, argument names) of every `UsageError(...)` in the package, read from the source."""
    sites = []
    for source in sorted((ROOT / "agenda").rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "UsageError":
                where = f"{source.relative_to(ROOT)}:{node.lineno}"
                assert node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str), (
                    f"{where}: a UsageError's reason is a literal code, so that its words can be checked")
                assert len(node.args) == 1 and all(k.arg for k in node.keywords), f"{where}: arguments by name only"
                sites.append((where, node.args[0].value, frozenset(str(k.arg) for k in node.keywords)))
    return sites


def test_the_source_has_the_usage_errors_this_test_reads():
    sites = raise_sites()
    assert len(sites) > 50 and {"folder-missing", "calendar-only-options"} <= {reason for _, reason, _ in sites}


def test_both_languages_have_words_for_the_same_reasons_and_every_reason_is_raised():
    from agenda.messages.usage_en import USAGE as ENGLISH_WORDS
    from agenda.messages.usage_ko import USAGE as KOREAN_WORDS

    assert set(ENGLISH_WORDS) == set(KOREAN_WORDS)
    assert {reason for _, reason, _ in raise_sites()} == set(ENGLISH_WORDS)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", reason) for reason in ENGLISH_WORDS)


def _id(value: object) -> str:
    """The same name in every process (two workers collect alike): a set's names sorted, not in hash order."""
    return ",".join(sorted(value)) if isinstance(value, frozenset) else str(value)


@pytest.mark.parametrize("where, reason, names", raise_sites(), ids=_id)
def test_every_raised_reason_has_words_in_both_languages_for_the_arguments_it_gives(where, reason, names):
    from agenda.messages.usage import usage_table

    assert names <= set(SAMPLES), f"{where}: give SAMPLES a value for {sorted(names - set(SAMPLES))}"
    arguments = {name: SAMPLES[name] for name in names}
    for language in ("en", "ko"):
        words = usage_table(language).get(reason)
        assert words is not None, f"{where}: {reason!r} has no {language} words"
        sentence = words(arguments)
        assert sentence and "{" not in sentence and "None" not in sentence, (where, language, sentence)
        if language == "ko":
            assert re.search("[가-힣]", sentence), (where, sentence)


def literal_first_arguments(module: str, callee: str) -> set[str]:
    source = (ROOT / "agenda" / module).read_text(encoding="utf-8")
    return {node.args[0].value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == callee
            and node.args and isinstance(node.args[0], ast.Constant)}


def test_every_way_a_time_or_a_duration_can_be_wrong_has_its_own_korean_words():
    from agenda.messages import usage_en, usage_ko

    assert set(usage_ko._MOMENT_PROBLEMS) == literal_first_arguments("day/times.py", "NotAMoment")
    assert set(usage_en._MOMENT_PROBLEMS) == set(usage_ko._MOMENT_PROBLEMS)  # day/times.py says no sentence
    clocks = {"not-a-time", "not-a-time-range"}  # a clock's and an `at` range's, not --alarm's
    durations = literal_first_arguments("core/durations.py", "PydanticCustomError") - clocks
    assert set(usage_ko._DURATION_PROBLEMS) == durations


def test_an_error_names_its_reason_for_logs_and_only_the_edge_words_it():
    from agenda.core.errors import UsageError
    from agenda.messages.usage import usage_sentence

    error = UsageError("folder-missing", target="out/forum.ics", folder="out")
    assert str(error) == "folder-missing (folder='out', target='out/forum.ics')"
    assert (error.reason, error.arguments) == ("folder-missing", {"target": "out/forum.ics", "folder": "out"})
    assert usage_sentence(error.reason, error.arguments, "en") == (
        "out/forum.ics: the folder out does not exist; create it first")
    assert str(UsageError("no-such-reason", port=8080)) == "no-such-reason (port=8080)"
    assert usage_sentence("no-such-reason", {"port": 8080}, "en") == "no-such-reason (port=8080)"


def test_a_korean_file_written_into_a_missing_folder_is_told_so_in_korean(tmp_path: Path):
    out = tmp_path / "out" / "forum.ics"
    result = run("export", SEED, "-o", out, exit_status=2)
    assert result.stderr == SEED_SLACK_KO + f"agenda: {out}: {out.parent} 폴더가 없습니다. 먼저 만드세요\n"


def test_lang_en_gives_the_english_words_for_a_korean_file(tmp_path: Path):
    out = tmp_path / "out" / "forum.ics"
    result = run("export", SEED, "-o", out, "--lang", "en", exit_status=2, env={"LANG": "ko_KR.UTF-8"})
    assert result.stderr == SEED_SLACK_EN + f"agenda: {out}: the folder {out.parent} does not exist; create it first\n"


def test_an_english_file_gets_english_words_even_in_a_korean_locale(tmp_path: Path):
    out = tmp_path / "out" / "forum.csv"
    result = run("export", ENGLISH, "-o", out, exit_status=2, env={"LANG": "ko_KR.UTF-8"})
    assert result.stderr == f"agenda: {out}: the folder {out.parent} does not exist; create it first\n"


@pytest.mark.parametrize("options, environment, expected", [
    ((), {}, "agenda: --segments and --alarm are for calendars (.ics)\n"),
    ((), {"LANG": "ko_KR.UTF-8"}, "agenda: --segments와 --alarm은 캘린더(.ics)에만 씁니다\n"),
    (("--lang", "ko"), {}, "agenda: --segments와 --alarm은 캘린더(.ics)에만 씁니다\n"),
    (("--lang", "en"), {"LC_ALL": "ko_KR.UTF-8"}, "agenda: --segments and --alarm are for calendars (.ics)\n"),
])
def test_an_option_mistake_before_any_file_is_read_follows_lang_else_the_locale(tmp_path, options, environment,
                                                                                  expected):
    out = tmp_path / "forum.html"
    result = run("export", SEED, "-o", out, "--alarm", "1d", *options, exit_status=2, env=environment)
    assert result.stderr == expected and not out.exists()


def test_an_output_name_without_a_known_suffix_is_said_in_the_locale_before_the_file_is_read(tmp_path: Path):
    out = tmp_path / "forum.pdfx"
    result = run("export", SEED, "-o", out, exit_status=2, env={"LANG": "ko_KR.UTF-8"})
    assert result.stderr == (f"agenda: {out}: 확장자 .pdfx에서 형식을 알 수 없습니다. .ics, .md, .html, .csv, "
                             f".json, .pdf, .xml 중 하나로 끝나게 하거나 --format을 주세요\n")


def test_an_error_after_the_file_is_read_speaks_the_files_language():
    assert run("now", SEED, "--at", "25:00", exit_status=2).stderr == (
        "agenda: --at '25:00': 없는 시각입니다. HH:MM이나 HH:MM:SS로 쓰세요. 예: 14:03\n")
    assert run("now", SEED, "--at", "25:00", "--lang", "en", exit_status=2).stderr == (
        "agenda: --at: '25:00' is not a time of day; write HH:MM or HH:MM:SS, e.g. 14:03\n")


def test_init_speaks_the_new_files_language(tmp_path: Path):
    path = tmp_path / "forum.yaml"
    path.write_text("mine", encoding="utf-8")
    assert run("init", path, exit_status=2).stderr == (
        f"agenda: {path}: 이미 있는 파일입니다. 다른 이름을 고르거나 --force로 덮어쓰세요\n")
    assert run("init", path, "--lang", "en", exit_status=2, env={"LANG": "ko_KR.UTF-8"}).stderr == (
        f"agenda: {path} exists; choose another name or use --force to overwrite it\n")
    assert path.read_text(encoding="utf-8") == "mine"


def test_one_run_does_not_pass_its_language_to_the_next(tmp_path: Path):
    """In-process runs (tests, programs that embed the command) start afresh: the last file's language is gone."""
    run("now", SEED, "--at", "25:00", exit_status=2)
    result = run("export", SEED, "-o", tmp_path / "forum.html", "--alarm", "1d", exit_status=2)
    assert result.stderr == "agenda: --segments and --alarm are for calendars (.ics)\n"


def post_mark(app, token: str) -> tuple[int, dict]:
    """One POST /mark straight through the ASGI app, as a browser at the control desk sends it."""
    import asyncio
    import json

    sent: list[dict] = []
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/mark", "raw_path": b"/mark", "query_string": b"", "root_path": "",
             "headers": [(b"authorization", f"Bearer {token}".encode()), (b"content-type", b"application/json"),
                         (b"host", b"127.0.0.1")],
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80)}

    async def receive() -> dict:
        return {"type": "http.request", "body": b'{"mark": "start"}', "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(body)


@pytest.mark.parametrize("language, expected", [
    ("ko", "{log}: 기록 파일 자리에 폴더가 있습니다. --log로 파일을 주거나, --log를 빼서 FILE 옆의 .actuals.jsonl을 쓰세요"),
    ("en", "{log}: the marks log is a folder; give a file with --log, or leave --log out for FILE's .actuals.jsonl"),
])
def test_a_marks_log_the_server_cannot_write_is_said_in_the_desks_language(tmp_path, language, expected):
    from datetime import datetime

    from agenda.loading.analysis import analyze
    from agenda.day.clocks import rehearsal_clock
    from agenda.serve.app import create_app
    from agenda.serve.live import LiveDay

    plan = analyze(str(SEED)).plan
    assert plan is not None
    log = tmp_path / "marks.jsonl"
    log.mkdir()  # where the log should be, a folder: the mark cannot be appended
    clock = rehearsal_clock(datetime.fromisoformat("2023-12-13T14:03:00+09:00"))
    token = "t" * 43
    status, answer = post_mark(create_app(LiveDay(plan, log, clock, language, lambda _: None), token), token)
    assert (status, answer) == (503, {"error": expected.format(log=log)})
