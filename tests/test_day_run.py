"""`agenda run`: the desk clock, driven by an injected clock in-process and by keys in a real terminal (tmux)."""

import io
import json
import os
import shlex
import shutil
import signal
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from agenda.loading.analysis import analyze
from agenda.cli.desk import Desk, run_desk
from agenda.day.projection import day_state
from agenda.render.day_clock import clock_view, timer
from agenda.core.zones import zone
from terminal_tools import Terminal, needs_tmux

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "day" / "seed-flexible-qa.yaml"


class FakeClock:
    def __init__(self, start: datetime):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def desk(tmp_path):
    plan = analyze(str(SEED)).plan
    clock = FakeClock(datetime(2023, 12, 13, 14, 3, tzinfo=zone("Asia/Seoul")))
    return Desk(plan, tmp_path / "rehearsal.jsonl", clock, rehearsal=True)


def screen(desk: Desk, width: int = 80) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(clock_view(desk.state(), width, desk.rehearsal, desk.message))
    return console.file.getvalue()


def log(desk: Desk) -> list[dict]:
    return [json.loads(line) for line in desk.log.read_text(encoding="utf-8").splitlines()]


def test_keys_mark_the_day_at_the_injected_time(desk):
    assert "시작 전" in screen(desk)
    desk.press("s")
    desk.clock.advance(minutes=13)
    shown = screen(desk)
    assert "개회식" in shown and "이연희" in shown and "14:18까지" in shown and "남음" in shown
    assert "다음: 장내 정리, 좌장 인사말 14:18" in shown and "3분 늦게 진행 중" in shown
    desk.clock.advance(minutes=4)
    desk.press(" ")
    desk.clock.advance(seconds=30)
    desk.press("u")
    assert "마지막 기록 취소 (다음 장내 정리, 좌장 인사말 14:20)" in screen(desk)
    desk.press("n")
    desk.press("e")
    desk.press("e")  # nothing runs: refused, said on screen, nothing appended
    assert desk.message == "진행 중인 순서가 없어 끝낼 것이 없습니다. 먼저 순서를 시작하세요"
    assert [(m["mark"], m["segment"], m["at"][11:19]) for m in log(desk)] == [
        ("start", "opening", "14:03:00"), ("next", "moderator-greeting", "14:20:00"), ("undo", None, "14:20:30"),
        ("next", "moderator-greeting", "14:20:30"), ("end", "moderator-greeting", "14:20:30")]


def test_the_figures_turn_amber_in_the_last_two_minutes_and_red_counting_up_when_over(desk):
    desk.press("s")  # the opening: 15 minutes from 14:03, due 14:18
    desk.clock.advance(minutes=12)
    assert timer(desk.state())[:2] == ("3:00", "bold green")
    desk.clock.advance(minutes=1, seconds=1)
    assert timer(desk.state())[:2] == ("1:59", "bold yellow")
    desk.clock.advance(minutes=3, seconds=29)
    figures, style, caption = timer(desk.state())
    assert (figures, style, caption) == ("1:30", "bold red", "초과")


def test_the_loop_reads_keys_until_q_and_restores_nothing_on_a_pipe(desk):
    read, write = os.pipe()
    os.write(write, b"s\x1b[Aeq")  # an arrow key's escape sequence is dropped, the keys around it are not
    os.close(write)  # should q be missed, the end of input ends the loop too
    console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system=None)
    run_desk(desk, console, read, tick=0.01)
    os.close(read)
    assert [m["mark"] for m in log(desk)] == ["start", "end"]
    assert "개회식" in console.file.getvalue()


def test_the_state_for_a_web_server_is_one_pure_call(desk):
    desk.press("s")
    state, warnings = day_state(desk.plan, [], desk.clock())
    assert state.state == "before" and warnings == []


@pytest.fixture
def terminal(tmp_path):
    forum = tmp_path / "forum.yaml"
    shutil.copy(SEED, forum)
    opened = []

    def open_terminal(*extra: str) -> Terminal:
        command = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "agenda", "run", str(forum), *extra])
        opened.append(Terminal(tmp_path, command))
        return opened[-1]

    yield open_terminal
    for term in opened:
        term.close()


