"""The no-change republish of 200 segments against vdirsyncer's no-change sync of the same collection.

Both are clients of one Radicale on this machine, run as their users run
them (a command, start-up included), and both find that nothing changed
with one REPORT of every event. What is compared is the CPU time of the
client process (user + system, from the exit of each run), so the server's
share and the network's waiting count for neither. The target is at most
1.1x: a republish that finds no change costs no more than a sync engine's.
"""

import base64
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

USER, PASSWORD = "bench", "bench-Passw0rd"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _radicale(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    (folder / "htpasswd").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    config = folder / "radicale.conf"
    config.write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = {folder / 'htpasswd'}\n"
        f"htpasswd_encryption = plain\n[storage]\nfilesystem_folder = {folder / 'collections'}\n[web]\ntype = none\n"
        "[logging]\nlevel = warning\n", encoding="utf-8")
    log = open(folder / "radicale.log", "wb")
    server = subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(config)], stdout=log,
                              stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"Radicale did not start; see {folder / 'radicale.log'}")


def _make_calendar(url: str) -> None:
    login = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    request = urllib.request.Request(url, method="MKCALENDAR", headers={"Authorization": f"Basic {login}"})
    with urllib.request.urlopen(request, timeout=20) as answer:
        if answer.status != 201:
            raise SystemExit(f"MKCALENDAR {url}: {answer.status}")


def _cpu(command: list[str], environment: dict[str, str]) -> float:
    """The CPU seconds (user + system) of one run of `command`; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, env=environment, stdin=subprocess.DEVNULL, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr.decode(errors='replace')}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _vdirsyncer_config(folder: Path, collection_url: str) -> Path:
    (folder / "items").mkdir()
    config = folder / "vdirsyncer.conf"
    config.write_text(f"""\
[general]
status_path = "{folder / 'status'}/"

[pair forum]
a = "published"
b = "items"
collections = null
conflict_resolution = "a wins"

[storage published]
type = "caldav"
url = "{collection_url}"
username = "{USER}"
password = "{PASSWORD}"

[storage items]
type = "filesystem"
path = "{folder / 'items'}/"
fileext = ".ics"
""", encoding="utf-8")
    return config


def republish(agenda: list[str], forum_text: str, runs: int,
              report: Callable[[str, list[float], list[float], float], bool]) -> bool:
    """Publish a forum of 200 segments once, sync it once, then time both finding nothing to do, by turns."""
    vdirsyncer = Path(sys.executable).with_name("vdirsyncer")
    if not vdirsyncer.exists():
        print("republish   skipped: vdirsyncer is not installed (pip install -e '.[test]')")
        return True
    with tempfile.TemporaryDirectory(prefix="agenda-republish-") as tmp:
        folder = Path(tmp)
        forum = folder / "forum.yaml"
        forum.write_text(forum_text, encoding="utf-8")
        server, origin = _radicale(folder)
        try:
            collection = f"{origin}/{USER}/republish/"
            environment = {**os.environ, "NO_PROXY": "127.0.0.1", "AGENDA_CALDAV_PASSWORD": PASSWORD,
                           "HOME": str(folder)}
            _make_calendar(collection)
            publish = agenda + ["publish", str(forum), "--to", collection, "--user", USER, "--segments"]
            _cpu(publish, environment)  # the first publish writes every event
            sync_environment = {**environment, "VDIRSYNCER_CONFIG": str(_vdirsyncer_config(folder, collection))}
            for command in ("discover", "sync"):
                _cpu([str(vdirsyncer), command], sync_environment)  # the first sync fetches every event
            sync = [str(vdirsyncer), "sync"]
            floor_times, our_times = [], []
            for _ in range(runs):
                floor_times.append(_cpu(sync, sync_environment))
                our_times.append(_cpu(publish, environment))
            items = len(list((folder / "items").glob("*.ics")))
            if items != 201:
                raise SystemExit(f"vdirsyncer holds {items} items, not the 201 events published")
        finally:
            server.terminate()
            server.wait(timeout=15)
    print(f"republish   no change, 200 segments: CPU of vdirsyncer sync {statistics.median(floor_times) * 1000:.0f} ms, "
          f"of agenda publish {statistics.median(our_times) * 1000:.0f} ms")
    return report("republish", floor_times, our_times, 1.1)
