"""Text from files and file names made harmless to print.

A file name or a key can hold ESC and the rest of the C0 and C1 controls:
printed as they are, they recolour a terminal, plant an OSC 8 link or write
the clipboard (OSC 52), and in `--format github` they could forge a workflow
command. Every path and message that findings output prints goes through
here, so what reaches a terminal or a log is plain visible text.
"""

import os
import re
from functools import cache

_UNSAFE = r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
_UNSAFE_BUT_NEWLINE = r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
_UNSAFE_IN_TEXT = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


@cache
def _compiled(pattern: str) -> "re.Pattern[str]":
    """A pattern compiled when first used: each of these wide classes takes about half a millisecond to
    compile, and a command uses one or two of them (`validate` prints findings, not JSON)."""
    return re.compile(pattern)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte of a non-UTF-8 file name (surrogateescape)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str, keep_newlines: bool = False) -> str:
    """`text` with every control, bidi override and lone surrogate written as a visible escape."""
    if (text.replace("\n", "") if keep_newlines else text).isprintable():
        return text  # nearly always: each character escaped below is of Unicode's "Other", never printable
    return _compiled(_UNSAFE_BUT_NEWLINE if keep_newlines else _UNSAFE).sub(_escape, text)


def shown(text: str) -> str:
    """Text as a terminal or a Markdown page shows it: tabs and line breaks kept, every other control, bidi
    override and lone surrogate as a visible escape. A bidi override in a title (which the file may hold)
    would otherwise turn the rest of a table row, or of a line in a pull request, around."""
    if text.replace("\n", "").replace("\t", "").isprintable():
        return text  # nearly always, as in `inert`: no pattern to compile or run
    return _compiled(_UNSAFE_IN_TEXT).sub(_escape, text)


def display_path(path: "str | bytes | os.PathLike[str] | os.PathLike[bytes]") -> str:
    """A file name as it may be printed: non-UTF-8 bytes as \\xNN, controls escaped, always encodable."""
    return inert(os.fsdecode(path))


_RAW_IN_JSON = r"[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def json_text(value: object, indent: int | None = 2, sort_keys: bool = False) -> str:
    """`value` as JSON for programs: letters as they are, but every control, bidi override, line separator and
    lone surrogate as a `\\uXXXX` escape, so that the bytes never drive a terminal or reorder a line, and a
    program still reads back the very text the file held. Every JSON output is written here."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=sort_keys)
    # json.dumps escapes C0 itself; the rest can only stand inside strings (JSON's syntax is ASCII), where
    # \uXXXX is the same text.
    return _compiled(_RAW_IN_JSON).sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def json_path(path: "str | bytes | os.PathLike[str] | os.PathLike[bytes]") -> str:
    """A file name for JSON: its characters as they are (json_text escapes the controls), a byte that is not
    UTF-8 as the text \\xNN, since JSON has no bytes and a lone surrogate breaks most readers."""
    return re.sub(r"[\udc80-\udcff]", lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", os.fsdecode(path))
