"""Running the app: uvicorn on one port, the log watcher beside it, and a clean end on Ctrl-C or SIGTERM.

uvicorn is the well-kept ASGI server (HTTP/1.1 parsing, keep-alive, signal
handling); hand-written HTTP would have to get all of that right again. On
a signal the event streams are told to end first, so the server does not
wait for browsers that would never hang up, and every mark already answered
is on disk (each is fsynced before its answer).

Its bounds (limits.py), its Host check (hosts.py) and its one line per kind
of failure (failures.py) are set up here, at start, for this process only.
"""

import asyncio
import json
import signal
from typing import Any

import uvicorn

from agenda.core.errors import UsageError
from agenda.messages.usage import usage_table
from agenda.serve.app import SECURITY_HEADERS, create_app
from agenda.serve.failures import Failures, quiet_logs
from agenda.serve.listener import Listener, open_listener, refusal
from agenda.serve.limits import REQUEST_SECONDS, deadline_protocol, raise_open_files_limit, stream_cap, uvicorn_bounds
from agenda.serve.live import LiveDay
from agenda.messages.server_words import SERVER_WORDS

REQUEST_SECONDS_SAID = f"{REQUEST_SECONDS:g}"


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, live: LiveDay) -> None:
        super().__init__(config)
        self.live = live

    def handle_exit(self, sig: int, frame: Any) -> None:
        self.live.close()
        super().handle_exit(sig, frame)


BACKLOG = 2048


def listen(host: str, port: int) -> Listener:
    """Say plainly when the port is taken or the address is not this machine's, before anything starts."""
    try:
        return open_listener(host, port)
    except OSError as error:
        raise UsageError("cannot-listen", host=host, port=port, error=error.strerror or str(error)) from None


def _load_words_now(language: str) -> None:
    """Load every module that words a failure before the first request: with the file table full,
    a module imported at that moment cannot be opened, and the failure could not even be said."""
    import agenda.render.inert  # noqa: F401  (what `note` uses to make controls visible)

    usage_table(language)


def serve(live: LiveDay, token: str, host: str, port: int) -> None:
    listener = listen(host, port)
    _load_words_now(live.language)
    words = SERVER_WORDS[live.language]
    failures = Failures(live.warn, words)
    live.report = failures.report
    quiet_logs(failures)
    cap = stream_cap(raise_open_files_limit())
    shed = json.dumps({"error": words.server_full}, ensure_ascii=False)
    listener.setup(refusal("503 Service Unavailable", shed, SECURITY_HEADERS),
                   lambda error: failures.report(f"accept:{error.errno}", words.accept_failed.format(
                       error=error.strerror or str(error))))
    protocol = deadline_protocol(
        lambda: failures.report("too-slow", words.too_slow.format(seconds=REQUEST_SECONDS_SAID)))
    config = uvicorn.Config(create_app(live, token, listen=host, stream_cap=cap), host=host, port=port,
                            http=protocol, log_config=None, log_level="warning", access_log=False, lifespan="off",
                            backlog=BACKLOG, timeout_graceful_shutdown=5, **uvicorn_bounds())
    server = _Server(config, live)

    async def main() -> None:
        asyncio.get_running_loop().set_exception_handler(failures.loop_exception)
        watcher = asyncio.create_task(live.watch())
        summary = asyncio.create_task(failures.summarise())
        try:
            await server.serve(sockets=[listener])
        finally:
            live.close()
            watcher.cancel()
            summary.cancel()
            failures.flush()

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
