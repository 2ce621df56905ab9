"""The WebDAV requests `agenda publish` makes, written out over `requests`.

Five requests are all it takes: a calendar-query REPORT lists every event
with its address and ETag, GET re-reads one, PUT creates (If-None-Match: *)
or replaces (If-Match: ETag), DELETE removes (If-Match: ETag). A 412 is its
own exception, because the caller retries it; every other refusal becomes a
DavError: a reason with typed arguments (the status, the server's own message
from the first few KiB of its answer), worded at the edge in the reader's
language (agenda/publish/words.py). No error ever holds the password or the
userinfo of a URL.

Every request goes to the collection or to an address inside it (see
addresses.py), never where a server's answer alone points, and redirects are
not followed: the password goes only where the user pointed. Answers are read
streamed and within a cap (see multistatus.py).
"""

import re
from collections.abc import Generator
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests

from agenda.publish.addresses import Collection
from agenda.publish.multistatus import (
    ERROR_BODY_BYTES,
    MAX_ANSWER_BYTES,
    AnswerTooLarge,
    NotWebDav,
    RemoteObject,
    capped,
    members,
    parse,
    server_message,
)

TIMEOUT = 30  # seconds for connecting and for each read
_ALL_EVENTS = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
    b"<D:prop><D:getetag/><C:calendar-data/></D:prop>"
    b'<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"/></C:comp-filter></C:filter>'
    b"</C:calendar-query>"
)
_ICALENDAR = "text/calendar; charset=utf-8"


def display_url(url: str) -> str:
    """The URL without user and password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, ""))


class Failure(Enum):
    """Why a request or a run failed: the edge (agenda/publish/words.py) words each in the reader's language."""

    BAD_URL = "bad-url"  # --to is not an http(s) URL
    UNREACHABLE = "unreachable"  # no connection (`network` says why)
    NO_ANSWER = "no-answer"  # no answer within TIMEOUT
    CUT_OFF = "cut-off"  # the answer stopped midway
    STATUS = "status"  # an HTTP status the request does not expect
    REDIRECTED = "redirected"  # a 3xx to `target`, not followed
    TOO_LARGE = "too-large"  # an answer past the cap
    NOT_WEBDAV = "not-webdav"  # the REPORT answer is not WebDAV XML
    OUTSIDE = "outside"  # an href outside the collection, never requested
    NO_ETAG = "no-etag"  # an object that cannot be changed conditionally
    TAKEN_OVER = "taken-over"  # the address now holds another event
    CHANGED_AGAIN = "changed-again"  # 412 after the fresh read too
    CONFLICTS = "conflicts"  # planned UIDs held by other forums or programs


class Network(Enum):
    """Why no connection was made, as far as the operating system says."""

    REFUSED = "refused"
    NO_SUCH_HOST = "no-such-host"
    CERTIFICATE = "certificate"
    RESET = "reset"
    OTHER = "other"


class DavError(Exception):
    """A request or a run that failed, as a reason and typed arguments (no sentence: the edge words it).

    `method` and `url` name the request (the URL without a login), `status`
    and `status_line` the HTTP answer, `server_message` the server's own
    words about it (a DAV:error or the body's text, shortened), `network`
    and `detail` why no answer came (detail: the library's own words, for
    an unclassified failure only).
    """

    def __init__(self, failure: Failure, *, method: str = "", url: str = "", status: int | None = None,
                 status_line: str = "", server_message: str | None = None, network: Network | None = None,
                 detail: str = "", target: str = "", limit: int = 0, href: str = "", uid: str = "",
                 conflicts: tuple[tuple[str, str, str | None], ...] = ()):
        self.failure, self.method, self.url, self.status = failure, method, url, status
        self.status_line, self.server_message, self.network, self.detail = status_line, server_message, network, detail
        self.target, self.limit, self.href, self.uid, self.conflicts = target, limit, href, uid, conflicts
        super().__init__(str(self))

    def __str__(self) -> str:
        """For logs and tracebacks only: the reason and its arguments, never a password."""
        given = {name: value for name, value in vars(self).items() if value not in (None, "", 0, ())}
        given.pop("failure", None)
        return f"{self.failure.value} ({', '.join(f'{k}={v!r}' for k, v in given.items())})"

    @property
    def may_pass(self) -> bool:
        """A failure worth running the same command again for: a connection lost, 409, 412 twice, 423, 5xx."""
        if self.failure in (Failure.UNREACHABLE, Failure.NO_ANSWER, Failure.CUT_OFF, Failure.CHANGED_AGAIN,
                            Failure.TAKEN_OVER):
            return True
        return self.failure is Failure.STATUS and self.status is not None and (
            self.status in (409, 412, 423) or self.status >= 500)


