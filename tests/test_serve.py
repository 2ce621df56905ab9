"""`agenda serve` over real HTTP: the JSON, the token, hostile titles, a torn log, live marks, shutdown.

Each test starts the server on a free 127.0.0.1 port in rehearsal mode
(`--at 14:03`), so nothing depends on the real clock, and stops it by its
process id. Waits are generous polls, never fixed deadlines.
"""

import json
import os
import signal
import stat
import threading
from pathlib import Path

import pytest

from helpers import SEED, run, write
from live_server import EventStream, LiveServer, poll


def test_now_json_is_what_agenda_now_prints_at_the_same_instant(server, forum):
    assert server.mark("start")[0] == 200
    status, headers, body = server.request("GET", "/now.json")
    assert status == 200 and headers["content-type"] == "application/json"
    state = json.loads(body)
    printed = run("now", forum, "--at", state["at"], "--format", "json", "--log", server.log).stdout
    assert body.decode("utf-8") == printed
    assert state["state"] == "running" and state["current"]["id"] == "opening"


def test_a_mark_with_the_token_lands_and_one_without_it_does_not(server):
    for token in (False, "not-the-token-at-all-0000"):
        status, answer = server.mark("start", token=token)
        assert status == 403 and answer["error"] == (
            "기록하려면 서버를 시작할 때 출력된 토큰이 필요합니다(Authorization: Bearer TOKEN)")
        assert not server.log.exists() or server.log.read_bytes() == b""
    status, answer = server.mark("start")
    assert status == 200
    assert answer["said"].startswith("개회식 시작 14:0")
    lines = server.log.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["mark"] for line in lines] == ["start"]
    assert answer["now"]["current"]["id"] == "opening"


def test_an_impossible_mark_is_refused_with_409_and_appends_nothing(server):
    status, answer = server.mark("end")
    assert status == 409 and answer["error"] == "진행 중인 순서가 없어 끝낼 것이 없습니다. 먼저 순서를 시작하세요. 아무것도 기록하지 않았습니다"
    assert not server.log.exists() or server.log.read_bytes() == b""


@pytest.mark.parametrize("body, says", [
    (b"not json", '요청 본문이 JSON이 아닙니다. {"mark": "next"}처럼 보내세요'),
    (b"[1, 2]", "JSON 객체여야 합니다"),
    (b'{"mark": "later"}', "`mark`는 start, end, next, skip, undo 중 하나여야 합니다"),
    (b'{"mark": "next", "colour": "red"}', "모르는 필드 'colour'입니다. 필드는 mark, segment, at, expect, id, note, room입니다"),
    (b'{"mark": "start", "at": "25:99"}', "'25:99': 없는 시각입니다. HH:MM이나 HH:MM:SS로 쓰세요"),
    (b'{"mark": "start", "at": "2023-12-13T14:03:00"}', "'2023-12-13T14:03:00': 시차가 없습니다"),
    (b'{"mark": "start", "segment": 7}', "`segment`는 문자열이어야 합니다"),
    (b"x" * 5000, "요청 본문이 4096바이트를 넘습니다"),
    (b"[" * 4000, "JSON이 아닙니다"),  # nested deeper than the JSON reader goes
])
def test_a_bad_body_gets_400_with_a_message(refusing_server, body, says):
    server = refusing_server
    status, headers, answer = server.request("POST", "/mark", body, {"Authorization": f"Bearer {server.token}"})
    assert status == 400 and headers["content-type"] == "application/json"
    assert says in json.loads(answer)["error"]
    assert not server.log.exists()


def test_a_hostile_title_stays_inert(tmp_path):
    hostile = SEED.read_text(encoding="utf-8").replace(
        'title: "모두의 AI : 정책과 전략 연속토론회 (제2차 AI 정당)"',
        'title: "</title><script>alert(1)</script>"').replace(
        "title: 장내 정리, 좌장 인사말", "title: \"<img src=x onerror=alert(2)>\"")
    assert "<script>" in hostile and "onerror" in hostile
    live = LiveServer(write(tmp_path, hostile), tmp_path / "marks.jsonl")
    try:
        for page in ("/", "/stage", "/control"):
            status, headers, body = live.request("GET", page)
            text = body.decode("utf-8")
            assert status == 200
            assert "script-src 'self'" in headers["content-security-policy"]
            assert "<script>alert" not in text and "<img src=x" not in text
            assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in text
            assert text.count("<script") == text.count('<script src="/static/')
    finally:
        assert live.stop() == 0


def test_a_torn_log_line_does_not_stop_the_server(server):
    assert server.mark("start")[0] == 200
    with open(server.log, "ab") as log:
        log.write(b'{"at": "2023-12-13T14:1')  # a write cut short
    assert server.now()["current"]["id"] == "opening"
    poll(lambda: "마지막 줄이 쓰는 도중에 끊겼습니다(비정상 종료). 이 줄은 건너뜁니다" in server.stderr())
    status, answer = server.mark("next")
    assert status == 200, answer
    lines = server.log.read_bytes().split(b"\n")
    assert json.loads(lines[-2])["mark"] == "next"  # the new mark starts on a line of its own


def test_a_mark_from_agenda_mark_reaches_an_open_event_stream(server, forum):
    stream = EventStream(server.port)
    try:
        assert stream.next_now()["state"] == "before"
        run("mark", forum, "start", "--at", "14:05", "--log", server.log)
        state = poll(lambda: stream.next_now())
        while state["state"] != "running":
            state = stream.next_now()
        assert state["current"]["title"] == "개회식"
    finally:
        stream.close()


