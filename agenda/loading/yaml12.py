"""YAML 1.2 on libyaml: fast C parsing, our own 1.2 core-schema scalars, positions kept.

PyYAML resolves plain scalars by YAML 1.1 rules (`14:00` becomes 840,
`no` becomes False). Here libyaml only builds the node tree; scalars are
typed by the YAML 1.2 core schema below, and the tree is kept so that
positions can be looked up later. Values that aliases expand are counted
against a budget, so an alias bomb ends in a clear error instead of eating memory.
"""

import re
from typing import TypeAlias

import yaml

from agenda.core.errors import Unreadable
from agenda.core.findings import Path
from agenda.loading.sourcemap import SourceMap

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml on every platform we support
    # The pure-Python loader has the same resolver methods; mypy only allows one class under a name.
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

_SCALAR, _SEQUENCE = yaml.ScalarNode, yaml.SequenceNode
"""Two of the composer's three node classes, by name in this module: the builder asks at every node."""
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

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
_NUMBER = re.compile(r"[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[.0-9]+(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF))$"
                     r"|\.(?:nan|NaN|NAN)$")
"""Whatever any of the five patterns above could take; a time (14:00), a date or `25m` fails at once."""



class _NodeLoader(_BaseLoader):
    """libyaml's parser with no resolvers at all: every untagged node gets its kind's plain tag.

    libyaml calls these three methods from C for every node; PyYAML's own
    versions walk resolver tables, which costs more than the parsing itself.
    """

    _PLAIN_TAGS = {yaml.ScalarNode: _STR, yaml.SequenceNode: _SEQ, yaml.MappingNode: _MAP}

    def resolve(self, kind: type[yaml.Node], value: object, implicit: object) -> str:
        return self._PLAIN_TAGS[kind]

    def descend_resolver(self, current_node: yaml.Node | None, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_Chain: TypeAlias = "tuple[_Chain, str | int] | None"
"""The path to a node as nested (parent chain, key) pairs: cheap to extend, flattened only when needed."""

_TAGGED_TYPES: dict[str, type | tuple[type, ...]] = {"int": int, "float": (int, float), "bool": bool,
                                                     "null": type(None)}
"""The Python types a scalar with an explicit core-schema tag (`!!int 3`) may have."""

_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")


def _core_scalar(text: str) -> object:
    if text and text[0] not in _MAYBE_TYPED:
        return text  # most scalars are words: no core-schema type starts like that
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if not _NUMBER.match(text):
        return text
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


class YamlSourceMap(SourceMap):
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
    """Turns nodes into plain Python values; counts those that aliases expand, to stop an alias bomb.

    Only expansions count: a large file without aliases is bounded by the
    size cap, while a few lines of nested aliases can expand to billions.

    The path to a node is kept as a chain of (parent, key) pairs and only
    flattened for the rare duplicate key, so the common case allocates little.
    """

    def __init__(self, file: str):
        self.file = file
        self.count = 0  # values built by expanding aliases
        self.seen: set[int] = set()  # ids of the collection nodes built so far
        self.duplicates: list[tuple[Path, int, int]] = []

    def fail(self, node: yaml.Node, reason: str, **args: str | int) -> Unreadable:
        mark = node.start_mark
        return Unreadable(self.file, reason, mark.line + 1, mark.column + 1, **args)

    def build(self, node: yaml.Node, chain: _Chain = None, depth: int = 0,
              aliased: bool = False) -> object:
        kind = type(node)
        if isinstance(node, _SCALAR):  # most nodes; the composer builds exactly three classes
            if aliased:
                self.count += 1
                if self.count > MAX_VALUES:
                    raise self.fail(node, "alias-expansions", limit=MAX_VALUES)
            return self.plain(node) if node.tag == _STR else self.tagged_scalar(node)
        if id(node) in self.seen:
            aliased = True  # an alias: the same node again, and all that is under it
        else:
            self.seen.add(id(node))
        if aliased:
            self.count += 1
            if self.count > MAX_VALUES:
                raise self.fail(node, "alias-expansions", limit=MAX_VALUES)
        if depth >= MAX_DEPTH:
            raise self.fail(node, "too-deep", limit=MAX_DEPTH)
        if kind is _SEQUENCE:
            if node.tag != _SEQ:
                raise self.fail(node, "unsupported-tag", tag=node.tag)
            return [self.plain(child) if not aliased and type(child) is _SCALAR and child.tag == _STR
                    else self.build(child, (chain, i), depth + 1, aliased) for i, child in enumerate(node.value)]
        if node.tag != _MAP:
            raise self.fail(node, "unsupported-tag", tag=node.tag)
        result: dict[str, object] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not _SCALAR:
                raise self.fail(key_node, "complex-key")
            key = key_node.value
            if key in result:
                mark = key_node.start_mark
                self.duplicates.append((_flatten((chain, key)), mark.line + 1, mark.column + 1))
            if not aliased and type(value_node) is _SCALAR and value_node.tag == _STR:
                # Most values: no call down, no path to extend. A quoted text, or a plain word (no
                # core-schema type starts like one), is its text: `plain` without its two calls.
                text = value_node.value
                result[key] = text if value_node.style or (text and text[0] not in _MAYBE_TYPED) \
                    else self.core_value(value_node)
            else:
                result[key] = self.build(value_node, (chain, key), depth + 1, aliased)
        return result

    def plain(self, node: yaml.ScalarNode) -> object:
        """An untagged scalar: quoted ones are text, plain ones typed by the core schema."""
        return node.value if node.style else self.core_value(node)

    def core_value(self, node: yaml.ScalarNode) -> object:
        """The scalar's text typed by the core schema; a number too long for `int()` is the file's error."""
        try:
            return _core_scalar(node.value)
        except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits
            raise self.fail(node, "too-many-digits") from None

    def tagged_scalar(self, node: yaml.ScalarNode) -> object:
        text = node.value
        kind = node.tag.rsplit(":", 1)[-1]
        value = self.core_value(node)
        expected = _TAGGED_TYPES.get(kind)
        if expected is None:
            raise self.fail(node, "unsupported-tag", tag=node.tag)
        if not isinstance(value, expected) or (kind == "int" and isinstance(value, bool)):
            raise self.fail(node, "bad-tagged-value", text=text, tag=kind)
        if kind == "float" and isinstance(value, (int, float)):
            try:
                return float(value)  # `!!float 1` is 1.0
            except OverflowError:  # an integer past 1.8e308, which no float holds
                raise self.fail(node, "number-too-large") from None
        return value


def _flatten(chain: _Chain) -> Path:
    parts: list[str | int] = []
    while chain is not None:
        chain, key = chain
        parts.append(key)
    return tuple(reversed(parts))


_HINTS = (
    ("cannot start any token", "\t", "tab"),
    ("tab character", "", "tab"),
    ("mapping values are not allowed", "", "quote-colon"),
    ("could not find expected ':'", "", "missing-colon"),
    ("found undefined alias", "", "alias"),
    ("found another document", "", "one-document"),
    ("did not find expected", "", "brackets"),
)
"""(fragment of libyaml's problem, character at the mark, hint): the commonest syntax errors organizers make."""

_KEY_LINE = r"^( *)[^\s:#'\"\[{-][^:#]*:(\s|$)"
"""Read only to hint at a syntax error (`re` compiles it then, once)."""


def _hint(problem: str, text: str, mark: yaml.Mark | None) -> str:
    """The hint for a syntax error, or "" when none fits."""
    if mark is not None and ("mapping values are not allowed" in problem or "expected key" in problem) \
            and _over_indented_key(text, mark.line):
        return "indent"
    found = text[mark.index] if mark is not None and 0 <= mark.index < len(text) else ""
    for fragment, character, hint in _HINTS:
        if fragment in problem and (not character or found == character):
            return hint
    return ""


def _over_indented_key(text: str, line_index: int) -> bool:
    """The line is `key: ...`, indented deeper than the line above, which does not open a mapping."""
    lines = text.splitlines()
    if not 0 < line_index < len(lines):
        return False
    key = re.match(_KEY_LINE, lines[line_index])
    above = next((line for line in reversed(lines[:line_index]) if line.strip() and
                  not line.lstrip().startswith("#")), None)
    if key is None or above is None or above.rstrip().endswith(":"):
        return False
    return len(key.group(1)) > len(above) - len(above.lstrip(" "))


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
        raise Unreadable(file, "yaml-syntax", line, column, detail=problem, hint=_hint(problem, text, mark)) from None
    except yaml.YAMLError as error:
        raise Unreadable(file, "yaml-syntax", detail=str(error), hint="") from None
    if root is None:
        raise Unreadable(file, "empty", 1, 1)
    builder = _Builder(file)
    data = builder.build(root)
    return data, YamlSourceMap(root), builder.duplicates
