"""Every word `agenda` shows a reader, one table per language.

Renderers and the planner look words up here; no other module decides
between Korean and English.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from agenda.core.kinds import kind_label
from agenda.core.zones import clock_text


@dataclass(frozen=True, eq=False)
class Labels:
    language: str
    roles: dict[str, str]
    weekdays: tuple[str, ...]
    minutes_unit: str  # "{n}분" / "{n} min"
    time_heading: str
    minutes_heading: str
    segment_heading: str
    people_heading: str
    notes_heading: str
    people_list_heading: str
    programme_heading: str
    total_line: str  # scheduled / window
    unscheduled: str
    overrun: str
    venue: str
    date_label: str
    series: str
    theme: str
    cancelled: str
    timeline_heading: str
    unscheduled_block: str
    series_number: str
    no_changes: str  # `agenda diff` between two files that plan alike
    no_changes_markdown: str
    change_count: tuple[str, str]  # the last line of `agenda diff`: one change, {n} changes
    credits: dict[str, str] = field(default_factory=dict)  # forum.hosts roles: 주최, 주관, 후원, 협찬
    new_file_zone: dict[str, str] = field(default_factory=dict)  # why `agenda init` chose the zone it wrote

    def kind(self, kind: str) -> str:
        """The kind's default title; the labels themselves live in the one `KINDS` table."""
        return kind_label(kind, self.language)

    def title(self, title: str | None, kind: str) -> str:
        """A segment's title as a reader sees it: the file's own, else the kind's label in this language."""
        return title or self.kind(kind)

    def changes(self, n: int) -> str:
        return self.change_count[0 if n == 1 else 1].format(n=n)

    def minutes(self, n: int) -> str:
        return self.minutes_unit.format(n=n)

    def long_date(self, day: date) -> str:
        weekday = self.weekdays[day.weekday()]
        if self.language == "ko":
            return f"{day.year}년 {day.month}월 {day.day}일({weekday})"
        return f"{weekday}, {day.day} {_MONTHS_EN[day.month - 1]} {day.year}"

    def time_range(self, start: datetime | None, end: datetime | None,
                   start_days: int = 0, end_days: int = 0) -> str:
        """`14:00~14:15`; `~14:00` for an open start; nothing for an untimed item.

        `start_days`/`end_days` count the days after the forum's date: a clock
        on another day carries `(+1)`, so `23:30~00:30(+1)` reads as it runs.
        """
        if start is None and end is None:
            return ""
        dash = "~" if self.language == "ko" else "–"
        left = f"{clock_text(start)}{_days(start_days)}" if start else ""
        right = f"{clock_text(end)}{_days(end_days)}" if end else ""
        return f"{left}{dash}{right}"

    def when(self, start: datetime, end: datetime) -> str:
        joiner = " " if self.language == "ko" else ", "
        later = (end.date() - start.date()).days
        return f"{self.long_date(start.date())}{joiner}{self.time_range(start, end, 0, later)}"

    def day_heading(self, number: int, day: date, title: str | None) -> str:
        """A day's heading row: "2일차 · 2024년 5월 21일(화) · 본행사" / "Day 2 · Tuesday, 21 May 2024 · ..."."""
        return " · ".join(part for part in (self.day_name(number), self.long_date(day), title) if part)

    def day_name(self, number: int) -> str:
        return f"{number}일차" if self.language == "ko" else f"Day {number}"

    def date_span(self, first: date, last: date) -> str:
        """A forum of several days: its first and last dates."""
        dash = " ~ " if self.language == "ko" else " – "
        return f"{self.long_date(first)}{dash}{self.long_date(last)}"

    def total(self, scheduled: int, window: int, slack: int, overrun: int) -> str:
        text = self.total_line.format(scheduled=scheduled, window=window)
        if overrun:
            text += " · " + self.overrun.format(n=overrun)
        elif slack:
            text += " · " + self.unscheduled.format(n=slack)
        return text


def _days(days: int) -> str:
    return f"({days:+d})" if days else ""


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December")

KO = Labels(
    language="ko",
    roles={"speaker": "", "moderator": "좌장", "mc": "진행 사회"},
    weekdays=("월", "화", "수", "목", "금", "토", "일"),
    minutes_unit="{n}분",
    time_heading="시간", minutes_heading="분", segment_heading="순서",
    people_heading="발표·토론자", notes_heading="비고",
    people_list_heading="참여자", programme_heading="진행 순서",
    total_line="{scheduled} / {window}분", unscheduled="{n}분 미배정", overrun="{n}분 초과",
    venue="장소", date_label="일시", series="시리즈", theme="주제",
    cancelled="취소", timeline_heading="시간표", unscheduled_block="미배정",
    series_number="제{n}차",
    no_changes="바뀐 것이 없습니다", no_changes_markdown="바뀐 것이 없습니다.",
    change_count=("바뀐 것 {n}개", "바뀐 것 {n}개"),
    credits={"host": "주최", "organizer": "주관", "sponsor": "후원", "supporter": "협찬"},
    new_file_zone={
        "template": "시간대: {zone} (한국어 파일의 기본값). 다른 곳에서 열리면 --timezone으로 바꾸세요 (예: --timezone Asia/Tokyo)",
        "machine": "시간대: {zone} (이 컴퓨터의 시간대). 다른 곳에서 열리면 --timezone으로 바꾸세요",
        "utc": "시간대: UTC (이 컴퓨터가 UTC로 설정되어 있음). 포럼이 열리는 곳의 시간대를 --timezone으로 주세요 "
               "(예: --timezone Asia/Seoul), 또는 파일의 forum.timezone을 고치세요",
        "unknown": "시간대: UTC (이 컴퓨터의 시간대를 알 수 없음). 포럼이 열리는 곳의 시간대를 --timezone으로 주세요 "
                   "(예: --timezone Asia/Seoul), 또는 파일의 forum.timezone을 고치세요",
    },
)

EN = Labels(
    language="en",
    roles={"speaker": "", "moderator": "Moderator", "mc": "MC"},
    weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    minutes_unit="{n} min",
    time_heading="Time", minutes_heading="Min", segment_heading="Segment",
    people_heading="People", notes_heading="Notes",
    people_list_heading="People", programme_heading="Programme",
    total_line="{scheduled} / {window} min", unscheduled="{n} min unscheduled", overrun="{n} min over",
    venue="Venue", date_label="Date", series="Series", theme="Theme",
    cancelled="cancelled", timeline_heading="Timeline", unscheduled_block="unscheduled",
    series_number="No. {n}",
    no_changes="no changes", no_changes_markdown="No changes.",
    change_count=("{n} change", "{n} changes"),
    credits={"host": "Hosted by", "organizer": "Organized by", "sponsor": "Sponsored by",
             "supporter": "Supported by"},
    new_file_zone={
        "template": "timezone: {zone}, the default for a Korean file; use --timezone ZONE if the forum is elsewhere",
        "machine": "timezone: {zone}, this machine's zone; use --timezone ZONE if the forum is elsewhere",
        "utc": "timezone: UTC, because this machine is set to UTC; give the forum's own zone with "
               "--timezone ZONE (e.g. --timezone Europe/London), or edit forum.timezone in the file",
        "unknown": "timezone: UTC, because this machine's zone cannot be told (TZ, /etc/localtime and "
                   "/etc/timezone name no IANA zone); give the forum's own zone with --timezone ZONE (e.g. --timezone "
                   "Europe/London), or edit forum.timezone in the file",
    },
)

LABELS = {"ko": KO, "en": EN}


def labels_for(language: str) -> Labels:
    return LABELS[language]