class PreconditionFailed(DavError):
    """412: the object changed (or appeared) since it was read."""


class DavAnswerTooLarge(DavError):
    """An answer past the cap."""

    def __init__(self, method: str, url: str, limit: int):
        super().__init__(Failure.TOO_LARGE, method=method, url=url, limit=limit)


def is_weak(etag: str | None) -> bool:
    """`W/"..."`: a weak ETag, which If-Match (a strong comparison, RFC 9110 §13.1.1) never matches."""
    return etag is not None and etag.lstrip().startswith("W/")


@dataclass(frozen=True)
class Listing:
    """The events of a collection, and the hrefs its answer named outside it (ignored, in order, once each)."""

    objects: list[RemoteObject]
    outside: list[str] = field(default_factory=list)


def _network(error: requests.RequestException) -> tuple[Network, str]:
    """Why no connection was made, from the operating system's words; the words kept for an unknown kind."""
    text = str(error)
    said = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", text)
    words = said.group(1).strip().lower() if said else \
        re.sub(r"(?<!^)(?=[A-Z][a-z])", " ", type(error).__name__).lower()
    if isinstance(error, requests.exceptions.SSLError) or "certificate" in text.lower():
        return Network.CERTIFICATE, words
    if "refused" in words:
        return Network.REFUSED, words
    if "name or service not known" in words or "nodename nor servname" in words or "name resolution" in words \
            or "no address associated" in words:
        return Network.NO_SUCH_HOST, words
    if any(said in text.lower() for said in ("reset", "broken pipe", "aborted", "remote end closed")):
        return Network.RESET, words
    return Network.OTHER, words


