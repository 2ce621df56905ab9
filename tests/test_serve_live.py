"""The live hub in-process: streams get the state at each change and between changes, and end on close."""

import asyncio
import json
from datetime import datetime
from pathlib import Path

import pytest

from agenda.loading.analysis import analyze
from agenda.day.clocks import rehearsal_clock
from agenda.serve.live import LiveDay, sse
from helpers import SEED


def live_day(tmp_path: Path, keepalive: float) -> LiveDay:
    plan = analyze(str(SEED)).plan
    assert plan is not None
    start = datetime.fromisoformat("2023-12-13T14:03:00+09:00")
    return LiveDay(plan, tmp_path / "marks.jsonl", rehearsal_clock(start), "ko", lambda _: None, keepalive)


@pytest.mark.waits
def test_a_quiet_log_still_sends_the_state_every_keepalive(tmp_path):
    live = live_day(tmp_path, keepalive=0.3)

    async def scenario() -> list[str | None]:
        queue = live.subscribe()
        watcher = asyncio.create_task(live.watch())
        received = [await asyncio.wait_for(queue.get(), 5) for _ in range(2)]
        live.close()
        received.append(await asyncio.wait_for(queue.get(), 5))
        await asyncio.wait_for(watcher, 5)
        return received

    first, second, last = asyncio.run(scenario())
    assert first is not None and first.startswith("event: now\ndata: {")
    assert "event: line\ndata: " in first and second is not None
    assert last is None  # the end of the stream


def test_a_lagging_stream_keeps_only_the_newest_states(tmp_path):
    live = live_day(tmp_path, keepalive=60)

    async def scenario() -> list[str | None]:
        queue = live.subscribe()
        for n in range(10):
            live.publish(f"state {n}")
        return [queue.get_nowait() for _ in range(queue.qsize())]

    assert asyncio.run(scenario()) == ["state 6", "state 7", "state 8", "state 9"]


def test_an_event_of_several_lines_keeps_them_all():
    assert sse("now", "{\n  \"a\": 1\n}") == 'event: now\ndata: {\ndata:   "a": 1\ndata: }\n\n'


@pytest.mark.waits
def test_the_watcher_says_once_that_the_log_is_unreadable_even_with_no_page_open_and_goes_on(tmp_path):
    said: list[str] = []
    live = live_day(tmp_path, keepalive=60)
    live.warn = said.append
    live.report = lambda kind, text: said.append(text)

    async def scenario() -> None:
        watcher = asyncio.create_task(live.watch())
        await asyncio.sleep(0.5)  # the watcher has looked at the log as it was
        live.log.mkdir()  # the log replaced by a folder
        for _ in range(200):
            await asyncio.sleep(0.05)
            if said:
                break
        await asyncio.sleep(1)  # polled four more times while failing: still said once
        live.log.rmdir()
        live.log.write_text("")
        for _ in range(200):
            await asyncio.sleep(0.05)
            if len(said) == 2:
                break
        assert not watcher.done()
        live.close()
        await asyncio.wait_for(watcher, 5)

    asyncio.run(scenario())
    assert said == [f"{live.log}: 기록 파일 자리에 폴더가 있습니다. --log로 파일을 주거나, --log를 빼서 "
                    f"FILE 옆의 .actuals.jsonl을 쓰세요. 페이지는 마지막 상태를 그대로 보여 주고, "
                    "서버는 기록 파일을 계속 지켜봅니다",
                    "기록 파일을 다시 읽을 수 있습니다. 열린 페이지에 최신 상태를 보냅니다"]


def test_a_full_file_table_still_gets_the_day_at_the_next_second_while_the_log_is_unchanged(tmp_path, monkeypatch):
    """A flood of connections can fill the file table just as the second turns; the log (unchanged) is not
    read again for it, so the streams get the day at the new second rather than 503 (a flake of the
    flood test showed every one of 3,500 streams refused). A log that did change still has to be read."""
    import errno

    import agenda.day.marks_log as marks_log
    from helpers import run

    plan = analyze(str(SEED)).plan
    assert plan is not None
    log = tmp_path / "marks.jsonl"
    run("mark", SEED, "start", "--log", log, "--at", "2023-12-13T14:01:00+09:00")
    now = [datetime.fromisoformat("2023-12-13T14:03:00+09:00")]
    live = LiveDay(plan, log, lambda: now[0], "ko", lambda _: None, 60)
    assert live.state()[0].current is not None

    def full(*args, **kwargs):
        raise OSError(errno.EMFILE, "Too many open files")

    monkeypatch.setattr(marks_log, "_open_log", full)
    now[0] = datetime.fromisoformat("2023-12-13T14:04:00+09:00")
    state, text = live.state()
    assert state.at == now[0] and state.current is not None and json.loads(text)["at"].startswith("2023-12-13T14:04")
    with log.open("a", encoding="utf-8") as appended:
        appended.write('{"at": "2023-12-13T14:04:30+09:00", "mark": "next"}\n')
    with pytest.raises(OSError):  # the server answers 503 for it (app.py), and the next second tries again
        live.state()
