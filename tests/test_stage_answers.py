"""The server's answers for the stage and the desk (issue 24): POST /message, each change once on a stream,
and every refusal in the forum's language."""

import json
import re
import threading
import time

import pytest

from live_server import EventStream, LiveServer, poll

HANGUL = re.compile(r"[가-힣]")


def say(server: LiveServer, body: bytes, token: str | None = None) -> tuple[int, dict]:
    status, _, answer = server.request("POST", "/message", body, {
        "Content-Type": "application/json", "Authorization": f"Bearer {token or server.token}"})
    return status, json.loads(answer)


def korean_sentence(text: str) -> bool:
    """Korean, with no English sentence in it (field names and JSON examples aside)."""
    words = re.sub(r"\{.*?\}|`[^`]*`|'[^']*'|Authorization: Bearer TOKEN|JSON", "", text)
    return bool(HANGUL.search(text)) and not re.search(r"\b(the|a|must|needs?|is|are|send)\b", words)


class Collected:
    """An open stream read in a thread: every event as it arrives, to look at after a quiet while."""

    def __init__(self, port: int) -> None:
        self.stream = EventStream(port)
        self.events: list[tuple[str, str]] = []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        try:
            while True:
                event = self.stream.next_event()  # before `self.events` is looked up: `after` swaps it
                self.events.append(event)
        except (OSError, EOFError, ValueError):
            return

    def after(self, seconds: float) -> list[tuple[str, str]]:
        """The events so far, after `seconds` more (longer than the log's poll: a second copy would be in)."""
        time.sleep(seconds)
        got, self.events = self.events, []
        return got

    def close(self) -> None:
        self.stream.close()


def test_a_message_goes_to_every_stream_as_event_message_and_clear_removes_it(server):
    stream = Collected(server.port)
    try:
        poll(lambda: any(n == "message" for n, _ in stream.events))
        assert [json.loads(d) for n, d in stream.after(0.3) if n == "message"] == [
            {"text": "", "flash": False, "blackout": False}]  # the one in force when the stream opened
        status, answer = say(server, json.dumps({"text": "마무리해 주세요", "flash": True}).encode())
        assert status == 200 and answer["said"] == "무대에 띄웠습니다"
        assert [json.loads(d) for n, d in stream.after(0.5) if n == "message"] == [
            {"text": "마무리해 주세요", "flash": True, "blackout": False}]
        assert say(server, b'{"blackout": true}')[1]["text"] == "마무리해 주세요"  # blackout keeps the text
        assert say(server, b'{"clear": true}')[1] == {"said": "무대에 띄웠습니다", "text": "", "flash": False,
                                                       "blackout": True}
    finally:
        stream.close()


def test_a_message_without_the_token_is_refused_in_korean_and_shows_nothing(server):
    status, answer = say(server, b'{"text": "x"}', token="wrong-token-wrong-token")
    assert status == 403 and korean_sentence(answer["error"]), answer
    stream = Collected(server.port)
    try:
        poll(lambda: any(n == "message" for n, _ in stream.events))
        shown = [json.loads(d) for n, d in stream.after(0.3) if n == "message"]
        assert shown == [{"text": "", "flash": False, "blackout": False}]
    finally:
        stream.close()


@pytest.mark.parametrize("body, reason", [
    (b"nope", "JSON이 아닙니다"), (b"[1]", "JSON 객체"), (b'{"txt": "a"}', "모르는 필드 'txt'"),
    (b'{"text": 3}', "200자 이하의 문자열"), (b'{"blackout": "yes"}', "`blackout`는 true 또는 false"),
    (b'{"flash": true}', "text, clear, blackout 중 하나"),
])
def test_a_bad_message_gets_400_in_the_forums_language(refusing_server, body, reason):
    status, answer = say(refusing_server, body)
    assert status == 400 and reason in answer["error"] and korean_sentence(answer["error"]), answer
    assert not refusing_server.log.exists()


def test_an_impossible_mark_gets_409_in_korean(server):
    status, answer = server.mark("end")  # nothing runs
    assert status == 409 and korean_sentence(answer["error"]), answer


def test_a_mark_without_the_token_gets_403_in_korean(server):
    status, answer = server.mark("next", token="wrong-token-wrong-token")
    assert status == 403 and korean_sentence(answer["error"]), answer


def test_a_posted_mark_reaches_each_stream_once(server):
    """The POST publishes it and the log watcher sees the same change: the page must get it once."""
    streams = [Collected(server.port) for _ in range(3)]
    try:
        for stream in streams:
            poll(lambda stream=stream: any(n == "now" for n, _ in stream.events))
            stream.after(0)
        assert server.mark("start")[0] == 200
        time.sleep(1.0)  # the log is polled every 0.25 s: a second copy would be in by now
        for stream in streams:
            states = [json.loads(d) for n, d in stream.after(0) if n == "now"]
            assert [s["current"]["id"] for s in states] == ["opening"], states
    finally:
        for stream in streams:
            stream.close()


def test_the_desks_expect_and_id_are_taken(server):
    """The desk sends them with every press (issue 22 gives them their meaning on the server)."""
    status, answer = server.mark("next", expect="none", id="press-1")
    assert status == 200, answer
    poll(lambda: server.now()["current"]["id"] == "opening")
