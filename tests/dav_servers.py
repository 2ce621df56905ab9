"""Radicale and Xandikos for the publish tests, each on a free 127.0.0.1 port behind a recording proxy.

Radicale checks the login itself (a plain htpasswd file); Xandikos has no
login of its own, so its proxy asks for one, as a reverse proxy does in a
real installation. Every process is stopped by its own id.
"""

import base64
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from icalendar import Calendar

USER, PASSWORD = "user", "s3cret-Passw0rd"
_PROXY = Path(__file__).with_name("recording_proxy.py")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start(args: list[str], log: Path, port: int, env: dict | None = None) -> subprocess.Popen:
    import os

    with open(log, "wb") as output:
        process = subprocess.Popen(args, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{args[:3]} exited; see {log}:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.1)
    _stop(process)
    raise RuntimeError(f"{args[:3]} did not listen on {port} within 10 s; see {log}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class DavServer:
    """One server and its proxy; `url` is the proxy's, and `requests_seen()` what reached it."""

    def __init__(self, kind: str, folder: Path, quirks: dict[str, str] | None = None):
        """`quirks`: the proxy's PROXY_* settings (recording_proxy.py), for a server as some are in the field."""
        self.kind = kind
        folder.mkdir(parents=True, exist_ok=True)
        server_port, proxy_port = free_port(), free_port()
        if kind == "radicale":
            (folder / "htpasswd").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
            config = folder / "radicale.conf"
            config.write_text(
                f"[server]\nhosts = 127.0.0.1:{server_port}\n"
                f"[auth]\ntype = htpasswd\nhtpasswd_filename = {folder / 'htpasswd'}\nhtpasswd_encryption = plain\n"
                f"[storage]\nfilesystem_folder = {folder / 'collections'}\n[web]\ntype = none\n", encoding="utf-8")
            args = [sys.executable, "-m", "radicale", "--config", str(config)]
            proxy_env = {}
        else:
            # Xandikos answers time-range queries from an index once a filter has been seen a few times,
            # and that index (0.4.10) reads a TZID time as UTC: 14:00 Asia/Seoul is found at 14:00Z.
            # The tests read events back by their UTC times, so the index is kept out of the way.
            args = [sys.executable, "-m", "xandikos.web", "--defaults", "-d", str(folder / "collections"),
                    "-l", "127.0.0.1", "-p", str(server_port), "--index-threshold", "1000000"]
            proxy_env = {"PROXY_LOGIN": f"{USER}:{PASSWORD}"}
        proxy_env |= quirks or {}
        self.server = _start(args, folder / f"{kind}.log", server_port)
        self.log = folder / "requests.log"
        self.log.touch()
        try:
            self.proxy = _start([sys.executable, str(_PROXY), str(proxy_port), f"http://127.0.0.1:{server_port}",
                                 str(self.log)], folder / "proxy.log", proxy_port, proxy_env)
        except RuntimeError:
            _stop(self.server)
            raise
        self.url = f"http://127.0.0.1:{proxy_port}"

    def stop(self) -> None:
        _stop(self.proxy)
        _stop(self.server)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        login = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(self.url + path, data=body, method=method,
                                         headers={"Authorization": f"Basic {login}", **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)

    def make_calendar(self, path: str) -> str:
        status, body, _ = self.request("MKCALENDAR", path)
        assert status == 201, (status, body[:300])
        return self.url + path

    def requests_seen(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()

    def put(self, path: str, data: bytes) -> None:
        status, body, _ = self.request("PUT", path, data, {"Content-Type": "text/calendar; charset=utf-8"})
        assert status in (201, 204), (status, body[:300])

    def query(self, path: str, time_range: tuple[str, str] | None = None) -> dict[str, tuple[str, Calendar]]:
        """calendar-query REPORT: UID -> (href, calendar) of every event (in the time range, when given)."""
        window = f'<C:time-range start="{time_range[0]}" end="{time_range[1]}"/>' if time_range else ""
        query = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
            '<D:prop><D:getetag/><C:calendar-data/></D:prop><C:filter><C:comp-filter name="VCALENDAR">'
            f'<C:comp-filter name="VEVENT">{window}</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>'
        )
        status, body, _ = self.request("REPORT", path, query.encode(),
                                       {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
        assert status == 207, (status, body[:300])
        import xml.etree.ElementTree as ElementTree

        found = {}
        for response in ElementTree.fromstring(body).iter("{DAV:}response"):
            data = response.findtext(".//{urn:ietf:params:xml:ns:caldav}calendar-data")
            if data:
                calendar = Calendar.from_ical(data)
                uid = str(calendar.walk("VEVENT")[0]["UID"])
                assert uid not in found, f"{uid} is stored twice"
                found[uid] = (response.findtext("{DAV:}href"), calendar)
        return found


WRITES = re.compile(r"^(PUT|DELETE|POST|PATCH|MKCOL|MKCALENDAR|MOVE|COPY|PROPPATCH) ")