class _NoLogin(requests.auth.AuthBase):
    """Sends no login, and keeps requests from taking one from ~/.netrc behind our back."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        return request


class CalDavClient:
    """One calendar collection. Proxies and CA bundles come from the environment as usual; the login never does."""

    def __init__(self, collection_url: str, user: str | None = None, password: str | None = None):
        parts = urlsplit(collection_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise DavError(Failure.BAD_URL, url=display_url(collection_url))
        self.collection_url = collection_url if collection_url.endswith("/") else collection_url + "/"
        self.collection_path = parts.path if parts.path.endswith("/") else parts.path + "/"
        self._collection = Collection.at(self.collection_url)
        self._session = requests.Session()
        self._session.auth = (user, password) if user is not None and password is not None else _NoLogin()

    def close(self) -> None:
        self._session.close()

    def _url(self, href: str) -> str:
        """The URL of an object inside the collection; the last gate before a request carries the password."""
        url = self._collection.inside(href)
        if url is None:
            raise DavError(Failure.OUTSIDE, url=display_url(self.collection_url), href=href)
        return url

    def _send(self, method: str, url: str, expected: tuple[int, ...], *, data: bytes | None = None,
              headers: dict[str, str] | None = None) -> requests.Response:
        """The response, its body not read yet: the caller reads it with `_body` or closes it."""
        shown = display_url(url)
        try:
            response = self._session.request(method, url, data=data, headers=headers, timeout=TIMEOUT,
                                             allow_redirects=False, stream=True)
        except requests.Timeout:
            raise DavError(Failure.NO_ANSWER, method=method, url=shown, limit=TIMEOUT) from None
        except requests.RequestException as error:
            network, words = _network(error)
            raise DavError(Failure.UNREACHABLE, method=method, url=shown, network=network, detail=words) from None
        if response.status_code in expected:
            return response
        status_line = f"{response.status_code} {response.reason or ''}".strip()
        said = self._said(response)
        if response.status_code == 412:
            raise PreconditionFailed(Failure.STATUS, method=method, url=shown, status=412, status_line=status_line,
                                     server_message=said)
        if 300 <= response.status_code < 400 and response.headers.get("Location"):
            raise DavError(Failure.REDIRECTED, method=method, url=shown, status=response.status_code,
                           status_line=status_line, target=display_url(urljoin(url, response.headers["Location"])))
        raise DavError(Failure.STATUS, method=method, url=shown, status=response.status_code,
                       status_line=status_line, server_message=said)

    @staticmethod
    def _said(response: requests.Response) -> str | None:
        """The server's own words about a refusal, from at most ERROR_BODY_BYTES of its body; None when it said none."""
        with response:
            try:
                kept = b""
                for chunk in response.iter_content(4096):
                    kept += chunk
                    if len(kept) >= ERROR_BODY_BYTES:
                        break
            except requests.RequestException:
                pass
            return server_message(kept[:ERROR_BODY_BYTES], response.headers.get("Content-Type", ""))

    def _body(self, method: str, url: str, response: requests.Response) -> Generator[bytes, None, None]:
        """The body as it arrives, within MAX_ANSWER_BYTES; a connection lost meanwhile is a DavError."""
        with response:
            try:
                yield from capped(response.iter_content(64 * 1024), response.headers.get("Content-Length"),
                                  MAX_ANSWER_BYTES)
            except AnswerTooLarge as error:
                raise DavAnswerTooLarge(method, display_url(url), error.limit) from None
            except requests.RequestException as error:
                network, words = _network(error)
                raise DavError(Failure.CUT_OFF, method=method, url=display_url(url), network=network,
                               detail=words) from None

    def calendar_objects(self) -> Listing:
        """Every event inside the collection with its href and ETag: one calendar-query REPORT.

        An href the answer names outside the collection is left out and listed in `outside`.
        """
        response = self._send("REPORT", self.collection_url, (207,), data=_ALL_EVENTS,
                              headers={"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
        body = self._body("REPORT", self.collection_url, response)
        try:
            root = parse(body)
        except NotWebDav:
            raise DavError(Failure.NOT_WEBDAV, method="REPORT", url=display_url(self.collection_url)) from None
        finally:
            body.close()  # closes the response too, when the parse stopped before its end
        listing = Listing([])
        for found in members(root):
            if self._collection.inside(found.href) is not None:
                listing.objects.append(found)
            elif found.href not in listing.outside:
                listing.outside.append(found.href)
        return listing

    def get(self, href: str) -> RemoteObject | None:
        """The object at href now, or None when it is gone."""
        url = self._url(href)
        response = self._send("GET", url, (200, 404))
        if response.status_code == 404:
            response.close()
            return None
        return RemoteObject(href, response.headers.get("ETag"), b"".join(self._body("GET", url, response)))

    def _drained(self, method: str, url: str, response: requests.Response) -> None:
        """The body read and dropped (within the cap), so that the connection is used again, not closed.

        The change is made once the status says so: a body that cannot be read only costs the connection.
        """
        try:
            for _chunk in self._body(method, url, response):
                pass
        except DavError:
            pass

    def create(self, href: str, body: bytes) -> None:
        url = self._url(href)
        self._drained("PUT", url, self._send("PUT", url, (201, 204), data=body,
                                             headers={"Content-Type": _ICALENDAR, "If-None-Match": "*"}))

    def replace(self, href: str, etag: str | None, body: bytes) -> None:
        """PUT with If-Match on `etag`; None only after a fresh read of a server with weak ETags (see publisher)."""
        url = self._url(href)
        headers = {"Content-Type": _ICALENDAR} | ({"If-Match": etag} if etag is not None else {})
        self._drained("PUT", url, self._send("PUT", url, (200, 201, 204), data=body, headers=headers))

    def delete(self, href: str, etag: str | None) -> None:
        url = self._url(href)
        headers = {"If-Match": etag} if etag is not None else {}
        self._drained("DELETE", url, self._send("DELETE", url, (200, 204), headers=headers))
