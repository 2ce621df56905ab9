"""A server's answer, read within bounds: at most MAX_ANSWER_BYTES, streamed, and XML without a DTD.

The REPORT answer is the largest thing `publish` reads, and its size is the
server's choice: read whole, 600 MB of it ended in MemoryError. It is fed to
the parser as it arrives and refused once it passes the cap, before memory
runs out. 64 MiB is far above any real calendar: an event with its data takes
1 to 2.5 KB in a REPORT answer (the examples' do), so 64 MiB holds over 25,000.

A WebDAV answer never needs a DOCTYPE, so one is refused before any entity
is declared; expat's own limits on entity expansion (billion laughs) and
ElementTree's refusal of external entities (XXE) stay behind that.
"""

import html
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

MAX_ANSWER_BYTES = 64 * 1024 * 1024
_DAV, _CALDAV = "{DAV:}", "{urn:ietf:params:xml:ns:caldav}"


class AnswerTooLarge(Exception):
    """The answer passed the cap (or said it would, in Content-Length)."""

    def __init__(self, limit: int):
        super().__init__(f"the answer is larger than {limit} bytes")
        self.limit = limit


class NotWebDav(Exception):
    """The answer is not well-formed XML, or carries a DOCTYPE."""


def capped(chunks: Iterable[bytes], declared_length: str | None, limit: int = MAX_ANSWER_BYTES) -> Iterator[bytes]:
    """The chunks as they come, stopping with AnswerTooLarge at the first byte past `limit`."""
    if declared_length is not None and declared_length.strip().isdigit() and int(declared_length) > limit:
        raise AnswerTooLarge(limit)
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limit:
            raise AnswerTooLarge(limit)
        yield chunk


class _WithoutDoctype(ElementTree.TreeBuilder):
    def doctype(self, name: str, pubid: str, system: str) -> None:
        raise NotWebDav("a DOCTYPE in a WebDAV answer")


def parse(chunks: Iterable[bytes]) -> ElementTree.Element:
    """The XML document, fed to the parser chunk by chunk; exceptions of `chunks` pass through."""
    parser = ElementTree.XMLParser(target=_WithoutDoctype())
    try:
        for chunk in chunks:
            parser.feed(chunk)
        root: ElementTree.Element = parser.close()
    except ElementTree.ParseError as error:
        raise NotWebDav(str(error)) from None
    return root


@dataclass(frozen=True)
class RemoteObject:
    """One calendar object on the server: its href as the server wrote it, its ETag and its data."""

    href: str
    etag: str | None
    data: bytes


def members(root: ElementTree.Element) -> list[RemoteObject]:
    """Every response with calendar data and a 200 status; where its href points is for the caller to judge."""
    found = []
    for item in root.iter(f"{_DAV}response"):
        href = (item.findtext(f"{_DAV}href") or "").strip()
        for propstat in item.iter(f"{_DAV}propstat"):
            if " 200 " not in (propstat.findtext(f"{_DAV}status") or "") + " ":
                continue
            data = propstat.findtext(f"{_DAV}prop/{_CALDAV}calendar-data")
            if href and data:
                found.append(RemoteObject(href, propstat.findtext(f"{_DAV}prop/{_DAV}getetag"), data.encode("utf-8")))
    return found


ERROR_BODY_BYTES = 16 * 1024
"""How much of a refusal's body is read for the server's own message: a message is a line, not a page."""
MESSAGE_CHARACTERS = 200
_TAGS = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def _shortened(text: str) -> str | None:
    text = _SPACE.sub(" ", text).strip()
    if not text:
        return None
    return text if len(text) <= MESSAGE_CHARACTERS else text[:MESSAGE_CHARACTERS - 1].rstrip() + "…"


def _from_dav_error(root: ElementTree.Element) -> str | None:
    """A DAV:error's words: a message element's text (Sabre/Nextcloud `s:message`), else its conditions' names."""
    for element in root.iter():
        if element.tag.rpartition("}")[2].lower() == "message" and (element.text or "").strip():
            return element.text
    if root.tag == f"{_DAV}error":
        conditions = [child.tag.rpartition("}")[2] for child in root]
        if conditions:
            return ", ".join(conditions)
    return None


def server_message(body: bytes, content_type: str) -> str | None:
    """The server's own words about a refusal, on one line and shortened; None when it said nothing.

    A DAV:error (RFC 4918 §16) is read for its message or its precondition's
    name; any other body for its text, tags dropped (an HTML error page says
    its reason in its title and heading). The caller shows it inert.
    """
    text = body.decode("utf-8", errors="replace")
    if not text.strip():
        return None
    if "xml" in content_type.lower() or text.lstrip().startswith("<?xml") or "<d:error" in text.lower():
        try:
            root = parse([body])
        except NotWebDav:
            root = None
        if root is not None:
            said = _from_dav_error(root)
            if said is not None:
                return _shortened(said)
            return _shortened(" ".join(root.itertext()))
    if "<" in text and ">" in text:
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = _TAGS.sub(" ", text)
    return _shortened(html.unescape(text))
