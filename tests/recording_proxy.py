"""A small HTTP proxy for the publish tests: it logs every request and can ask for a login.

Run as `python recording_proxy.py LISTEN_PORT UPSTREAM_URL LOG_FILE`; each
request is forwarded as it came and one line `METHOD PATH` is appended to
LOG_FILE, so a test counts what `agenda publish` really sent. With
PROXY_LOGIN=user:password in the environment it answers 401 to any other
login, as a reverse proxy in front of Xandikos (which has no login) does.
A PUT or DELETE under a path with `/read-only` in it is refused with 403, as
a server refuses changes to a calendar shared read-only.

Three quirks of servers in the field, each asked for in the environment:
PROXY_WEAK_ETAGS=1 makes every ETag weak (`W/"..."`, in headers and in
getetag), as some servers behind a compressing proxy do; an If-Match naming a
weak ETag still reaches the server as sent, which compares strongly and so
answers 412 (RFC 9110 §13.1.1). PROXY_IGNORE_IF_MATCH=1 drops If-Match
before the server sees it. PROXY_REFUSE_PUT=TEXT answers a PUT whose path
holds TEXT with 400 and a Sabre DAV:error naming the reason, as Nextcloud
answers for a UID whose event is in its trash bin (nextcloud/server#30096).
"""

import base64
import http.client
import os
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

PORT, UPSTREAM, LOG = int(sys.argv[1]), urlsplit(sys.argv[2]), sys.argv[3]
LOGIN = os.environ.get("PROXY_LOGIN")
WEAK = os.environ.get("PROXY_WEAK_ETAGS") == "1"
IGNORE_IF_MATCH = os.environ.get("PROXY_IGNORE_IF_MATCH") == "1"
REFUSE_PUT = os.environ.get("PROXY_REFUSE_PUT")
TRASHBIN = (b'<?xml version="1.0" encoding="utf-8"?>\n<d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">\n'
            b'  <s:exception>Sabre\\DAV\\Exception\\BadRequest</s:exception>\n'
            b'  <s:message>Deleted calendar object with uid already exists in this calendar collection. '
            b'It is in the trashbin.</s:message>\n</d:error>\n')
_GETETAG = re.compile(rb"(<(?:[A-Za-z0-9]+:)?getetag>)(&quot;|\")")
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-authorization", "te", "upgrade"}


class Forward(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _forward(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(f"{self.command} {self.path}\n")
        if LOGIN and self.headers.get("Authorization") != "Basic " + base64.b64encode(LOGIN.encode()).decode():
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.command in ("PUT", "DELETE") and "/read-only" in self.path:
            self.send_response(403)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.command == "PUT" and REFUSE_PUT and REFUSE_PUT in self.path:
            self.send_response(400, "Bad Request")
            self.send_header("Content-Type", "application/xml; charset=utf-8")
            self.send_header("Content-Length", str(len(TRASHBIN)))
            self.end_headers()
            self.wfile.write(TRASHBIN)
            return
        dropped = HOP_BY_HOP | {"host"} | ({"if-match"} if IGNORE_IF_MATCH else set()) \
            | ({"accept-encoding"} if WEAK else set())  # a gzipped answer would hide its ETags from the rewrite
        headers = {k: v for k, v in self.headers.items() if k.lower() not in dropped}
        upstream = http.client.HTTPConnection(UPSTREAM.hostname, UPSTREAM.port, timeout=30)
        try:
            upstream.request(self.command, self.path, body=body or None, headers=headers)
            response = upstream.getresponse()
            data = response.read()
            if WEAK:
                data = _GETETAG.sub(rb"\1W/\2", data)
            self.send_response(response.status, response.reason)
            for key, value in response.getheaders():
                if key.lower() == "etag" and WEAK and not value.startswith("W/"):
                    value = "W/" + value
                if key.lower() not in HOP_BY_HOP | {"content-length"}:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        finally:
            upstream.close()

    do_GET = do_PUT = do_DELETE = do_OPTIONS = do_PROPFIND = do_REPORT = do_MKCALENDAR = do_HEAD = _forward

    def log_message(self, *args) -> None:
        pass


ThreadingHTTPServer(("127.0.0.1", PORT), Forward).serve_forever()
