"""YAML 1.2 on libyaml: fast C parsing, our own 1.2 core-schema scalars, positions kept.

PyYAML resolves plain scalars by YAML 1.1 rules (`14:00` becomes 840,
`no` becomes False). Here libyaml only builds the node tree; scalars are
typed by the YAML 1.2 core schema below, and the tree is kept so that
positions can be looked up later. Aliases are expanded with a budget, so an
alias bomb ends in a clear error instead of eating memory.
"""

import re

import yaml

from agenda.errors import InputError
from agenda.findings import Path

try:
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML wheels ship libyaml on every platform we support
    _BaseLoader = yaml.SafeLoader

MAX_VALUES = 100_000
MAX_DEPTH = 64

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+$")
_OCT = re.compile(r"0o[0-7]+$")
_HEX = re.compile(r"0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"\.(nan|NaN|NAN)$")

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _NodeLoader(_BaseLoader):
    """libyaml's parser with no implicit resolvers: every plain scalar arrives as text."""

    yaml_implicit_resolvers: dict = {}


def _core_scalar(text: str) -> object:
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


class YamlSourceMap:
    def __init__(self, root: yaml.Node):
        self._root = root

    def position(self, path: Path, key: bool = False) -> tuple[int, int]:
        node, key_node = self._root, None
        for part in path:
            child, child_key = _child(node, part)
            if child is None:
                break
            node, key_node = child, child_key
        else:
            if key and key_node is not None:
                node = key_node
        mark = node.start_mark
        return (mark.line + 1, mark.column + 1)


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node | None]:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                return value_node, key_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], None
    return None, None


class _Builder:
    """Turns nodes into plain Python values; counts them to stop alias expansion."""

    def __init__(self, file: str):
        self.file = file
        self.count = 0
        self.duplicates: list[tuple[Path, int, int]] = []

    def fail(self, node: yaml.Node, message: str) -> InputError:
        mark = node.start_mark
        return InputError(self.file, message, mark.line + 1, mark.column + 1)

    def build(self, node: yaml.Node, path: Path) -> object:
        self.count += 1
        if self.count > MAX_VALUES:
            raise self.fail(node, f"more than {MAX_VALUES} values (anchors and aliases expanding?); "
                                  "a forum file needs far fewer")
        if len(path) > MAX_DEPTH:
            raise self.fail(node, f"nested deeper than {MAX_DEPTH} levels; a forum file needs far fewer")
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self.fail(node, f"unsupported tag {node.tag!r}; remove it")
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        if node.tag != _MAP:
            raise self.fail(node, f"unsupported tag {node.tag!r}; remove it")
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a key must be plain text, not a list or mapping")
            key = key_node.value
            if key in result:
                mark = key_node.start_mark
                self.duplicates.append((path + (key,), mark.line + 1, mark.column + 1))
            result[key] = self.build(value_node, path + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode) -> object:
        text = node.value
        if node.tag == _STR:
            return text if node.style else _core_scalar(text)
        kind = node.tag.rsplit(":", 1)[-1]
        value = _core_scalar(text)
        expected = {"int": int, "float": (int, float), "bool": bool, "null": type(None)}.get(kind)
        if expected is None:
            raise self.fail(node, f"unsupported tag {node.tag!r}; remove it")
        if not isinstance(value, expected) or (kind == "int" and isinstance(value, bool)):
            raise self.fail(node, f"{text!r} is not a valid !!{kind}")
        return float(value) if kind == "float" else value


def load_yaml(text: str, file: str) -> tuple[object, YamlSourceMap, list[tuple[Path, int, int]]]:
    """(data, positions, duplicate keys with the line and column of the repeat) of one YAML 1.2 document."""
    try:
        root = yaml.compose(text, Loader=_NodeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "not valid YAML"
        if error.context and error.problem:
            problem = f"{problem} ({error.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise InputError(file, f"YAML syntax: {problem}", line, column) from None
    except yaml.YAMLError as error:
        raise InputError(file, f"YAML syntax: {error}") from None
    if root is None:
        raise InputError(file, "the file is empty; a forum file starts with `forum:`", 1, 1)
    builder = _Builder(file)
    data = builder.build(root, ())
    return data, YamlSourceMap(root), builder.duplicates
