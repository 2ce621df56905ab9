"""Each person's parts, and their own calendars: read back by icalendar and the shared checker."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from agenda.loading.analysis import analyze_text
from agenda.core.parts import name_slug, people_parts
from calendar_tools import check_ics_batch
from helpers import SEED, run, write
from notice_forums import FORUM

SEOUL = ZoneInfo("Asia/Seoul")
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def at(clock: str) -> datetime:
    hour, minute = map(int, clock.split(":"))
    return datetime(2023, 12, 13, hour, minute, tzinfo=SEOUL)


def parts_by_person(text: str) -> dict[str, list[tuple]]:
    plan = analyze_text(text, "forum.yaml").plan
    return {p.key: [(part.segment_id, part.item_id, part.role, part.start, part.end, part.before, part.after)
                    for part in p.parts] for p in people_parts(plan)}


def test_each_without_items_gives_every_speaker_their_turn_in_order():
    parts = parts_by_person(FORUM)
    assert parts["kwon"] == [("panel", None, "speaker", at("14:40"), at("14:55"), ("이상은",), ("조승현",))]
    assert parts["cho"] == [("panel", None, "speaker", at("14:55"), at("15:10"), ("권영설",), ("양승오",))]
    assert parts["yang"] == [("panel", None, "speaker", at("15:10"), at("15:25"), ("조승현",), ("구본권",))]


def test_moderators_hold_the_whole_segment_and_forum_hosts_the_whole_forum():
    parts = parts_by_person(FORUM)
    assert [(p[0], p[2], p[3], p[4]) for p in parts["koo"]] == [
        (None, "moderator", at("14:00"), at("16:00")), ("qa", "moderator", at("15:25"), at("15:50"))]
    assert [(p[0], p[3], p[4]) for p in parts["mc"]] == [
        ("opening", at("14:00"), at("14:15")), ("closing", at("15:50"), at("16:00"))]


def test_timed_items_are_parts_keyed_by_their_id_or_position():
    text = FORUM.replace("    each: 15m\n    speakers: [kwon, cho, yang]\n",
                         "    items:\n"
                         "      - {title: 첫 토론, speaker: kwon, duration: 15m}\n"
                         "      - {id: second, title: 둘째 토론, speaker: cho, duration: 15m}\n"
                         "      - {title: 셋째 토론, speaker: yang, duration: 15m}\n")
    parts = parts_by_person(text)
    assert [(p[0], p[1], p[3]) for p in parts["kwon"]] == [("panel", "1", at("14:40"))]
    assert [(p[0], p[1], p[3]) for p in parts["cho"]] == [("panel", "second", at("14:55"))]
    assert [(p[0], p[1], p[3]) for p in parts["yang"]] == [("panel", "3", at("15:10"))]


def test_an_inline_person_is_keyed_by_a_slug_of_the_name():
    parts = parts_by_person(FORUM.replace("speakers: [lee]", "speakers: [{name: Jane Q. Doe}, {name: 홍길동}]"))
    assert "jane-q.-doe" in parts and "홍길동" in parts
    assert name_slug(" Ann  O'Neil ") == "ann-o-neil"


def export_people(tmp_path: Path, text: str = FORUM) -> tuple[Path, Path]:
    forum = write(tmp_path, text)
    folder = tmp_path / "people"
    result = run("export", forum, "--per-person", folder, env=EPOCH)
    assert result.stderr == f"{folder}에 캘린더 6개를 썼습니다\n"
    return forum, folder


def events(path: Path) -> dict[str, tuple]:
    calendar = Calendar.from_ical(path.read_bytes())
    assert "UID" not in calendar  # no calendar-level UID: it would be the same in every file
    return {str(e["UID"]): (e.decoded("DTSTART"), e.decoded("DTEND"), str(e["STATUS"]), str(e["X-AGENDA-FORUM"]),
                            str(e.get("DESCRIPTION", "")))
            for e in calendar.walk("VEVENT")}


def test_per_person_calendars_hold_the_forum_and_each_part(tmp_path):
    _, folder = export_people(tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == [
        "cho.ics", "koo.ics", "kwon.ics", "lee.ics", "mc.ics", "yang.ics"]
    cho = events(folder / "cho.ics")
    assert {uid: value[:4] for uid, value in cho.items()} == {
        "notice-forum+cho@agenda.forum": (at("14:00"), at("16:00"), "CONFIRMED", "notice-forum"),
        "notice-forum.panel+cho@agenda.forum": (at("14:55"), at("15:10"), "CONFIRMED", "notice-forum"),
    }
    description = cho["notice-forum.panel+cho@agenda.forum"][4]
    assert description == "역할: 지정토론\n시간: 14:55~15:10 (15분)\n앞 순서: 권영설\n다음 순서: 양승오"
    mc = events(folder / "mc.ics")
    assert set(mc) == {"notice-forum+mc@agenda.forum", "notice-forum.opening+mc@agenda.forum",
                       "notice-forum.closing+mc@agenda.forum"}


def test_per_person_uids_never_collide_with_each_other_or_the_main_calendar(tmp_path):
    forum, folder = export_people(tmp_path)
    main = tmp_path / "main.ics"
    run("export", forum, "-o", main, "--segments", env=EPOCH)
    seen = [str(e["UID"]) for e in Calendar.from_ical(main.read_bytes()).walk("VEVENT")]
    for path in sorted(folder.glob("*.ics")):
        seen += list(events(path))
    assert len(seen) == len(set(seen)) == 6 + 2 + 2 + 2 + 2 + 3 + 2  # main; cho, koo, kwon, lee, mc, yang


def test_addresses_never_reach_calendars_or_the_programme(tmp_path):
    forum, folder = export_people(tmp_path)
    outputs = [p.read_bytes() for p in folder.glob("*.ics")]
    for suffix in ("ics", "json", "md", "html", "csv"):
        target = tmp_path / f"all.{suffix}"
        run("export", forum, "-o", target, "--segments" if suffix == "ics" else "--force", env=EPOCH)
        outputs.append(target.read_bytes())
    outputs.append(run("plan", forum, "--format", "json").stdout_bytes)
    for data in outputs:
        assert b"example.org" not in data


def test_export_needs_an_output_or_a_folder(tmp_path):
    result = run("export", write(tmp_path, FORUM), exit_status=2)
    assert "give -o OUT (a file, or - for stdout), or --per-person DIR" in result.stderr


def test_the_seed_forums_panelists_get_their_own_items(tmp_path):
    folder = tmp_path / "seed"
    run("export", SEED, "--per-person", folder, env=EPOCH)
    kwon = events(folder / "kwon-youngseol.ics")
    assert kwon["ai-party-2023-2.panel.1+kwon-youngseol@agenda.forum"][:2] == (at("14:45"), at("15:00"))
    assert "ai-party-2023-2.opening+lee-gaeho@agenda.forum" in events(folder / "lee-gaeho.ics")


def test_an_invalid_email_is_an_invalid_field(tmp_path):
    forum = write(tmp_path, FORUM.replace("email: koo@example.org", 'email: "koo@example.org\\nBcc: x@y.org"'))
    result = run("validate", forum, exit_status=1)
    assert "invalid-field" in result.stdout and "이메일 주소가 아닙니다. name@example.org처럼 쓰세요" in result.stdout


@pytest.mark.slow
def test_shared_checker_passes_per_person_calendars(tmp_path):
    """Three people's calendars, in one run of the checker; a failure names the person's calendar."""
    _, folder = export_people(tmp_path)
    people = ["koo", "cho", "mc"]
    reports = check_ics_batch([(folder / f"{person}.ics", ("khal",)) for person in people], tmp_path / "checker")
    assert len(reports) == len(people) and all("RESULT: PASS" in report for report in reports)


def test_an_inline_persons_slug_never_takes_another_persons_id():
    text = FORUM.replace("  lee: {name: 이상은,", "  jane-doe: {name: J. Doe,").replace(
        "speakers: [lee]", "speakers: [jane-doe, {name: Jane Doe}]")
    parts = parts_by_person(text)
    assert [p[0] for p in parts["jane-doe"]] == ["talk"] and [p[0] for p in parts["jane-doe-2"]] == ["talk"]


def test_nobody_comes_before_or_after_themselves(tmp_path):
    """구본권 chairs the panel and then the Q&A: his panel's "next" is not himself."""
    folder = tmp_path / "people"
    run("export", SEED, "--per-person", folder)
    descriptions = {str(e["UID"]): str(e.get("DESCRIPTION", ""))
                    for e in Calendar.from_ical((folder / "koo-bonkwon.ics").read_bytes()).walk("VEVENT")}
    panel = descriptions["ai-party-2023-2.panel+koo-bonkwon@agenda.forum"]
    qa = descriptions["ai-party-2023-2.qa+koo-bonkwon@agenda.forum"]
    assert panel.startswith("역할: 좌장\n") and "구본권" not in panel
    assert "구본권" not in qa


def test_personal_calendars_follow_lang(tmp_path):
    folder = tmp_path / "people"
    run("export", SEED, "--lang", "en", "--per-person", folder)
    events = Calendar.from_ical((folder / "lee-sangeun.ics").read_bytes()).walk("VEVENT")
    talk = next(e for e in events if str(e["UID"]).startswith("ai-party-2023-2.presentation"))
    assert str(talk["DESCRIPTION"]).startswith("Role: Presenter\nTime: 14:20–14:45 (25 min)")
