"""The marks log on disk: append-only JSON Lines, one mark a line, never rewritten.

A mark is on disk (one write, flushed and fsynced) before a command says it
is done. Two `agenda mark` processes at once are serialised by an exclusive
lock held around read, check and append, and the default time is taken
inside the lock, so the log's order is the order of the marks' times.
A crash mid-write leaves a torn last line: it is skipped with a warning, and
the next append starts on a new line.

The log is bounded as a forum file is: a regular file only (a FIFO would
wait for a writer forever, `/dev/zero` never ends), at most MAX_LOG_BYTES,
and times within the years a forum may have. Lines that cannot be read are
counted, not listed: one warning names the first and says how many.
"""

import errno
import fcntl
import json
import os
import re
import stat
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Callable

from agenda.day.marks import DayWarning, Mark, MarkKind, instant
from agenda.core.errors import UsageError
from agenda.core.model import FIRST_YEAR, LAST_YEAR

MAX_LOG_BYTES = 16 * 1024 * 1024
"""A mark takes about 80 bytes and a forum's day a few hundred of them; 16 MiB is some 200,000 marks.
A log over it is the wrong file, and reading it whole would hold the lock (and the memory) for nothing."""

_RECORD = re.compile(rb'\{"at": "([0-9T:.+\-Z]+)", "mark": "([a-z]+)", "segment": (?:null|"([^"\\\x00-\x1f]*)")\}')
"""A line exactly as `append_mark` writes it: read without the JSON parser (a day's log is read at every mark)."""

_MARK_KINDS = {kind.value.encode(): kind for kind in MarkKind}


def default_log(file: str, rehearsal: bool = False) -> Path:
    """`forum.yaml` -> `forum.actuals.jsonl` (or `forum.rehearsal.jsonl`), beside the file."""
    path = Path(file)
    return path.with_name(path.stem + (".rehearsal.jsonl" if rehearsal else ".actuals.jsonl"))


class _Skipped:
    """Lines passed over for one reason: how many, and the first of them (what a warning names)."""

    def __init__(self) -> None:
        self.count = 0
        self.first: tuple[tuple[str, object], ...] = ()

    def add(self, number: int, **details: object) -> None:
        if not self.count:
            self.first = (("line", number), *details.items())
        self.count += 1

    def warning(self, reason: str, name: str) -> list[DayWarning]:
        return [DayWarning(reason, (("file", name), *self.first, ("count", self.count)))] if self.count else []


class _Unreadable(ValueError):
    pass


class _OutOfRange(ValueError):
    def __init__(self, year: int):
        super().__init__(year)
        self.year = year


Record = tuple[str, str, str | None, str | None, str | None, str | None, str | None]
"""at, mark, segment, item, id, note, room."""


def _record(raw: bytes) -> Record:
    """(at, mark, segment, item, id, note, room) of one line; _Unreadable when it is not a mark's record."""
    line = raw.strip()
    known = _RECORD.fullmatch(line)
    if known is not None:
        segment = known.group(3)
        return known.group(1).decode("ascii"), known.group(2).decode("ascii"), \
            None if segment is None else segment.decode("utf-8"), None, None, None, None
    if not (line.startswith(b"{") and line.endswith(b"}")):  # not an object: no need to ask the parser
        raise _Unreadable()
    record = json.loads(line)
    if not isinstance(record, dict):
        raise _Unreadable()
    at, kind = record["at"], record["mark"]
    texts = [record.get(name) for name in ("segment", "item", "id", "note", "room")]
    if not isinstance(at, str) or not isinstance(kind, str) or any(t is not None and not isinstance(t, str)
                                                                   for t in texts):
        raise _Unreadable()
    return at, kind, texts[0], texts[1], texts[2], texts[3], texts[4]


def _moment(text: str, tz: tzinfo) -> datetime:
    at = datetime.fromisoformat(text)
    if at.tzinfo is None:
        raise _Unreadable()  # `at` has no offset
    if not FIRST_YEAR <= at.year <= LAST_YEAR:  # year 9999 overflows the moment it is moved to a zone
        raise _OutOfRange(at.year)
    return instant(at.astimezone(tz))  # kept as the UTC instant; shown on the forum's clock


