"""Header values from the file's text: plain text, never header syntax, whatever the model holds.

Names and titles reach `Subject:`, `To:` and `From:`. Two things could turn
such text into syntax, and neither may:

- a line break or other control character: Python 3.11.7 writes one into a
  header as it is (CVE-2024-6923), which starts a new header line (`Bcc:`)
  or ends the headers. The model refuses them in names and titles, but the
  mail layer does not count on it: each becomes U+FFFD here, visibly;
- an RFC 2047 encoded word (`=?utf-8?b?…?=`) written in the text: the email
  package decodes what it is given as header syntax, so such a name would
  reach readers as whatever it encodes, line breaks included. Text holding
  `=?` is therefore encoded whole, by the email package (email.header), from
  the plain text, and stored as a finished header, so a reader decodes it
  back to exactly that text.

`To:` holds one address, built from its parts (agenda.core.mail_addresses), never
parsed from text.
"""

import re
from datetime import datetime
from email.header import Header
from email.headerregistry import Address
from email.policy import Policy
from email.utils import format_datetime

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""C0 (tab included), DEL and C1 controls, and the separators str.splitlines() breaks lines at."""
_ENCODED_WORD_START = "=?"
MAX_LINE = 78
"""RFC 5322 2.1.1: lines of at most 78 characters, as the email package folds them."""


def header_text(text: str) -> str:
    """The text with every control character (and line or paragraph separator) shown as U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


class EncodedHeader(str):
    """A header the email package writes as it is: `name` and the finished, folded value.

    The email policy (EmailPolicy.header_store_parse and fold) keeps a value
    with a matching `name` as given and asks it to fold itself; str() of it
    is the plain text, for the Message-ID digest.
    """

    name: str
    folded: str

    def __new__(cls, name: str, text: str, folded: str) -> "EncodedHeader":
        header = super().__new__(cls, text)
        header.name = name
        header.folded = folded
        return header

    def fold(self, *, policy: Policy) -> str:
        return f"{self.name}: {self.folded.replace(chr(13) + chr(10), policy.linesep)}{policy.linesep}"


def _encoded(name: str, text: str) -> str:
    """The text as RFC 2047 encoded words, whatever it holds, folded to fit beside `name: `."""
    return Header(text, "utf-8", header_name=name).encode(linesep="\r\n")


def text_header(name: str, text: str) -> str | EncodedHeader:
    """An unstructured header (Subject) of plain text."""
    text = header_text(text)
    if _ENCODED_WORD_START in text:
        return EncodedHeader(name, text, _encoded(name, text))
    return text


def address_header(name: str, display_name: str, username: str, domain: str) -> Address | EncodedHeader:
    """One mailbox: the display name as plain text, the address from its parts."""
    display_name = header_text(display_name)
    address = Address(display_name=display_name, username=username, domain=domain)
    if _ENCODED_WORD_START in display_name:
        encoded = _encoded(name, display_name)
        mailbox = f"<{address.addr_spec}>"
        last = encoded.rsplit("\r\n", 1)[-1]
        fits = len(last) + 1 + len(mailbox) <= MAX_LINE - (0 if "\r\n" in encoded else len(name) + 2)
        return EncodedHeader(name, str(address), f"{encoded}{' ' if fits else chr(13) + chr(10) + ' '}{mailbox}")
    return address


def with_date(data: bytes, moment: datetime) -> bytes:
    """The message with its `Date:` saying `moment`, every other byte as it was.

    Sending stamps each draft so: a message's Date is when it was sent, and
    the rest is what the organizer read. A `Date:` line can only be the Date
    header, since folded lines of other headers start with white space; the
    headers end at the first empty line.
    """
    head, gap, rest = data.partition(b"\r\n\r\n")
    date = b"Date: " + format_datetime(moment).encode("ascii")
    lines = [date if line.startswith(b"Date: ") else line for line in head.split(b"\r\n")]
    return b"\r\n".join(lines) + gap + rest
