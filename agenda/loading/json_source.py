"""JSON forum files: parsed by `json`, positions from libyaml (JSON is YAML 1.2)."""

import json

from agenda.errors import Unreadable
from agenda.loading.sourcemap import NoPositions, SourceMap


def load_json(text: str, file: str) -> tuple[object, SourceMap]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise Unreadable(file, "json-syntax", error.lineno, error.colno, detail=error.msg) from None
    except RecursionError:
        raise Unreadable(file, "json-too-deep") from None
    from agenda.loading.yaml12 import load_yaml

    positions: SourceMap
    try:
        _, positions, _ = load_yaml(text, file)
    except Unreadable:
        positions = NoPositions()  # valid JSON that libyaml reads otherwise: findings point to 1:1
    return data, positions
