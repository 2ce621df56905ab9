"""TOML forum files: parsed by `tomllib`, positions from a line scan of keys and tables.

tomllib gives no positions. Forum files use simple TOML (tables, arrays of
tables, `key = value`, inline tables), so following the table headers and
the keys line by line finds the line of every key; values on one line
(inline tables, arrays) share that line.
"""

import re
import tomllib

from agenda.core.errors import Unreadable
from agenda.core.findings import Path
from agenda.loading.sourcemap import SourceMap

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^(\s*)([A-Za-z0-9_\-\"'.]+)\s*=")
_ERROR_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
MAX_KEY_PARTS = 64
_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_LONG_DOTTED_KEY = re.compile(_PART + r"(?:[ \t]*\.[ \t]*" + _PART + "){%d}" % MAX_KEY_PARTS)


def _refuse_long_dotted_keys(text: str, file: str) -> None:
    """tomllib takes time and memory quadratic in a dotted key's parts (40,000 parts: 23 s, 9 GB),
    so a key of more parts than a forum file could need is refused before parsing."""
    if text.count(".") < MAX_KEY_PARTS:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count(".") >= MAX_KEY_PARTS:
            for found in _LONG_DOTTED_KEY.finditer(line):
                if line.count('"', 0, found.start()) % 2 or line.count("'", 0, found.start()) % 2:
                    continue  # inside a string value: text, not a key
                raise Unreadable(file, "long-dotted-key", number, found.start() + 1, limit=MAX_KEY_PARTS)


class TomlSourceMap(SourceMap):
    def __init__(self, text: str):
        self._lines: dict[Path, tuple[int, int]] = {}
        counters: dict[Path, int] = {}
        table: Path = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                name = tuple(_unquote(p) for p in header.group(2).split("."))
                if header.group(1) == "[[":
                    index = counters.get(name, -1) + 1
                    counters[name] = index
                    table = name + (index,)
                else:
                    table = _within_arrays(name, counters)
                self._lines.setdefault(table, (number, 1))
                continue
            key = _KEY.match(line)
            if key:
                path = table + tuple(_unquote(p) for p in key.group(2).split("."))
                self._lines.setdefault(path, (number, len(key.group(1)) + 1))

    def position(self, path: Path, key: bool = False) -> tuple[int, int]:
        for end in range(len(path), 0, -1):
            found = self._lines.get(tuple(path[:end]))
            if found:
                return found
        return (1, 1)


def _within_arrays(name: Path, counters: dict[Path, int]) -> Path:
    """`[program.items]` after `[[program]]` belongs to the latest program entry."""
    for cut in range(len(name) - 1, 0, -1):
        prefix = name[:cut]
        if prefix in counters:
            return prefix + (counters[prefix],) + name[cut:]
    return name


def _unquote(part: str) -> str:
    return part.strip().strip("\"'")


def load_toml(text: str, file: str) -> tuple[object, TomlSourceMap]:
    _refuse_long_dotted_keys(text, file)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = _ERROR_AT.search(message)
        line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
        message = _ERROR_AT.sub("", message).strip()
        raise Unreadable(file, "toml-syntax", line, column, detail=message) from None
    except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits
        from agenda.loading.json_source import too_many_digits

        raise too_many_digits(text, file) from None
    return data, TomlSourceMap(text)
