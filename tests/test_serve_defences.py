"""`agenda serve` under attack without the token (issue 20): floods, slow clients, a foreign Host, a log gone bad.

Each test runs a real server on a free 127.0.0.1 port (those that send only what
must be refused share one a module: `refusing_server`); all traffic stays on
127.0.0.1. Counts and waits are bounded; nothing asserts a speed.
"""

import asyncio
import json
import resource
import selectors
import socket
import time
from collections import Counter

import pytest

from helpers import run
from live_server import EventStream, LiveServer, poll

from agenda.serve.failures import Failures
from agenda.serve.hosts import HostCheck, host_name
from agenda.serve.limits import MAX_STREAMS, REQUEST_SECONDS, HeaderLimit, stream_cap
from agenda.messages.server_words import EN, KO

FLOOD = MAX_STREAMS + 1000


@pytest.fixture
def room_for_the_flood():
    """The test process itself needs a descriptor for each of its FLOOD sockets."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < FLOOD + 200:
        pytest.skip(f"the hard open-files limit ({hard}) is below {FLOOD + 200}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, FLOOD + 200), hard))
    yield
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def files_limit(soft: int, hard: int | None = None):
    """A preexec_fn: the server starts as under `ulimit -n` (soft only, or soft and hard)."""
    def lower() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard or resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    return lower


def open_streams(port: int, count: int, seconds: float = 30.0) -> tuple[list[socket.socket], Counter]:
    """`count` raw `GET /events`, sent at once; the status line each one got (or how it ended)."""
    sockets, request = [], b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    selector = selectors.DefaultSelector()
    for _ in range(count):
        client = socket.socket()
        client.setblocking(False)
        client.connect_ex(("127.0.0.1", port))
        sockets.append(client)
        selector.register(client, selectors.EVENT_WRITE)
    statuses: Counter = Counter()
    deadline = time.monotonic() + seconds
    while sum(statuses.values()) < count and time.monotonic() < deadline:
        for key, events in selector.select(0.5):
            client = key.fileobj
            try:
                if events & selectors.EVENT_WRITE:
                    client.send(request)
                    selector.modify(client, selectors.EVENT_READ)
                    continue
                head = client.recv(4096)
            except OSError as error:
                head = f"error {error.errno}".encode()
            selector.unregister(client)
            statuses[head.split(b"\r\n")[0].decode("ascii", "replace") or "closed"] += 1
    selector.close()
    return sockets, statuses


def assert_short_and_calm(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) < 50, stderr[:3000]


def test_a_flood_of_streams_under_a_soft_limit_of_1024_is_capped_and_leaves_room(forum, tmp_path, room_for_the_flood):
    live = LiveServer(forum, tmp_path / "marks.jsonl", preexec_fn=files_limit(1024))
    try:
        sockets, statuses = open_streams(live.port, FLOOD)
        try:
            assert sum(statuses.values()) == FLOOD, statuses
            # the soft limit was raised to the hard one at start, so the cap is the full MAX_STREAMS
            assert statuses["HTTP/1.1 200 OK"] == MAX_STREAMS, statuses
            assert statuses["HTTP/1.1 503 Service Unavailable"] == FLOOD - MAX_STREAMS, statuses
            assert live.now()["state"] == "before"
            status, answer = live.mark("start")
            assert status == 200, answer
            status, headers, body = live.request("GET", "/events")
            assert status == 503 and headers["retry-after"] == "5"
            assert json.loads(body)["error"] == KO.streams_full.format(cap=MAX_STREAMS)
        finally:
            for client in sockets:
                client.close()
        assert live.now()["state"] == "running"
    finally:
        assert live.stop() == 0
    stderr = live.stderr()
    assert_short_and_calm(stderr)
    assert stderr.count(KO.streams_full_said.format(cap=MAX_STREAMS)) == 2  # said once, then its count at the end
    assert "(그 뒤로 1000번 더 있었습니다)" in stderr


def test_a_flood_of_connections_with_a_full_file_table_are_answered_503_not_a_traceback_storm(
        forum, tmp_path, room_for_the_flood):
    live = LiveServer(forum, tmp_path / "marks.jsonl", preexec_fn=files_limit(1024, 1024))
    try:
        sockets, statuses = open_streams(live.port, FLOOD)
        try:
            assert sum(statuses.values()) == FLOOD, statuses
            assert 0 < statuses["HTTP/1.1 200 OK"] <= stream_cap(1024), statuses
            assert statuses["HTTP/1.1 503 Service Unavailable"] >= FLOOD - stream_cap(1024), statuses
            assert poll(lambda: live.request("GET", "/now.json")[0] == 200)
            assert live.mark("start")[0] == 200
        finally:
            for client in sockets:
                client.close()
    finally:
        assert live.stop() == 0
    stderr = live.stderr()
    assert_short_and_calm(stderr)
    full = KO.accept_failed.format(error="Too many open files")
    assert stderr.splitlines().count(full) == 1  # said once; any repeats only as one count line


def test_headers_too_large_to_arrive_in_one_read_are_refused_and_said_once(server_at):
    """300 KB of headers cannot arrive in one read (asyncio reads 256 KiB), so h11's 16 KiB bound applies."""
    live = server_at
    for _ in range(50):
        with socket.create_connection(("127.0.0.1", live.port), timeout=10) as client:
            try:
                client.sendall(b"GET /now.json HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"x" * 300_000 + b"\r\n\r\n")
                answer = client.recv(64)
            except OSError:  # closed while we were still sending: a reset
                answer = b""
            assert answer == b"" or answer.startswith(b"HTTP/1.1 400 "), answer
    assert live.now()["state"] == "before"
    assert live.stop() == 0
    lines = live.stderr().splitlines()
    assert lines == ["Invalid HTTP request received.", "Invalid HTTP request received. (그 뒤로 49번 더 있었습니다)"]


def test_headers_over_16_kib_that_arrive_whole_get_431_in_the_forums_language(server_at):
    status, headers, body = server_at.request("GET", "/now.json", headers={"X-Big": "x" * 20_000})
    assert status in (400, 431)  # 400 from h11 if the headers happened to arrive in two reads
    if status == 431:
        assert json.loads(body)["error"] == KO.headers_too_large.format(limit=16384)
    assert headers["connection"] == "close"
    sent = []

    async def app(scope, receive, send):
        raise AssertionError("headers over the bound must not reach the app")

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "headers": [(b"x-big", b"x" * 20_000)]}
    asyncio.run(HeaderLimit(app, EN.headers_too_large.format(limit=16384))(scope, None, send))
    assert sent[0]["status"] == 431
    assert json.loads(sent[1]["body"])["error"] == "The request's headers are too large; at most 16384 bytes are taken."


