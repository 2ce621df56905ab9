"""The day's files at their limits (issue 20): devices, FIFOs, oversized logs, far years, many bad lines, a late undo.

Every reproducer of the issue is here. A FIFO or `/dev/zero` as the log used to hang or read until memory ran
out: those tests run the command in a child process with a time limit and a memory limit, a safety net only
(a command that passes answers at once).
"""

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from helpers import ROOT, run

DAY = FIXTURES / "day"
OPENING = '{"at": "2023-12-13T14:03:00+09:00", "mark": "start", "segment": "opening"}\n'
FAR = '{"at": "9999-12-31T23:59:00+09:00", "mark": "next"}\n'
LIMIT = 16 * 1024 * 1024
NOT_REGULAR = {
    "en": "the marks log is not a regular file (a device, FIFO or socket); give a file with --log, or leave --log out "
          "for FILE's .actuals.jsonl",
    "ko": "기록 파일이 일반 파일이 아닙니다(장치, FIFO, 소켓). --log로 파일을 주거나, --log를 빼서 FILE 옆의 .actuals.jsonl을 "
          "쓰세요",
}
TOO_BIG = {
    "en": "the marks log is over 16 MiB; marks logs are limited to 16 MiB (a forum's day takes a few kilobytes). "
          "Is this the right file? Give another with --log",
    "ko": "기록 파일이 16 MiB를 넘습니다. 기록 파일은 16 MiB까지입니다(토론회 하루의 기록은 몇 KB입니다). "
          "맞는 파일인지 확인하거나 --log로 다른 파일을 주세요",
}
COMMANDS = {
    "now": ("now", "--at", "14:10"),
    "report": ("report",),
    "mark": ("mark", "next", "--at", "14:10"),
}


@pytest.fixture
def seed(tmp_path) -> Path:
    target = tmp_path / "forum.yaml"
    shutil.copy(DAY / "seed-flexible-qa.yaml", target)
    return target


def command(name: str, file: Path) -> list[str]:
    """The command's words with FILE in its place (after the command's name)."""
    words = COMMANDS[name]
    return [words[0], str(file), *words[1:]]


