"""A forum mapping as YAML that a person can read and edit: same mapping, same bytes.

Every text is written in double quotes (JSON's escapes, which YAML shares), so
that no title, time or name is ever read back as a number, a date, a boolean
or a sexagesimal (`09:00` in YAML 1.1); keys are bare where they are plain
words. Short mappings of texts (a person) stay on one line, as the examples do.
"""

import json
import re
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_BARE_TEXT = re.compile(r"^[^\W\d][\w.-]*(?: [\w.-]+)*$")
"""A word or words (Hangul too) that every YAML reader takes as text: no digit first, no `: ` or ` #`."""
_RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"})


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) and key.lower() not in _RESERVED else _scalar(key)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _BARE_TEXT.match(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _flat(value: Any) -> bool:
    return isinstance(value, dict) and 0 < len(value) <= 3 and all(
        not isinstance(v, (dict, list)) for v in value.values())


def _lines(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _entry(f"{pad}{_key(key)}:", item, indent)
    else:
        for item in value:
            if isinstance(item, dict) and item and not _flat(item):
                inner = _lines(item, indent + 2)
                out.append(f"{pad}- {inner[0].lstrip()}")
                out += inner[1:]
            else:
                out += _entry(f"{pad}-", item, indent)
    return out


def _entry(head: str, item: Any, indent: int) -> list[str]:
    if _flat(item):
        return [f"{head} {{" + ", ".join(f"{_key(k)}: {_scalar(v)}" for k, v in item.items()) + "}"]
    if isinstance(item, list) and all(not isinstance(v, (dict, list)) for v in item):
        return [f"{head} [" + ", ".join(_scalar(v) for v in item) + "]"]
    if isinstance(item, (dict, list)):
        return [f"{head} {{}}" if isinstance(item, dict) else f"{head} []"] if not item else \
            [head] + _lines(item, indent + 2)
    return [f"{head} {_scalar(item)}"]


def forum_yaml(forum_file: dict[str, Any], header: str = "") -> str:
    """The file's text; `header` (one line, a comment) says where it came from."""
    top = [f"# {header}"] if header else []
    for position, (key, value) in enumerate(forum_file.items()):
        if position:
            top.append("")
        top += _entry(f"{_key(key)}:", value, 0)
    return "\n".join(top) + "\n"