@pytest.mark.waits
def test_a_client_sending_one_header_line_a_second_is_dropped(server_at):
    """Slowloris: the request must arrive whole within REQUEST_SECONDS, or the connection is closed."""
    live = server_at
    slow_head = socket.create_connection(("127.0.0.1", live.port), timeout=1)
    slow_body = socket.create_connection(("127.0.0.1", live.port), timeout=1)
    slow_head.sendall(b"GET /now.json HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    slow_body.sendall(b"POST /mark HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + live.token.encode()
                      + b"\r\nContent-Length: 100\r\n\r\n{")
    closed: dict[str, int] = {}
    for second in range(int(REQUEST_SECONDS) * 3):
        for name, client in (("head", slow_head), ("body", slow_body)):
            if name in closed:
                continue
            try:
                client.sendall(b"X-Slow: %d\r\n" % second if name == "head" else b" ")
                client.recv(1)  # nothing to read yet: a timeout; the end of the connection: b""
                closed[name] = second
            except socket.timeout:
                pass
            except OSError:
                closed[name] = second
        if len(closed) == 2:
            break
    assert set(closed) == {"head", "body"}
    assert max(closed.values()) < REQUEST_SECONDS + 3  # dropped at the bound, long before the client would stop
    assert live.now()["state"] == "before"  # and the server still answers
    assert not live.log.exists()
    poll(lambda: KO.too_slow.format(seconds=f"{REQUEST_SECONDS:g}") in live.stderr())


@pytest.fixture
def server_at(forum, tmp_path):
    live = LiveServer(forum, tmp_path / "marks.jsonl")
    yield live
    assert live.stop() == 0
    assert_short_and_calm(live.stderr())


@pytest.mark.waits
def test_the_watcher_outlives_a_log_that_is_a_folder_for_2_seconds(server_at, forum):
    live = server_at
    assert live.mark("start")[0] == 200
    stream = EventStream(live.port)
    try:
        assert stream.next_now()["state"] == "running"
        aside = live.log.with_name("aside.jsonl")
        live.log.rename(aside)
        live.log.mkdir()
        status, headers, body = live.request("GET", "/now.json")
        assert status == 503 and headers["retry-after"] == "2"
        said = json.loads(body)["error"]
        folder = f"{live.log}: 기록 파일 자리에 폴더가 있습니다. --log로 파일을 주거나, --log를 빼서 FILE 옆의 .actuals.jsonl을 쓰세요."
        assert said.startswith(f"{folder} 서버가 계속 다시 읽으니"), said
        assert live.request("GET", "/stage")[0] == 503
        failed = f"{folder} 페이지는 마지막 상태를 그대로 보여 주고"
        poll(lambda: failed in live.stderr())
        time.sleep(2)  # the log stays a folder for 2 s, as in the trial
        live.log.rmdir()
        aside.rename(live.log)
        poll(lambda: KO.watch_again in live.stderr())
        run("mark", forum, "end", "--at", "14:20", "--log", live.log)  # a mark the server learns only from the log
        state = stream.next_now()
        while state["state"] == "running":
            state = stream.next_now()
        assert live.now()["state"] == state["state"] != "running"
    finally:
        stream.close()
    assert live.stderr().count(failed) == 1 and live.stderr().count(KO.watch_again) == 1


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost:http",
                                  "localhost.", "[::2]", "0.0.0.0"])
