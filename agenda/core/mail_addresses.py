"""Which addresses mail can carry, by the rules of SMTP (RFC 5321), without SMTPUTF8.

The model accepts any `name@host.tld` with no spaces or brackets, since a
file may be written before anyone mails it. Notices need more: the part
before the @ in ASCII (a server takes `이상은@example.org` only with
SMTPUTF8, which notices do not use), a dot-atom there, and a domain that
IDNA writes as host names. `validate` warns about the others, and `notices`
drafts them without a `To:`, with the reason, so that one address never
stops everyone else's notice.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_DOT_ATOM = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
MAX_LOCAL, MAX_DOMAIN, MAX_ADDRESS = 64, 253, 254
"""RFC 5321 4.5.3.1: 64 octets before the @, 255 after (253 as written in DNS), 256 with the brackets."""


class AddressProblem(StrEnum):
    NON_ASCII = "non-ascii"  # letters other than ASCII before the @
    LOCAL_PART = "local-part"  # before the @: not a dot-atom (a space, a control, two dots, brackets)
    DOMAIN = "domain"  # after the @: not host names, even through IDNA
    TOO_LONG = "too-long"


@dataclass(frozen=True)
class MailAddress:
    username: str
    domain: str  # as mail writes it: 예시.한국 -> xn--vv4b11d.xn--3e0b707e

    @property
    def addr_spec(self) -> str:
        return f"{self.username}@{self.domain}"


def mail_address(address: str) -> MailAddress | AddressProblem:
    """The address as SMTP writes it, or why SMTP cannot carry it."""
    if "@" not in address:
        return AddressProblem.LOCAL_PART
    user, domain = address.rsplit("@", 1)
    if not user.isascii():
        return AddressProblem.NON_ASCII
    if not _DOT_ATOM.fullmatch(user):
        return AddressProblem.LOCAL_PART
    try:
        written = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return AddressProblem.DOMAIN
    labels = written.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return AddressProblem.DOMAIN
    if len(user) > MAX_LOCAL or len(written) > MAX_DOMAIN or len(user) + 1 + len(written) > MAX_ADDRESS:
        return AddressProblem.TOO_LONG
    return MailAddress(user, written)
