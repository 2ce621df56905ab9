"""The server's bounds: how many live pages it keeps open, and how long a request may take to arrive.

Each open `/events` stream holds a file descriptor for as long as the page is
open. Without a cap, 2,000 connections under the common 1,024 open-files
limit left no descriptor for `/now.json`, the pages or `POST /mark`. So the
server raises its soft limit to the hard one at start, keeps at most
`stream_cap` streams (below the limit, with room to spare), and refuses more
with 503.

uvicorn times out an idle keep-alive connection, but not one that trickles
its request line by line (slowloris): such a client held a connection for
45 s and more. `DeadlineH11Protocol` gives every request `REQUEST_SECONDS`
from its first moment (the connection opening, or the previous answer) to
arrive whole, headers and body, or the connection is closed.
"""

import asyncio
import json
import resource
from collections.abc import Callable
from typing import Any

import h11
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

MAX_STREAMS = 2500
"""A hall of 2,000 phones on the programme, and room to spare (benchmarks/stage_load.py measures 2,000)."""
RESERVE = 128
"""Descriptors kept for everything that is not a stream: other requests, the log, the listening socket."""

REQUEST_SECONDS = 10.0
KEEP_ALIVE_SECONDS = 5
MAX_HEADER_BYTES = 16 * 1024
"""The bound on a request's line and headers. h11 holds to it while they arrive in pieces (400);
headers that arrive whole in one read are measured by `HeaderLimit` (431)."""


def raise_open_files_limit() -> int:
    """Raise the soft open-files limit to the hard one, as far as the system allows; the soft limit after."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    for wanted in (hard, 1 << 20, 1 << 16, 10240):
        if wanted != resource.RLIM_INFINITY and (soft == resource.RLIM_INFINITY or wanted <= soft):
            continue
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
        except (ValueError, OSError):  # above the system's own ceiling (nr_open, OPEN_MAX): try lower
            continue
        break
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def stream_cap(soft_limit: int) -> int:
    """At most MAX_STREAMS, and always RESERVE (or half the table, when it is small) below the limit."""
    if soft_limit == resource.RLIM_INFINITY:
        return MAX_STREAMS
    if soft_limit < 4 * RESERVE:
        return max(1, soft_limit // 2)
    return min(MAX_STREAMS, soft_limit - RESERVE)


class DeadlineH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with a deadline for each request to arrive whole."""

    on_too_slow: Callable[[], None] = staticmethod(lambda: None)

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._deadline: asyncio.TimerHandle | None = None
        self._started = False
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._started = False
        self._deadline = self.loop.call_later(REQUEST_SECONDS, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _check(self) -> None:
        """The request has arrived whole (or the connection is over): no deadline until the next one."""
        if self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
            self._disarm()

    def data_received(self, data: bytes) -> None:
        self._started = self._started or bool(data)
        super().data_received(data)
        self._check()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()
            self._started = self.conn.their_state != h11.IDLE
            self._check()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _too_slow(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        if self._started or self.conn.their_state == h11.SEND_BODY:
            type(self).on_too_slow()
        self.transport.close()


def deadline_protocol(on_too_slow: Callable[[], None]) -> type[DeadlineH11Protocol]:
    """A protocol class for uvicorn's `http=` that reports each connection closed for slowness."""
    return type("ServerH11Protocol", (DeadlineH11Protocol,), {"on_too_slow": staticmethod(on_too_slow)})


def uvicorn_bounds() -> dict[str, Any]:
    return {"timeout_keep_alive": KEEP_ALIVE_SECONDS, "h11_max_incomplete_event_size": MAX_HEADER_BYTES}


class HeaderLimit:
    """431 for headers over MAX_HEADER_BYTES, in the forum's language; plain ASGI, so streams pass through."""

    def __init__(self, app: ASGIApp, refusal: str) -> None:
        self.app = app
        self.body = json.dumps({"error": refusal}, ensure_ascii=False).encode("utf-8")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        size = sum(len(name) + len(value) + 4 for name, value in scope.get("headers", []))
        if scope["type"] != "http" or size <= MAX_HEADER_BYTES:
            await self.app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 431,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(self.body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": self.body})
