"""Outputs read back by the parsers their readers use, failing on anything the file smuggled into them.

Markdown goes through markdown-it (with every link let through, so that an
escape that failed shows as a `javascript:` link rather than being quietly
dropped by markdown-it's own link check), JSON through `json`, mail
through `email.parser`; terminal text is read as bytes.
"""

import json
import re
from email import message_from_bytes, policy
from email.utils import getaddresses

from markdown_it import MarkdownIt

RAW_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal, a Markdown page or JSON's bytes: C0 but tab and newline, DEL, C1, bidi."""
SAFE_SCHEMES = ("http:", "https:", "mailto:")


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.validateLink = lambda url: True  # see every link an output makes, `javascript:` too
    return md


def _tokens(tokens):
    for token in tokens:
        yield token
        yield from _tokens(token.children or [])


def assert_clean_markdown(text: str, where: str = "") -> None:
    """No raw HTML (but the outputs' own <br>), no link but http(s) and mailto, no control or bidi override
    in the source or in the page."""
    md = _markdown()
    tokens = list(_tokens(md.parse(text)))
    html = [t.content for t in tokens if t.type in ("html_inline", "html_block") and t.content != "<br>"]
    assert not html, f"{where}: raw HTML from the file: {html}"  # <br> is the outputs' own line break in a cell
    links = [t.attrGet("href") or t.attrGet("src") for t in tokens if t.type in ("link_open", "image")]
    bad = [str(link) for link in links if not str(link).lower().startswith(SAFE_SCHEMES)]
    assert not bad, f"{where}: links from the file: {bad}"
    for name, shown in (("source", text), ("rendered page", md.render(text))):
        raw = RAW_CONTROLS.search(shown)
        assert raw is None, f"{where}: raw U+{ord(raw.group()):04X} in the {name}"


def markdown_shape(text: str) -> dict[str, int]:
    """How many headings, lists, items, quotes, code blocks, tables and rows: what the file's text must not
    change, whatever it says."""
    shape: dict[str, int] = {}
    for token in _markdown().parse(text):
        if token.nesting == 1 or token.type in ("fence", "code_block", "hr"):
            shape[f"{token.type}{token.tag}"] = shape.get(f"{token.type}{token.tag}", 0) + 1
    return shape


def assert_clean_json(data: bytes, where: str = "") -> object:
    """Parses as JSON, and its bytes hold no raw control or bidi override (they are \\u escapes)."""
    text = data.decode("utf-8")
    raw = RAW_CONTROLS.search(text)
    assert raw is None, f"{where}: raw U+{ord(raw.group()):04X} in JSON"
    return json.loads(text)


def assert_clean_terminal(text: str, where: str = "") -> None:
    raw = RAW_CONTROLS.search(text)
    assert raw is None, f"{where}: raw U+{ord(raw.group()):04X} printed"


def assert_headers(raw: bytes, expected: set[str], address: str, where: str = "") -> None:
    """The draft's headers, read back by email.parser, are exactly the expected set, each once, and To
    holds exactly the one address the person has."""
    message = message_from_bytes(raw, policy=policy.default)
    names = [name.lower() for name in message.keys()]
    assert sorted(names) == sorted(expected), f"{where}: headers {names}, expected {sorted(expected)}"
    addresses = getaddresses([str(value) for value in message.get_all("To", [])])
    assert [a for _, a in addresses] == [address], f"{where}: To holds {addresses}"
