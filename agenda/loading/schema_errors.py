"""Pydantic's validation errors as `invalid-field` findings at the value's position.

Each finding keeps what went wrong as a reason and typed arguments (the
field, the value, the key or choice probably meant); the words come later,
from the message catalogue of the reader's language.
"""

import difflib
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core.core_schema import ErrorType

from agenda.core.findings import INVALID_FIELD, Argument, Finding, Location, Path, Severity, format_path

KIND_WORDS = {
    "개회식": "opening", "개회": "opening", "개회사": "opening", "축사": "remarks", "인사말": "remarks",
    "환영사": "remarks", "기조연설": "keynote", "기조강연": "keynote", "발제": "presentation",
    "발표": "presentation", "지정토론": "panel", "토론": "panel", "종합토론": "panel", "패널토론": "panel",
    "질의응답": "qa", "휴식": "break", "폐회": "closing", "폐회식": "closing", "폐회사": "closing",
    "등록": "registration", "사전등록": "registration", "장내정리": "transition",
    "점심": "break", "점심시간": "break", "점심식사": "break", "식사": "break", "오찬": "break", "만찬": "break",
    "중식": "break", "커피": "break", "다과": "break",
}
"""Korean words for segment kinds -> the kind they mean."""

BREAK_WORDS = frozenset({"점심", "점심시간", "점심식사", "식사", "오찬", "만찬", "중식", "커피", "다과", "lunch",
                         "lunch break", "coffee", "coffee break", "tea", "tea break", "dinner", "meal", "refreshments"})
"""What a pause is for, written as its kind: no spelling is near `break`, and the word is worth keeping
as the break's title."""

CHOICE_ALIASES = {"kr": "ko", "kor": "ko", "korean": "ko", "한국어": "ko", "한글": "ko",
                  "eng": "en", "english": "en", "영어": "en"}
"""Common ways of writing a language that no spelling suggestion finds."""

MISSING_EXAMPLES = {"timezone": "timezone: Asia/Seoul", "date": "date: 2024-05-02", "start": "start: \"14:00\""}
"""An example line for a required key, shown when it is missing."""


PYDANTIC_ERROR_TYPES = frozenset(get_args(ErrorType))


def data_path(data: object, loc: tuple[Any, ...]) -> Path:
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
    findings: dict[tuple[object, ...], Finding] = {}
    for detail in error.errors(include_url=False, include_context=True):
        loc = tuple(detail["loc"])
        kind = detail["type"]
        path = data_path(data, loc)
        args: dict[str, Argument]
        if kind == "extra_forbidden":
            key = str(loc[-1])
            reason, args, location = "unknown-key", _unknown_key(key, detail.get("input"), path, data), \
                Location(path=path, key=True)
        elif kind == "missing":
            field = str(loc[-1])
            reason, args, location = "missing", {"field": field, "parent": path,
                                                 "example": MISSING_EXAMPLES.get(field)}, Location(path=path)
        elif loc and loc[-1] == "[key]":  # a mapping's key itself is wrong (a people id)
            path = data_path(data, loc[:-1])
            reason, args = _value_problem(kind, detail, path)
            args["field"] = format_path(path[:-1]) or "key"
            location = Location(path=path, key=True)
        else:
            reason, args = _value_problem(kind, detail, path)
            location = Location(path=path)
        identity = (location.path, reason, tuple(sorted((k, str(v)) for k, v in args.items())))
        findings.setdefault(identity, Finding(INVALID_FIELD, Severity.ERROR, reason, args, location))
    return list(findings.values())


def _value_problem(kind: str, detail: Any, path: Path) -> tuple[str, dict[str, Argument]]:
    """(reason, arguments) for a wrong value: our own reasons as they are, Pydantic's with what fits."""
    field = format_path(path) if path and isinstance(path[-1], int) else \
        next((p for p in reversed(path) if isinstance(p, str)), "value")
    context = dict(detail.get("ctx") or {})
    value = detail.get("input")
    if kind not in PYDANTIC_ERROR_TYPES:  # our own reason, raised by the model with typed arguments
        args: dict[str, Argument] = {name: _argument(v) for name, v in context.items()}
        return kind, {"field": field, **args}
    args = {"field": field, "type": kind, "detail": _clean(detail["msg"])}
    if kind in ("enum", "literal_error") and isinstance(value, str):
        choices = _choices(str(context.get("expected", "")))
        args["value"] = value
        args["choices"] = choices
        args["suggestion"] = _choice(value, choices)
        args["korean_word"] = value.strip() in KIND_WORDS
        if args["suggestion"] == "break" and value.strip().lower() in BREAK_WORDS:
            args["title_word"] = value.strip()  # kind: break, title: 점심
    elif kind == "list_type" and isinstance(value, str) and "," in value:
        args["items"] = tuple(part.strip() for part in value.split(",") if part.strip())
    return "schema", args


