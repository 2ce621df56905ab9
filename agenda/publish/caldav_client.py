"""The WebDAV requests `agenda publish` makes, written out over `requests`.

Five requests are all it takes: a calendar-query REPORT lists every event
with its address and ETag, GET re-reads one, PUT creates (If-None-Match: *)
or replaces (If-Match: ETag), DELETE removes (If-Match: ETag). A 412 is its
own exception, because the caller retries it; every other refusal becomes a
DavError carrying the status and what to do. No message ever holds the
password or the userinfo of a URL.

Every request goes to the collection or to an address inside it (see
addresses.py), never where a server's answer alone points, and redirects are
not followed: the password goes only where the user pointed. Answers are read
streamed and within a cap (see multistatus.py).
"""

import re
from collections.abc import Generator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests

from agenda.publish.addresses import Collection
from agenda.publish.multistatus import MAX_ANSWER_BYTES, AnswerTooLarge, NotWebDav, RemoteObject, capped, members, parse

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


class DavError(Exception):
    """A request that failed; the message names the request, the status and what to do."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class PreconditionFailed(DavError):
    """412: the object changed (or appeared) since it was read."""


class DavAnswerTooLarge(DavError):
    """An answer past the cap; the command line words it, with the request and the cap."""

    def __init__(self, method: str, url: str, limit: int):
        super().__init__(f"{method} {url}: the answer is larger than {limit // (1024 * 1024)} MiB, "
                         "more than any calendar needs; check the URL, or look at the server")
        self.method, self.url, self.limit = method, url, limit


@dataclass(frozen=True)
class Listing:
    """The events of a collection, and the hrefs its answer named outside it (ignored, in order, once each)."""

    objects: list[RemoteObject]
    outside: list[str] = field(default_factory=list)


def _reason(error: requests.RequestException) -> str:
    """"connection refused" from the operating system's words, else the kind of failure."""
    said = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", str(error))
    if said:
        return said.group(1).strip().lower()
    return re.sub(r"(?<!^)(?=[A-Z][a-z])", " ", type(error).__name__).lower()


def _advice(method: str, status: int) -> str:
    if status == 401:
        return ("the server refused the login; check --user and the password "
                "in AGENDA_CALDAV_PASSWORD or ~/.netrc")
    if status == 403:
        return "this login may not do that here; check the user's rights on the calendar, or the URL"
    if status == 404 and method == "REPORT":
        return "there is no calendar at this address; check the URL, or create the calendar on the server first"
    if status in (405, 501) and method == "REPORT":
        return "this address is not a CalDAV calendar; give the URL of a calendar collection, ending in /"
    if status >= 500:
        return "the server failed; try again later, or look at the server's log"
    if method in ("PUT", "DELETE"):
        return "the server rejected the change; look at the server's log, or whether the calendar is full or read-only"
    return "check the URL and the server"


class _NoLogin(requests.auth.AuthBase):
    """Sends no login, and keeps requests from taking one from ~/.netrc behind our back."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        return request


class CalDavClient:
    """One calendar collection. Proxies and CA bundles come from the environment as usual; the login never does."""

    def __init__(self, collection_url: str, user: str | None = None, password: str | None = None):
        parts = urlsplit(collection_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise DavError(f"--to {display_url(collection_url)!r}: give the http:// or https:// URL "
                           "of a calendar collection")
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
            raise DavError(f"{display_url(self.collection_url)}: {href!r} is not inside this calendar; "
                           "nothing was sent there")
        return url

    def _send(self, method: str, url: str, expected: tuple[int, ...], *, data: bytes | None = None,
              headers: dict[str, str] | None = None) -> requests.Response:
        """The response, its body not read yet: the caller reads it with `_body` or closes it."""
        try:
            response = self._session.request(method, url, data=data, headers=headers, timeout=TIMEOUT,
                                             allow_redirects=False, stream=True)
        except requests.Timeout:
            raise DavError(f"{method} {display_url(url)}: no answer within {TIMEOUT} s; "
                           "check that the server is running and try again") from None
        except requests.RequestException as error:
            raise DavError(f"cannot reach {display_url(url)} ({_reason(error)}); "
                           "check the URL and that the server is running") from None
        if response.status_code in expected:
            return response
        response.close()  # an error's body is never read: its status line says enough
        status = f"{response.status_code} {response.reason}".strip()
        message = f"{method} {display_url(url)}: {status}"
        if response.status_code == 412:
            raise PreconditionFailed(message, 412)
        if 300 <= response.status_code < 400 and response.headers.get("Location"):
            target = display_url(urljoin(url, response.headers["Location"]))
            raise DavError(f"{message}; the server points to {target}: give that URL to --to", response.status_code)
        raise DavError(f"{message}; {_advice(method, response.status_code)}", response.status_code)

    def _body(self, method: str, url: str, response: requests.Response) -> Generator[bytes, None, None]:
        """The body as it arrives, within MAX_ANSWER_BYTES; a connection lost meanwhile is a DavError."""
        with response:
            try:
                yield from capped(response.iter_content(64 * 1024), response.headers.get("Content-Length"),
                                  MAX_ANSWER_BYTES)
            except AnswerTooLarge as error:
                raise DavAnswerTooLarge(method, display_url(url), error.limit) from None
            except requests.RequestException as error:
                raise DavError(f"{method} {display_url(url)}: the answer was cut off ({_reason(error)}); "
                               "try again") from None

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
            raise DavError(f"REPORT {display_url(self.collection_url)}: the answer is not WebDAV XML; "
                           "check that the URL is a CalDAV calendar") from None
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

    def replace(self, href: str, etag: str, body: bytes) -> None:
        url = self._url(href)
        self._drained("PUT", url, self._send("PUT", url, (200, 201, 204), data=body,
                                             headers={"Content-Type": _ICALENDAR, "If-Match": etag}))

    def delete(self, href: str, etag: str) -> None:
        url = self._url(href)
        self._drained("DELETE", url, self._send("DELETE", url, (200, 204), headers={"If-Match": etag}))
