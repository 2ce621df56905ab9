"""The pure parts of `agenda publish`: the sync decision, the login and the summary words."""

import re

import pytest
from icalendar import Calendar

from agenda.loading.analysis import analyze
from agenda.core.errors import UsageError
from agenda.export.ics import event_calendars
from agenda.publish.caldav_client import Failure
from agenda.publish.credentials import login_for
from agenda.publish.sync import (Action, Conflict, Kind, decide, fingerprint, new_href, planned_event, read_stored,
                                 with_sequence)
from agenda.publish.words import summary_line
from dav_servers import free_port
from helpers import BROKEN, ENGLISH, SEED, english_sentences, run

from datetime import datetime, timezone

NOW = datetime(2023, 12, 1, tzinfo=timezone.utc)  # DTSTAMP of the events built here; never compared

COLLECTION = "/user/forums/"


def seed_events() -> list:
    plan = analyze(str(SEED)).plan
    return [planned_event(calendar) for calendar in event_calendars([plan], NOW, segments=True)]


def stored_copy(event, href=None, etag='"e1"', edit=lambda data: data):
    return read_stored(href or f"{COLLECTION}{event.uid}.ics", etag, edit(event.data))


def test_an_empty_collection_gets_every_event_created_at_its_safe_name():
    planned = seed_events()
    decision = decide([], planned, {"ai-party-2023-2"}, COLLECTION)
    assert [(a.kind, a.href) for a in decision.actions] == [
        (Kind.CREATE, f"{COLLECTION}{e.uid}.ics") for e in planned]
    assert all(a.body == e.data for a, e in zip(decision.actions, planned))
    assert decision.conflicts == []


def test_stamps_and_sequence_alone_are_no_change_and_reserialising_is_none_either():
    planned = seed_events()
    restamped = [stored_copy(e, edit=lambda d: d.replace(b"DTSTAMP:", b"DTSTAMP:1999").replace(
        b"SEQUENCE:1", b"SEQUENCE:9")) for e in planned]
    reordered = [read_stored(s.href, s.etag, Calendar.from_ical(e.data).to_ical().replace(b"\r\n ", b""))
                 for s, e in zip(restamped, planned)]
    for stored in (restamped, reordered):
        decision = decide(stored, planned, {"ai-party-2023-2"}, COLLECTION)
        assert {a.kind for a in decision.actions} == {Kind.UNCHANGED}


def test_a_changed_event_is_updated_at_its_own_address_with_its_etag_and_a_higher_sequence():
    planned = seed_events()
    stored = [stored_copy(e, href=f"{COLLECTION}elsewhere-{i}.ics", etag=f'"{i}"') for i, e in enumerate(planned)]
    stored[2] = stored_copy(planned[2], href=f"{COLLECTION}elsewhere-2.ics", etag='"2"',
                            edit=lambda d: d.replace(b"SEQUENCE:1", b"SEQUENCE:7").replace(b"T14", b"T15"))
    decision = decide(stored, planned, {"ai-party-2023-2"}, COLLECTION)
    [update] = [a for a in decision.actions if a.kind is Kind.UPDATE]
    assert (update.uid, update.href, update.etag) == (planned[2].uid, f"{COLLECTION}elsewhere-2.ics", '"2"')
    written = Calendar.from_ical(update.body).walk("VEVENT")[0]
    assert int(written["SEQUENCE"]) == 8
    assert fingerprint(Calendar.from_ical(update.body)) == planned[2].fingerprint