class _Reader:
    """A log parsed as it is read: whole lines as they come (`feed`), the last unended one at the end (`finish`).

    So that `append_mark` can parse what is there before it takes the lock, and only what was appended
    meanwhile while it holds it.
    """

    def __init__(self, name: str, tz: tzinfo) -> None:
        self.name = name
        self.tz = tz
        self.marks: list[Mark] = []
        self.unreadable = _Skipped()
        self.out_of_range = _Skipped()
        self.lines = 0
        self.consumed = 0  # bytes of whole lines parsed so far
        self.moments: dict[bytes, datetime] = {}  # `at` as written -> the moment: a day's marks share few seconds

    def _line(self, raw: bytes, number: int) -> bool:
        """Parse one line; False when it is not a mark (counted, unless it may be a torn last line)."""
        if not raw or raw.isspace():
            return True
        if not raw.lstrip().startswith(b"{"):  # not an object: no need to ask the parser
            return False
        try:
            at, kind, segment, item, key, note, room = _record(raw)
            moment = _moment(at, self.tz)
            self.marks.append(Mark(moment, MarkKind(kind), segment, item, key=key, note=note, room=room))
        except _OutOfRange as far:
            self.out_of_range.add(number, year=far.year, first=FIRST_YEAR, last=LAST_YEAR)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, OverflowError, RecursionError):
            return False
        else:
            if len(self.moments) < 100_000:
                self.moments[at.encode("utf-8")] = moment
        return True

    def feed(self, data: bytes) -> None:
        """The log's bytes from `consumed` on; only the lines ended by a newline are taken.

        A line as `append_mark` writes it takes the quick way (one regular expression, its time looked up
        if an earlier line had it); any other goes through the JSON parser. A log of a million lines is
        read in seconds, not tens of seconds.
        """
        end = data.rfind(b"\n") + 1
        lines = data[:end].split(b"\n")
        lines.pop()  # what followed the last newline: not a line yet
        known, kinds, moments, add = _RECORD.fullmatch, _MARK_KINDS, self.moments, self.marks.append
        for number, raw in enumerate(lines, self.lines + 1):
            found = known(raw)
            if found is not None:
                at, kind, segment = found.groups()
                moment = moments.get(at)
                if moment is not None and kind in kinds:
                    try:
                        named = None if segment is None else segment.decode("utf-8")
                    except UnicodeDecodeError:
                        pass  # said as the parser's way says it
                    else:
                        add(Mark(moment, kinds[kind], named))
                        continue
            if not self._line(raw, number):
                self.unreadable.add(number)
        self.lines += len(lines)
        self.consumed += end

    def finish(self, tail: bytes) -> tuple[list[Mark], list[DayWarning]]:
        """`tail`: the bytes after the last newline. Unreadable there, it was cut off mid-write (a torn line)."""
        torn = []
        if not self._line(tail, self.lines + 1):
            torn = [DayWarning("torn-line", (("file", self.name), ("line", self.lines + 1)))]
        return self.marks, [*self.unreadable.warning("unreadable-line", self.name),
                            *self.out_of_range.warning("year-out-of-range", self.name), *torn]


def parse_log(data: bytes, name: str, tz: tzinfo) -> tuple[list[Mark], list[DayWarning]]:
    """Marks in the order their lines were appended, and one warning for each kind of line passed over.

    A torn last line is said on its own (a crash, nothing to fix); unreadable lines and lines whose
    year no forum may have are each counted, and the warning names the first.
    """
    reader = _Reader(name, tz)
    reader.feed(data)
    return reader.finish(data[reader.consumed:])


