"""Which addresses named by a CalDAV server may be followed: only those inside the collection given to --to.

A REPORT answer is the server's word, and every request `publish` makes
carries the password. A hostile or broken server can name another host,
another user's calendar, or a way out of the collection with `..`; followed,
that would send the password there and PUT or DELETE there. So an href is
followed only when, resolved against the collection's URL, it has the same
scheme, host and port (default ports and the case of the host made equal)
and a path under the collection's. The path is compared percent-decoded,
because requests un-escapes `%2E` and servers un-escape the rest: `%2e%2e`
is `..` by the time it arrives. Any `.` or `..` segment left after that, a
backslash, a control character, a login, a query or a fragment is refused
outright rather than interpreted: no server of ours names objects so.
"""

import re
from dataclasses import dataclass
from urllib.parse import SplitResult, unquote, urljoin, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_REFUSED = re.compile(r"[\x00-\x1f\x7f\\]")


def _origin(parts: SplitResult) -> tuple[str, str, int] | None:
    """(scheme, host, port) as a connection sees them; None for a URL no request should go to."""
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    try:
        port = parts.port
    except ValueError:  # not a number, or out of range
        return None
    return scheme, parts.hostname.lower(), port if port is not None else _DEFAULT_PORTS[scheme]


def _decoded_path(parts: SplitResult) -> str | None:
    try:
        return unquote(parts.path, errors="strict")
    except UnicodeDecodeError:
        return None


@dataclass(frozen=True)
class Collection:
    """A calendar collection's URL (ending in /, without a login), and what an address must match to lie inside it."""

    url: str
    origin: tuple[str, str, int] | None
    path: str  # percent-decoded, ending in /

    @classmethod
    def at(cls, url: str) -> "Collection":
        parts = urlsplit(url if url.endswith("/") else url + "/")
        without_login = urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, "", ""))
        return cls(without_login, _origin(parts), _decoded_path(parts) or "/")

    def inside(self, href: str) -> str | None:
        """The URL to request for `href` when it names something inside the collection; None for anything else."""
        href = href.strip()
        if not href or _REFUSED.search(href) or self.origin is None:
            return None
        try:
            resolved = urljoin(self.url, href)
            parts = urlsplit(resolved)
        except ValueError:  # e.g. an unbalanced [ in the host
            return None
        if _origin(parts) != self.origin or parts.username is not None or parts.password is not None \
                or parts.query or parts.fragment:
            return None
        path = _decoded_path(parts)
        if path is None or _REFUSED.search(path) or any(segment in (".", "..") for segment in path.split("/")):
            return None
        if not path.startswith(self.path) or path == self.path:
            return None
        return resolved
