"""A Korean file gets Korean everywhere a person reads: every command, its errors included.

Each command runs on a `ko` forum (the seed, or the notices' small forum) with
an English locale, so every Korean word comes from the file's language; the
errors met before any file is read (a missing file, an option Click refuses)
run with a Korean locale, as a Korean organizer's terminal has. What a person
reads (stdout, stderr, the server's answers) must hold no English sentence.

Ids, paths, URLs, codes, option names, quoted values and HTTP status lines are
not sentences, so they are taken out first; what is left may hold no run of
three or more ASCII words of which two are English function words ("is not a",
"cannot reach the"), the mark of an English sentence that a Korean one has not.
"""

import json
import re
import socket
from pathlib import Path

import pytest

from helpers import SEED, run, write
from live_server import LiveServer
from notice_forums import MOVE_TALK, versions

FUNCTION_WORDS = frozenset("""
a an the is are was were be been not no cannot can could does did do has have had it its this that these those
there to of in on at by for from with without as and or but if so than then write give use check fix try again
needs need must should would will may might nothing none please already sent here which what when where who
you your e.g only more less too over under into out up
""".split())

NOT_SENTENCES = [
    re.compile(r"\b[a-z][a-z0-9+.-]*://\S+"),  # URLs
    re.compile(r"\b[\w.+-]+@[\w.-]+\b"),  # addresses
    re.compile(r"(?:[\w.~-]*/[\w./~-]+)"),  # paths
    re.compile(r"`[^`]*`"),  # code
    re.compile(r"'[^'\n]*'|\"[^\"\n]*\""),  # quoted values, as the file or the person wrote them
    re.compile(r"(?<!\w)--?[A-Za-z][\w-]*(?:[ =][A-Z][A-Z_]*\b)?"),  # options and their metavars
    re.compile(r"\b(?:error|warning|info)\[[\w-]+\]"),  # finding codes
    re.compile(r"\bHTTP/\d(?:\.\d)? \d{3}[^\n]*"),  # status lines
]
"""Each is replaced by a placeholder word, so that `cannot reach URL; check the URL` still reads as a sentence."""

WORD_RUN = re.compile(r"[A-Za-z][A-Za-z']*(?:[ ,]+[A-Za-z][A-Za-z']*){2,}")


def english_sentences(text: str) -> list[str]:
    """Runs of three or more ASCII words, two of them English function words, once ids and paths are out."""
    for pattern in NOT_SENTENCES:
        text = pattern.sub(" X ", text)
    found = []
    for run_ in WORD_RUN.finditer(text):
        words = re.findall(r"[A-Za-z']+", run_.group().lower())
        if sum(word in FUNCTION_WORDS for word in words) >= 2:
            found.append(run_.group())
    return found


def test_the_detector_finds_english_sentences_and_not_ids_paths_or_codes():
    assert english_sentences("agenda: 'x' is not an email address; write it as name@example.org")
    assert english_sentences("cannot reach http://127.0.0.1:9/cal/ (connection refused); check the URL")
    assert english_sentences("the server closed the connection unexpectedly")
    assert english_sentences("No such option: --formt Did you mean --format?\nTry 'agenda plan --help' for help.")
    assert not english_sentences("/tmp/forum.yaml:11:12: error[invalid-field] email: 'not an address at all'은(는) "
                                 "이메일 주소가 아닙니다. name@example.org처럼 쓰세요")
    assert not english_sentences("--format: table, json, markdown 중에서 고르세요(받은 값: 'bogus')")
    assert not english_sentences("도움말은 agenda plan --help로 보세요. HTTP/1.1 403 Forbidden")
    assert not english_sentences('{"state": "running", "current": {"id": "opening", "title": "개회식"}}')


def said(*texts: str) -> list[str]:
    return [sentence for text in texts for sentence in english_sentences(text)]


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: bound, then let go."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def forum(tmp_path: Path) -> Path:
    return write(tmp_path, SEED.read_text(encoding="utf-8"))


def bad_email(tmp_path: Path) -> Path:
    """The seed with an address that is none: `email: not an address at all` for 이연희."""
    text = SEED.read_text(encoding="utf-8")
    person = "  lee-yeonhee: {name: 이연희, "
    assert person in text
    return write(tmp_path, text.replace(person, person + 'email: "not an address at all", '), "bad-email.yaml")


def test_a_bad_email_in_a_korean_file_is_said_in_korean(tmp_path):
    result = run("validate", bad_email(tmp_path), exit_status=1)
    assert "'not an address at all'은(는) 이메일 주소가 아닙니다. name@example.org처럼 쓰세요" in result.stdout
    assert not said(result.stdout, result.stderr)
    english = run("validate", bad_email(tmp_path), "--lang", "en", exit_status=1)
    assert "'not an address at all' is not an email address; write it as name@example.org" in english.stdout