def _open_log(path: Path, flags: int) -> int:
    """A descriptor on the log, refused unless it is a regular file.

    Opened non-blocking (a FIFO would wait for a writer), then `fstat`ed: what is checked is what was
    opened, so a file swapped for a FIFO in between is still caught. FileNotFoundError passes through.
    """
    try:
        fd = os.open(path, flags | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise UsageError("marks-log-folder", path=str(path)) from None
    except OSError as error:
        if error.errno == errno.ENXIO:  # a socket, or a FIFO opened for writing with no reader
            raise UsageError("marks-log-not-regular", path=str(path)) from None
        if flags & os.O_ACCMODE == os.O_RDONLY:
            raise UsageError("marks-log-unreadable", path=str(path), error=error.strerror or str(error)) from None
        raise UsageError("marks-log-unopenable", path=str(path), error=error.strerror or str(error)) from None
    try:
        mode = os.fstat(fd).st_mode
    except OSError as error:
        os.close(fd)
        raise UsageError("marks-log-unreadable", path=str(path), error=error.strerror or str(error)) from None
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise UsageError("marks-log-folder", path=str(path))
        raise UsageError("marks-log-not-regular", path=str(path))
    return fd


def _read_capped(fd: int, path: Path) -> bytes:
    """The whole log from its start; over MAX_LOG_BYTES refused, at once when `stat` says so, else as it is read."""
    chunks: list[bytes] = []
    total = 0
    want = os.fstat(fd).st_size + 1  # one read for a file as big as it says
    if want > MAX_LOG_BYTES + 1:  # refused before a byte is read
        raise UsageError("marks-log-too-big", path=str(path), limit=MAX_LOG_BYTES)
    while True:
        chunk = os.pread(fd, min(max(want, 65536), MAX_LOG_BYTES + 1 - total), total)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > MAX_LOG_BYTES:
            raise UsageError("marks-log-too-big", path=str(path), limit=MAX_LOG_BYTES)
        want = 1 << 20


def read_log(path: Path, tz: tzinfo) -> tuple[list[Mark], list[DayWarning]]:
    """The marks so far; a missing log has none. A log that is not a regular file, or too big, exits 2."""
    try:
        fd = _open_log(path, os.O_RDONLY)
    except FileNotFoundError:
        return [], []
    try:
        data = _read_capped(fd, path)
    except OSError as error:
        raise UsageError("marks-log-unreadable", path=str(path), error=error.strerror or str(error)) from None
    finally:
        os.close(fd)
    return parse_log(data, str(path), tz)



LogReader = Callable[[Path, tzinfo], tuple[list[Mark], list[DayWarning]]]


LogSignature = tuple[int, int, int, int, int] | None


def log_signature(path: Path) -> LogSignature:
    """What tells that the log changed: its device, inode, size, and the time of its content or of its
    permissions (a chmod makes it unreadable without touching it); None when it cannot be looked at."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def reader_of_changes() -> LogReader:
    """`read_log` that reads the log again only when the file changed (its device, inode, size, or the time
    of its content or of its permissions): a screen that asks every second reads a day's log once, not
    sixty times a minute, and a log made unreadable (chmod) is read, and refused, at once."""
    seen: dict[Path, tuple[LogSignature, tuple[list[Mark], list[DayWarning]]]] = {}

    def read(path: Path, tz: tzinfo) -> tuple[list[Mark], list[DayWarning]]:
        signature = log_signature(path)
        if signature is None:
            return read_log(path, tz)
        kept = seen.get(path)
        if kept is None or kept[0] != signature:
            kept = (signature, read_log(path, tz))
            seen[path] = kept
        return kept[1]
    return read

def append_mark(path: Path, tz: tzinfo, decide: Callable[[list[Mark]], tuple[Mark, bool]]) -> tuple[
        Mark, list[Mark], list[DayWarning]]:
    """Lock the log, read it, let `decide` turn the marks so far into the new mark, append it durably.

    Returns the mark, every mark in the log after it (the new one last) and the warnings about the log.
    `decide` may raise (an impossible mark), or say the mark is in the log already (a press retried
    with its `id`): then nothing is appended. The log is parsed before the
    lock is taken; under the lock only what was appended meanwhile is, so a long log never keeps
    another desk's mark waiting for long.
    """
    try:
        fd = _open_log(path, os.O_RDWR | os.O_CREAT | os.O_APPEND)
    except FileNotFoundError as error:  # the folder is missing
        raise UsageError("marks-log-unopenable", path=str(path), error=error.strerror or str(error)) from None
    try:
        reader = _Reader(str(path), tz)
        seen = _read_capped(fd, path)
        reader.feed(seen)
        fcntl.flock(fd, fcntl.LOCK_EX)
        data = _read_capped(fd, path)
        if not data.startswith(seen[:reader.consumed]):  # rewritten meanwhile, not appended to: read afresh
            reader = _Reader(str(path), tz)
        reader.feed(data[reader.consumed:])
        marks, warnings = reader.finish(data[reader.consumed:])
        mark, new = decide(marks)
        if not new:
            return mark, marks, warnings
        line = json.dumps(mark.as_record(tz), ensure_ascii=False).encode("utf-8") + b"\n"
        if data and not data.endswith(b"\n"):
            line = b"\n" + line  # after a torn line, start afresh
        if len(data) + len(line) > MAX_LOG_BYTES:  # appended, the log could no longer be read
            raise UsageError("marks-log-too-big", path=str(path), limit=MAX_LOG_BYTES)
        written = os.write(fd, line)
        if written != len(line):
            raise UsageError("disk-full", path=str(path), written=written, size=len(line))
        os.fsync(fd)
        return mark, [*marks, mark], warnings
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
