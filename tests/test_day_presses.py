"""A press counts once, on `POST /mark` (issue 22): expect, id, a server killed between append and answer."""

import json
import shutil
import signal
import threading
from pathlib import Path

import pytest

from conftest import FIXTURES
from live_server import LiveServer

DAY = FIXTURES / "day"
HERE = Path(__file__).resolve().parent


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    target = tmp_path / "forum.yaml"
    shutil.copy(DAY / "seed-flexible-qa.yaml", target)
    return target


@pytest.fixture
def server(seed: Path, tmp_path: Path):
    live = LiveServer(seed, tmp_path / "marks.jsonl", at="14:00")
    yield live
    assert live.stop() == 0, live.stderr()
    assert "Traceback" not in live.stderr()


def lines(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def together(*presses: tuple[str, dict], server: LiveServer) -> list[int]:
    """The presses sent at once, from threads held at a barrier; their statuses in the order given."""
    barrier = threading.Barrier(len(presses))
    statuses: list[int] = [0] * len(presses)

    def press(k: int) -> None:
        mark, fields = presses[k]
        barrier.wait()
        statuses[k] = server.mark(mark, **fields)[0]

    threads = [threading.Thread(target=press, args=(k,)) for k in range(len(presses))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return statuses


def test_two_desks_pressing_next_with_the_same_expect_move_the_day_once(server):
    assert server.mark("start", expect="none", at="14:00")[0] == 200
    statuses = together(("next", {"expect": "opening", "at": "14:15"}),
                        ("next", {"expect": "opening", "at": "14:15"}), server=server)
    assert sorted(statuses) == [200, 409]
    assert [r["segment"] for r in lines(server.log)] == ["opening", "moderator-greeting"]
    status, body = server.mark("next", expect="opening", at="14:16")
    assert status == 409 and body["now"]["current"]["part"] == "moderator-greeting"  # the state as it is


def test_two_undos_at_once_withdraw_one_mark(server):
    server.mark("start", at="14:00")
    server.mark("next", at="14:15")
    statuses = together(("undo", {"expect": "moderator-greeting"}), ("undo", {"expect": "moderator-greeting"}),
                        server=server)
    assert sorted(statuses) == [200, 409]
    assert server.now()["current"]["part"] == "opening"


def test_the_same_id_twice_is_answered_as_recorded_and_is_one_line(server):
    first = server.mark("start", at="14:00", id="desk-1-press-1")
    again = server.mark("start", at="14:00", id="desk-1-press-1")
    assert first[0] == again[0] == 200 and again[1]["said"] == first[1]["said"]
    assert len(lines(server.log)) == 1 and lines(server.log)[0]["id"] == "desk-1-press-1"


def test_the_token_is_checked_before_the_id(server):
    server.mark("start", at="14:00", id="press-1")
    assert server.mark("start", token="wrong-token-wrong-token", id="press-1")[0] == 403


def test_headings_never_take_a_press_on_the_desk(tmp_path):
    forum = tmp_path / "forum.yaml"
    shutil.copy(DAY / "headings.yaml", forum)
    live = LiveServer(forum, tmp_path / "marks.jsonl", at="14:00")
    try:
        seen = []
        for at in ("14:00", "14:10", "14:40", "14:55", "15:10", "15:25"):
            status, body = live.mark("next" if seen else "start", at=at)
            assert status == 200, body
            seen.append(body["now"]["current"]["part"])
        assert seen == ["opening", "keynote", "panel:1", "panel:2", "panel:3", "qa"]
    finally:
        assert live.stop() == 0, live.stderr()


def test_a_server_killed_between_append_and_answer_takes_the_retry_as_the_same_press(seed, tmp_path):
    log = tmp_path / "marks.jsonl"
    dying = LiveServer(seed, log, at="14:00", launcher=(str(HERE / "kill_after_append.py"),))
    port = dying.port
    with pytest.raises(Exception):  # the connection drops: the desk has no answer
        dying.mark("start", at="14:00", id="press-7", expect="none")
    assert dying.process.wait(timeout=15) == -signal.SIGKILL
    assert len(lines(log)) == 1  # the mark is on disk
    again = LiveServer.on_port(seed, log, port, at="14:00")
    try:
        status, body = again.mark("start", at="14:00", id="press-7", expect="none")
        assert status == 200 and body["now"]["current"]["part"] == "opening"
        assert len(lines(log)) == 1
    finally:
        assert again.stop() == 0, again.stderr()
