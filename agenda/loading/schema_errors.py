"""Pydantic's validation errors as `invalid-field` findings at the value's position."""

import difflib

from pydantic import BaseModel, ValidationError

from agenda.findings import INVALID_FIELD, Finding, Location, Path, Severity, format_path


def data_path(data: object, loc: tuple) -> Path:
    """The part of Pydantic's `loc` that indexes into the data (drops union tags and model names)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
    return tuple(path)


def findings_from(error: ValidationError, data: object) -> list[Finding]:
    from agenda.model import MODEL_FOR_KEY

    findings: dict[tuple, Finding] = {}
    for detail in error.errors(include_url=False, include_context=True):
        loc = tuple(detail["loc"])
        kind = detail["type"]
        if kind == "extra_forbidden":
            path = data_path(data, loc)
            key = str(loc[-1])
            message = f"unknown key {key!r}{_suggestion(key, path, MODEL_FOR_KEY)}"
            location = Location(path=path)
            at_key = True
        elif kind == "missing":
            path = data_path(data, loc)
            message = f"{loc[-1]} is required{_where(path)}"
            location = Location(path=path)
            at_key = False
        elif loc and loc[-1] == "[key]":  # a mapping's key itself is wrong (a people id)
            path = data_path(data, loc[:-1])
            message = f"{format_path(path[:-1]) or 'key'}: {_clean(detail['msg'])}"
            location = Location(path=path)
            at_key = True
        else:
            path = data_path(data, loc)
            message = _clean(detail["msg"])
            field = format_path(path) if path and isinstance(path[-1], int) else \
                next((p for p in reversed(path) if isinstance(p, str)), "value")
            message = f"{field}: {message}"
            location = Location(path=path)
            at_key = False
        if at_key:
            location = Location(path=path + ("@key",))
        findings.setdefault((location.path, message), Finding(INVALID_FIELD, Severity.ERROR, message, location))
    return list(findings.values())


def _clean(message: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _where(path: Path) -> str:
    return f" in {format_path(path)}" if path else ""


def _suggestion(key: str, path: Path, models: dict[str, type[BaseModel]]) -> str:
    parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), None)
    model = models.get(parent) if parent else None
    if model is None and not path[:-1]:
        fields = ["forum", "people", "program", "rules"]
    elif model is None:
        return ""
    else:
        fields = list(model.model_fields)
    near = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    if near:
        return f"; did you mean {near[0]!r}?"
    return f"; the keys here are: {', '.join(fields)}"