def bounded(*args: str) -> subprocess.CompletedProcess[str]:
    """`agenda ARGS` in a child with 30 s and 1 GiB at most: a regression fails the test, not the machine."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", "LC_ALL": "", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "agenda", *args], capture_output=True, text=True, timeout=30,
                          env=env, preexec_fn=limit)


@contextmanager
def within(seconds: int) -> Iterator[None]:
    """A safety net for a call made in this process: a blocking open fails the test instead of hanging it."""
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still waiting after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_dev_zero_as_the_log_is_refused_before_a_byte_is_read(seed, name):
    done = bounded(*command(name, seed), "--log", "/dev/zero", "--lang", "en")
    assert (done.returncode, done.stderr) == (2, f"agenda: /dev/zero: {NOT_REGULAR['en']}\n")
    assert done.stdout == ""


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_fifo_as_the_log_is_refused_at_once_not_waited_on(seed, tmp_path, name, language):
    fifo = tmp_path / "marks.jsonl"
    os.mkfifo(fifo)
    done = bounded(*command(name, seed), "--log", str(fifo), "--lang", language)
    assert (done.returncode, done.stderr) == (2, f"agenda: {fifo}: {NOT_REGULAR[language]}\n")


def test_serve_refuses_a_fifo_as_its_log_before_it_listens(seed, tmp_path):
    fifo = tmp_path / "marks.jsonl"
    os.mkfifo(fifo)
    done = bounded("serve", str(seed), "--log", str(fifo), "--at", "14:00", "--port", "0", "--lang", "en")
    assert (done.returncode, done.stderr) == (2, f"agenda: {fifo}: {NOT_REGULAR['en']}\n")
    assert not fifo.with_suffix(".token").exists()


def test_the_desk_refuses_a_fifo_as_its_log(seed, tmp_path):
    from agenda.loading.analysis import analyze
    from agenda.day.clocks import rehearsal_clock
    from agenda.cli.desk import Desk
    from agenda.core.errors import UsageError

    fifo = tmp_path / "marks.jsonl"
    os.mkfifo(fifo)
    plan = analyze(str(seed)).plan
    assert plan is not None
    desk = Desk(plan, fifo, rehearsal_clock(datetime.fromisoformat("2023-12-13T14:03:00+09:00")))
    with pytest.raises(UsageError) as refused, within(10):
        desk.state()
    assert refused.value.reason == "marks-log-not-regular"


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("language", ["ko", "en"])
def test_a_log_over_16_mib_is_refused_with_exit_2(seed, tmp_path, name, language):
    log = tmp_path / "marks.jsonl"
    log.write_text(OPENING, encoding="utf-8")
    os.truncate(log, LIMIT + 1)  # sparse: nothing is written, and nothing should be read
    result = run(*command(name, seed), "--log", log, "--lang", language, exit_status=2)
    assert result.stderr == f"agenda: {log}: {TOO_BIG[language]}\n"
    assert log.stat().st_size == LIMIT + 1  # `mark` appended nothing


def test_a_log_at_16_mib_is_read_but_a_mark_that_would_take_it_past_is_refused(seed, tmp_path):
    log = tmp_path / "marks.jsonl"
    log.write_bytes(OPENING.encode() + b" " * (LIMIT - len(OPENING) - 1) + b"\n")  # blank lines are no marks
    assert log.stat().st_size == LIMIT
    assert json.loads(run("now", seed, "--at", "14:10", "--log", log, "--format", "json").stdout)["current"][
        "id"] == "opening"
    refused = run("mark", seed, "next", "--at", "14:10", "--log", log, "--lang", "en", exit_status=2)
    assert refused.stderr == f"agenda: {log}: {TOO_BIG['en']}\n"
    assert log.stat().st_size == LIMIT


def test_a_log_just_under_the_limit_takes_a_mark(seed, tmp_path):
    log = tmp_path / "marks.jsonl"
    log.write_bytes(OPENING.encode() + b" " * (LIMIT - len(OPENING) - 200) + b"\n")
    run("mark", seed, "next", "--at", "14:10", "--log", log)
    assert log.read_bytes().endswith(b'"mark": "next", "segment": "moderator-greeting"}\n')


@pytest.mark.parametrize("language, warning", [
    ("en", "warning: {log}:2: the mark's time is in the year 9999, outside 1900-2999; it is skipped: fix its date or "
           "delete the line\n"),
    ("ko", "경고: {log}:2: 기록 시각의 연도(9999년)가 쓸 수 있는 1900~2999년 밖이라 이 줄은 건너뜁니다. "
           "날짜를 고치거나 줄을 지우세요\n"),
])
def test_a_log_line_in_year_9999_is_a_warning_naming_it_through_report_and_now(seed, tmp_path, language, warning):
    log = seed.with_name("forum.actuals.jsonl")
    log.write_text(OPENING + FAR, encoding="utf-8")
    said = warning.format(log=log)
    report = run("report", seed, "--format", "json", "--lang", language)
    assert report.stderr == said
    assert json.loads(report.stdout)["segments"][1]["start"].startswith("2023-12-13T14:03:00")
    now = run("now", seed, "--at", "14:10", "--format", "json", "--lang", language)
    assert now.stderr == said
    assert json.loads(now.stdout)["current"]["id"] == "opening"
    mark = run("mark", seed, "next", "--at", "14:10", "--lang", language)
    assert mark.stderr == said and "internal error" not in mark.stderr


def test_serve_projects_past_a_log_line_in_year_9999(seed):
    from agenda.loading.analysis import analyze
    from agenda.day.clocks import rehearsal_clock
    from agenda.serve.live import LiveDay

    log = seed.with_name("forum.actuals.jsonl")
    log.write_text(OPENING + FAR, encoding="utf-8")
    plan = analyze(str(seed)).plan
    assert plan is not None
    said: list[str] = []
    live = LiveDay(plan, log, rehearsal_clock(datetime.fromisoformat("2023-12-13T14:10:00+09:00")), "en", said.append)
    state, text = live.state()
    live.state()  # a second poll says nothing new
    assert state.current is not None and state.current.id == "opening"
    assert json.loads(text)["current"]["id"] == "opening"
    assert said == [f"warning: {log}:2: the mark's time is in the year 9999, outside 1900-2999; it is skipped: "
                    f"fix its date or delete the line"]


def test_many_log_lines_in_far_years_are_one_warning_with_the_count(seed):
    log = seed.with_name("forum.actuals.jsonl")
    log.write_text(OPENING + FAR + '{"at": "1899-12-31T23:59:00+09:00", "mark": "end"}\n', encoding="utf-8")
    result = run("now", seed, "--at", "14:10", "--lang", "en")
    assert result.stderr == (f"warning: {log}: 2 marks have times outside the years 1900-2999 and are skipped; "
                             f"the first is line 2 (the year 9999): fix their dates or delete the lines\n")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_half_a_million_bad_log_lines_are_one_warning_with_the_count(seed, name):
    log = seed.with_name("forum.actuals.jsonl")
    log.write_bytes(OPENING.encode() + b"not a mark\n" * 500_000)
    result = run(*command(name, seed), "--lang", "en")
    assert result.stderr == (f"warning: {log}: 500,000 lines cannot be read and are skipped; the first is line 2: "
                             f"fix or delete them\n")
    korean = run(*command("now", seed))
    assert korean.stderr == f"경고: {log}: 읽을 수 없는 줄 500,000개를 건너뜁니다. 처음 것은 2번째 줄입니다. 고치거나 지우세요\n"


def test_marks_naming_gone_segments_are_one_warning_with_the_count(seed):
    log = seed.with_name("forum.actuals.jsonl")
    gone = '{"at": "2023-12-13T14:05:00+09:00", "mark": "skip", "segment": "gone"}\n'
    log.write_text(OPENING + gone * 3, encoding="utf-8")
    result = run("now", seed, "--at", "14:10", "--lang", "en")
    assert result.stderr == ("warning: mark 2 (skip gone 14:05:00) names a segment the file no longer has; ignored "
                             "(and 2 more like it)\n")


def test_an_undo_on_another_day_prints_no_delay(seed, monkeypatch):
    import agenda.day.clocks

    week_later = datetime(2023, 12, 20, 1, 0, tzinfo=timezone.utc)
    monkeypatch.setattr(agenda.day.clocks, "wall_clock", lambda: week_later)
    log = seed.with_name("forum.actuals.jsonl")
    log.write_text(OPENING + '{"at": "2023-12-13T14:20:00+09:00", "mark": "next", "segment": "moderator-greeting"}\n',
                   encoding="utf-8")
    english = run("mark", seed, "undo", "--lang", "en").stdout
    assert english == ("latest mark withdrawn (next 장내 정리, 좌장 인사말 14:20) · today is not the forum's day "
                       "(Wednesday, 13 December 2023), so no delay is projected; agenda report shows the day as the "
                       "log now has it\n")
    korean = run("mark", seed, "undo").stdout
    assert korean == ("마지막 기록 취소 (시작 개회식 14:03) · 이 토론회는 2023년 12월 13일(수)에 열립니다. 오늘은 그날이 "
                      "아니어서 늦고 이른 것을 내다보지 않습니다. 기록대로의 하루는 agenda report로 보세요\n")
    assert json.loads(log.read_text(encoding="utf-8").splitlines()[-1])["at"] == "2023-12-20T10:00:00+09:00"
    report = json.loads(run("report", seed, "--format", "json").stdout)
    assert report["totals"]["past_window_minutes"] == 0  # the undo's own time is no time of the day


def test_an_undo_on_the_day_still_prints_the_projection(seed):
    log = seed.with_name("forum.actuals.jsonl")
    log.write_text(OPENING + '{"at": "2023-12-13T14:20:00+09:00", "mark": "next", "segment": "moderator-greeting"}\n',
                   encoding="utf-8")
    said = run("mark", seed, "undo", "--at", "14:21", "--lang", "en").stdout
    assert said.startswith("latest mark withdrawn (next 장내 정리, 좌장 인사말 14:20) · running 6 min late")


def test_a_log_rewritten_while_a_mark_waits_for_its_lock_is_read_afresh(seed, monkeypatch):
    """`mark` parses the log before it takes the lock; what it finds under the lock decides."""
    import fcntl

    log = seed.with_name("forum.actuals.jsonl")
    log.write_text(OPENING, encoding="utf-8")
    locking = fcntl.flock

    def rewrite_then_lock(fd: int, operation: int) -> None:
        if operation == fcntl.LOCK_EX:  # another hand rewrites the log meanwhile: opening never started
            os.truncate(log, 0)
        locking(fd, operation)

    monkeypatch.setattr(fcntl, "flock", rewrite_then_lock)
    run("mark", seed, "start", "--at", "14:10")
    assert json.loads(log.read_text(encoding="utf-8"))["segment"] == "opening"


def test_a_mark_appended_while_another_waits_for_the_lock_is_taken_into_account(seed, monkeypatch):
    import fcntl

    log = seed.with_name("forum.actuals.jsonl")
    log.write_text(OPENING, encoding="utf-8")
    locking = fcntl.flock

    def append_then_lock(fd: int, operation: int) -> None:
        if operation == fcntl.LOCK_EX:
            with open(log, "a", encoding="utf-8") as other:
                other.write('{"at": "2023-12-13T14:08:00+09:00", "mark": "next", "segment": "moderator-greeting"}\n')
        locking(fd, operation)

    monkeypatch.setattr(fcntl, "flock", append_then_lock)
    run("mark", seed, "next", "--at", "14:10")
    last = json.loads(log.read_text(encoding="utf-8").splitlines()[-1])
    assert last["segment"] != "moderator-greeting"  # the mark after the one appended meanwhile


def test_marks_that_no_longer_fit_are_one_warning_with_the_count(seed):
    log = seed.with_name("forum.actuals.jsonl")
    ends = "".join(f'{{"at": "2023-12-13T14:0{m}:00+09:00", "mark": "end", "segment": "opening"}}\n' for m in (5, 6, 7))
    log.write_text(OPENING + ends, encoding="utf-8")
    result = run("now", seed, "--at", "14:10", "--lang", "en")
    assert result.stderr == ("warning: end opening 14:06:00 ignored: nothing is running, so nothing can end; start a "
                             "segment first (and 1 more like it)\n")


@given(segment=st.one_of(st.none(), st.text(max_size=20)),
       kind=st.sampled_from(["start", "end", "next", "skip", "undo"]),
       seconds=st.integers(min_value=0, max_value=86_399))
@settings(max_examples=200, deadline=None)
def test_a_mark_as_it_is_written_reads_back_the_same_by_the_quick_way_and_the_parser(segment, kind, seconds):
    """Lines as `append_mark` writes them are read by a regular expression; any other shape by `json`."""
    from zoneinfo import ZoneInfo

    from agenda.day.marks import Mark, MarkKind
    from agenda.day.marks_log import parse_log

    zone = ZoneInfo("Asia/Seoul")
    mark = Mark(datetime(2023, 12, 13, tzinfo=zone) + timedelta(seconds=seconds), MarkKind(kind), segment)
    written = json.dumps(mark.as_record(), ensure_ascii=False).encode("utf-8") + b"\n"
    compact = json.dumps(mark.as_record(), separators=(",", ":")).encode("utf-8") + b"\n"
    assert parse_log(written * 2, "log", zone) == ([mark, mark], [])  # the second one finds its time looked up
    assert parse_log(compact, "log", zone) == ([mark], [])
