"""The marks log on disk: append-only JSON Lines, one mark a line, never rewritten.

A mark is on disk (one write, flushed and fsynced) before a command says it
is done. Two `agenda mark` processes at once are serialised by an exclusive
lock held around read, check and append, and the default time is taken
inside the lock, so the log's order is the order of the marks' times.
A crash mid-write leaves a torn last line: it is skipped with a warning, and
the next append starts on a new line.
"""

import fcntl
import json
import os
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Callable

from agenda.day.marks import DayWarning, Mark, MarkKind, instant
from agenda.core.errors import UsageError


def default_log(file: str, rehearsal: bool = False) -> Path:
    """`forum.yaml` -> `forum.actuals.jsonl` (or `forum.rehearsal.jsonl`), beside the file."""
    path = Path(file)
    return path.with_name(path.stem + (".rehearsal.jsonl" if rehearsal else ".actuals.jsonl"))


def parse_log(data: bytes, name: str, tz: tzinfo) -> tuple[list[Mark], list[DayWarning]]:
    """Marks in the order their lines were appended, and a warning for each line that cannot be read."""
    marks: list[Mark] = []
    warnings: list[DayWarning] = []
    lines = data.split(b"\n")
    torn = lines[-1] != b""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
            at = datetime.fromisoformat(record["at"])
            if at.tzinfo is None:
                raise ValueError("`at` has no offset")
            texts = [record.get(name) for name in ("segment", "item", "id", "note")]
            if any(text is not None and not isinstance(text, str) for text in texts):
                raise ValueError("`segment`, `item`, `id` and `note` are texts")
            marks.append(Mark(instant(at.astimezone(tz)), MarkKind(record["mark"]), *texts[:2], key=texts[2], note=texts[3]))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, OverflowError):  # a year past 9999
            reason = "torn-line" if torn and number == len(lines) else "unreadable-line"
            warnings.append(DayWarning(reason, (("file", name), ("line", number))))
    return marks, warnings


def read_log(path: Path, tz: tzinfo) -> tuple[list[Mark], list[DayWarning]]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [], []
    except OSError as error:
        raise UsageError("marks-log-unreadable", path=str(path), error=error.strerror or str(error)) from None
    return parse_log(data, str(path), tz)


def append_mark(path: Path, tz: tzinfo,
                decide: Callable[[list[Mark]], tuple[Mark, bool]]) -> tuple[Mark, list[DayWarning]]:
    """Lock the log, read it, let `decide` turn the marks so far into the new mark, append it durably.

    `decide` may raise (an impossible mark), or say the mark is already there (a press retried
    with its `id`): then nothing is appended.
    """
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
    except OSError as error:
        raise UsageError("marks-log-unopenable", path=str(path), error=error.strerror or str(error)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        data = os.pread(fd, size, 0) if size else b""
        marks, warnings = parse_log(data, str(path), tz)
        mark, new = decide(marks)
        if not new:
            return mark, warnings
        line = json.dumps(mark.as_record(tz), ensure_ascii=False).encode("utf-8") + b"\n"
        if data and not data.endswith(b"\n"):
            line = b"\n" + line  # after a torn line, start afresh
        written = os.write(fd, line)
        if written != len(line):
            raise UsageError("disk-full", path=str(path), written=written, size=len(line))
        os.fsync(fd)
        return mark, warnings
    except OSError as error:
        raise UsageError("marks-log-unwritable", path=str(path), error=error.strerror or str(error)) from None
    finally:
        os.close(fd)  # closing releases the lock


def begin_rehearsal(path: Path) -> Path | None:
    """A rehearsal starts afresh: the last one's marks (later than the new clock) move aside, kept, not lost."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    old = path.with_name(path.name + ".previous")
    os.replace(path, old)
    return old
