"""`agenda` killed (SIGKILL) right after a mark reaches the disk, before it can answer.

A deterministic stand-in for a power cut between append and answer: the marks log's
fsync runs, then the process kills itself. Only a `.jsonl` file's fsync does this, so
the token file written at start is untouched. Used as `python tests/kill_after_append.py serve ...`.
"""

import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

_fsync = os.fsync


def _fsync_then_die(fd: int) -> None:
    _fsync(fd)
    try:
        target = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        target = ""
    if target.endswith(".jsonl"):
        os.kill(os.getpid(), signal.SIGKILL)


os.fsync = _fsync_then_die

from agenda.cli import entry_point  # noqa: E402  (after the stand-in, so the log's fsync is it)

entry_point()
