"""A small HTTP proxy for the publish tests: it logs every request and can ask for a login.

Run as `python recording_proxy.py LISTEN_PORT UPSTREAM_URL LOG_FILE`; each
request is forwarded as it came and one line `METHOD PATH` is appended to
LOG_FILE, so a test counts what `agenda publish` really sent. With
PROXY_LOGIN=user:password in the environment it answers 401 to any other
login, as a reverse proxy in front of Xandikos (which has no login) does.
A PUT or DELETE under a path with `/read-only` in it is refused with 403, as
a server refuses changes to a calendar shared read-only.
"""

import base64
import http.client
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

PORT, UPSTREAM, LOG = int(sys.argv[1]), urlsplit(sys.argv[2]), sys.argv[3]
LOGIN = os.environ.get("PROXY_LOGIN")
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
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP | {"host"}}
        upstream = http.client.HTTPConnection(UPSTREAM.hostname, UPSTREAM.port, timeout=30)
        try:
            upstream.request(self.command, self.path, body=body or None, headers=headers)
            response = upstream.getresponse()
            data = response.read()
            self.send_response(response.status, response.reason)
            for key, value in response.getheaders():
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
