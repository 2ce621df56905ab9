"""Text from files and file names made harmless to print.

A file name or a key can hold ESC and the rest of the C0 and C1 controls:
printed as they are, they recolour a terminal, plant an OSC 8 link or write
the clipboard (OSC 52), and in `--format github` they could forge a workflow
command. Every path and message that findings output prints goes through
here, so what reaches a terminal or a log is plain visible text.
"""

import os
import re

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte of a non-UTF-8 file name (surrogateescape)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str, keep_newlines: bool = False) -> str:
    """`text` with every control, bidi override and lone surrogate written as a visible escape."""
    return (_UNSAFE_BUT_NEWLINE if keep_newlines else _UNSAFE).sub(_escape, text)


def display_path(path: "str | bytes | os.PathLike[str] | os.PathLike[bytes]") -> str:
    """A file name as it may be printed: non-UTF-8 bytes as \\xNN, controls escaped, always encodable."""
    return inert(os.fsdecode(path))
