"""`agenda publish` against a hostile CalDAV server of the tests' own (tests/hostile_dav.py).

The server names addresses on another host, outside the collection and
through `..`; it redirects; it answers with 96 MiB, a compression bomb or a
DOCTYPE. What reached the other host is read off a second server, the
witness, that records every request and its Authorization header.
"""

import re
import zlib
from datetime import datetime, timezone
from urllib.parse import unquote

import pytest

from agenda.loading.analysis import analyze
from agenda.export.ics import event_calendars
from agenda.publish.caldav_client import CalDavClient, DavError, Failure
from agenda.publish.multistatus import MAX_ANSWER_BYTES
from agenda.publish.words import words_for
from helpers import ENGLISH, SEED, run
from hostile_dav import COLLECTION, MULTISTATUS, HostileDav, Witness

USER, PASSWORD = "user", "s3cret-Passw0rd"
SECRET = {"AGENDA_CALDAV_PASSWORD": PASSWORD}
NOW = datetime(2023, 12, 1, tzinfo=timezone.utc)  # DTSTAMP of the events planted here; never compared
PADDING = 96 * 1024 * 1024  # past the 64 MiB cap by more than any socket buffer holds


@pytest.fixture(autouse=True)
def no_proxy_for_the_test_servers(monkeypatch):
    """requests honours HTTP_PROXY; the servers are on this machine and must be reached directly."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def our_events(file) -> list[bytes]:
    """The file's events as `publish --segments` stores them: X-AGENDA-FORUM says they are this forum's."""
    return [c.to_ical() for c in event_calendars([analyze(str(file)).plan], NOW, segments=True)]


def hostile_hrefs(hostile: HostileDav, witness: Witness) -> list[str]:
    return [
        f"http://localhost:{witness.port}{COLLECTION}on-another-host.ics",  # the reproducer of issue 20
        f"http://127.0.0.1:{witness.port}{COLLECTION}on-another-port.ics",
        f"//localhost:{witness.port}{COLLECTION}scheme-relative.ics",
        "/other-user/calendar/another-users.ics",
        f"{hostile.origin}/other-user/calendar/absolute-but-outside.ics",
        f"{COLLECTION}../../other-user/calendar/dot-dot.ics",
        f"{COLLECTION}%2e%2e/%2e%2e/other-user/calendar/escaped-dot-dot.ics",
        f"{COLLECTION}..%2f..%2fother-user%2fcalendar%2fescaped-slash.ics",
        "/user/forums-evil/same-prefix.ics",
    ]


def plant(events: list[bytes], hrefs: list[str]) -> list[tuple[str, bytes]]:
    """Our forum's events at the hostile hrefs: a planned one changed (followed, it would be updated there) and
    one the plan does not have (followed, it would be deleted there), by turns."""
    planted = []
    for i, href in enumerate(hrefs):
        if i % 2:
            data = events[i % len(events)].replace(b"SUMMARY:", b"SUMMARY:changed ", 1)
        else:
            data = events[0].replace(b"UID:", f"UID:gone-{i}.".encode(), 1)
        planted.append((href, data))
    return planted


def inside(path: str) -> bool:
    decoded = unquote(path)
    return decoded.startswith(COLLECTION) and ".." not in decoded


@pytest.mark.parametrize("file, warning", [
    (SEED, "agenda: 경고: 서버가 {url} 바깥의 주소 9개를 알려 왔습니다(첫째: {first}). 모두 무시했습니다. 그곳에는 "
           "요청을 하나도 보내지 않았으므로 아무것도 바꾸거나 지우지 않았고, 비밀번호도 보내지 않았습니다\n"),
    (ENGLISH, "agenda: warning: the server named 9 addresses outside {url} (the first: {first}); they were "
              "ignored: no request went there, so nothing there was changed or deleted, and the password was not "
              "sent there\n"),
])
def test_hrefs_outside_the_collection_get_no_request_and_no_password_and_one_warning(file, warning):
    events = our_events(file)
    with Witness() as witness, HostileDav() as hostile:
        hrefs = hostile_hrefs(hostile, witness)
        hostile.planted = plant(events, hrefs)
        kept = f"{COLLECTION}kept-by-hand.ics"
        hostile.objects[kept] = ('"k"', events[0].replace(b"SUMMARY:", b"SUMMARY:old ", 1))
        result = run("publish", file, "--to", hostile.collection_url, "--user", USER, "--segments", env=SECRET)
        assert witness.seen == []
        assert [s for s in hostile.seen if not inside(s.path)] == []
        assert [s for s in hostile.seen if s.method not in ("REPORT", "PUT")] == []
        assert result.stderr.count(warning.format(url=hostile.collection_url, first=hrefs[0])) == 1
        assert result.stderr.count("agenda:") == 1
        created = len(events) - 1
        assert re.fullmatch(rf"\D+ {created} · \D+ 1 · \D+ 0 · \D+ 0\n", result.stdout)
        stored_uids = {re.search(rb"UID:(\S+)", data).group(1) for _, data in hostile.objects.values()}
        assert stored_uids == {re.search(rb"UID:(\S+)", data).group(1) for data in events}
        assert hostile.objects[kept][1].count(b"SUMMARY:old ") == 0
        assert all(path.startswith(COLLECTION) for path in hostile.objects)


def test_one_address_outside_is_warned_about_in_the_singular():
    events = our_events(ENGLISH)
    with Witness() as witness, HostileDav() as hostile:
        # XML 1.0 carries no C0 control, but C1 ones (CSI) and bidi overrides pass
        hostile.planted = plant(events, [f"http://localhost:{witness.port}/x\x9b2J\u202esci.ics"])
        result = run("publish", ENGLISH, "--to", hostile.collection_url, "--user", USER, env=SECRET)
        assert witness.seen == []
    assert "warning: the server named an address outside " in result.stderr
    assert "/x\\x9b2J\\u202esci.ics); it was ignored" in result.stderr
    assert "\x9b" not in result.stderr and "\u202e" not in result.stderr


@pytest.mark.parametrize("method", ["REPORT", "PUT"])
@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_is_not_followed_and_the_password_goes_nowhere_else(method, status):
    with Witness() as witness:
        def redirect(handler, body):
            if handler.command != method:
                return False
            handler.reply(status, headers={"Location": f"http://localhost:{witness.port}{handler.path}"})
            return True

        with HostileDav(custom=redirect) as hostile:
            result = run("publish", ENGLISH, "--to", hostile.collection_url, "--user", USER, exit_status=2,
                         env=SECRET)
        assert witness.seen == []
    assert f"the server points to http://localhost:{witness.port}/user/forums/" in result.stderr
    assert f"{status} " in result.stderr and PASSWORD not in result.stderr


@pytest.mark.parametrize("href", [
    "http://localhost:{port}/user/forums/x.ics", "/other-user/calendar/x.ics", "/user/forums/%2e%2e/x.ics"])
def test_the_client_sends_nothing_outside_the_collection_whatever_it_is_asked(href):
    with Witness() as witness, HostileDav() as hostile:
        href = href.format(port=witness.port)
        client = CalDavClient(hostile.collection_url, USER, PASSWORD)
        for request in (lambda: client.get(href), lambda: client.create(href, b"x"),
                        lambda: client.replace(href, '"e"', b"x"), lambda: client.delete(href, '"e"')):
            with pytest.raises(DavError) as refused:
                request()
            assert refused.value.failure is Failure.OUTSIDE and refused.value.href == href
            assert words_for("en").failure(refused.value).endswith(
                f"{href!r} is not inside this calendar; nothing was sent there")
        client.close()
        assert witness.seen == [] and hostile.seen == []


def padded(handler, declared: bool, gzipped: bool, status: int = 207) -> int:
    """MULTISTATUS and then PADDING spaces, chunked or with its length declared, plain or gzip; the bytes sent."""
    compressor = zlib.compressobj(wbits=31) if gzipped else None
    handler.send_response(status)
    handler.send_header("Content-Type", "application/xml; charset=utf-8")
    if gzipped:
        handler.send_header("Content-Encoding", "gzip")
    if declared:
        handler.send_header("Content-Length", str(len(MULTISTATUS) + PADDING))
    else:
        handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    sent = 0
    spaces = b" " * (1024 * 1024)
    try:
        for piece in [MULTISTATUS] + [spaces] * (PADDING // len(spaces)) + [None]:
            if compressor is not None:
                piece = compressor.compress(piece) if piece is not None else compressor.flush()
            if piece is None:
                piece = b""
            if declared:
                handler.wfile.write(piece)
            elif piece:
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            sent += len(piece)
        if not declared:
            handler.wfile.write(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    handler.close_connection = True
    return sent


@pytest.mark.parametrize("declared, gzipped", [(False, False), (True, False), (False, True)],
                         ids=["chunked", "content-length", "gzip-bomb"])
def test_a_report_answer_past_64_mib_is_a_clear_error_with_exit_2_not_a_memory_error(declared, gzipped):
    sent = []

    def huge(handler, body):
        if handler.command != "REPORT":
            return False
        sent.append(padded(handler, declared, gzipped))
        return True

    with HostileDav(custom=huge) as hostile:
        result = run("publish", SEED, "--to", hostile.collection_url, "--user", USER, exit_status=2, env=SECRET)
        assert [s.method for s in hostile.seen] == ["REPORT"]
    assert result.stderr.endswith(
        f"\nagenda: REPORT {hostile.collection_url}: 서버의 응답이 64MiB보다 커서 더 읽지 않았습니다. 어떤 캘린더에도 "
        "필요 없는 크기입니다. --to가 캘린더의 URL인지 확인하거나 서버를 살펴보세요\n"
        "agenda: 캘린더에는 아무것도 바뀌지 않았습니다\n")
    if not gzipped:  # the rest was never read: the server could not send it all
        assert sent[0] < len(MULTISTATUS) + PADDING


def test_the_cap_is_worded_in_english_for_an_english_forum():
    def huge(handler, body):
        if handler.command != "REPORT":
            return False
        padded(handler, declared=True, gzipped=False)
        return True

    with HostileDav(custom=huge) as hostile:
        result = run("publish", ENGLISH, "--to", hostile.collection_url, "--user", USER, exit_status=2, env=SECRET)
    assert result.stderr.startswith(
        f"agenda: REPORT {hostile.collection_url}: the server's answer is larger than "
        f"{MAX_ANSWER_BYTES // 2**20} MiB, more than any calendar needs, and was not read further; ")
    assert result.stderr.endswith("agenda: nothing was changed in the calendar\n")


def test_a_huge_body_after_a_successful_put_is_dropped_and_the_event_counts_as_created():
    def huge_after_put(handler, body):
        if handler.command != "PUT":
            return False
        handler.server.owner.objects[handler.path] = ('"p"', body)
        padded(handler, declared=False, gzipped=False, status=201)
        return True

    with HostileDav(custom=huge_after_put) as hostile:
        result = run("publish", ENGLISH, "--to", hostile.collection_url, "--user", USER, env=SECRET)
        assert len(hostile.objects) == 1
    assert result.stdout == "created 1 · updated 0 · unchanged 0 · deleted 0\n"


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE D:multistatus [<!ENTITY a "aaaaaaaaaa">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
          + ']><D:multistatus xmlns:D="DAV:"><D:response><D:href>&i;</D:href></D:response></D:multistatus>')


@pytest.mark.parametrize("kind", ["xxe", "billion-laughs", "harmless-entity"])
def test_an_answer_with_a_doctype_is_refused_before_any_entity_is_read(kind, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the-secret-of-this-machine", encoding="utf-8")
    answers = {
        "xxe": f'<?xml version="1.0"?><!DOCTYPE D:multistatus [<!ENTITY x SYSTEM "file://{secret}">]>'
               '<D:multistatus xmlns:D="DAV:"><D:response><D:href>&x;</D:href></D:response></D:multistatus>',
        "billion-laughs": LAUGHS,
        # one that expat would expand without complaint: refused all the same, as no WebDAV answer needs it
        "harmless-entity": '<?xml version="1.0"?><!DOCTYPE D:multistatus [<!ENTITY x "/user/forums/x.ics">]>'
                           '<D:multistatus xmlns:D="DAV:"><D:response><D:href>&x;</D:href></D:response>'
                           '</D:multistatus>',
    }

    def with_doctype(handler, body):
        if handler.command != "REPORT":
            return False
        handler.reply(207, answers[kind].encode(), {"Content-Type": "application/xml"})
        return True

    with HostileDav(custom=with_doctype) as hostile:
        result = run("publish", ENGLISH, "--to", hostile.collection_url, "--user", USER, exit_status=2, env=SECRET)
        assert [s.method for s in hostile.seen] == ["REPORT"]
    assert "the answer is not WebDAV XML" in result.stderr
    assert "the-secret-of-this-machine" not in result.stderr + result.stdout


def test_an_answer_cut_off_midway_says_so_and_changes_nothing():
    def cut_off(handler, body):
        if handler.command != "REPORT":
            return False
        handler.send_response(207)
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        handler.wfile.write(MULTISTATUS)
        handler.close_connection = True
        return True

    with HostileDav(custom=cut_off) as hostile:
        result = run("publish", ENGLISH, "--to", hostile.collection_url, "--user", USER, exit_status=2, env=SECRET)
        assert [s.method for s in hostile.seen] == ["REPORT"]
    assert f"agenda: REPORT {hostile.collection_url}: the answer was cut off (" in result.stderr
    assert result.stderr.endswith("agenda: nothing was changed in the calendar\n")
