"""The words of the day (`now`, `report`, `run`), one table per language.

Kept apart from `agenda.i18n` so the live programme's words stay in one
place. A difference is always said in words ("late", "ahead", "past the
window"), never as a bare sign: a desk reads "-00:07" both ways.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DayWords:
    language: str
    late: str
    ahead: str
    on_time: str
    resized: str
    resized_grows: str
    ends_on_time: str
    ends_spare: str
    ends_past: str
    ended_on_time: str
    ended_spare: str
    ended_past: str
    starts_in: str
    start_late: str
    left: str
    over: str
    until: str
    next: str
    next_none: str
    nothing_running: str
    statuses: dict[str, str]
    states: dict[str, str]
    more: str
    less: str
    as_planned: str
    headings: dict[str, str]
    started_late: str
    started_early: str
    started_on_time: str
    total_past: str
    total_within: str
    mark_done: dict[str, str]
    rehearsal: str
    keys: str
    minutes: str
    off_the_day: str  # {date} {window}: a clock reading nowhere near the forum's day
    fresh_rehearsal: str  # {old}: where the last rehearsal's marks went
    wrote: str  # {path}
    planned_at: str


KO = DayWords(
    language="ko",
    late="{n}분 늦게 진행 중", ahead="{n}분 일찍 진행 중", on_time="정시 진행 중",
    resized="{title} {old}분 → {new}분", resized_grows="{title} {old}분 → {new}분",
    ends_on_time="{end} 정시 종료 예상", ends_spare="{end} 종료 예상 ({n}분 여유)",
    ends_past="{end} 종료 예상, 예정보다 {n}분 초과",
    ended_on_time="{end} 정시 종료", ended_spare="{end} 종료 ({n}분 여유)",
    ended_past="{end} 종료, 예정보다 {n}분 초과",
    starts_in="{start} 시작까지 {n}분", start_late="시작이 {n}분 늦어지는 중",
    left="{n} 남음", over="{n} 초과", until="{end}까지", next="다음: {title} {start}",
    next_none="다음 순서 없음", nothing_running="진행 중인 순서 없음",
    statuses={"done": "완료", "running": "진행 중", "upcoming": "예정", "skipped": "건너뜀", "cancelled": "취소"},
    states={"before": "시작 전", "running": "진행 중", "between": "순서 사이", "after": "종료"},
    more="{n}분 더", less="{n}분 덜", as_planned="계획대로",
    headings={"segment": "순서", "status": "상태", "planned": "계획", "actual": "실제",
              "minutes": "분", "difference": "차이", "totals": "합계"},
    started_late="{n}분 늦게 시작", started_early="{n}분 일찍 시작", started_on_time="정시 시작",
    total_past="예정 종료 시각보다 {n}분 초과", total_within="예정 종료 시각 안에 끝남",
    mark_done={"start": "{title} 시작 {at}", "end": "{title} 종료 {at}", "next": "{title} 시작 {at}",
               "skip": "{title} 건너뜀", "undo": "마지막 기록 취소 ({what})", "last": "마지막 순서 종료 {at}"},
    rehearsal="리허설", keys="스페이스·n 다음 · s 시작 · e 종료 · u 되돌리기 · q 끝내기",
    off_the_day=("이 토론회는 {date} {window}에 열립니다. 지금은 그날이 아니어서 기록하거나 내다볼 수 없습니다. "
                 "그날의 시각은 --at으로 주세요(예: --at 14:03). 미리 연습하려면 agenda run FILE --at 14:00"),
    fresh_rehearsal="새 리허설을 시작합니다. 지난 리허설 기록은 {old}로 옮겼습니다",
    wrote="{path}에 썼습니다",
    minutes="{n}분", planned_at="(계획 {start})",
)

EN = DayWords(
    language="en",
    late="running {n} min late", ahead="running {n} min ahead", on_time="running on time",
    resized="{title} cut from {old} to {new} min", resized_grows="{title} grows from {old} to {new} min",
    ends_on_time="ends {end}, on time", ends_spare="ends {end}, {n} min to spare",
    ends_past="ends {end}, {n} min past the window",
    ended_on_time="ended {end}, on time", ended_spare="ended {end}, {n} min to spare",
    ended_past="ended {end}, {n} min past the window",
    starts_in="starts {start}, in {n} min", start_late="starting {n} min late",
    left="{n} left", over="{n} over", until="until {end}", next="next: {title} at {start}",
    next_none="nothing follows", nothing_running="nothing running",
    statuses={"done": "done", "running": "running", "upcoming": "upcoming", "skipped": "skipped",
              "cancelled": "cancelled"},
    states={"before": "before the start", "running": "running", "between": "between segments", "after": "finished"},
    more="{n} min over", less="{n} min under", as_planned="as planned",
    headings={"segment": "Segment", "status": "Status", "planned": "Planned", "actual": "Actual",
              "minutes": "Min", "difference": "Difference", "totals": "Totals"},
    started_late="started {n} min late", started_early="started {n} min early", started_on_time="started on time",
    total_past="{n} min past the window", total_within="within the window",
    mark_done={"start": "{title} started {at}", "end": "{title} ended {at}", "next": "{title} started {at}",
               "skip": "{title} skipped", "undo": "latest mark withdrawn ({what})", "last": "last segment ended {at}"},
    rehearsal="rehearsal", keys="space/n next · s start · e end · u undo · q quit",
    off_the_day=("this forum takes place on {date}, {window}; it is not its day now, so nothing can be marked "
                 "or projected. Give a time of the day with --at (e.g. --at 14:03), or rehearse with "
                 "agenda run FILE --at 14:00"),
    fresh_rehearsal="a new rehearsal: the last rehearsal's marks were moved to {old}",
    wrote="wrote {path}",
    minutes="{n} min", planned_at="(planned {start})",
)

DAY_WORDS = {"ko": KO, "en": EN}


def day_words(language: str) -> DayWords:
    return DAY_WORDS[language]
