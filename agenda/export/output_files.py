"""Writing outputs so that a reader never sees half a file.

Calendars subscribe to exported files; a crash halfway through must leave
the previous version in place. So every output goes to a temporary file in
the same folder and is renamed over the target only once it is complete.

What the target is decides how it is written:
- a regular file (or none yet): atomically, keeping the old file's mode,
  owner and group. A hard link to the old file keeps the old content: the
  rename makes a new file, and a reader must never see half a calendar,
  which writing in place would risk;
- a symbolic link: its target is replaced the same way, and the link stays;
- a device or FIFO (`/dev/null`, `/dev/stdout`, a pipe): written directly,
  since there is no file to replace.
A temporary file is removed on any failure, Ctrl-C, SIGTERM or SIGHUP.
"""

import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import NoReturn

from agenda.core.errors import Terminated, UsageError

_CLEANUP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def write_output(target: str, data: bytes) -> None:
    """Write `data` to `target` atomically, or to standard output when target is '-'."""
    if target == "-":
        if data.startswith(b"%PDF-") and sys.stdout.isatty():  # bytes a terminal would show as garbage
            raise UsageError("pdf-to-terminal")
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        mode = os.stat(target).st_mode  # through any symbolic link
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise UsageError("output-unwritable", target=target, error=error.strerror or str(error)) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise UsageError("output-is-folder", target=target, example=str(Path(target) / "forum.ics"))
    if mode is not None and not stat.S_ISREG(mode):
        _write_in_place(target, data)
        return
    path = Path(os.path.realpath(target)) if os.path.islink(target) else Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError("folder-missing", target=target, folder=str(folder))
    _replace(target, path, folder, data)


def _write_in_place(target: str, data: bytes) -> None:
    """A device or FIFO: what is written goes straight to whatever reads it."""
    try:
        with open(target, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise UsageError("output-unwritable", target=target, error=error.strerror or str(error)) from None


def _replace(target: str, path: Path, folder: Path, data: bytes) -> None:
    with _signals_end_the_write():
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        except OSError as error:
            raise UsageError("folder-unwritable", target=target, folder=str(folder),
                             error=error.strerror or str(error)) from None
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            _take_over_metadata(path, temporary)
            os.replace(temporary, path)
        except BaseException as error:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            if isinstance(error, OSError):
                raise UsageError("output-unwritable", target=target, error=error.strerror or str(error)) from None
            raise


def _take_over_metadata(path: Path, temporary: str) -> None:
    """The new file gets the old one's mode, owner and group (as far as we may), or the umask's mode."""
    try:
        old = path.stat()
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        return
    for uid, gid in ((old.st_uid, old.st_gid), (-1, old.st_gid)):
        try:
            os.chown(temporary, uid, gid)
            break
        except (PermissionError, AttributeError):
            continue  # only root may give a file away; a member of the group may still keep the group
    os.chmod(temporary, old.st_mode & 0o7777)  # after chown, which clears set-id bits


@contextmanager
def _signals_end_the_write() -> Iterator[None]:
    """SIGTERM and SIGHUP end the write like Ctrl-C does, so the temporary file is removed.

    The handlers are in place only while the temporary file exists; the
    command then ends with 128 + the signal's number, as a shell reports it.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> NoReturn:
        raise Terminated(signum)

    previous = {number: signal.signal(number, stop) for number in _CLEANUP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
