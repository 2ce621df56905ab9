"""vdirsyncer, a real sync engine, keeps every event of the export: one item per event.

The export is synced from a `singlefile` storage to a `filesystem` storage
(one file per item) with a configuration in the test's folder; no prompts,
no network.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from icalendar import Calendar

from calendar_tools import need
from helpers import SEED, run


def vdirsyncer() -> str:
    beside = Path(sys.executable).parent / "vdirsyncer"
    found = str(beside) if beside.exists() else shutil.which("vdirsyncer")
    need(found is not None, "vdirsyncer is not installed (pip install -e '.[test]')")
    return str(found)


def sync(calendar: Path, folder: Path) -> list[Path]:
    """Sync `calendar` into a new folder of items; the items written."""
    items = folder / "items"
    items.mkdir(parents=True)
    config = folder / "config"
    config.write_text(f"""\
[general]
status_path = "{folder / 'status'}/"

[pair forum]
a = "exported"
b = "items"
collections = null
conflict_resolution = "a wins"

[storage exported]
type = "singlefile"
path = "{calendar}"

[storage items]
type = "filesystem"
path = "{items}/"
fileext = ".ics"
""", encoding="utf-8")
    environment = {**os.environ, "VDIRSYNCER_CONFIG": str(config), "HOME": str(folder)}
    for command in ("discover", "sync"):
        done = subprocess.run([vdirsyncer(), command], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              env=environment, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
    return sorted(items.glob("*.ics"))


def uids(raw: bytes) -> list[str]:
    return sorted(str(event["UID"]) for event in Calendar.from_ical(raw).walk("VEVENT"))


def test_every_event_of_the_export_becomes_one_item(tmp_path):
    exported = tmp_path / "forum.ics"
    run("export", SEED, "--segments", "-o", exported, env={"SOURCE_DATE_EPOCH": "1700000000"})
    expected = uids(exported.read_bytes())
    assert len(expected) == 7

    items = sync(exported, tmp_path / "first")
    assert len(items) == 7
    assert sorted(uid for item in items for uid in uids(item.read_bytes())) == expected


def test_a_calendar_wide_uid_would_collapse_the_calendar(tmp_path):
    """The control: with the UID the exporter no longer writes, vdirsyncer keeps one item of seven."""
    exported = tmp_path / "forum.ics"
    run("export", SEED, "--segments", "-o", exported, env={"SOURCE_DATE_EPOCH": "1700000000"})
    raw = exported.read_bytes()
    assert b"\r\nUID:" not in raw.split(b"BEGIN:VEVENT", 1)[0]
    exported.write_bytes(raw.replace(b"VERSION:2.0\r\n", b"VERSION:2.0\r\nUID:calendar-wide\r\n", 1))
    assert len(sync(exported, tmp_path / "collapsed")) == 1
