"""The marks log on disk: torn lines, unreadable lines, and two `agenda mark` processes at once."""

import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers import run

from conftest import FIXTURES

DAY = FIXTURES / "day"
OPENING = '{"at": "2023-12-13T14:03:00+09:00", "mark": "start", "segment": "opening"}\n'


def forum(tmp_path: Path) -> Path:
    target = tmp_path / "forum.yaml"
    shutil.copy(DAY / "seed-flexible-qa.yaml", target)
    return target


def test_a_torn_last_line_is_skipped_with_a_warning_and_the_next_mark_starts_a_new_line(tmp_path):
    file = forum(tmp_path)
    log = tmp_path / "forum.actuals.jsonl"
    torn = '{"at": "2023-12-13T14:20:00+09:00", "mark": "ne'
    log.write_text(OPENING + torn, encoding="utf-8")
    result = run("now", file, "--at", "14:10", "--format", "json")
    assert result.stderr == f"경고: {log}:2: 마지막 줄이 쓰는 도중에 끊겼습니다(비정상 종료). 이 줄은 건너뜁니다\n"
    english = run("now", file, "--at", "14:10", "--format", "json", "--lang", "en")
    assert english.stderr == f"warning: {log}:2: the last line was cut off by a crash; it is skipped\n"
    assert json.loads(result.stdout)["current"]["id"] == "opening"
    run("mark", file, "next", "--at", "14:21")
    lines = log.read_text(encoding="utf-8").split("\n")
    assert lines[:2] == [OPENING.rstrip("\n"), torn]  # never rewritten
    assert json.loads(lines[2]) == {"at": "2023-12-13T14:21:00+09:00", "mark": "next", "segment": "moderator-greeting"}
    assert lines[3] == ""
    state = json.loads(run("now", file, "--at", "14:22", "--format", "json").stdout)
    assert state["current"]["id"] == "moderator-greeting"


def test_an_unreadable_line_in_the_middle_is_named_and_skipped(tmp_path):
    file = forum(tmp_path)
    log = tmp_path / "forum.actuals.jsonl"
    log.write_text(OPENING + "not json\n", encoding="utf-8")
    result = run("now", file, "--at", "14:10")
    assert result.stderr == f"경고: {log}:2: 이 줄을 읽을 수 없어 건너뜁니다. 고치거나 지우세요\n"
    english = run("now", file, "--at", "14:10", "--lang", "en").stderr
    assert english == f"warning: {log}:2: this line cannot be read; it is skipped: fix or delete it\n"
    assert result.stdout.startswith("14:10 · 개회식 · ")


def test_two_unreadable_lines_are_one_warning_naming_the_first_and_the_count(tmp_path):
    file = forum(tmp_path)
    log = tmp_path / "forum.actuals.jsonl"
    log.write_text(OPENING + "not json\n" + '{"at": "14:20", "mark": "next"}\n', encoding="utf-8")
    result = run("now", file, "--at", "14:10")
    assert result.stderr == f"경고: {log}: 읽을 수 없는 줄 2개를 건너뜁니다. 처음 것은 2번째 줄입니다. 고치거나 지우세요\n"
    english = run("now", file, "--at", "14:10", "--lang", "en").stderr
    assert english == f"warning: {log}: 2 lines cannot be read and are skipped; the first is line 2: fix or delete them\n"
    assert result.stdout.startswith("14:10 · 개회식 · ")


def waiting_for_lock(path: Path) -> int:
    """How many processes wait for a flock on `path` (Linux /proc/locks lists waiters with `->`)."""
    inode = f":{path.stat().st_ino} "
    return sum(1 for line in Path("/proc/locks").read_text().splitlines() if "->" in line and inode in line)


def test_two_marks_at_once_both_land_in_order(tmp_path):
    """Five `agenda mark next` processes wait on the log while the test holds its lock; released at once,
    each must see the one before it, or two would start the same segment. They share one --at (a mark
    without one takes the real clock, which is not the forum's day); the order is what is asserted."""
    file = forum(tmp_path)
    log = tmp_path / "forum.actuals.jsonl"
    log.touch()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    with open(log, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        processes = [subprocess.Popen([sys.executable, "-m", "agenda", "mark", str(file), "next", "--at", "14:10"], env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(5)]
        deadline = time.monotonic() + 30
        while waiting_for_lock(log) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert waiting_for_lock(log) == 5, "the marks did not wait for the log's lock"
        fcntl.flock(held, fcntl.LOCK_UN)
    for process in processes:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [r["segment"] for r in records] == ["opening", "moderator-greeting", "presentation", "panel", "panel"]
    assert [r.get("item") for r in records] == [None, None, None, "1", "2"]  # the panel, speaker by speaker
    assert [r["mark"] for r in records] == ["next"] * 5
    times = [r["at"] for r in records]
    assert times == sorted(times)
    run("mark", file, "next", "--at", "14:11")
    run("mark", file, "next", "--at", "14:12")
    result = run("mark", file, "start", "--at", "14:20", exit_status=1)
    assert result.stderr == f"{log}: 시작할 순서가 남아 있지 않습니다. 아무것도 기록하지 않았습니다\n"


def test_a_new_rehearsal_starts_afresh_and_keeps_the_last_one_aside(tmp_path):
    from agenda.day.marks_log import begin_rehearsal

    log = tmp_path / "forum.rehearsal.jsonl"
    assert begin_rehearsal(log) is None  # nothing to keep
    log.write_text('{"at": "2023-12-13T14:00:04+09:00", "mark": "start", "segment": "opening"}\n')
    kept = begin_rehearsal(log)
    assert kept == tmp_path / "forum.rehearsal.jsonl.previous"
    assert not log.exists() and "opening" in kept.read_text()


def test_a_log_whose_permissions_change_is_read_again_though_its_content_did_not(tmp_path, monkeypatch):
    """The reader that skips an unchanged log (the desk's, the server's) looks at the inode's change time
    too: a log made unreadable with chmod is read, and refused, at once, not at the next mark."""
    import os
    from zoneinfo import ZoneInfo

    import agenda.day.marks_log as marks_log

    log = tmp_path / "marks.jsonl"
    log.write_text('{"at": "2023-12-13T14:01:00+09:00", "mark": "start"}\n', encoding="utf-8")
    reads: list[object] = []
    real = marks_log.read_log
    monkeypatch.setattr(marks_log, "read_log", lambda path, tz: reads.append(path) or real(path, tz))
    read = marks_log.reader_of_changes()
    seoul = ZoneInfo("Asia/Seoul")
    assert len(read(log, seoul)[0]) == 1 and len(read(log, seoul)[0]) == 1
    assert len(reads) == 1  # unchanged: read once
    before = log.stat()
    os.chmod(log, 0o600)
    os.utime(log, ns=(before.st_atime_ns, before.st_mtime_ns))  # the content's time as it was
    assert log.stat().st_ctime_ns != before.st_ctime_ns or log.stat().st_mode != before.st_mode
    read(log, seoul)
    assert len(reads) == 2
