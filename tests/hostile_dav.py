"""A hostile CalDAV server and a witness, each a threaded http.server on a free 127.0.0.1 port, in the test's process.

HostileDav keeps calendar objects in memory (PUT with If-None-Match and
If-Match, GET, DELETE, a calendar-query REPORT) like a plain server, and adds
to its REPORT answer what a test plants: members at any href, or a whole
answer of its own (a redirect, 96 MiB, a DOCTYPE). Witness stands for the
other host or the other user's calendar: it answers everything and records
each request with its Authorization header, so a test sees what leaked.
Both are started by the test and stopped by it (`with`).
"""

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

COLLECTION = "/user/forums/"
MULTISTATUS = b'<?xml version="1.0" encoding="utf-8"?>\n<D:multistatus xmlns:D="DAV:" ' \
              b'xmlns:C="urn:ietf:params:xml:ns:caldav">'


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    authorization: str | None


def member(href: str, data: bytes, etag: str = '"planted"') -> bytes:
    """One <D:response> of a calendar-query answer."""
    return (f"<D:response><D:href>{escape(href)}</D:href><D:propstat><D:prop><D:getetag>{escape(etag)}</D:getetag>"
            f"<C:calendar-data>{escape(data.decode('utf-8'))}</C:calendar-data></D:prop>"
            "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>").encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Listening"

    def _any(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        owner = self.server.owner
        with owner.lock:
            owner.seen.append(Seen(self.command, self.path, self.headers.get("Authorization")))
        owner.answer(self, body)

    do_GET = do_PUT = do_DELETE = do_REPORT = do_PROPFIND = do_OPTIONS = do_HEAD = do_POST = _any

    def reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class _Listening(ThreadingHTTPServer):
    daemon_threads = True
    owner: "_Server"


class _Server:
    def __init__(self):
        self.lock = threading.Lock()
        self.seen: list[Seen] = []
        self._http = _Listening(("127.0.0.1", 0), _Handler)
        self._http.owner = self
        self.port = self._http.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._http.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=10)

    def answer(self, handler: _Handler, body: bytes) -> None:
        raise NotImplementedError


class Witness(_Server):
    """Answers as if it were a calendar (so that anything sent here would look as if it worked), and records it."""

    def answer(self, handler: _Handler, body: bytes) -> None:
        status = {"PUT": 201, "DELETE": 204, "REPORT": 207}.get(handler.command, 200)
        handler.reply(status, MULTISTATUS + b"</D:multistatus>" if status == 207 else b"", {"ETag": '"w"'})


Custom = Callable[[_Handler, bytes], bool]
"""A test's own answer: True when it answered, False to let the server answer as usual."""


class HostileDav(_Server):
    def __init__(self, planted: list[tuple[str, bytes]] = (), custom: Custom | None = None):
        super().__init__()
        self.collection_url = self.origin + COLLECTION
        self.objects: dict[str, tuple[str, bytes]] = {}  # path -> (ETag, data)
        self.planted = list(planted)
        self.custom = custom
        self._etags = itertools.count(1)

    def answer(self, handler: _Handler, body: bytes) -> None:
        if self.custom is not None and self.custom(handler, body):
            return
        path, method = handler.path, handler.command
        stored = self.objects.get(path)
        if method == "REPORT":
            members = [member(p, data, etag) for p, (etag, data) in sorted(self.objects.items())]
            members += [member(href, data) for href, data in self.planted]
            handler.reply(207, MULTISTATUS + b"".join(members) + b"</D:multistatus>",
                          {"Content-Type": "application/xml; charset=utf-8"})
        elif method == "GET":
            handler.reply(200, stored[1], {"ETag": stored[0]}) if stored else handler.reply(404)
        elif method == "PUT":
            if (handler.headers.get("If-None-Match") == "*" and stored) or (
                    handler.headers.get("If-Match") and (not stored or stored[0] != handler.headers["If-Match"])):
                handler.reply(412)
                return
            self.objects[path] = (f'"{next(self._etags)}"', body)
            handler.reply(204 if stored else 201)
        elif method == "DELETE":
            if not stored or stored[0] != handler.headers.get("If-Match"):
                handler.reply(412 if stored else 404)
                return
            del self.objects[path]
            handler.reply(204)
        else:
            handler.reply(405)
