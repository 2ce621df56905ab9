"""A request body as a JSON object of known fields: POST /mark and POST /message read theirs alike."""

import json
from collections.abc import Set
from typing import Any


class BadBody(ValueError):
    """A body the route cannot take: 400, worded at the edge from `reason` and its arguments."""

    def __init__(self, reason: str, **arguments: object) -> None:
        super().__init__(reason)
        self.reason, self.arguments = reason, arguments


def json_object(body: bytes, fields: Set[str], refusal: type[BadBody]) -> dict[str, Any]:
    """The body's JSON object; `refusal` raised with not-json, not-an-object or unknown-field otherwise."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: a body of nested brackets
        raise refusal("not-json") from None
    if not isinstance(data, dict):
        raise refusal("not-an-object")
    unknown = sorted(set(data) - fields)
    if unknown:
        raise refusal("unknown-field", field=repr(unknown[0]))
    return data