def test_a_posted_mark_reaches_every_open_stream(server):
    streams = [EventStream(server.port) for _ in range(20)]
    try:
        for stream in streams:
            assert stream.next_now()["state"] == "before"
        assert server.mark("start")[0] == 200
        for stream in streams:
            state = stream.next_now()
            while state["state"] != "running":
                state = stream.next_now()
    finally:
        for stream in streams:
            stream.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_streams_and_ends_with_0(forum, tmp_path, sig):
    live = LiveServer(forum, tmp_path / "marks.jsonl")
    stream = EventStream(live.port)
    stream.next_now()
    assert live.mark("start")[0] == 200
    ended = threading.Event()

    def drain() -> None:
        try:
            while True:
                stream.next_event()
        except (EOFError, OSError):
            ended.set()

    threading.Thread(target=drain, daemon=True).start()
    assert live.stop(sig) == 0, live.stderr()
    assert ended.wait(10)
    assert [json.loads(line)["mark"] for line in live.log.read_text().splitlines()] == ["start"]
    assert "Traceback" not in live.stderr()


def test_the_token_is_kept_owner_only_and_reused_until_new_token(forum, tmp_path):
    log = tmp_path / "marks.jsonl"
    first = LiveServer(forum, log)
    assert first.stop() == 0
    kept = log.with_suffix(".token")
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600
    assert kept.read_text().strip() == first.token and len(first.token) >= 22
    again = LiveServer(forum, log)
    assert again.stop() == 0
    assert again.token == first.token
    renewed = LiveServer(forum, log, "--new-token")
    assert renewed.stop() == 0
    assert renewed.token != first.token and kept.read_text().strip() == renewed.token


def test_a_port_in_use_is_said_plainly(forum, tmp_path):
    live = LiveServer(forum, tmp_path / "marks.jsonl")
    try:
        result = run("serve", forum, "--port", live.port, "--log", tmp_path / "other.jsonl", "--at", "14:03",
                     "--lang", "en", exit_status=2)
        assert f"cannot listen on 127.0.0.1:{live.port}" in result.stderr
        assert "choose another --port" in result.stderr
    finally:
        assert live.stop() == 0


def test_the_start_banner_is_in_the_files_language_and_lang_overrides(forum: Path, tmp_path: Path):
    for extra, expected in (((), ["  진행 순서    {base}/", "  무대 타이머  {base}/stage", "  진행 데스크  {base}/control",
                                  "  기록 파일    {log} (리허설, 14:03부터)", "토큰({keep}에 보관합니다. 기록하려면 필요합니다):"]),
                            (("--lang", "en"), ["  programme  {base}/", "  stage      {base}/stage",
                                                "  desk       {base}/control", "  marks go to {log} (rehearsal from 14:03)",
                                                "token (kept in {keep}; marks need it):"])):
        log = tmp_path / f"marks{len(extra)}.jsonl"
        live = LiveServer(forum, log, *extra)
        try:
            keep = log.with_suffix(".token")
            assert live.output[0].startswith("agenda serve: ")
            assert live.output[1:-1] == [line.format(base=live.url, log=log, keep=keep) for line in expected]
            assert live.output[-1] == live.token
        finally:
            assert live.stop() == 0, live.stderr()


def test_docs_serve_example_is_what_serve_prints(tmp_path: Path, monkeypatch):
    """docs/on-the-day.md's rehearsal banner, run as shown; only the port (8080 is often taken) and the token differ."""
    from doc_examples import checked_by
    from helpers import ROOT
    from live_server import TOKEN_LINE

    block = checked_by(ROOT / "docs" / "on-the-day.md", "test_serve.py::test_docs_serve_example_is_what_serve_prints")
    command, *shown = block.body.splitlines()
    assert command == "$ agenda serve examples/ai-party-forum-2023-12-13.yaml --at 14:00"
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # the relative path, and the log and token beside the copy, as the page shows them
    live = LiveServer(Path("examples") / SEED.name, None, at="14:00")
    try:
        assert TOKEN_LINE.match(shown[-1]) and len(shown[-1]) == len(live.token)
        expected = [line.replace("http://127.0.0.1:8080", live.url) for line in shown[:-1]] + [live.token]
        assert live.output == expected
    finally:
        assert live.stop() == 0, live.stderr()


def test_a_mark_far_from_the_forums_day_is_refused_and_appends_nothing(server):
    status, answer = server.mark("start", at="2099-01-01T00:00:00+09:00")
    assert status == 409 and "2099-01-01 00:00" in answer["error"]
    assert server.mark("start", at="9999-12-31T23:59:59+00:00")[0] == 400  # out of range: a bad body
    assert not server.log.exists() or server.log.read_bytes() == b""


def test_the_token_never_replaces_a_log_named_like_it_and_is_kept_owner_only(forum, tmp_path):
    log = tmp_path / "marks.token"
    log.write_text('{"at": "2023-12-13T14:03:00+09:00", "mark": "start", "segment": "opening"}\n')
    live = LiveServer(forum, log)
    try:
        assert live.now()["current"]["id"] == "opening"
    finally:
        assert live.stop() == 0
    assert "opening" in log.read_text()
    kept = tmp_path / "marks.token.token"
    assert kept.read_text().strip() == live.token
    kept.chmod(0o644)
    again = LiveServer(forum, log)
    assert again.stop() == 0
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600
