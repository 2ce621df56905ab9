"""Running the app: uvicorn on one port, the log watcher beside it, and a clean end on Ctrl-C or SIGTERM.

uvicorn is the well-kept ASGI server (HTTP/1.1 parsing, keep-alive, signal
handling); hand-written HTTP would have to get all of that right again. On
a signal the event streams are told to end first, so the server does not
wait for browsers that would never hang up, and every mark already answered
is on disk (each is fsynced before its answer).
"""

import asyncio
import signal
import socket
from typing import Any

import uvicorn

from agenda.core.errors import UsageError
from agenda.serve.app import create_app
from agenda.serve.live import LiveDay


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, live: LiveDay) -> None:
        super().__init__(config)
        self.live = live

    def handle_exit(self, sig: int, frame: Any) -> None:
        self.live.close()
        super().handle_exit(sig, frame)


def check_port(host: str, port: int) -> None:
    """Say plainly when the port is taken or the address is not this machine's, before anything starts."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        raise UsageError("cannot-listen", host=host, port=port, error=error.strerror or str(error)) from None


def serve(live: LiveDay, token: str, host: str, port: int) -> None:
    check_port(host, port)
    config = uvicorn.Config(create_app(live, token), host=host, port=port, log_level="warning",
                            access_log=False, lifespan="off", timeout_graceful_shutdown=5)
    server = _Server(config, live)

    async def main() -> None:
        watcher = asyncio.create_task(live.watch())
        try:
            await server.serve()
        finally:
            live.close()
            watcher.cancel()

    # uvicorn catches SIGINT and SIGTERM while it runs and raises them again once it has stopped;
    # by then the streams are closed and every mark is on disk, so they only have to end it quietly.
    quiet = {sig: signal.signal(sig, _ignore) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        asyncio.run(main())
    finally:
        for sig, handler in quiet.items():
            signal.signal(sig, handler)


def _ignore(sig: int, frame: Any) -> None:
    """A signal that arrives after the server has already stopped for it."""
