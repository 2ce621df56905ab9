"""A forum of several days in each person's calendar and notice: one forum event per day, parts dated.

Issue: a two-day file gave the MC one calendar event from day 1 09:30 to day 2 14:10, a notice part
`09:30~14:10 (1720분)` and a mail header `09:30~14:10(+1)`; day-2 parts had no date and no room.
"""

from datetime import date, datetime
from email import message_from_bytes, policy
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar

from agenda.messages.labels import labels_for
from agenda.messages.notice_words import days_when, part_date
from helpers import run, write

SEOUL = ZoneInfo("Asia/Seoul")

TWO_DAYS = """\
forum:
  id: sym
  title: 지역 심포지엄
  date: 2024-11-21
  start: 09:30
  end: 16:00
  timezone: Asia/Seoul
  language: {language}
  mc: park
  rooms:
    hall: {{name: 국제회의장}}
    r2: {{name: 중회의실}}
people:
  park: {{name: 박소희}}
  kim: {{name: 김정수}}
  lee: {{name: 이민호}}
program:
  - kind: day
  - {{kind: presentation, id: talk-kim, duration: 30m, speaker: kim}}
  - kind: day
    start: 10:00
    end: 14:10
  - {{kind: presentation, id: talk-lee, duration: 20m, speaker: lee, room: r2}}
  - {{kind: presentation, id: talk-kim-2, duration: 20m, speaker: kim}}
"""


def drafts(tmp_path: Path, language: str = "ko") -> Path:
    source = write(tmp_path, TWO_DAYS.format(language=language))
    run("notices", str(source), "--all", "-o", str(tmp_path / "drafts"))
    return tmp_path / "drafts"


def body(path: Path) -> str:
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    return message.get_body(("plain",)).get_content().replace("\r\n", "\n")


def test_a_hosts_calendar_of_two_days_has_one_forum_event_per_day_never_through_the_night(tmp_path):
    source = write(tmp_path, TWO_DAYS.format(language="ko"))
    run("export", str(source), "--per-person", str(tmp_path / "people"))
    mc = Calendar.from_ical((tmp_path / "people" / "park.ics").read_bytes())
    spans = [(str(e["UID"]), e.decoded("dtstart"), e.decoded("dtend")) for e in mc.walk("VEVENT")]
    assert [(uid, start.strftime("%d %H:%M"), end.strftime("%d %H:%M")) for uid, start, end in spans] == [
        ("sym+park@agenda.forum", "21 09:30", "21 16:00"), ("sym.day-2+park@agenda.forum", "22 10:00", "22 14:10")]
    assert [str(e["SUMMARY"]) for e in mc.walk("VEVENT")] == ["지역 심포지엄 · 1일차", "지역 심포지엄 · 2일차"]
    day1, day2 = (str(e["DESCRIPTION"]) for e in mc.walk("VEVENT"))  # each day's event: that day's programme
    assert "10:20" not in day1 and "10:20" in day2
    kim = Calendar.from_ical((tmp_path / "people" / "kim.ics").read_bytes())
    related = {str(e["UID"]): str(e["RELATED-TO"]) for e in kim.walk("VEVENT") if "RELATED-TO" in e}
    assert related == {"sym.talk-kim+kim@agenda.forum": "sym+kim@agenda.forum",
                       "sym.talk-kim-2+kim@agenda.forum": "sym.day-2+kim@agenda.forum"}


def test_a_notice_of_two_days_names_each_days_hours_and_dates_every_part(tmp_path):
    folder = drafts(tmp_path)
    mc = body(folder / "park.eml")
    assert "일시: 2024년 11월 21일(목) 09:30~16:00, 22일(금) 10:00~14:10\n" in mc
    assert ("- 11월 21일(목) 09:30~16:00 (390분) 지역 심포지엄 (진행 사회)\n"
            "- 11월 22일(금) 10:00~14:10 (250분) 지역 심포지엄 (진행 사회)\n") in mc
    assert "(+1)" not in mc
    kim = body(folder / "kim.eml")
    assert ("- 11월 21일(목) 09:30~10:00 (30분) 발제 (발제) · 국제회의장\n"
            "- 11월 22일(금) 10:20~10:40 (20분) 발제 (발제) · 국제회의장\n") in kim
    index = (folder / "index.md").read_text()
    assert "  - 발제 — 11월 22일(금) 10:00" in index and "· 중회의실" in index and "1720" not in index


def test_the_date_of_several_days_says_the_year_and_month_once():
    ko, en = labels_for("ko"), labels_for("en")
    days = [(datetime(2024, 11, 30, 9, 30, tzinfo=SEOUL), datetime(2024, 11, 30, 16, 0, tzinfo=SEOUL)),
            (datetime(2024, 12, 1, 10, 0, tzinfo=SEOUL), datetime(2024, 12, 1, 14, 10, tzinfo=SEOUL)),
            (datetime(2024, 12, 2, 22, 0, tzinfo=SEOUL), datetime(2024, 12, 3, 1, 0, tzinfo=SEOUL))]
    assert days_when(ko, days) == ("2024년 11월 30일(토) 09:30~16:00, 12월 1일(일) 10:00~14:10, "
                                   "2일(월) 22:00~01:00(+1)")
    assert days_when(en, days[:2]) == "Saturday, 30 November 2024, 09:30–16:00; Sunday, 1 December, 10:00–14:10"
    assert (part_date(ko, date(2024, 11, 22)), part_date(en, date(2024, 11, 22))) == ("11월 22일(금)", "Fri 22 Nov")


def test_an_english_notice_of_two_days_names_each_days_hours(tmp_path):
    mc = body(drafts(tmp_path, "en") / "park.eml")
    assert "Date: Thursday, 21 November 2024, 09:30–16:00; Friday, 22 November, 10:00–14:10\n" in mc
    assert "- Fri 22 Nov 10:00–14:10 (250 min) 지역 심포지엄 (MC)\n" in mc