@needs_tmux
def test_run_in_a_terminal_marks_survives_a_resize_and_quits_with_q(terminal, tmp_path):
    log_file = tmp_path / "desk.jsonl"
    term = terminal("--at", "14:03", "--log", str(log_file))
    shown = term.wait_for("시작 전")
    assert "(리허설)" in shown and "다음: 개회식 14:03" in shown
    term.keys("s")
    shown = term.wait_for("14:18까지")
    assert "개회식" in shown and "이연희" in shown and "██" in shown  # the figures, in block letters
    assert "3분 늦게 진행 중" in shown
    term.tmux("resize-window", "-t", "desk", "-x", "60", "-y", "26")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        top = next((line for line in term.pane().splitlines() if line.startswith("╭")), "")
        if len(top) == 60:
            break
        time.sleep(0.1)
    assert len(top) == 60, term.pane()
    term.keys("n")
    term.wait_for("장내 정리, 좌장 인사말 시작")
    term.keys("u")
    term.wait_for("마지막 기록 취소")
    term.keys("q")
    assert term.exit_status() == 0
    records = [json.loads(line) for line in log_file.read_text(encoding="utf-8").splitlines()]
    assert [(r["mark"], r["segment"]) for r in records] == [
        ("start", "opening"), ("next", "moderator-greeting"), ("undo", None)]
    assert not (tmp_path / "forum.actuals.jsonl").exists()


@needs_tmux
@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_ctrl_c_and_sigterm_end_run_with_0_and_keep_the_marks(terminal, tmp_path, how):
    term = terminal("--at", "14:03")
    term.wait_for("시작 전")
    term.keys("s")
    term.wait_for("14:18까지")
    if how == "ctrl-c":
        term.keys("C-c")
    else:
        os.kill(term.agenda_pid(), signal.SIGTERM)
    assert term.exit_status() == 0
    rehearsal = tmp_path / "forum.rehearsal.jsonl"
    assert [json.loads(line)["segment"] for line in rehearsal.read_text(encoding="utf-8").splitlines()] == ["opening"]


def test_the_screen_between_segments_and_after_the_last(desk):
    desk.press("s")
    desk.clock.advance(minutes=10)
    desk.press("e")
    desk.clock.advance(minutes=1)
    between = screen(desk)
    assert "순서 사이" in between and "다음: 장내 정리, 좌장 인사말 14:15" in between
    assert timer(desk.state())[:2] == ("1:00", "bold cyan")  # counting down to the next start
    for _ in range(7):  # the panel's three speakers are a press each
        desk.clock.advance(minutes=20)
        desk.press("n")
    desk.press("n")
    after = screen(desk)
    assert "종료" in after and "스페이스·n 다음" in after
    assert [m["segment"] for m in log(desk)][-2:] == ["qa", None]


def test_k_skips_the_next_part_and_every_key_sends_expect_and_id(desk):
    desk.press("s")
    desk.clock.advance(minutes=1)
    desk.press("k")  # the next part (장내 정리, 좌장 인사말) will not take place
    records = log(desk)
    assert [(r["mark"], r["segment"]) for r in records] == [("start", "opening"), ("skip", "moderator-greeting")]
    assert all(len(r["id"]) == 32 for r in records)
    assert "다음: 발제: AI 시대의 정당 혁신" in screen(desk)


def test_a_key_pressed_on_a_state_another_desk_has_moved_is_refused(desk):
    from agenda.day.marks import MarkKind
    from agenda.day.recording import Press, record_mark

    desk.press("s")
    screen(desk)  # the desk shows the opening running
    record_mark(desk.plan, desk.log, Press(MarkKind.NEXT), None, desk.clock)  # another desk pressed "next"
    desk.press("n")
    assert desk.message.startswith("그사이 진행이 바뀌었습니다: 'moderator-greeting'")
    assert [r["mark"] for r in log(desk)] == ["start", "next"]
