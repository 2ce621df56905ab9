"""The listening socket, made by the server itself so that a full file table never stalls or floods it.

When no descriptor is left, `accept()` fails with EMFILE. asyncio then stops
accepting for a second, but in Python 3.11 it goes on calling `accept()` up
to `backlog` times in the same turn, logging a traceback and scheduling a
restart each time: that was the trial's 931,383 tracebacks, and `/now.json`
waited behind it. Here one spare descriptor is kept open; when the table is
full it is let go for a moment, the waiting connections are accepted one by
one, answered 503 and closed, and the spare is taken back (the way libuv and
nginx do it). The backlog drains at once, nothing stalls, and the failure is
said once (failures.py).
"""

import errno
import os
import socket
import time
from collections.abc import Callable
from typing import Any

FULL = (errno.EMFILE, errno.ENFILE)
SHED_PER_TURN = 256


class Listener(socket.socket):
    """A listening socket whose `accept()` sheds connections with a 503 while the file table is full."""

    shed_answer = b""
    on_full: Callable[[OSError], None] = staticmethod(lambda error: None)

    def setup(self, answer: bytes, on_full: Callable[[OSError], None]) -> None:
        self.shed_answer = answer
        self.on_full = on_full
        self._spare: int | None = os.open(os.devnull, os.O_RDONLY)
        self._paused_at = -1.0

    def accept(self) -> tuple[socket.socket, Any]:
        try:
            return super().accept()
        except OSError as error:
            if error.errno not in FULL:
                raise
            self.on_full(error)
            if self._shed():
                raise BlockingIOError(errno.EAGAIN, "the waiting connections were answered 503") from None
            # No spare to shed with: asyncio pauses accepting for a second, but only once in this turn.
            if time.monotonic() - self._paused_at < 0.5:
                raise BlockingIOError(errno.EAGAIN, "accepting is paused") from None
            self._paused_at = time.monotonic()
            raise

    def _shed(self) -> bool:
        if self._spare is None:
            self._spare = _open_spare()
            return False
        os.close(self._spare)
        try:
            for _ in range(SHED_PER_TURN):
                try:
                    connection, _ = super().accept()
                except OSError:  # the backlog is empty (EAGAIN), or the descriptor was taken meanwhile
                    break
                _answer_and_close(connection, self.shed_answer)
        finally:
            self._spare = _open_spare()
        return True

    def close(self) -> None:
        spare, self._spare = getattr(self, "_spare", None), None
        if spare is not None:
            os.close(spare)
        super().close()


def _open_spare() -> int | None:
    try:
        return os.open(os.devnull, os.O_RDONLY)
    except OSError:
        return None


def _answer_and_close(connection: socket.socket, answer: bytes) -> None:
    """Read what the client already sent (so closing is a FIN, not a reset), answer, close."""
    try:
        connection.setblocking(False)
        try:
            connection.recv(65536)
        except OSError:
            pass
        try:
            connection.send(answer)
            connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass
    finally:
        connection.close()


def open_listener(host: str, port: int) -> Listener:
    """Bound, not yet listening; OSError when the port is taken or the address is not this machine's.

    asyncio starts listening once uvicorn has taken over SIGINT and SIGTERM, so
    a connection accepted is always one a signal can close cleanly.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = Listener(family, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.setblocking(False)
    except OSError:
        listener.close()
        raise
    return listener


def refusal(status: str, body: str, headers: dict[str, str]) -> bytes:
    """A whole HTTP answer that closes its connection (Retry-After: 1), with the server's usual `headers`."""
    data = body.encode("utf-8")
    more = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    head = (f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n{more}"
            "Retry-After: 1\r\nConnection: close\r\n\r\n")
    return head.encode("ascii") + data
