"""X-AGENDA-DIGEST: telling a stored event unchanged from its text alone, without an iCalendar parse.

Every event `publish` writes carries a digest of its own text as written,
DTSTAMP, LAST-MODIFIED, SEQUENCE and the digest line aside. A republish
reads each stored event's text, hashes it the same way and compares: when
the text still hashes to the digest it carries (nobody edited it since) and
that digest equals the planned event's, the event is unchanged, and the
full parse and comparison of sync.fingerprint is skipped. Any edit by
another program changes the text, so the hash no longer matches its digest
and the event is compared in full, as one without a digest is.

Servers re-fold lines and reorder properties (Radicale writes them sorted),
so the text is hashed as content lines: unfolded, and each component's
lines and sub-components in sorted order. Nothing else is forgiven: a
server that re-escapes a value gets the full comparison, which is right,
only slower.
"""

import hashlib
import re
from dataclasses import dataclass

DIGEST = "X-AGENDA-DIGEST"
OWNER = "X-AGENDA-FORUM"
VOLATILE = frozenset({"DTSTAMP", "LAST-MODIFIED", "SEQUENCE"})
_LEFT_OUT = VOLATILE | {DIGEST}
_FOLD = re.compile(r"\r?\n[ \t]")
_TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")


def content_lines(text: str) -> list[str]:
    """The text's content lines, unfolded (RFC 5545 §3.1), empty lines dropped."""
    return [line for line in _FOLD.sub("", text).replace("\r\n", "\n").split("\n") if line]


def _name(line: str) -> str:
    """The property name: what comes before the first `;` or `:` (neither can occur inside a name)."""
    colon, semicolon = line.find(":"), line.find(";")
    end = min(colon, semicolon) if colon >= 0 and semicolon >= 0 else max(colon, semicolon)
    return (line[:end] if end >= 0 else line).upper()


def _canonical(lines: list[str], found: dict[str, list[str]] | None = None) -> str | None:
    """The components as text, each one's property lines and children sorted; None when BEGIN/END do not pair.

    `found`, when given, collects the lines of the names it holds as keys, in the same one pass.
    """
    stack: list[tuple[str, list[str], list[str]]] = [("", [], [])]
    for line in lines:
        name = _name(line)
        if found is not None and name in found:
            found[name].append(line)
        if name == "BEGIN":
            stack.append((line.upper(), [], []))
        elif name == "END":
            if len(stack) == 1:
                return None
            begin, properties, children = stack.pop()
            stack[-1][2].append("\n".join([begin, *sorted(properties), *sorted(children), line.upper()]))
        elif name not in _LEFT_OUT:
            stack[-1][1].append(line)
    if len(stack) != 1 or stack[0][1]:
        return None
    return "\n".join(sorted(stack[0][2]))


def _hashed(canonical: str) -> str:
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def digest_of(lines: list[str]) -> str | None:
    canonical = _canonical(lines)
    return _hashed(canonical) if canonical is not None else None


def with_digest(data: bytes) -> tuple[bytes, str]:
    """The calendar object with its digest line added to its event, and the digest."""
    text = data.decode("utf-8")
    digest = digest_of(content_lines(text))
    if digest is None or "END:VEVENT\r\n" not in text:
        raise ValueError("an exported calendar holds no well-formed VEVENT")
    return text.replace("END:VEVENT\r\n", f"{DIGEST}:{digest}\r\nEND:VEVENT\r\n", 1).encode("utf-8"), digest


@dataclass(frozen=True)
class Verified:
    """What the decision needs of a stored event whose text still hashes to its digest."""

    uid: str
    owner: str | None
    sequence: int
    digest: str


def _text_value(line: str) -> str:
    """A TEXT property's value (after the first unquoted colon), unescaped."""
    value, in_quotes = line, False
    for index, character in enumerate(line):
        if character == '"':
            in_quotes = not in_quotes
        elif character == ":" and not in_quotes:
            value = line[index + 1:]
            break
    return _TEXT_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def verified(data: bytes) -> Verified | None:
    """The event's UID, owner and SEQUENCE when its text hashes to the one digest it carries; else None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if DIGEST not in text and DIGEST not in text.upper():  # the upper-casing only for text that is not ours
        return None
    found: dict[str, list[str]] = {"UID": [], OWNER: [], "SEQUENCE": [], DIGEST: [], "BEGIN": []}
    canonical = _canonical(content_lines(text), found)
    events = sum(1 for line in found["BEGIN"] if line.upper() == "BEGIN:VEVENT")
    if canonical is None or events != 1 or any(len(found[name]) != 1 for name in ("UID", DIGEST)):
        return None
    carried = _text_value(found[DIGEST][0]).strip()
    if _hashed(canonical) != carried:
        return None
    owners = found[OWNER]
    sequences = found["SEQUENCE"]
    try:
        sequence = int(_text_value(sequences[0]).strip()) if len(sequences) == 1 else 0
    except ValueError:
        return None
    return Verified(_text_value(found["UID"][0]), _text_value(owners[0]) if len(owners) == 1 else None, sequence,
                    carried)
