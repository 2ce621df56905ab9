"""A real `agenda serve` process on a free 127.0.0.1 port, for the HTTP and browser tests.

It is started as users start it (`python -m agenda serve`), its token is read
from its output, and it is stopped by its process id.
"""

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

TOKEN_LINE = re.compile(r"^[A-Za-z0-9_-]{22,}$")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def poll(condition, seconds: float = 20.0, every: float = 0.05):
    """The condition's first true value, or an AssertionError after a generous wait (20 s: three workers on
    two cores, with Chromium and servers beside them, can take seconds for what takes milliseconds alone)."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s")
        time.sleep(every)


class LiveServer:
    def __init__(self, forum: Path, log: Path | None, *extra: str, at: str | None = "14:03", port: int = 0,
                 preexec_fn=None, address: str = "127.0.0.1", launcher: tuple[str, ...] = ("-m", "agenda")) -> None:
        """LOG None: the log the command chooses itself, beside FORUM (as a user's run does).

        LAUNCHER: how Python starts agenda (a test's script that wraps it, e.g. tests/kill_after_append.py).
        """
        self.forum, self.log, self.address = forum, log, address
        self.port = port or free_port()
        self.url = f"http://{address}:{self.port}"
        self.errors = (log or forum).with_suffix(".stderr")
        args = [sys.executable, *launcher, "serve", str(forum), "--port", str(self.port),
                *(["--log", str(log)] if log else []), *extra] + (["--at", at] if at else [])
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=open(self.errors, "wb"),
                                        env={**os.environ, "NO_COLOR": "1"}, preexec_fn=preexec_fn)
        self.output: list[str] = []
        self.token = self._read_token()
        poll(self._accepts)

    @classmethod
    def on_port(cls, forum: Path, log: Path, port: int, at: str | None = "14:03") -> "LiveServer":
        """A server on a given port (a restart), once the port is free again."""
        poll(lambda: _port_free(port))
        return cls(forum, log, at=at, port=port)

    def _read_token(self) -> str:
        assert self.process.stdout is not None
        for raw in self.process.stdout:
            line = raw.decode("utf-8").rstrip("\n")
            self.output.append(line)
            if TOKEN_LINE.match(line):
                return line
        raise AssertionError(f"no token line; stderr: {self.stderr()}")

    def _accepts(self) -> bool:
        try:
            with socket.create_connection((self.address, self.port), timeout=1):
                return True
        except OSError:
            return False

    def stderr(self) -> str:
        return self.errors.read_text(encoding="utf-8", errors="replace")

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> tuple[int, dict, bytes]:
        connection = http.client.HTTPConnection(self.address, self.port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def mark(self, mark: str, token: str | None = None, **fields: str) -> tuple[int, dict]:
        headers = {"Content-Type": "application/json"}
        if token is not False:
            headers["Authorization"] = f"Bearer {token or self.token}"
        status, _, body = self.request("POST", "/mark", json.dumps({"mark": mark, **fields}).encode(), headers)
        return status, json.loads(body)

    def now(self) -> dict:
        status, _, body = self.request("GET", "/now.json")
        assert status == 200
        return json.loads(body)

    def stop(self, sig: int = signal.SIGTERM) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=15)
        finally:
            if self.process.poll() is None:
                self.process.kill()


class EventStream:
    """One open `GET /events`, read event by event."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        self.file = self.sock.makefile("rb")
        status = self.file.readline()
        assert b" 200 " in status, status
        while self.file.readline() not in (b"\r\n", b""):
            pass  # headers

    def next_event(self) -> tuple[str, str]:
        """(event name, data) of the next event; chunked framing lines are passed over."""
        name, data = "message", []
        while True:
            line = self.file.readline()
            if line == b"":
                raise EOFError("the stream ended")
            text = line.decode("utf-8").rstrip("\r\n")
            if text.startswith("event: "):
                name = text[7:]
            elif text.startswith("data: "):
                data.append(text[6:])
            elif text == "" and data:
                return name, "\n".join(data)

    def next_now(self) -> dict:
        while True:
            name, data = self.next_event()
            if name == "now":
                return json.loads(data)

    def close(self) -> None:
        # shut the socket down first: a thread blocked in `readline` holds the file's lock until it returns
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.file.close()
        self.sock.close()
