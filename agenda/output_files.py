"""Writing outputs so that a reader never sees half a file.

Calendars subscribe to exported files; a crash halfway through must leave
the previous version in place. So every output goes to a temporary file in
the same folder and is renamed over the target only once it is complete.
"""

import os
import sys
import tempfile
from pathlib import Path

from agenda.errors import UsageError


def write_output(target: str, data: bytes) -> None:
    """Write `data` to `target` atomically, or to standard output when target is '-'."""
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{target}: the folder {folder} does not exist; create it first")
    if path.is_dir():
        raise UsageError(f"{target}: is a folder; give a file name such as {path / 'forum.ics'}")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise UsageError(f"{target}: cannot write in {folder}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise UsageError(f"{target}: cannot be written: {error.strerror or error}") from None
        raise
