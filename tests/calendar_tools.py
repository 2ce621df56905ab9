"""What the calendar tests need from outside: the shared checker and a private Radicale server.

Where a tool is missing, a test is skipped with the reason on a developer's
machine; under CI (CI=true) it fails instead, because there it must run.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpers import ROOT

CHECK_ICS = Path(os.environ.get("AGENDA_CHECK_ICS", ROOT.parent / "shared" / "tools" / "check_ics.py"))


def need(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run this test: .ci/run installs it)")
    pytest.skip(reason)


def check_ics(path: Path, *extra: str, skip: tuple[str, ...] = ("khal",)) -> str:
    """Run the shared checker (seven parsers, khal and Radicale) and return its report.

    khal is the slowest reader by far, so one test runs it (`skip=()`, the
    re-export test, where its update semantics matter) and the rest skip it.
    """
    need(CHECK_ICS.exists(), f"{CHECK_ICS} not found")
    skip = [*skip] + [name for name, tool in (("icaljs", "node"),) if shutil.which(tool) is None]
    args = [sys.executable, str(CHECK_ICS), str(path), *extra]
    if skip:
        args += ["--skip", ",".join(skip)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def check_ics_batch(calendars: list[tuple[Path, tuple[str, ...]]], folder: Path) -> list[str]:
    """Run the shared checker over several calendars in one process (tests/ics_batch.py), its scratch
    files (Radicale's storage, khal's vdir) on tmpfs where there is one.

    Each calendar comes with the checks it skips, as `check_ics` takes them;
    each gets its own report, in order, and a failure names its calendar.
    """
    need(CHECK_ICS.exists(), f"{CHECK_ICS} not found")
    missing = [name for name, tool in (("icaljs", "node"),) if shutil.which(tool) is None]
    command_lines = []
    for path, skip in calendars:
        skipped = [*skip, *missing]
        command_lines.append([str(path), *(["--skip", ",".join(skipped)] if skipped else [])])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "jobs.json").write_text(json.dumps(command_lines), encoding="utf-8")
    scratch = Path(tempfile.mkdtemp(prefix="ics-batch-", dir="/dev/shm" if os.access("/dev/shm", os.W_OK) else folder))
    try:
        done = subprocess.run([sys.executable, str(Path(__file__).with_name("ics_batch.py")), str(CHECK_ICS),
                               str(folder / "jobs.json"), str(folder / "results.json")],
                              capture_output=True, text=True, timeout=900, env={**os.environ, "TMPDIR": str(scratch)})
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    failed = [f"{path}:\n{result['report']}" for (path, _), result in zip(calendars, results) if result["status"] != 0]
    assert not failed, "\n".join(failed)
    return [result["report"] for result in results]


def check_invitation(path: Path) -> str:
    """The shared checker with --strict-itip (libical's RFC 5546 table for REQUEST and CANCEL as failures).

    Its structure step refuses every METHOD but PUBLISH, as it should for
    exports and feeds; an invitation is neither, and that one line is the
    only failure allowed. Every parser and libical's iTIP check must pass.
    """
    need(CHECK_ICS.exists(), f"{CHECK_ICS} not found")
    skip = ["khal"] + [name for name, tool in (("icaljs", "node"),) if shutil.which(tool) is None]
    done = subprocess.run([sys.executable, str(CHECK_ICS), str(path), "--strict-itip", "--skip", ",".join(skip)],
                          capture_output=True, text=True, timeout=300)
    failures = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    allowed = [line for line in failures if line.startswith("FAIL  structure METHOD:")
               and "should use METHOD:PUBLISH" in line]
    assert failures == allowed and len(allowed) <= 1, done.stdout + done.stderr
    assert "PASS  libical" in done.stdout, done.stdout
    return done.stdout


class CalDav:
    """A Radicale CalDAV server on a free 127.0.0.1 port: no auth, storage in a temp folder."""

    def __init__(self, folder: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        folder.mkdir(parents=True, exist_ok=True)
        config = folder / "radicale.conf"
        config.write_text(
            f"[server]\nhosts = 127.0.0.1:{self.port}\n[auth]\ntype = none\n[rights]\ntype = authenticated\n"
            f"[storage]\nfilesystem_folder = {folder / 'collections'}\n[web]\ntype = none\n", encoding="utf-8")
        self.log = open(folder / "radicale.log", "wb")
        self.process = subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(config)],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Radicale exited; see {folder / 'radicale.log'}")
            try:
                self.request("OPTIONS", "/")
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("Radicale did not start within 20 s")

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(self.url + path, data=body, method=method,
                                         headers={"Authorization": "Basic dGVzdDp0ZXN0", **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def report_time_range(self, collection: str, start: str, end: str) -> bytes:
        query = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
            "<D:prop><C:calendar-data/></D:prop><C:filter><C:comp-filter name=\"VCALENDAR\">"
            f'<C:comp-filter name="VEVENT"><C:time-range start="{start}" end="{end}"/>'
            "</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>"
        )
        status, body = self.request("REPORT", collection, query.encode(),
                                    {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
        assert status == 207, (status, body[:300])
        return body

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
