"""JSON forum files: parsed by `json`, positions from libyaml (JSON is YAML 1.2)."""

import json
import re

from agenda.core.errors import Unreadable
from agenda.loading.sourcemap import NoPositions, SourceMap

_LONG_NUMBER = re.compile(r"\d{1000,}")


def too_many_digits(text: str, file: str) -> Unreadable:
    """The error for a number Python refuses to convert, at the first very long run of digits."""
    found = _LONG_NUMBER.search(text)
    if found is None:
        return Unreadable(file, "too-many-digits")
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return Unreadable(file, "too-many-digits", line, column)


def load_json(text: str, file: str) -> tuple[object, SourceMap]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise Unreadable(file, "json-syntax", error.lineno, error.colno, detail=error.msg) from None
    except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits
        raise too_many_digits(text, file) from None
    except RecursionError:
        raise Unreadable(file, "json-too-deep") from None
    from agenda.loading.yaml12 import load_yaml

    positions: SourceMap
    try:
        _, positions, _ = load_yaml(text, file)
    except Unreadable:
        positions = NoPositions()  # valid JSON that libyaml reads otherwise: findings point to 1:1
    return data, positions
