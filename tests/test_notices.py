"""Change notices: who gets one, and what it says, read back by email.parser and icalendar."""

from datetime import datetime, timezone
from email import message_from_bytes, policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from calendar_tools import check_ics
from helpers import SEED, run, write
from notice_forums import MOVE_TALK, edited, versions

SEOUL = ZoneInfo("Asia/Seoul")


def at(clock: str) -> datetime:
    hour, minute = map(int, clock.split(":"))
    return datetime(2023, 12, 13, hour, minute, tzinfo=SEOUL)


EPOCH = "1701388800"
DRAFTED = datetime(2023, 12, 1, tzinfo=timezone.utc)
"""SOURCE_DATE_EPOCH of the drafts in these tests (the Date of a draft is otherwise when it was made)."""


def notices(tmp_path: Path, *replacements, revision: int = 2, extra=(), env=None) -> tuple[Path, str]:
    old, new = versions(tmp_path, *replacements, revision=revision)
    folder = tmp_path / "notices"
    result = run("notices", old, new, "-o", folder, "--from", "토론회 사무국 <office@example.org>", *extra,
                 env={"SOURCE_DATE_EPOCH": EPOCH, **(env or {})})
    return folder, result.stderr


def drafted(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.eml"))


def read(path: Path):
    return message_from_bytes(path.read_bytes(), policy=policy.default)


def body_of(message) -> str:
    """The plain-text body; text travels with CRLF line ends (RFC 2046), read here as newlines."""
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def attachment_events(message) -> dict[str, tuple]:
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    calendar = Calendar.from_ical(attachment.get_content().encode("utf-8"))
    return {str(e["UID"]): (e.decoded("DTSTART"), e.decoded("DTEND"), str(e["STATUS"]))
            for e in calendar.walk("VEVENT")}


def test_moving_a_segment_tells_its_people_and_everyone_after_it_who_moved_and_nobody_else(tmp_path):
    folder, _ = notices(tmp_path, MOVE_TALK)
    assert drafted(folder) == ["cho", "koo", "kwon", "lee", "yang"]  # not mc: opening and closing stay


def test_a_notice_reads_back_in_korean_with_old_and_new_times_and_the_new_calendar(tmp_path):
    folder, _ = notices(tmp_path, MOVE_TALK)
    message = read(folder / "lee.eml")
    assert message["Subject"] == "[일정 변경] 모두의 AI 토론회"
    assert message["To"].addresses[0].addr_spec == "lee.se@example.org"
    assert message["To"].addresses[0].display_name == "이상은"
    assert message["From"].addresses[0].addr_spec == "office@example.org"
    assert message["Date"].datetime == DRAFTED  # SOURCE_DATE_EPOCH: when it was drafted, never forum.updated
    assert message["Message-ID"].endswith("@agenda.forum>")
    body = body_of(message)
    assert body == (
        "이상은 님께\n\n"
        "「모두의 AI 토론회」 프로그램이 바뀌어 맡으신 순서가 달라졌습니다.\n\n"
        "일시: 2023년 12월 13일(수) 14:00~16:00\n"
        "장소: 국회의원회관 제2간담회의실\n\n"
        "바뀐 내용\n"
        "- 발제: AI 시대의 정당 (발제)\n"
        "  시작: 14:15 → 14:25\n"
        "  끝: 14:40 → 14:50\n\n"
        "새 시간\n"
        "- 14:25~14:50 (25분) 발제: AI 시대의 정당 (발제)\n\n"
        "바뀐 일정을 달력 파일(.ics)로 첨부합니다. 달력 앱에서 열면 일정이 갱신됩니다.\n\n"
        "감사합니다.\n\n"
        "토론회 사무국 드림\n"
        "이메일: office@example.org\n"
        "전화: 02-788-1234\n")
    assert attachment_events(message) == {
        "notice-forum+lee@agenda.forum": (at("14:00"), at("16:00"), "CONFIRMED"),
        "notice-forum.talk+lee@agenda.forum": (at("14:25"), at("14:50"), "CONFIRMED"),
    }
    raw = (folder / "lee.eml").read_bytes()
    assert raw.startswith(b"Subject: =?utf-8?") and "모두".encode() not in raw  # encoded for mail, 7-bit clean
    assert max(len(line) for line in raw.split(b"\r\n")) <= 78


def test_index_says_who_is_told_why_who_has_no_address_and_who_was_left_out(tmp_path):
    folder, stderr = notices(tmp_path, MOVE_TALK)
    assert stderr == f"알림 5개와 {folder / 'index.md'}를 썼습니다. 그중 1개는 받을 주소가 없습니다\n"
    assert (folder / "index.md").read_text(encoding="utf-8") == (
        "# 변경 알림: 모두의 AI 토론회\n\n"
        "## 알림을 받는 사람\n\n"
        "- 구본권 <koo@example.org>: `koo.eml`\n"
        "  - 질의응답 — 시작: 15:25 → 15:35; 시간(분): 25분 → 15분\n"
        "- 이상은 <lee.se@example.org>: `lee.eml`\n"
        "  - 발제: AI 시대의 정당 — 시작: 14:15 → 14:25; 끝: 14:40 → 14:50\n"
        "- 권영설 <kwon@example.org>: `kwon.eml`\n"
        "  - 지정토론 — 시작: 14:40 → 14:50; 끝: 14:55 → 15:05\n"
        "- 양승오 <yang@example.org>: `yang.eml`\n"
        "  - 지정토론 — 시작: 15:10 → 15:20; 끝: 15:25 → 15:35\n\n"
        "## 이메일 주소가 없는 사람 (직접 전해 주세요)\n\n"
        "- 조승현: `cho.eml`\n"
        "  - 지정토론 — 시작: 14:55 → 15:05; 끝: 15:10 → 15:20\n\n"
        "## 바뀐 것이 없어 알림을 받지 않는 사람\n\n"
        "- 이연희\n")
    assert "To" not in read(folder / "cho.eml")


def test_a_change_of_duration_alone_is_noticed(tmp_path):
    folder, _ = notices(tmp_path, ("    at: 15:50\n    duration: 10m\n", "    at: 15:50\n    duration: 5m\n"))
    assert drafted(folder) == ["mc"]
    body = body_of(read(folder / "mc.eml"))
    assert "  끝: 16:00 → 15:55\n  시간(분): 10분 → 5분\n" in body
    assert attachment_events(read(folder / "mc.eml"))["notice-forum.closing+mc@agenda.forum"][:2] == (
        at("15:50"), at("15:55"))


def test_renaming_a_persons_id_with_the_same_part_drafts_nothing(tmp_path):
    folder, stderr = notices(tmp_path, ("  cho: {name: 조승현}", "  cho-sh: {name: 조승현}"),
                             ("speakers: [kwon, cho, yang]", "speakers: [kwon, cho-sh, yang]"))
    assert drafted(folder) == []
    assert stderr == f"알림 0개와 {folder / 'index.md'}를 썼습니다\n"
    assert "- 구본권, 이연희, 이상은, 권영설, 조승현, 양승오\n" in (folder / "index.md").read_text(encoding="utf-8")


def test_a_cancelled_segment_drafts_a_cancellation(tmp_path):
    folder, _ = notices(tmp_path, ("    speakers: [lee]\n", "    speakers: [lee]\n    status: cancelled\n"))
    assert drafted(folder) == ["lee"]  # a cancelled segment keeps its time: nobody else moves
    message = read(folder / "lee.eml")
    body = body_of(message)
    assert "  취소: 14:15~14:40 (25분)\n" in body and "이번 토론회에서 맡으신 순서가 더 이상 없습니다." in body
    assert attachment_events(message) == {
        "notice-forum+lee@agenda.forum": (at("14:00"), at("16:00"), "CANCELLED"),
        "notice-forum.talk+lee@agenda.forum": (at("14:15"), at("14:40"), "CANCELLED"),
    }


def test_a_person_dropped_from_the_programme_gets_their_old_part_cancelled(tmp_path):
    folder, _ = notices(tmp_path, ("speakers: [kwon, cho, yang]", "speakers: [kwon, cho]"))
    assert drafted(folder) == ["koo", "yang"]  # the Q&A grows by yang's 15 minutes
    events = attachment_events(read(folder / "yang.eml"))
    assert events["notice-forum.panel+yang@agenda.forum"] == (at("15:10"), at("15:25"), "CANCELLED")
    assert "  빠짐: 15:10~15:25 (15분)\n" in body_of(read(folder / "yang.eml"))


def test_drafts_are_the_same_bytes_every_time(tmp_path):
    first, _ = notices(tmp_path / "a", MOVE_TALK)
    second, _ = notices(tmp_path / "b", MOVE_TALK)
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name
    ids = {read(path)["Message-ID"] for path in first.glob("*.eml")}
    assert len(ids) == 5


def test_a_revision_that_did_not_rise_is_warned_about(tmp_path):
    folder, stderr = notices(tmp_path, MOVE_TALK, revision=1)
    assert "경고: forum.revision(1)이 " in stderr and "캘린더가 변경을 무시할 수 있습니다. revision을 올리세요" in stderr
    assert "이전 파일(1)보다 높지 않아" in (folder / "index.md").read_text(encoding="utf-8")


def test_the_revision_warning_and_refusal_in_english(tmp_path):
    _, stderr = notices(tmp_path, MOVE_TALK, revision=1, extra=("--lang", "en"))
    assert "warning: forum.revision (1) is not above" in stderr and "calendars may ignore the update: raise it" in stderr
    old, new = versions(tmp_path, ("    duration: 25m\n", "    duration: 95m\n"))
    result = run("notices", old, new, "-o", tmp_path / "out", "--lang", "en", exit_status=1)
    assert result.stderr.endswith(f"no notices drafted: fix the errors in {new} first\n")


def test_english_notices(tmp_path):
    folder, stderr = notices(tmp_path, MOVE_TALK, extra=("--lang", "en"))
    assert stderr == f"wrote 5 notices and {folder / 'index.md'}; 1 without an address\n"
    message = read(folder / "kwon.eml")
    assert message["Subject"] == "[Programme change] 모두의 AI 토론회"
    body = body_of(message)
    assert body.startswith("Dear 권영설,\n\nThe programme of “모두의 AI 토론회” has changed")
    assert "What changed\n- Panel (Panelist)\n  Start: 14:40 → 14:50\n  End: 14:55 → 15:05\n" in body


def test_the_seed_forum_edited_as_an_organizer_would(tmp_path):
    old = tmp_path / "old.yaml"
    old.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    new = tmp_path / "new.yaml"
    new.write_text(edited(SEED.read_text(encoding="utf-8"),
                          ("    duration: 25m\n    speakers: [lee-sangeun]", "    duration: 30m\n    speakers: [lee-sangeun]"),
                          ("    duration: 25m\n    moderator: koo-bonkwon", "    duration: 20m\n    moderator: koo-bonkwon")),
                   encoding="utf-8")
    folder = tmp_path / "out"
    run("notices", old, new, "-o", folder, env={"SOURCE_DATE_EPOCH": "1700000000"})
    # the talk grows by 5 minutes, so the panel moves; the Q&A shrinks by 5 to end where it did
    assert drafted(folder) == ["cho-seunghyun", "koo-bonkwon", "kwon-youngseol", "lee-sangeun", "yang-seungoh"]
    events = attachment_events(read(folder / "kwon-youngseol.eml"))
    assert events["ai-party-2023-2.panel.1+kwon-youngseol@agenda.forum"][:2] == (at("14:50"), at("15:05"))


def test_invalid_versions_draft_nothing(tmp_path):
    old, new = versions(tmp_path, ("    duration: 25m\n", "    duration: 95m\n"))
    result = run("notices", old, new, "-o", tmp_path / "out", exit_status=1)
    assert "window-overflow" in result.stderr and f"알림을 만들지 않았습니다. 먼저 {new}의 오류를 고치세요" in result.stderr
    assert not (tmp_path / "out").exists()


def test_send_needs_a_from_address(tmp_path):
    old, new = versions(tmp_path, MOVE_TALK)
    result = run("notices", old, new, "-o", tmp_path / "out", "--send", "smtp://127.0.0.1:9", exit_status=2)
    assert "--send needs --from ADDRESS" in result.stderr


def test_an_address_cannot_smuggle_headers(tmp_path):
    old, new = versions(tmp_path, MOVE_TALK)
    result = run("notices", old, new, "-o", tmp_path / "out", "--from", "a@b.org\nBcc: c@d.org", "--lang", "en",
                 exit_status=2)
    assert "is not an email address" in result.stderr


def test_docs_notices_example_is_what_notices_writes(tmp_path, monkeypatch):
    """docs/notices-and-publishing.md: the index an organizer reads, after the edit its comment describes."""
    from doc_examples import checked_by
    from helpers import ROOT

    block = checked_by(ROOT / "docs" / "notices-and-publishing.md",
                       "test_notices.py::test_docs_notices_example_is_what_notices_writes")
    assert block.body.startswith("$ cat notices/index.md\n")
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "old.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(edited(
        text,
        ("    duration: 25m\n    speakers: [lee-sangeun]", "    duration: 30m\n    speakers: [lee-sangeun]"),
        ("    duration: 25m\n    moderator: koo-bonkwon", "    duration: 20m\n    moderator: koo-bonkwon"),
        ("title: 대표}", "title: 대표, email: lee@example.org}")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run("notices", "old.yaml", "new.yaml", "-o", "notices/", "--from", "민주연구원 <office@example.org>")
    assert "$ cat notices/index.md\n" + (tmp_path / "notices" / "index.md").read_text(encoding="utf-8") == block.body


def test_an_international_domain_is_written_for_mail(tmp_path):
    folder, _ = notices(tmp_path / "a", MOVE_TALK, ("lee.se@example.org", "lee@예시.한국"))
    assert read(folder / "lee.eml")["To"].addresses[0].addr_spec == "lee@xn--vv4b11d.xn--3e0b707e"


def test_a_korean_local_part_goes_to_no_address_and_everyone_else_is_drafted(tmp_path):
    """One address mail cannot carry once stopped every notice (exit 2, no drafts)."""
    folder, stderr = notices(tmp_path, MOVE_TALK, ("lee.se@example.org", "이상은@example.org"), extra=("--lang", "en"))
    assert drafted(folder) == ["cho", "koo", "kwon", "lee", "yang"]
    assert "To" not in read(folder / "lee.eml")
    assert read(folder / "kwon.eml")["To"].addresses[0].addr_spec == "kwon@example.org"
    assert stderr.splitlines() == [
        "lee.eml has no To: '이상은@example.org' has letters other than ASCII before the @, which mail carries only "
        "with SMTPUTF8, and notices do not use it; tell them yourself",
        f"wrote 5 notices and {folder / 'index.md'}; 2 without an address"]
    index = (folder / "index.md").read_text(encoding="utf-8")
    assert ("## No email address (tell them yourself)\n\n"
            "- 이상은: `lee.eml` ('이상은@example.org' has letters other than ASCII before the @, which mail carries "
            "only with SMTPUTF8, and notices do not use it)\n") in index


def test_an_unmailable_address_is_said_in_korean(tmp_path):
    folder, stderr = notices(tmp_path, MOVE_TALK, ("lee.se@example.org", "lee..se@example.org"))
    assert stderr.splitlines()[0] == (
        "lee.eml에는 받는 주소가 없습니다. 'lee..se@example.org'의 @ 앞에 메일 주소에 쓸 수 없는 것(공백, 제어 문자, "
        "연달아 찍은 점, 괄호)이 있습니다. 직접 전해 주세요")
    assert "- 이상은: `lee.eml` ('lee..se@example.org'의 @ 앞에" in (folder / "index.md").read_text(encoding="utf-8")


@pytest.mark.slow
def test_shared_checker_passes_an_attached_cancellation(tmp_path):
    folder, _ = notices(tmp_path, ("speakers: [kwon, cho, yang]", "speakers: [kwon, cho]"))
    [attachment] = list(read(folder / "yang.eml").iter_attachments())
    calendar = tmp_path / "yang.ics"
    calendar.write_bytes(attachment.get_content().encode("utf-8"))
    assert "RESULT: PASS" in check_ics(calendar)


def test_a_part_called_off_in_both_versions_is_nobodys_news(tmp_path):
    """The panel is cancelled before and after; a longer talk moves its empty slot. Its panelists are not told."""
    cancelled = SEED.read_text(encoding="utf-8").replace("    id: panel\n", "    id: panel\n    status: cancelled\n")
    longer = cancelled.replace("revision: 1", "revision: 2").replace("duration: 25m", "duration: 30m", 1)
    assert longer != cancelled
    out = tmp_path / "n"
    run("notices", write(tmp_path, cancelled, "old.yaml"), write(tmp_path, longer, "new.yaml"), "-o", out)
    told = sorted(p.stem for p in out.glob("*.eml"))
    assert "lee-sangeun" in told  # the talk itself changed
    assert not {"kwon-youngseol", "cho-seunghyun", "yang-seungoh"} & set(told)