def _argument(value: object) -> Argument:
    if value is None or isinstance(value, (str, int)):
        return value
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return str(value)


def _choices(expected: str) -> tuple[str, ...]:
    """The allowed values from Pydantic's "'a', 'b' or 'c'"."""
    return tuple(part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip(" '"))


def _choice(value: str, choices: tuple[str, ...]) -> str | None:
    """The allowed value probably meant: a Korean kind word, a known alias, or a close spelling."""
    if value.strip() in KIND_WORDS:
        return KIND_WORDS[value.strip()]
    if value.strip().lower() in CHOICE_ALIASES and CHOICE_ALIASES[value.strip().lower()] in choices:
        return CHOICE_ALIASES[value.strip().lower()]
    if value.strip().lower() in BREAK_WORDS and "break" in choices:
        return "break"
    near = difflib.get_close_matches(value.strip().lower(), choices, n=1, cutoff=0.6)
    return near[0] if near else None


def _clean(message: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _unknown_key(key: str, value: object, path: Path, data: object) -> dict[str, Argument]:
    """The key probably meant: by meaning first (`chair` is `moderator`), else by spelling; and the keys here."""
    from agenda.core.model import MODEL_FOR_KEY

    suggestion, choices = _suggestion(key, path, MODEL_FOR_KEY)
    args: dict[str, Argument] = {"key": key, "suggestion": suggestion, "choices": choices}
    if key.strip().lower() in MEANT_KEYS:  # `time` is no misspelt `title`, even where no key means it
        meant = _meant(key, value, path, MODEL_FOR_KEY, data)
        args["suggestion"] = None
        if meant:
            where, _, args["suggestion"] = meant[0].rpartition(".")
            if where:  # a key of another mapping: a segment's place before rooms is the forum's venue
                args["where"] = where
            if len(meant) > 1:  # `time: soon`: a start or a length
                args["also"] = meant[1]
    return args


MEANT_KEYS = {
    "chair": "moderator", "chairperson": "moderator", "좌장": "moderator",
    "사회": "mc", "사회자": "mc",
    "room": "place", "place": "place", "location": "place", "장소": "place",
    "time": "time", "시간": "time", "시각": "time",
}
"""Keys people write for what the file calls otherwise: a spelling match cannot find them (`time` is
closest to `title`), so they are looked up by meaning. "place" and "time" depend on where they stand."""


def _meant(key: str, value: object, path: Path, models: dict[str, type[BaseModel]],
           data: object) -> tuple[str, ...]:
    """The key (or two) a word is meant for, by meaning, among the keys this mapping has; () when none."""
    meaning = MEANT_KEYS.get(key.strip().lower())
    parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), None)
    model = models.get(parent) if parent else None
    if meaning is None or model is None:
        return ()
    fields = model.model_fields
    if meaning == "place":
        forum = data.get("forum") if isinstance(data, dict) else None
        if "room" in fields and isinstance(forum, dict) and forum.get("rooms"):
            return ("room",)
        return ("venue",) if "venue" in fields else ("forum.venue",)  # a segment's place, before rooms: the forum's
    if meaning == "time":
        return _time_key(value, [name for name in ("at", "start", "duration") if name in fields])
    return (meaning,) if meaning in fields else ()


def _time_key(value: object, keys: list[str]) -> tuple[str, ...]:
    """`time: 14:00` means a start, `time: 30분` a length; anything else may be either."""
    from agenda.core.durations import clock_range, parse_clock, parse_minutes

    starts = next(((k,) for k in ("at", "start") if k in keys), ())  # a segment's start is `at`; a forum's, `start`
    try:
        parse_clock(value)
        return starts
    except ValueError:
        pass
    try:
        if clock_range(value) is not None:
            return starts
    except ValueError:
        pass
    try:
        parse_minutes(value)
        return ("duration",) if "duration" in keys else ()
    except ValueError:
        return starts + tuple(k for k in keys if k == "duration")


def _suggestion(key: str, path: Path, models: dict[str, type[BaseModel]]) -> tuple[str | None, tuple[str, ...]]:
    """(the key probably meant, the keys allowed here)."""
    parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), None)
    model = models.get(parent) if parent else None
    if model is None and not path[:-1]:
        fields = ["forum", "people", "program", "rules"]
    elif model is None:
        return None, ()
    else:
        fields = list(model.model_fields)
    near = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    return (near[0] if near else None), tuple(fields)
