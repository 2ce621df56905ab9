"""One line per kind of failure on the desk's terminal, never a storm of tracebacks.

Under a flood (thousands of connections, a full file table) the same failure
happens thousands of times a second; printing each one buried the terminal
(931,383 tracebacks in the trial) and slowed the server further. So each kind
is said once when it first happens, later ones are only counted, and the count
is said at most once a minute and when the server stops.
"""

import asyncio
import errno
import logging
import os
from collections.abc import Callable
from typing import Any

from agenda.messages.server_words import ServerWords

SUMMARY_SECONDS = 60.0


class Failures:
    """Says each kind once, then counts it; `flush` says the counts."""

    def __init__(self, say: Callable[[str], None], words: ServerWords) -> None:
        self.say = say
        self.words = words
        self._said: dict[str, str] = {}
        self._counts: dict[str, int] = {}

    def report(self, kind: str, text: str) -> None:
        if kind not in self._said:
            try:
                self.say(text)
            except Exception:  # nowhere to say it (stderr gone): it is tried again next time
                return
            self._said[kind] = text
        else:
            self._counts[kind] = self._counts.get(kind, 0) + 1

    def flush(self) -> None:
        for kind, count in sorted(self._counts.items()):
            if count:
                self.say(self.words.again.format(text=self._said[kind], count=count))
        self._counts.clear()

    async def summarise(self, every: float = SUMMARY_SECONDS) -> None:
        while True:
            await asyncio.sleep(every)
            self.flush()

    def loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """asyncio's own failures (the accept loop out of file descriptors): one line, no traceback."""
        error = context.get("exception")
        message = str(context.get("message", "asyncio"))
        if isinstance(error, OSError) and error.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
            self.report(f"accept:{error.errno}",
                        self.words.accept_failed.format(error=error.strerror or os.strerror(error.errno or 0)))
            return
        self.report(f"asyncio:{message}:{type(error).__name__}", _one_line(message, error))


class OneLineHandler(logging.Handler):
    """uvicorn's and asyncio's log records as single lines through `Failures`, keyed by their template."""

    def __init__(self, failures: Failures) -> None:
        super().__init__(logging.WARNING)
        self.failures = failures

    def emit(self, record: logging.LogRecord) -> None:
        try:
            error = record.exc_info[1] if record.exc_info else None
            text = _one_line(record.getMessage(), error)
            self.failures.report(f"log:{record.name}:{record.msg}:{type(error).__name__}", text)
        except Exception:  # a log line must never break the server it reports on
            self.handleError(record)


def _one_line(message: str, error: BaseException | None) -> str:
    first = message.strip().splitlines()[0] if message.strip() else ""
    if error is not None:
        first = f"{first}: {type(error).__name__}: {error}".strip(": ")
    return first.replace("\r", " ").replace("\n", " ")


def quiet_logs(failures: Failures) -> None:
    """uvicorn's and asyncio's loggers speak through `failures` only (uvicorn is told log_config=None)."""
    handler = OneLineHandler(failures)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "asyncio"):
        logger = logging.getLogger(name)
        logger.handlers = [handler] if name in ("uvicorn", "asyncio") else []
        logger.propagate = name not in ("uvicorn", "asyncio")
        logger.setLevel(logging.WARNING)