def test_a_foreign_host_header_gets_421_and_no_echo(refusing_server, host):
    live = refusing_server
    for method, path, body in (("GET", "/", None), ("GET", "/now.json", None), ("GET", "/events", None),
                               ("GET", "/static", None), ("POST", "/mark", b'{"mark": "start"}')):
        status, headers, answer = live.request(method, path, body, {"Host": host, "Authorization": f"Bearer {live.token}"})
        assert status == 421, (method, path)
        assert json.loads(answer)["error"] == KO.wrong_host.format(hosts="127.0.0.1, localhost, [::1]")
        assert "evil" not in answer.decode("utf-8") and "location" not in headers
        assert "script-src 'self'" in headers["content-security-policy"]
    assert not live.log.exists()
    assert_short_and_calm(live.stderr())


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
def test_the_local_names_pass_the_host_check_with_or_without_the_port(refusing_server, host):
    for given in (host, f"{host}:{refusing_server.port}"):
        assert refusing_server.request("GET", "/now.json", headers={"Host": given})[0] == 200
    assert_short_and_calm(refusing_server.stderr())


def test_static_without_its_slash_does_not_redirect_to_the_host_header(refusing_server):
    live = refusing_server
    status, headers, body = live.request("GET", "/static", headers={"Host": f"localhost:{live.port}"})
    assert status == 404 and "location" not in headers
    status, headers, _ = live.request("GET", "/stage/")
    assert status == 404 and "location" not in headers
    assert live.request("GET", "/static/live.js")[0] == 200
    assert_short_and_calm(live.stderr())


def test_the_host_given_with_host_passes_and_others_still_get_421(forum, tmp_path):
    """127.0.0.2 is this machine's too (the loopback network), but not one of the local names."""
    live = LiveServer(forum, tmp_path / "marks.jsonl", "--host", "127.0.0.2", "--lang", "en", address="127.0.0.2")
    try:
        for host, expected in (("127.0.0.2", 200), (f"127.0.0.2:{live.port}", 200), ("evil.example", 421)):
            status, _, body = live.request("GET", "/now.json", headers={"Host": host})
            assert status == expected, host
        assert json.loads(body)["error"] == EN.wrong_host.format(hosts="127.0.0.1, localhost, [::1], 127.0.0.2")
    finally:
        assert live.stop() == 0


def test_listening_on_every_address_lets_in_the_address_a_phone_reached_and_no_name():
    check = HostCheck(lambda scope, receive, send: None, "0.0.0.0", lambda hosts: hosts)  # type: ignore[arg-type]

    def scope(host: str) -> dict:
        return {"type": "http", "server": ("192.168.1.5", 8080), "headers": [(b"host", host.encode())]}

    assert check.allowed(scope("192.168.1.5:8080")) and check.allowed(scope("localhost"))
    assert not check.allowed(scope("192.168.1.6:8080"))
    assert not check.allowed(scope("rebound.evil.example:8080"))
    assert not check.allowed({"type": "http", "server": ("192.168.1.5", 8080), "headers": []})
    assert host_name("[::1]:8080") == "[::1]" and host_name("localhost:80x") is None


def test_the_stream_cap_stays_below_the_open_files_limit():
    assert stream_cap(1024) == 1024 - 128
    assert stream_cap(1 << 20) == MAX_STREAMS
    assert stream_cap(256) == 128
    assert stream_cap(resource.RLIM_INFINITY) == MAX_STREAMS


def test_a_failure_is_said_once_then_counted():
    said: list[str] = []
    failures = Failures(said.append, EN)
    for _ in range(5):
        failures.report("accept:24", "the open-files limit is reached")
    failures.report("too-slow", "closed a slow one")
    failures.flush()
    failures.flush()
    assert said == ["the open-files limit is reached", "closed a slow one",
                    "the open-files limit is reached (4 more times since)"]
