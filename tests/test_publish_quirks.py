"""`agenda publish` against Radicale behind a proxy with the quirks of servers in the field (recording_proxy.py).

Weak ETags (which If-Match never matches), a server that ignores If-Match,
and a Nextcloud-style 400 for one PUT whose body names the reason (a UID in
its trash bin). Publish writes the rest, names the refused event with the
server's own message, lists it in the summary and exits 2, and a re-run says
the same without promising that a re-run fixes it. A Korean forum hears all
of it in Korean.
"""

import itertools
import re

import pytest

from calendar_tools import need
from dav_servers import PASSWORD, USER, DavServer
from helpers import ENGLISH, SEED, english_sentences, run

pytestmark = pytest.mark.caldav
SECRET = {"AGENDA_CALDAV_PASSWORD": PASSWORD}
ALL_QUIRKS = {"PROXY_WEAK_ETAGS": "1", "PROXY_IGNORE_IF_MATCH": "1", "PROXY_REFUSE_PUT": "registration"}
REFUSED_UID = "ai-party-2023-2.registration@agenda.forum"
_names = itertools.count()


@pytest.fixture(autouse=True)
def no_proxy_for_the_test_servers(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


def radicale(tmp_path_factory, quirks: dict[str, str]) -> DavServer:
    try:
        __import__("radicale")
    except ImportError:
        need(False, "radicale is not installed (pip install -e '.[test]')")
    return DavServer("radicale", tmp_path_factory.mktemp("quirky"), quirks)


@pytest.fixture(scope="module")
def weak(tmp_path_factory):
    server = radicale(tmp_path_factory, {"PROXY_WEAK_ETAGS": "1"})
    yield server
    server.stop()


@pytest.fixture(scope="module")
def quirky(tmp_path_factory):
    server = radicale(tmp_path_factory, ALL_QUIRKS)
    yield server
    server.stop()


def new_calendar(server: DavServer) -> str:
    path = f"/{USER}/quirks-{next(_names)}/"
    server.make_calendar(path)
    return path


def publish(server, path, file=SEED, *extra, exit_status=0, env=None, home=None):
    environment = {**SECRET, **(env or {})}
    if home is not None:
        environment["HOME"] = str(home)
    return run("publish", file, "--to", server.url + path, "--user", USER, "--segments", *extra,
               exit_status=exit_status, env=environment)


def longer(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    assert "duration: 25m\n    speakers" in text
    path = tmp_path / "longer.yaml"
    path.write_text(text.replace("duration: 25m\n    speakers", "duration: 30m\n    speakers", 1), encoding="utf-8")
    return path


def test_the_proxy_really_makes_if_match_fail_on_a_weak_etag(weak):
    """The control: Radicale compares If-Match strongly, so a plain If-Match on these ETags is refused."""
    path = new_calendar(weak)
    data = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:control\r\n"
            b"DTSTAMP:20231201T000000Z\r\nDTSTART:20231213T050000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    weak.put(path + "control.ics", data)
    status, _, headers = weak.request("GET", path + "control.ics")
    assert status == 200 and headers["ETag"].startswith('W/"')
    status, _, _ = weak.request("PUT", path + "control.ics", data.replace(b"SUMMARY:x", b"SUMMARY:y"),
                                {"Content-Type": "text/calendar", "If-Match": headers["ETag"]})
    assert status == 412


def test_weak_etags_are_written_to_after_a_fresh_read_and_said_once(weak, tmp_path):
    path = new_calendar(weak)
    assert publish(weak, path, home=tmp_path).stdout == "생성 7 · 수정 0 · 변경 없음 0 · 삭제 0\n"
    result = publish(weak, path, longer(tmp_path), home=tmp_path)
    assert result.stdout == "생성 0 · 수정 4 · 변경 없음 3 · 삭제 0\n"
    assert result.stderr.count("약한 ETag") == 1
    assert "412" not in result.stderr
    again = publish(weak, path, longer(tmp_path), home=tmp_path)
    assert again.stdout == "생성 0 · 수정 0 · 변경 없음 7 · 삭제 0\n" and "ETag" not in again.stderr
    english = publish(weak, path, longer(tmp_path), "--lang", "en", home=tmp_path)  # the events' words too
    assert english.stdout == "created 0 · updated 6 · unchanged 1 · deleted 0\n"
    assert english.stderr.count("the server's ETags are weak") == 1


def test_a_permanent_refusal_is_named_the_rest_published_and_a_rerun_says_the_same(quirky, tmp_path):
    path = new_calendar(quirky)
    first = publish(quirky, path, exit_status=2, home=tmp_path)
    assert first.stdout == f"생성 6 · 수정 0 · 변경 없음 0 · 삭제 0 · 거부 1: {REFUSED_UID}\n"
    assert re.search(
        rf"agenda: {re.escape(REFUSED_UID)}: PUT http://127\.0\.0\.1:\d+{path}{re.escape(REFUSED_UID)}\.ics: "
        r"400 Bad Request \(서버의 메시지: “Deleted calendar object with uid already exists in this calendar "
        r"collection\. It is in the trashbin\.”\)\. 이대로는 서버가 이 변경을 다시 거부합니다", first.stderr)
    assert first.stderr.endswith("agenda: 서버가 변경 1건을 거부했습니다(위 참고). 서버에서 고치기 전에는 같은 명령을 "
                                 "다시 실행해도 또 거부됩니다. 나머지 일정은 모두 올렸습니다\n")
    assert "나머지를 마칩니다" not in first.stderr  # no promise that a re-run finishes the job
    assert len(quirky.query(path)) == 6 and REFUSED_UID not in quirky.query(path)

    changed = publish(quirky, path, longer(tmp_path), exit_status=2, home=tmp_path)  # updates through both quirks
    assert changed.stdout == f"생성 0 · 수정 4 · 변경 없음 2 · 삭제 0 · 거부 1: {REFUSED_UID}\n"
    rerun = publish(quirky, path, longer(tmp_path), exit_status=2, home=tmp_path)
    assert rerun.stdout == f"생성 0 · 수정 0 · 변경 없음 6 · 삭제 0 · 거부 1: {REFUSED_UID}\n"
    assert rerun.stderr.splitlines()[-2:] == changed.stderr.splitlines()[-2:]
    assert "나머지를 마칩니다" not in rerun.stderr


def test_the_refusal_is_worded_in_english_for_an_english_forum(quirky, tmp_path):
    path = new_calendar(quirky)
    result = publish(quirky, path, ENGLISH, exit_status=2, home=tmp_path)
    assert result.stdout == ("created 9 · updated 0 · unchanged 0 · deleted 0 · refused 1: "
                             "open-data-symposium-2024.registration@agenda.forum\n")
    assert (": 400 Bad Request: the server says “Deleted calendar object with uid already exists in this calendar "
            "collection. It is in the trashbin.”; the server will refuse this change again as it is") in result.stderr
    assert result.stderr.endswith(
        "agenda: the server refused 1 change (above); running the same command again will meet the same refusal "
        "until it is fixed on the server; every other event was published\n")


def test_a_korean_forums_publish_says_everything_in_korean(quirky, tmp_path):
    path = new_calendar(quirky)
    refused = publish(quirky, path, exit_status=2, home=tmp_path)
    wrong_login = publish(quirky, path, exit_status=2, env={"AGENDA_CALDAV_PASSWORD": "wrong-Passw0rd"},
                          home=tmp_path)
    assert "401 Unauthorized" in wrong_login.stderr and "서버가 로그인을 거부했습니다" in wrong_login.stderr
    from dav_servers import free_port

    unreachable = run("publish", SEED, "--to", f"http://127.0.0.1:{free_port()}/user/x/", exit_status=2,
                      env={"HOME": str(tmp_path), "NO_PROXY": "127.0.0.1"})
    for result in (refused, wrong_login, unreachable):
        said = [line for line in result.stderr.splitlines() if line.startswith("agenda:")]
        assert said and all(re.search("[가-힣]", line) for line in said), said
        assert english_sentences(result.stdout + result.stderr) == []
    assert english_sentences("agenda: cannot reach http://x/ (connection refused); check the URL") != []  # control