def test_only_this_forums_dropped_events_are_deleted():
    planned = seed_events()
    gone = stored_copy(planned[-1])
    other_forum = read_stored(f"{COLLECTION}other.ics", '"o"', planned[-2].data.replace(
        b"X-AGENDA-FORUM:ai-party-2023-2", b"X-AGENDA-FORUM:ai-party-2023").replace(
        b"UID:ai-party-2023-2.", b"UID:ai-party-2023.x."))
    no_owner = read_stored(f"{COLLECTION}dentist.ics", '"d"', planned[0].data.replace(
        b"X-AGENDA-FORUM:ai-party-2023-2\r\n", b"").replace(b"UID:ai-party-2023-2@", b"UID:dentist@"))
    decision = decide([gone, other_forum, no_owner], planned[:-1], {"ai-party-2023-2"}, COLLECTION)
    assert [a for a in decision.actions if a.kind is Kind.DELETE] == [
        Action(Kind.DELETE, gone.uid, gone.href, '"e1"')]
    assert not any(a.href in (other_forum.href, no_owner.href) for a in decision.actions)


def test_a_planned_uid_held_by_something_else_is_a_conflict_and_left_alone():
    planned = seed_events()
    foreign = read_stored(f"{COLLECTION}x.ics", '"x"', planned[0].data.replace(
        b"X-AGENDA-FORUM:ai-party-2023-2", b"X-AGENDA-FORUM:ai-party"))
    decision = decide([foreign], planned, {"ai-party-2023-2"}, COLLECTION)
    assert decision.conflicts == [Conflict(planned[0].uid, f"{COLLECTION}x.ics", "ai-party")]
    assert planned[0].uid not in {a.uid for a in decision.actions}


def test_two_stored_copies_of_one_event_become_one():
    planned = seed_events()
    copies = [stored_copy(planned[0], href=f"{COLLECTION}a.ics"), stored_copy(planned[0], href=f"{COLLECTION}b.ics")]
    decision = decide(copies, planned[:1], {"ai-party-2023-2"}, COLLECTION)
    assert [(a.kind, a.href) for a in decision.actions] == [
        (Kind.UNCHANGED, f"{COLLECTION}a.ics"), (Kind.DELETE, f"{COLLECTION}b.ics")]


def test_new_names_are_safe_and_never_an_address_already_taken():
    assert new_href(COLLECTION, "a.b@agenda.forum", set()) == f"{COLLECTION}a.b@agenda.forum.ics"
    odd = new_href(COLLECTION, "a b/c", set())
    assert odd.startswith(COLLECTION) and "/" not in odd[len(COLLECTION):] and " " not in odd
    taken = new_href(COLLECTION, "a", {f"{COLLECTION}a.ics"})
    assert taken != f"{COLLECTION}a.ics" and taken.endswith(".ics")


def test_unreadable_or_eventless_objects_are_never_ours():
    assert read_stored("/x.ics", None, b"not a calendar") is None
    task = b"BEGIN:VCALENDAR\r\nBEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    assert read_stored("/x.ics", None, task) is None


def test_with_sequence_changes_nothing_else():
    event = seed_events()[0]
    assert fingerprint(Calendar.from_ical(with_sequence(event.data, 5))) == event.fingerprint
    assert b"SEQUENCE:5" in with_sequence(event.data, 5)


def test_stored_objects_carry_no_method_and_one_event_with_its_zone():
    for event in seed_events():
        calendar = Calendar.from_ical(event.data)
        assert "METHOD" not in calendar
        assert len(calendar.walk("VEVENT")) == 1
        assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Asia/Seoul"]


def test_summary_words_in_both_languages():
    counts = {Kind.CREATE: 1, Kind.UPDATE: 2, Kind.DELETE: 4}
    assert summary_line(counts, "ko") == "생성 1 · 수정 2 · 변경 없음 0 · 삭제 4"
    assert summary_line(counts, "en") == "created 1 · updated 2 · unchanged 0 · deleted 4"


