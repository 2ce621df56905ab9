"""Notices as issue 26 asked: a Date that is when, the first release, a signature, invitations, reminders."""

from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from icalendar import Calendar

from calendar_tools import check_invitation
from helpers import run, write
from notice_forums import FORUM, MOVE_TALK, edited, versions
from test_notice_sending import FROM, servers, undated  # noqa: F401  (a fixture)

EPOCH = {"SOURCE_DATE_EPOCH": "1701388800"}  # 2023-12-01 00:00 UTC
NO_EPOCH = {"SOURCE_DATE_EPOCH": ""}
CANCEL_TALK_DROP_YANG = (("    speakers: [lee]\n", "    speakers: [lee]\n    status: cancelled\n"),
                         ("speakers: [kwon, cho, yang]", "speakers: [kwon, cho]"))


def read(path: Path):
    return message_from_bytes(path.read_bytes(), policy=policy.default)


def body_of(message) -> str:
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def calendars(message) -> list[tuple[str, Calendar]]:
    """Every text/calendar part: (its method parameter, the calendar)."""
    return [(part.get_param("method"), Calendar.from_ical(part.get_payload(decode=True)))
            for part in message.walk() if part.get_content_type() == "text/calendar"]


def drafted(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.eml"))


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


# --- Date ---------------------------------------------------------------------------------------------------

def test_a_drafts_date_is_when_it_was_drafted_and_drafting_again_changes_only_the_date(tmp_path):
    old, new = versions(tmp_path, MOVE_TALK)
    early = now()
    run("notices", old, new, "-o", tmp_path / "a", env=NO_EPOCH)
    late = now()
    first = (tmp_path / "a" / "lee.eml").read_bytes()
    assert early <= read(tmp_path / "a" / "lee.eml")["Date"].datetime <= late  # not forum.updated (2023)
    (tmp_path / "a" / "lee.eml").unlink()
    run("notices", old, new, "-o", tmp_path / "b", env={"SOURCE_DATE_EPOCH": "1800000000"})
    second = (tmp_path / "b" / "lee.eml").read_bytes()
    assert read(tmp_path / "b" / "lee.eml")["Date"].datetime == datetime.fromtimestamp(1800000000, timezone.utc)
    assert first != second and undated(first) == undated(second)  # the Message-ID does not depend on the Date


def test_a_sent_message_is_dated_when_it_was_sent_and_is_otherwise_the_draft(tmp_path, servers):
    server = servers(tmp_path / "smtp")
    old, new = versions(tmp_path, MOVE_TALK)
    early = now()
    run("notices", old, new, "-o", tmp_path / "out", "--from", FROM, "--send", server.url, env=EPOCH)
    late = now()
    [(data, _)] = [(data, envelope) for data, envelope in server.received() if envelope["to"] == ["lee.se@example.org"]]
    draft = (tmp_path / "out" / "lee.eml").read_bytes()
    assert read(tmp_path / "out" / "lee.eml")["Date"].datetime == datetime(2023, 12, 1, tzinfo=timezone.utc)
    assert early <= message_from_bytes(data, policy=policy.default)["Date"].datetime <= late
    assert undated(data) == undated(draft) and len(data) == len(draft)


def test_drafts_that_differ_only_in_their_date_are_not_stale_and_the_log_still_knows_them(tmp_path, servers):
    server = servers(tmp_path / "smtp")
    old, new = versions(tmp_path, MOVE_TALK)
    folder = tmp_path / "out"
    run("notices", old, new, "-o", folder, "--from", FROM, env=EPOCH)  # read on Friday
    run("notices", old, new, "-o", folder, "--from", FROM, "--send", server.url, env=NO_EPOCH)  # sent on Monday
    assert len(server.received()) == 4
    again = run("notices", old, new, "-o", folder, "--from", FROM, "--send", server.url, env=NO_EPOCH)
    assert "이미 보냄     lee.eml → lee.se@example.org" in again.stdout and len(server.received()) == 4


def test_a_draft_changed_in_more_than_its_date_is_still_stale(tmp_path, servers):
    server = servers(tmp_path / "smtp")
    old, new = versions(tmp_path, MOVE_TALK)
    folder = tmp_path / "out"
    run("notices", old, new, "-o", folder, "--from", FROM, env=EPOCH)
    (folder / "lee.eml").write_bytes((folder / "lee.eml").read_bytes().replace(b"X-Agenda-Forum: notice-forum",
                                                                               b"X-Agenda-Forum: notice-forun"))
    result = run("notices", old, new, "-o", folder, "--from", FROM, "--send", server.url, exit_status=2)
    assert "lee.eml" in result.stderr and server.received() == []


# --- the first release --------------------------------------------------------------------------------------

def test_all_drafts_everyone_who_takes_part_their_whole_part_from_new_alone(tmp_path):
    forum = write(tmp_path, FORUM)
    folder = tmp_path / "out"
    result = run("notices", forum, "-o", folder, "--all", env=EPOCH)
    assert drafted(folder) == ["cho.eml", "koo.eml", "kwon.eml", "lee.eml", "mc.eml", "yang.eml"]
    assert result.stderr == f"알림 6개와 {folder / 'index.md'}를 썼습니다. 그중 1개는 받을 주소가 없습니다\n"
    message = read(folder / "mc.eml")
    assert message["Subject"] == "[일정 안내] 모두의 AI 토론회"
    assert body_of(message) == (
        "이연희 님께\n\n"
        "「모두의 AI 토론회」에서 맡아 주실 순서를 알려 드립니다.\n\n"
        "일시: 2023년 12월 13일(수) 14:00~16:00\n"
        "장소: 국회의원회관 제2간담회의실\n\n"
        "맡으신 순서\n"
        "- 14:00~14:15 (15분) 개회식 (진행 사회)\n"
        "- 15:50~16:00 (10분) 폐회 (폐회)\n\n"
        "일정을 달력 파일(.ics)로 첨부합니다. 달력 앱에서 열면 일정에 들어갑니다.\n\n"
        "감사합니다.\n\n"
        "토론회 사무국 드림\n"
        "이메일: office@example.org\n"
        "전화: 02-788-1234\n")
    [(method, calendar)] = calendars(message)
    assert method == "PUBLISH" and {str(e["UID"]) for e in calendar.walk("VEVENT")} == {
        "notice-forum+mc@agenda.forum", "notice-forum.opening+mc@agenda.forum", "notice-forum.closing+mc@agenda.forum"}
    index = (folder / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# 일정 안내: 모두의 AI 토론회\n\n## 알림을 받는 사람\n\n- 구본권 <koo@example.org>: `koo.eml`\n"
                            "  - 모두의 AI 토론회 — 14:00~16:00 (120분)\n")  # the forum's moderator: all of it
    assert "- 이연희 <lee.yh@example.org>: `mc.eml`\n  - 개회식 — 14:00~14:15 (15분)\n  - 폐회 — 15:50~16:00 (10분)\n" \
        in index
    assert index.endswith("## 맡은 순서가 모두 취소되어 알림을 받지 않는 사람\n\n- 없음\n")


def test_all_leaves_out_someone_whose_every_part_is_cancelled(tmp_path):
    forum = write(tmp_path, edited(FORUM, ("    speakers: [lee]\n", "    speakers: [lee]\n    status: cancelled\n")))
    folder = tmp_path / "out"
    run("notices", forum, "-o", folder, "--all", "--lang", "en", env=EPOCH)
    assert "lee.eml" not in drafted(folder) and len(drafted(folder)) == 5
    assert (folder / "index.md").read_text(encoding="utf-8").endswith(
        "## Left out: every part of theirs is cancelled\n\n- 이상은\n")
    assert read(folder / "kwon.eml")["Subject"] == "[Programme] 모두의 AI 토론회"
    assert "Here is your part in “모두의 AI 토론회”.\n" in body_of(read(folder / "kwon.eml"))


def test_a_part_with_only_an_until_is_told_in_words_and_gets_no_invitation(tmp_path):
    """A registration desk that closes at 10:30 has no start, so no calendar event; the notice still names it."""
    forum = write(tmp_path, FORUM.replace("program:\n", "program:\n  - kind: registration\n    until: 14:00\n"
                                                      "    mc: mc\n", 1).replace("start: 14:00", "start: 13:30"))
    run("notices", forum, "-o", tmp_path / "out", "--all", "--invite", "--lang", "en", env=EPOCH)
    body = body_of(read(tmp_path / "out" / "mc.eml"))
    assert "Your part\n- –14:00 Registration (MC)\n- 14:00–14:15 (15 min) Opening (MC)\n" in body
    assert "no longer have a part" not in body
    assert sorted(p.name for p in (tmp_path / "out").glob("mc+*.eml")) == ["mc+1.eml", "mc+2.eml"]  # opening, closing


def test_notices_takes_old_and_new_or_new_with_all(tmp_path):
    old, new = versions(tmp_path, MOVE_TALK)
    one = run("notices", new, "-o", tmp_path / "out", exit_status=2)
    assert "notices takes OLD NEW" in one.stderr and "NEW --all" in one.stderr
    both = run("notices", old, new, "-o", tmp_path / "out", "--all", exit_status=2)
    assert "--all drafts the first release from NEW alone: give one file" in both.stderr
    korean = run("notices", old, new, "-o", tmp_path / "out", "--all", exit_status=2, env={"LANG": "ko_KR.UTF-8"})
    assert "--all은 NEW 하나로 처음 알림을 만듭니다. 파일을 하나만 주세요" in korean.stderr
    assert not (tmp_path / "out").exists()


# --- the closing and signature ------------------------------------------------------------------------------

def test_an_english_notice_ends_with_thanks_and_the_contacts_signature(tmp_path):
    old, new = versions(tmp_path, MOVE_TALK)
    run("notices", old, new, "-o", tmp_path / "out", "--lang", "en", env=EPOCH)
    assert body_of(read(tmp_path / "out" / "lee.eml")).endswith(
        "open it in your calendar to update it.\n\nThank you.\n\n토론회 사무국\nEmail: office@example.org\n"
        "Phone: 02-788-1234\n")


def test_without_a_contact_a_notice_ends_with_the_closing_and_a_contact_without_phone_signs_without_it(tmp_path):
    line = "  contact: {name: 토론회 사무국, email: office@example.org, phone: 02-788-1234}\n"
    old, new = versions(tmp_path / "none", MOVE_TALK, (line, ""))
    run("notices", old, new, "-o", tmp_path / "none" / "out", env=EPOCH)
    assert body_of(read(tmp_path / "none" / "out" / "lee.eml")).endswith("일정이 갱신됩니다.\n\n감사합니다.\n")
    old, new = versions(tmp_path / "name", MOVE_TALK, (line, "  contact: {name: 김사무}\n"))
    run("notices", old, new, "-o", tmp_path / "name" / "out", env=EPOCH)
    assert body_of(read(tmp_path / "name" / "out" / "lee.eml")).endswith("감사합니다.\n\n김사무 드림\n")


def test_a_contact_phone_that_is_not_a_number_is_an_invalid_field_in_korean(tmp_path):
    forum = write(tmp_path, FORUM.replace("phone: 02-788-1234", "phone: 사무실로 연락"))
    result = run("validate", forum, exit_status=1)
    assert "phone: '사무실로 연락'은 전화번호가 아닙니다. 02-788-1234나 +82 2 788 1234처럼 숫자로 쓰세요" in result.stdout


# --- invitations --------------------------------------------------------------------------------------------

def invite(tmp_path: Path, *replacements, extra=(), env=EPOCH, exit_status=0):
    old, new = versions(tmp_path, *replacements)
    folder = tmp_path / "out"
    result = run("notices", old, new, "-o", folder, "--from", FROM, "--invite", *extra, env=env,
                 exit_status=exit_status)
    return folder, result


def test_invite_drafts_one_request_per_changed_part_beside_the_summary_notice(tmp_path):
    folder, result = invite(tmp_path, MOVE_TALK)
    assert drafted(folder) == ["cho.eml", "koo+1.eml", "koo.eml", "kwon+1.eml", "kwon.eml", "lee+1.eml", "lee.eml",
                               "yang+1.eml", "yang.eml"]  # cho has no address: no invitation can name them
    assert result.stderr == f"알림 5개, 초대 4개와 {folder / 'index.md'}를 썼습니다. 그중 1개는 받을 주소가 없습니다\n"
    summary = read(folder / "lee.eml")
    assert [method for method, _ in calendars(summary)] == ["PUBLISH"]
    assert "맡으신 순서마다 달력 초대를 따로 보내 드립니다.\n" in body_of(summary)
    message = read(folder / "lee+1.eml")
    assert message["Subject"] == "[초대] 발제: AI 시대의 정당 · 모두의 AI 토론회"
    assert message["To"].addresses[0].addr_spec == "lee.se@example.org" and message.get_content_type() == \
        "multipart/alternative"
    [(method, calendar)] = calendars(message)
    [event] = calendar.walk("VEVENT")
    assert method == "REQUEST" and str(calendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == "notice-forum.talk+lee@agenda.forum" and event["SEQUENCE"] == 2
    assert str(event["ORGANIZER"]) == "mailto:office@example.org" and event["ORGANIZER"].params["CN"] == "토론회 사무국"
    assert str(event["ATTENDEE"]) == "mailto:lee.se@example.org" and event["ATTENDEE"].params["CN"] == "이상은"
    assert event["ATTENDEE"].params["RSVP"] == "TRUE" and str(event["STATUS"]) == "CONFIRMED"
    assert "  - 발제: AI 시대의 정당 — 시작: 14:15 → 14:25" in (folder / "index.md").read_text(encoding="utf-8")
    assert "- 이상은 <lee.se@example.org>: `lee.eml`, `lee+1.eml`\n" in (folder / "index.md").read_text(encoding="utf-8")


def test_a_removed_or_cancelled_part_gets_a_cancel(tmp_path):
    folder, _ = invite(tmp_path, *CANCEL_TALK_DROP_YANG, extra=("--lang", "en"))
    for name, uid in (("lee+1.eml", "notice-forum.talk+lee@agenda.forum"),
                      ("yang+1.eml", "notice-forum.panel+yang@agenda.forum")):
        message = read(folder / name)
        assert message["Subject"].startswith("Cancelled: ")
        [(method, calendar)] = calendars(message)
        [event] = calendar.walk("VEVENT")
        assert method == "CANCEL" and str(calendar["METHOD"]) == "CANCEL"
        assert str(event["UID"]) == uid and str(event["STATUS"]) == "CANCELLED" and "RSVP" not in event["ATTENDEE"].params
    assert "is cancelled; this message takes it off your calendar." in body_of(read(folder / "yang+1.eml"))


def test_every_itip_object_holds_one_uid(tmp_path):
    folder, _ = invite(tmp_path, MOVE_TALK, *CANCEL_TALK_DROP_YANG[1:])
    invitations = sorted(folder.glob("*+*.eml"))
    assert len(invitations) == 4
    for path in invitations:
        [(_, calendar)] = calendars(read(path))
        assert len({str(e["UID"]) for e in calendar.walk("VEVENT")}) == len(calendar.walk("VEVENT")) == 1, path


def test_a_name_with_quotes_and_semicolons_stays_one_cn_in_the_invitation(tmp_path):
    folder, _ = invite(tmp_path, MOVE_TALK, ("lee: {name: 이상은,", 'lee: {name: "이상은 \\"Lee\\"; ROLE=CHAIR:x",'),
                       ("contact: {name: 토론회 사무국,", 'contact: {name: "사무국 \\"A\\":B;C",'))
    [(_, calendar)] = calendars(read(folder / "lee+1.eml"))
    [event] = calendar.walk("VEVENT")
    assert event["ATTENDEE"].params["CN"] == '이상은 "Lee"; ROLE=CHAIR:x' and event["ATTENDEE"].params["ROLE"] == \
        "REQ-PARTICIPANT"
    assert event["ORGANIZER"].params["CN"] == '사무국 "A":B;C' and str(event["ORGANIZER"]) == "mailto:office@example.org"


def test_the_first_release_invites_each_part(tmp_path):
    forum = write(tmp_path, FORUM)
    run("notices", forum, "-o", tmp_path / "out", "--all", "--invite", env=EPOCH)
    assert drafted(tmp_path / "out") == ["cho.eml", "koo+1.eml", "koo+2.eml", "koo.eml", "kwon+1.eml", "kwon.eml",
                                         "lee+1.eml", "lee.eml", "mc+1.eml", "mc+2.eml", "mc.eml", "yang+1.eml",
                                         "yang.eml"]  # koo moderates the forum and the Q&A; mc opens and closes
    [(_, calendar)] = calendars(read(tmp_path / "out" / "koo+1.eml"))
    assert str(calendar.walk("VEVENT")[0]["UID"]) == "notice-forum+koo@agenda.forum"


def test_invite_needs_the_contacts_email_in_the_files_language(tmp_path):
    line = "  contact: {name: 토론회 사무국, email: office@example.org, phone: 02-788-1234}\n"
    folder, result = invite(tmp_path / "ko", MOVE_TALK, (line, "  contact: {name: 토론회 사무국}\n"), exit_status=2)
    assert "--invite에는 " in result.stderr and "forum.contact.email이 필요합니다" in result.stderr
    assert not folder.exists()
    _, result = invite(tmp_path / "en", MOVE_TALK, (line, ""), extra=("--lang", "en"), exit_status=2)
    assert "--invite needs forum.contact.email in " in result.stderr and \
        "under forum, give contact a name and an email" in result.stderr


def test_invitations_are_sent_logged_and_never_sent_twice(tmp_path, servers):
    server = servers(tmp_path / "smtp")
    folder, result = invite(tmp_path, MOVE_TALK, extra=("--send", server.url))
    assert "보냄          lee+1.eml → lee.se@example.org" in result.stdout
    received = server.received()
    assert len(received) == 8
    assert [undated(data) for data, _ in received] == [undated((folder / name).read_bytes()) for name in (
        "koo.eml", "koo+1.eml", "lee.eml", "lee+1.eml", "kwon.eml", "kwon+1.eml", "yang.eml", "yang+1.eml")]
    log = (folder / "sent.log").read_text(encoding="utf-8")
    assert read(folder / "lee+1.eml")["Message-ID"] in log
    _, again = invite(tmp_path, MOVE_TALK, extra=("--send", server.url))
    assert "이미 보냄     lee+1.eml → lee.se@example.org" in again.stdout and len(server.received()) == 8


@pytest.mark.slow
@pytest.mark.parametrize("name", ["lee+1.eml", "yang+1.eml", "koo+1.eml"])
def test_invitations_pass_the_shared_checkers_strict_itip(tmp_path, name):
    folder, _ = invite(tmp_path, MOVE_TALK, *CANCEL_TALK_DROP_YANG, extra=("--alarm", "1d"))
    [(_, calendar)] = calendars(read(folder / name))
    path = tmp_path / "invitation.ics"
    path.write_bytes(calendar.to_ical())
    check_invitation(path)


# --- reminders ----------------------------------------------------------------------------------------------

def reminders(calendar: Calendar) -> dict[str, list[timedelta]]:
    return {str(e["UID"]): [a.decoded("TRIGGER") for a in e.walk("VALARM")] for e in calendar.walk("VEVENT")}


def test_per_person_calendars_alone_take_an_alarm(tmp_path):
    forum = write(tmp_path, FORUM)
    result = run("export", forum, "--per-person", tmp_path / "people", "--alarm", "1d", env=EPOCH)
    assert result.stderr == f"{tmp_path / 'people'}에 캘린더 6개를 썼습니다\n"
    calendar = Calendar.from_ical((tmp_path / "people" / "lee.ics").read_bytes())
    assert reminders(calendar) == {"notice-forum+lee@agenda.forum": [timedelta(days=-1)],
                                   "notice-forum.talk+lee@agenda.forum": []}  # one reminder, as export's calendar


@pytest.mark.slow
def test_shared_checker_passes_a_per_person_calendar_with_an_alarm(tmp_path):
    from calendar_tools import check_ics

    forum = write(tmp_path, FORUM)
    run("export", forum, "--per-person", tmp_path / "people", "--alarm", "1d", env=EPOCH)
    assert "RESULT: PASS" in check_ics(tmp_path / "people" / "koo.ics")


def test_an_alarm_with_a_document_output_is_still_refused(tmp_path):
    forum = write(tmp_path, FORUM)
    result = run("export", forum, "-o", tmp_path / "f.html", "--per-person", tmp_path / "people", "--alarm", "1d",
                 exit_status=2, env={"LANG": "ko_KR.UTF-8"})
    assert "--segments와 --alarm은 캘린더(.ics)에만 씁니다" in result.stderr


def test_notices_put_the_alarm_in_the_attached_calendar_and_the_invitations(tmp_path):
    folder, _ = invite(tmp_path, MOVE_TALK, extra=("--alarm", "2h"))
    [(_, calendar)] = calendars(read(folder / "lee.eml"))
    assert reminders(calendar)["notice-forum+lee@agenda.forum"] == [timedelta(hours=-2)]
    [(_, invitation)] = calendars(read(folder / "lee+1.eml"))
    assert reminders(invitation) == {"notice-forum.talk+lee@agenda.forum": [timedelta(hours=-2)]}
