"""`agenda publish` against real Radicale and Xandikos servers, each test on both.

The servers sit behind a recording proxy (tests/recording_proxy.py), so
"wrote nothing" is read off the requests that reached the server, not taken
from the program's word.
"""

import itertools
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import unquote
from unittest import mock

import pytest
import requests

from agenda.loading.analysis import analyze
from agenda.export.ics import event_calendars, forum_uid, segment_uid
from agenda.publish.credentials import Login
from agenda.publish.publisher import publish
from agenda.publish.sync import Kind
from calendar_tools import need
from dav_servers import PASSWORD, USER, WRITES, DavServer
from helpers import ENGLISH, SEED, run

NOW = datetime(2023, 12, 1, tzinfo=timezone.utc)  # DTSTAMP of the events built here; never compared

pytestmark = [pytest.mark.caldav, pytest.mark.xdist_group("caldav-servers")]  # one Radicale, one Xandikos
UTC = timezone.utc
SECRET = {"AGENDA_CALDAV_PASSWORD": PASSWORD}
_names = itertools.count()


@pytest.fixture(autouse=True)
def no_proxy_for_the_test_servers(monkeypatch):
    """requests honours HTTP_PROXY; the servers are on 127.0.0.1 and must be reached directly."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")


@pytest.fixture(scope="module", params=["radicale", "xandikos"])
def server(request, tmp_path_factory):
    try:
        __import__("radicale" if request.param == "radicale" else "xandikos")
    except ImportError:
        need(False, f"{request.param} is not installed (pip install -e '.[test]')")
    dav = DavServer(request.param, tmp_path_factory.mktemp(request.param))
    yield dav
    dav.stop()


@pytest.fixture
def calendar(server):
    """A new, empty calendar collection on the server: its path."""
    path = f"/{USER}/forums-{next(_names)}/"
    server.make_calendar(path)
    return path


def publish_cli(server, path, *files, extra=("--segments",), exit_status=0, env=None, home=None):
    environment = {**SECRET, **(env or {})}
    if home is not None:
        environment["HOME"] = str(home)
    return run("publish", *files, "--to", server.url + path, "--user", USER, *extra,
               exit_status=exit_status, env=environment)


def edited(tmp_path: Path, name: str, *replacements: tuple[str, str], source: Path = SEED) -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def utc_times(file: Path) -> dict[str, tuple[datetime, datetime]]:
    plan = analyze(str(file)).plan
    times = {forum_uid(plan): (plan.window_start, plan.window_end)}
    times |= {segment_uid(plan, seg): (seg.start, seg.end) for seg in plan.segments if seg.start is not None}
    return {uid: (start.astimezone(UTC), end.astimezone(UTC)) for uid, (start, end) in times.items()}


def writes_since(server, mark: int) -> list[str]:
    return [line for line in server.requests_seen()[mark:] if WRITES.match(line)]


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def test_every_event_is_stored_once_and_found_at_its_utc_time(server, calendar, tmp_path):
    result = publish_cli(server, calendar, SEED, home=tmp_path)
    assert result.stdout == "생성 7 · 수정 0 · 변경 없음 0 · 삭제 0\n"
    stored = server.query(calendar)
    expected = utc_times(SEED)
    assert set(stored) == set(expected)
    assert expected[forum_uid(analyze(str(SEED)).plan)][0] == datetime(2023, 12, 13, 5, 0, tzinfo=UTC)
    for uid, (start, end) in expected.items():
        href, stored_calendar = stored[uid]
        assert unquote(href).endswith(f"{calendar}{uid}.ics")
        assert "METHOD" not in stored_calendar
        event = stored_calendar.walk("VEVENT")[0]
        assert str(event["X-AGENDA-FORUM"]) == "ai-party-2023-2"
        assert (event.decoded("DTSTART").astimezone(UTC), event.decoded("DTEND").astimezone(UTC)) == (start, end)
        found = server.query(calendar, (stamp(start), stamp(start + timedelta(minutes=1))))
        assert uid in found


def test_publishing_again_or_raising_revision_alone_writes_nothing(server, calendar, tmp_path):
    publish_cli(server, calendar, SEED, home=tmp_path)
    mark = len(server.requests_seen())
    assert publish_cli(server, calendar, SEED, home=tmp_path).stdout == "생성 0 · 수정 0 · 변경 없음 7 · 삭제 0\n"
    revised = edited(tmp_path, "revised.yaml", ("revision: 1", "revision: 2"))
    assert publish_cli(server, calendar, revised, home=tmp_path).stdout == "생성 0 · 수정 0 · 변경 없음 7 · 삭제 0\n"
    seen = server.requests_seen()[mark:]
    assert [line.split()[0] for line in seen] == ["REPORT", "REPORT"]
    assert writes_since(server, mark) == []


def test_a_republish_with_nothing_changed_tells_it_from_the_digests_without_a_full_comparison(server, calendar):
    """The server re-folds and reorders (Radicale does); each stored text still hashes to its X-AGENDA-DIGEST."""
    plan = analyze(str(SEED)).plan
    login = Login(USER, PASSWORD)
    publish([plan], server.url + calendar, login, segments=True)
    [(_, stored)] = [server.query(calendar)[forum_uid(plan)]]
    assert len(str(stored.walk("VEVENT")[0]["X-AGENDA-DIGEST"])) == 32
    from agenda.publish import sync

    with mock.patch.object(sync, "fingerprint", wraps=sync.fingerprint) as compared:
        outcome = publish([plan], server.url + calendar, login, segments=True)
    assert dict(outcome.counts) == {Kind.UNCHANGED: 7}
    assert compared.call_count == 0


def test_an_edit_another_program_made_to_a_stored_event_shows_despite_its_digest(server, calendar, tmp_path):
    publish_cli(server, calendar, SEED, home=tmp_path)
    uid = segment_uid(analyze(str(SEED)).plan, analyze(str(SEED)).plan.segments[2])
    href, _ = server.query(calendar)[uid]
    status, text, _ = server.request("GET", unquote(href))
    assert status == 200 and b"X-AGENDA-DIGEST:" in text
    unfolded = text.replace(b"\r\n ", b"")
    assert b"\r\nSUMMARY:" in unfolded
    server.put(unquote(href), unfolded.replace(b"\r\nSUMMARY:", b"\r\nSUMMARY:Moved! ", 1))  # the digest line kept
    result = publish_cli(server, calendar, SEED, home=tmp_path)
    assert result.stdout == "생성 0 · 수정 1 · 변경 없음 6 · 삭제 0\n"
    summary = str(server.query(calendar)[uid][1].walk("VEVENT")[0]["SUMMARY"])
    assert not summary.startswith("Moved!")


def test_a_changed_duration_updates_only_the_changed_events_in_place(server, calendar, tmp_path):
    publish_cli(server, calendar, SEED, home=tmp_path)
    before = server.query(calendar)
    longer = edited(tmp_path, "longer.yaml", ("duration: 25m\n    speakers", "duration: 30m\n    speakers"),
                    ("revision: 1", "revision: 2"))
    mark = len(server.requests_seen())
    assert publish_cli(server, calendar, longer, home=tmp_path).stdout == "생성 0 · 수정 4 · 변경 없음 3 · 삭제 0\n"
    after = server.query(calendar)
    assert {uid: href for uid, (href, _) in after.items()} == {uid: href for uid, (href, _) in before.items()}
    plan = analyze(str(longer)).plan
    moved = {"presentation", "panel", "qa"}
    changed = {forum_uid(plan)} | {segment_uid(plan, s) for s in plan.segments if s.id in moved}
    for uid, (href, stored) in after.items():
        sequence = int(stored.walk("VEVENT")[0]["SEQUENCE"])
        assert sequence == (2 if uid in changed else 1), uid
    assert sorted(line.split()[1] for line in writes_since(server, mark)) == sorted(
        after[uid][0] for uid in changed)
    assert all(line.startswith("PUT ") for line in writes_since(server, mark))
    for uid, (start, end) in utc_times(longer).items():
        event = after[uid][1].walk("VEVENT")[0]
        assert (event.decoded("DTSTART").astimezone(UTC), event.decoded("DTEND").astimezone(UTC)) == (start, end)


UNRELATED = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone else//EN\r\nBEGIN:VEVENT\r\n"
             b"UID:dentist@example.org\r\nDTSTAMP:20231201T000000Z\r\nDTSTART:20231213T050000Z\r\n"
             b"DTEND:20231213T060000Z\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def test_a_dropped_segment_is_deleted_and_an_unrelated_event_is_left_alone(server, calendar, tmp_path):
    server.put(calendar + "dentist.ics", UNRELATED)
    publish_cli(server, calendar, SEED, home=tmp_path)
    unrelated_before = server.request("GET", calendar + "dentist.ics")
    dropped = edited(tmp_path, "dropped.yaml", (
        "  - kind: remarks\n    id: moderator-greeting\n    title: 장내 정리, 좌장 인사말\n"
        "    duration: 5m\n    moderator: koo-bonkwon\n", ""))
    assert publish_cli(server, calendar, dropped, home=tmp_path).stdout == "생성 0 · 수정 4 · 변경 없음 2 · 삭제 1\n"
    stored = server.query(calendar)
    assert "ai-party-2023-2.moderator-greeting@agenda.forum" not in stored
    assert set(stored) == set(utc_times(dropped)) | {"dentist@example.org"}
    unrelated_after = server.request("GET", calendar + "dentist.ics")
    assert unrelated_after[:2] == unrelated_before[:2]
    assert unrelated_after[2]["ETag"] == unrelated_before[2]["ETag"]


def test_an_event_of_ours_stored_under_another_name_is_updated_there(server, calendar, tmp_path):
    older = edited(tmp_path, "older.yaml", ("title: \"발제: AI 시대의 정당 혁신\"", "title: 발제"))
    plan = analyze(str(older)).plan
    uid = segment_uid(plan, next(s for s in plan.segments if s.id == "presentation"))
    single = next(c for c in event_calendars([plan], NOW, segments=True) if str(c.walk("VEVENT")[0]["UID"]) == uid)
    server.put(calendar + "imported-by-hand.ics", single.to_ical())
    assert publish_cli(server, calendar, SEED, home=tmp_path).stdout == "생성 6 · 수정 1 · 변경 없음 0 · 삭제 0\n"
    stored = server.query(calendar)
    href, event_calendar = stored[uid]
    assert href.endswith(calendar + "imported-by-hand.ics")
    assert str(event_calendar.walk("VEVENT")[0]["SUMMARY"]).startswith("발제: AI 시대의 정당 혁신")
    assert len(stored) == 7


def test_a_planned_uid_held_by_another_forums_event_stops_the_run_before_any_write(server, calendar, tmp_path):
    plan = analyze(str(SEED)).plan
    theirs = next(iter(event_calendars([plan], NOW))).to_ical().replace(
        b"X-AGENDA-FORUM:ai-party-2023-2", b"X-AGENDA-FORUM:someone-else")
    server.put(calendar + "theirs.ics", theirs)
    mark = len(server.requests_seen())
    result = publish_cli(server, calendar, SEED, exit_status=2, home=tmp_path)
    assert f"agenda: ai-party-2023-2@agenda.forum: {server.url}{calendar}의 " in result.stderr
    assert "에 이미 있습니다(넣은 쪽: 포럼 'someone-else'). 건드리지 않았습니다. 그곳에서 지우거나, 이 포럼이나 " \
           "세그먼트에 다른 id를 주세요" in result.stderr
    english = publish_cli(server, calendar, SEED, extra=("--lang", "en"), exit_status=2, home=tmp_path)
    assert f"ai-party-2023-2@agenda.forum is already in {server.url}{calendar} at " in english.stderr
    assert "put there by forum 'someone-else'; it is left alone: delete it there, or give this forum or " \
           "segment another id" in english.stderr
    assert writes_since(server, mark) == []
    [(href, stored)] = server.query(calendar).values()
    assert href.endswith("/theirs.ics")
    assert str(stored.walk("VEVENT")[0]["X-AGENDA-FORUM"]) == "someone-else"


def test_an_event_changed_between_read_and_write_is_reread_and_written_once_more(server, calendar, tmp_path):
    publish_cli(server, calendar, SEED, home=tmp_path)
    longer = edited(tmp_path, "longer.yaml", ("duration: 25m\n    speakers", "duration: 30m\n    speakers"))
    meddled = []

    def change_behind_our_back(action):
        if action.kind is Kind.UPDATE and not meddled:
            status, data, _ = server.request("GET", action.href)
            changed = data.replace(b"SEQUENCE:1", b"SEQUENCE:5").replace(b"STATUS:CONFIRMED", b"STATUS:TENTATIVE")
            server.put(action.href, changed)
            meddled.append(action.href)

    plans = [analyze(str(longer)).plan]
    mark = len(server.requests_seen())
    outcome = publish(plans, server.url + calendar, Login(USER, PASSWORD), segments=True,
                      before_write=change_behind_our_back)
    assert dict(outcome.counts) == {Kind.UPDATE: 4, Kind.UNCHANGED: 3}
    [href] = meddled
    lines = server.requests_seen()[mark:]
    puts = [i for i, line in enumerate(lines) if line == f"PUT {href}"]
    # the meddling PUT, ours (refused with 412), then the fresh GET and our second PUT
    assert len(puts) == 3 and lines[puts[2] - 1] == f"GET {href}"
    stored = {h.split("/")[-1]: c for h, c in server.query(calendar).values()}
    event = stored[href.split("/")[-1]].walk("VEVENT")[0]
    assert str(event["STATUS"]) == "CONFIRMED"
    assert int(event["SEQUENCE"]) == 6
    assert publish_cli(server, calendar, longer, home=tmp_path).stdout == "생성 0 · 수정 0 · 변경 없음 7 · 삭제 0\n"


def test_an_event_changed_before_its_delete_is_reread_and_still_deleted(server, calendar, tmp_path):
    publish_cli(server, calendar, SEED, home=tmp_path)
    meddled = []

    def change_behind_our_back(action):
        if action.kind is Kind.DELETE:
            status, data, _ = server.request("GET", action.href)
            server.put(action.href, data.replace(b"STATUS:CONFIRMED", b"STATUS:TENTATIVE"))
            meddled.append(action.href)

    mark = len(server.requests_seen())
    outcome = publish([analyze(str(SEED)).plan], server.url + calendar, Login(USER, PASSWORD), segments=False,
                      before_write=change_behind_our_back)
    assert dict(outcome.counts) == {Kind.UNCHANGED: 1, Kind.DELETE: 6}
    assert len(meddled) == 6
    deletes = [line for line in server.requests_seen()[mark:] if line.startswith("DELETE ")]
    assert len(deletes) == 12  # each refused once with 412, then sent again after a fresh GET
    assert set(server.query(calendar)) == {forum_uid(analyze(str(SEED)).plan)}


def test_an_event_created_meanwhile_by_another_run_is_found_and_not_written_twice(server, calendar, tmp_path):
    raced = []

    def another_run_creates_it_first(action):
        if action.kind is Kind.CREATE and not raced:
            server.put(unquote(action.href), action.body)
            raced.append(action.uid)

    mark = len(server.requests_seen())
    outcome = publish([analyze(str(SEED)).plan], server.url + calendar, Login(USER, PASSWORD), segments=True,
                      before_write=another_run_creates_it_first)
    assert dict(outcome.counts) == {Kind.CREATE: 6, Kind.UNCHANGED: 1}
    methods = [line.split()[0] for line in server.requests_seen()[mark:]]
    assert methods[:4] == ["REPORT", "PUT", "PUT", "GET"]  # theirs, ours refused with 412, the fresh read
    assert set(server.query(calendar)) == set(utc_times(SEED))


def test_a_wrong_password_exits_2_and_prints_no_password(server, calendar, tmp_path):
    wrong = "not-the-Passw0rd-42"
    result = publish_cli(server, calendar, SEED, exit_status=2, env={"AGENDA_CALDAV_PASSWORD": wrong}, home=tmp_path)
    assert "401" in result.stderr and "AGENDA_CALDAV_PASSWORD" in result.stderr
    assert "캘린더에는 아무것도 바뀌지 않았습니다" in result.stderr  # the seed is a Korean file
    for secret in (wrong, PASSWORD):
        assert secret not in result.stdout + result.stderr
    assert server.query(calendar) == {}


def test_changes_refused_on_a_read_only_calendar_are_each_named_and_listed_and_exit_2(server, tmp_path):
    path = f"/{USER}/read-only-{next(_names)}/"
    server.make_calendar(path)
    result = publish_cli(server, path, SEED, exit_status=2, home=tmp_path)
    uids = list(utc_times(SEED))
    assert result.stdout == f"생성 0 · 수정 0 · 변경 없음 0 · 삭제 0 · 거부 7: {', '.join(uids)}\n"
    assert re.search(r"agenda: ai-party-2023-2@agenda\.forum: PUT http://127\.0\.0\.1:\d+/user/read-only-\d+/"
                     r"ai-party-2023-2@agenda\.forum\.ics: 403 Forbidden\. 이 사용자는 여기에서 그 일을 할 수 없습니다\. "
                     r"캘린더에 대한 사용자의 권한이나 URL을 확인하세요\n", result.stderr)
    assert result.stderr.count(": 403 Forbidden. ") == 7  # every event was still tried
    assert result.stderr.endswith("agenda: 서버가 변경 7건을 거부했습니다(위 참고). 서버에서 고치기 전에는 같은 명령을 "
                                  "다시 실행해도 또 거부됩니다. 나머지 일정은 모두 올렸습니다\n")
    english = publish_cli(server, path, SEED, extra=("--segments", "--lang", "en"), exit_status=2, home=tmp_path)
    assert ".ics: 403 Forbidden; this login may not do that here; check the user's rights" in english.stderr


def test_the_password_can_come_from_netrc(server, calendar, tmp_path):
    netrc = tmp_path / ".netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n", encoding="utf-8")
    netrc.chmod(0o600)
    result = run("publish", SEED, "--to", server.url + calendar, env={"HOME": str(tmp_path),
                                                                        "AGENDA_CALDAV_PASSWORD": ""})
    assert result.stdout == "생성 1 · 수정 0 · 변경 없음 0 · 삭제 0\n"
    assert PASSWORD not in result.stdout + result.stderr


def test_dry_run_says_what_would_change_and_writes_nothing(server, calendar, tmp_path):
    publish_cli(server, calendar, SEED, home=tmp_path)
    before = server.query(calendar)
    longer = edited(tmp_path, "longer.yaml", ("duration: 25m\n    speakers", "duration: 30m\n    speakers"))
    mark = len(server.requests_seen())
    result = publish_cli(server, calendar, longer, extra=("--segments", "--dry-run"), home=tmp_path)
    assert result.stdout == "생성 0 · 수정 4 · 변경 없음 3 · 삭제 0\n"
    assert result.stderr.endswith("--dry-run: 아무것도 쓰지 않았습니다\n")
    assert writes_since(server, mark) == []
    after = server.query(calendar)
    assert {u: c.to_ical() for u, (_, c) in after.items()} == {u: c.to_ical() for u, (_, c) in before.items()}


def test_publishing_one_forum_of_a_series_leaves_the_others_events_alone(server, calendar, tmp_path):
    english = publish_cli(server, calendar, ENGLISH, home=tmp_path)
    assert english.stdout == "created 10 · updated 0 · unchanged 0 · deleted 0\n"
    theirs = {u: c.to_ical() for u, (_, c) in server.query(calendar).items()}
    publish_cli(server, calendar, SEED, home=tmp_path)
    fewer = edited(tmp_path, "dropped.yaml", (
        "  - kind: remarks\n    id: moderator-greeting\n    title: 장내 정리, 좌장 인사말\n"
        "    duration: 5m\n    moderator: koo-bonkwon\n", ""))
    assert publish_cli(server, calendar, fewer, extra=(), home=tmp_path).stdout == \
        "생성 0 · 수정 1 · 변경 없음 0 · 삭제 6\n"
    stored = {u: c.to_ical() for u, (_, c) in server.query(calendar).items()}
    assert {u: stored[u] for u in theirs} == theirs
    assert set(stored) == set(theirs) | {forum_uid(analyze(str(fewer)).plan)}


def test_a_run_cut_off_halfway_says_what_was_done_and_the_next_run_finishes(server, calendar, tmp_path):
    real = requests.Session.request
    puts = []

    def network_drops_after_three_puts(session, method, url, **kwargs):
        if method == "PUT":
            puts.append(url)
            if len(puts) > 3:
                raise requests.ConnectionError("connection reset")
        return real(session, method, url, **kwargs)

    with mock.patch.object(requests.Session, "request", network_drops_after_three_puts):
        result = publish_cli(server, calendar, SEED, exit_status=2, home=tmp_path)
    assert re.search(r"agenda: http://127\.0\.0\.1:\d+/user/forums-\d+/[^ ]+\.ics에 연결할 수 없습니다\(연결이 끊김\)\. ",
                     result.stderr)
    assert re.search(r"멈추기 전에 이미 한 일: 생성 3 · 수정 0 · 변경 없음 0 · 삭제 0\. 같은 명령을 다시 실행하면",
                     result.stderr)
    assert len(server.query(calendar)) == 3
    assert publish_cli(server, calendar, SEED, home=tmp_path).stdout == "생성 4 · 수정 0 · 변경 없음 3 · 삭제 0\n"
    assert set(server.query(calendar)) == set(utc_times(SEED))