def commands(tmp_path: Path, forum: Path) -> list[tuple[str, tuple[object, ...], int]]:
    log = tmp_path / "marks.jsonl"
    old, new = versions(tmp_path / "notices", MOVE_TALK)
    return [
        ("validate", ("validate", forum), 0),
        ("validate a bad e-mail", ("validate", bad_email(tmp_path)), 1),
        ("plan", ("plan", forum), 0),
        ("plan json", ("plan", forum, "--format", "json"), 0),
        ("plan markdown", ("plan", forum, "--format", "markdown"), 0),
        ("plan a bad e-mail", ("plan", bad_email(tmp_path)), 1),
        ("export", ("export", forum, "-o", tmp_path / "forum.ics"), 0),
        ("export the MC's script", ("export", forum, "--document", "script", "-o", tmp_path / "script.md"), 0),
        ("export a schedule", ("export", forum, "-o", tmp_path / "schedule.xml"), 0),
        ("import", ("import", tmp_path / "schedule.xml", "-o", tmp_path / "imported.yaml", "--lang", "ko"), 0),
        ("import a forum file", ("import", forum, "-o", tmp_path / "not-imported.yaml", "--lang", "ko"), 2),
        ("diff", ("diff", SEED, forum), 0),
        ("diff the notices' forum", ("diff", old, new), 0),
        ("init", ("init", tmp_path / "new.yaml", "--lang", "ko"), 0),
        ("init over a file", ("init", tmp_path / "new.yaml", "--lang", "ko"), 2),
        ("mark", ("mark", forum, "start", "--log", log, "--at", "14:03"), 0),
        ("mark an impossible mark", ("mark", forum, "skip", "opening", "--log", log, "--at", "14:04"), 1),
        ("mark a bad time", ("mark", forum, "start", "--log", log, "--at", "25:99"), 2),
        ("mark a time without offset", ("mark", forum, "start", "--log", log, "--at", "2023-12-13T14:03"), 2),
        ("now", ("now", forum, "--log", log, "--at", "14:10"), 0),
        ("report", ("report", forum, "--log", log), 0),
        ("run without a terminal", ("run", forum, "--log", log), 2),
        ("publish to a closed port", ("publish", forum, "--to", f"http://127.0.0.1:{closed_port()}/cal/"), 2),
        ("notices", ("notices", old, new, "-o", tmp_path / "drafts"), 0),
        ("notices to a closed port", ("notices", old, new, "-o", tmp_path / "drafts-sent", "--from",
                                      "토론회 사무국 <office@example.org>", "--send",
                                      f"smtp://127.0.0.1:{closed_port()}"), 2),
    ]


CASES = ["validate", "validate a bad e-mail", "plan", "plan json", "plan markdown", "plan a bad e-mail", "export", "export the MC's script", "export a schedule", "import",
         "import a forum file", "diff", "diff the notices' forum", "init", "init over a file", "mark",
         "mark an impossible mark", "mark a bad time", "mark a time without offset", "now", "report",
         "run without a terminal", "publish to a closed port", "notices", "notices to a closed port"]


def test_every_command_on_a_korean_file_says_nothing_in_english(tmp_path, forum):
    from agenda.cli import COMMANDS

    table = commands(tmp_path, forum)
    assert [name for name, _, _ in table] == CASES
    # every command is here (schema below; serve in the server's test): a new one needs its case
    assert {name for name, *_ in COMMANDS} == {args[0] for _, args, _ in table} | {"schema", "serve"}
    english = {}
    for name, args, status in table:
        result = run(*args, exit_status=None)
        assert result.exit_status == status, (name, result.stdout, result.stderr)
        found = said(result.stdout, result.stderr)
        if found:
            english[name] = found
    assert english == {}


def test_schema_says_nothing_in_english_on_the_terminal():
    """Its stdout is the JSON Schema itself, a file for editors whose descriptions are English by design."""
    result = run("schema", env={"LANG": "ko_KR.UTF-8"})
    assert json.loads(result.stdout)["$defs"] and not said(result.stderr)


@pytest.mark.parametrize("args", [
    ("plan", "missing.yaml"),
    ("plan", "missing.yaml", "--format", "bogus"),
    ("plan", "missing.yaml", "--formt", "json"),
    ("plan",),
    ("bogus",),
    ("mark", SEED, "bogus"),
    ("notices", SEED),
    ("export", SEED, "-o", "forum.nope"),  # the suffix is judged before the file is read
], ids=str)
def test_errors_before_a_file_is_read_are_said_in_the_locales_korean(args):
    result = run(*args, exit_status=2, env={"LANG": "ko_KR.UTF-8"})
    assert result.stderr and not said(result.stdout, result.stderr), result.stderr


def test_the_servers_answers_to_a_korean_forum_are_korean(tmp_path, forum):
    live = LiveServer(forum, tmp_path / "served.jsonl")
    try:
        answers = []
        for body, token in [
            (b'{"mark": "start"}', "not-the-token-at-all-0000"),
            (b'{"mark": "start"}', None),
            (b"not json", live.token),
            (b"[1]", live.token),
            (b'{"mark": "later"}', live.token),
            (b'{"mark": "next", "colour": "red"}', live.token),
            (b'{"mark": "start", "segment": 7}', live.token),
            (b'{"mark": "start", "at": "25:99"}', live.token),
            (b'{"mark": "start", "at": "2023-12-13T14:03"}', live.token),
            (b'{"mark": "end"}', live.token),
            (b"x" * 5000, live.token),
        ]:
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            status, _, answer = live.request("POST", "/mark", body, headers)
            assert status in (400, 403, 409), (status, answer)
            answers.append(json.loads(answer)["error"])
        assert not said(*answers), answers
    finally:
        assert live.stop() == 0
    assert not said(live.stderr())