def test_login_from_environment_netrc_and_never_from_the_url(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("AGENDA_CALDAV_PASSWORD", raising=False)
    assert login_for("https://cal.example.org/dav/", None).password is None
    (tmp_path / ".netrc").write_text("machine cal.example.org login ann password from-netrc\n")
    (tmp_path / ".netrc").chmod(0o600)
    login = login_for("https://cal.example.org/dav/", None)
    assert (login.user, login.password) == ("ann", "from-netrc")
    assert "from-netrc" not in repr(login)
    monkeypatch.setenv("AGENDA_CALDAV_PASSWORD", "from-env")
    assert login_for("https://cal.example.org/dav/", "bob") == type(login)("bob", "from-env")
    with pytest.raises(UsageError) as refused:
        login_for("https://ann:in-the-url@cal.example.org/dav/", None)
    assert "in-the-url" not in str(refused.value)


def test_a_file_with_errors_is_not_published(tmp_path):
    result = run("publish", BROKEN, "--to", f"http://127.0.0.1:{free_port()}/user/forums/", exit_status=1,
                 env={"HOME": str(tmp_path)})
    assert result.stderr.endswith("nothing published: fix the errors above\n")


def test_a_password_in_the_url_is_refused_and_not_repeated(tmp_path):
    result = run("publish", SEED, "--to", "http://user:hunter2-secret@127.0.0.1:1/user/forums/", exit_status=2,
                 env={"HOME": str(tmp_path)})
    assert "do not put the password in the URL" in result.stderr
    assert "hunter2-secret" not in result.stdout + result.stderr


def test_a_server_that_cannot_be_reached_exits_2_and_says_so_in_the_forums_language(tmp_path):
    port = free_port()
    korean = run("publish", SEED, "--to", f"http://127.0.0.1:{port}/user/forums/", exit_status=2,
                 env={"HOME": str(tmp_path), "NO_PROXY": "127.0.0.1"})
    assert korean.stderr.endswith(
        f"agenda: http://127.0.0.1:{port}/user/forums/에 연결할 수 없습니다(연결 거부). URL이 맞는지, 서버가 실행 중인지 "
        "확인하세요\nagenda: 캘린더에는 아무것도 바뀌지 않았습니다\n")  # the seed is a Korean file
    english = run("publish", ENGLISH, "--to", f"http://127.0.0.1:{port}/user/forums/", exit_status=2,
                  env={"HOME": str(tmp_path), "NO_PROXY": "127.0.0.1"})
    assert english.stderr.endswith(
        f"agenda: cannot reach http://127.0.0.1:{port}/user/forums/ (connection refused); check the URL and that the "
        "server is running\nagenda: nothing was changed in the calendar\n")
    asked = run("publish", ENGLISH, "--to", f"http://127.0.0.1:{port}/user/forums/", "--lang", "ko", exit_status=2,
                env={"HOME": str(tmp_path), "NO_PROXY": "127.0.0.1"})
    assert asked.stderr.endswith("(연결 거부). URL이 맞는지, 서버가 실행 중인지 확인하세요\n"
                                 "agenda: 캘린더에는 아무것도 바뀌지 않았습니다\n")


def test_an_answer_of_exactly_the_cap_is_read_and_one_byte_more_is_refused():
    from agenda.publish.multistatus import AnswerTooLarge, capped

    assert b"".join(capped([b"ab", b"cd"], None, limit=4)) == b"abcd"
    with pytest.raises(AnswerTooLarge):
        b"".join(capped([b"ab", b"cd", b"e"], None, limit=4))
    with pytest.raises(AnswerTooLarge):  # refused on its word, before a byte is read
        next(capped(iter(()), "5", limit=4))
    assert b"".join(capped([b"abcd"], "4", limit=4)) == b"abcd"


def test_the_digest_survives_refolding_and_reordering_but_not_an_edit():
    from agenda.publish.digest import verified

    event = seed_events()[1]
    text = event.data.decode("utf-8").replace("\r\n ", "")
    head, body = text.split("BEGIN:VEVENT\r\n")
    lines, tail = body.split("END:VEVENT\r\n")
    resorted = head + "BEGIN:VEVENT\r\n" + "\r\n".join(sorted(lines.splitlines())) + "\r\nEND:VEVENT\r\n" + tail
    restamped = resorted.replace("DTSTAMP:", "DTSTAMP:1999", 1).replace("SEQUENCE:", "SEQUENCE:9", 1)
    found = verified(restamped.encode("utf-8"))
    assert found is not None and (found.uid, found.owner, found.digest) == (event.uid, "ai-party-2023-2", event.digest)
    assert verified(restamped.replace("SUMMARY:", "SUMMARY:x", 1).encode("utf-8")) is None
    assert verified(restamped.replace("STATUS:CONFIRMED", "STATUS:CANCELLED").encode("utf-8")) is None
    doubled = restamped.replace("END:VEVENT", f"X-AGENDA-DIGEST:{event.digest}\r\nEND:VEVENT", 1)
    assert verified(doubled.encode("utf-8")) is None


def test_an_event_without_a_digest_is_compared_in_full_and_found_unchanged():
    planned = seed_events()
    old = [stored_copy(e, edit=lambda d: b"".join(line for line in d.splitlines(keepends=True)
                                                  if not line.startswith(b"X-AGENDA-DIGEST"))) for e in planned]
    assert all(s.digest is None for s in old)
    decision = decide(old, planned, {"ai-party-2023-2"}, COLLECTION)
    assert {a.kind for a in decision.actions} == {Kind.UNCHANGED}


def test_event_resources_are_the_bytes_of_event_calendars():
    from datetime import timedelta

    from agenda.export.ics import event_resources

    for file in (SEED, ENGLISH):
        plan = analyze(str(file)).plan
        for alarm in (None, timedelta(days=1)):
            expected = [c.to_ical() for c in event_calendars([plan], NOW, True, alarm)]
            assert [data for _, data in event_resources([plan], NOW, True, alarm)] == expected


def test_publish_alarm_adds_the_reminder_export_adds(tmp_path):
    from agenda.export.ics import calendar
    from agenda.publish.publisher import planned_events
    from datetime import timedelta

    plan = analyze(str(SEED)).plan
    [forum] = [e for e in planned_events([plan], segments=False, alarm=timedelta(hours=2))]
    exported = calendar([plan], NOW, alarm=timedelta(hours=2)).walk("VALARM")
    [alarm] = Calendar.from_ical(forum.data).walk("VALARM")
    assert len(exported) == 1 and alarm["TRIGGER"].to_ical() == exported[0]["TRIGGER"].to_ical() == b"-PT2H"
    assert Calendar.from_ical(planned_events([plan], segments=False)[0].data).walk("VALARM") == []
    refused = run("publish", SEED, "--to", "http://127.0.0.1:1/x/", "--alarm", "soon", exit_status=2,
                  env={"HOME": str(tmp_path)})
    assert "--alarm" in refused.stderr and "Traceback" not in refused.stderr


@pytest.mark.parametrize("failure", list(Failure))
def test_every_failure_is_worded_in_both_languages_and_korean_has_no_english_sentence(failure):
    from agenda.publish.caldav_client import DavError, Network
    from agenda.publish.words import words_for

    error = DavError(failure, method="PUT", url="https://dav.example/cal/", status=400,
                     status_line="400 Bad Request", server_message="It is in the trashbin.", network=Network.RESET,
                     target="https://dav.example/other/", limit=64 * 1024 * 1024, href="/cal/x.ics", uid="a@b",
                     conflicts=(("a@b", "/cal/x.ics", "other-forum"), ("c@d", "/cal/y.ics", None)))
    english, korean = words_for("en").failure(error), words_for("ko").failure(error)
    assert english and korean and english != korean
    assert re.search("[가-힣]", korean) and english_sentences(korean) == []
    for status in (400, 401, 403, 404, 405, 409, 412, 423, 500, 503):
        for method in ("REPORT", "PUT", "DELETE", "GET"):
            assert english_sentences(words_for("ko").advice(method, status)) == []
