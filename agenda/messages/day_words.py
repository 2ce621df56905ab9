"""The words of the day (`now`, `report`, `run`), one table per language.

Kept apart from `agenda.messages.labels` so the live programme's words stay in one
place. A difference is always said in words ("late", "ahead", "past the
window"), never as a bare sign: a desk reads "-00:07" both ways.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from agenda.day.marks import DayWarning, Mark
from agenda.messages.ko import josa
from agenda.messages.labels import labels_for


@dataclass(frozen=True)
class DayWords:
    language: str
    late: str
    ahead: str
    on_time: str
    resized: str
    resized_grows: str
    ends_on_time: str
    ends_on_time_made_up: str  # {end}: late now, on time at the end, and nothing shortened: the idle minutes take it
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
    mark_done: dict[str, str]
    rehearsal: str
    keys: str
    minutes: str
    off_the_day: str  # {date} {window}: a clock reading nowhere near the forum's day
    undo_elsewhere: str  # {date}: after an undo made on another day, instead of a projection
    fresh_rehearsal: str  # {old}: where the last rehearsal's marks went
    wrote: str  # {path}
    no_log: str  # {path}: a report asked of a log that is not there (a mistyped --log, most often)
    planned_at: str
    mark_kinds: dict[str, str]  # a mark named in words: the undo line, a warning about a mark
    warning: str  # {text}
    nothing_appended: str  # {why}
    cut_part: str  # {title} {old} {new}: one cut of the advice
    cut_to_end: str  # {cuts} {end}: the advice for ending on time
    cut_to_end_past: str  # {cuts} {end} {n}: the advice when even every cut ends past the window
    stop_now: str  # {end} {n}: nothing left to cut but the running part's rest: stopping now ends this late
    nothing_to_cut: str  # past the window, and nothing the advice may cut (what remains is pinned, or has run out)
    day_over: str  # {day} {at} {next} {date} {start}: `next` ended a day's last part; when the next day starts
    track_over: str  # {room} {at}: a room's `next` ended its track's last part (the block may go on elsewhere)
    window_left: str  # {n}: the window's end beside the last part's own clock


KO = DayWords(
    language="ko",
    late="{n}분 늦게 진행 중", ahead="{n}분 일찍 진행 중", on_time="정시 진행 중",
    resized="{title} {old}분 → {new}분", resized_grows="{title} {old}분 → {new}분",
    ends_on_time="{end} 정시 종료 예상", ends_on_time_made_up="남는 시간으로 메워 {end} 정시 종료 예상", ends_spare="{end} 종료 예상 ({n}분 여유)",
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
    mark_done={"start": "{title} 시작 {at}", "end": "{title} 종료 {at}", "next": "{title} 시작 {at}",
               "skip": "{title} 건너뜀", "undo": "마지막 기록 취소 ({what})", "last": "마지막 순서 종료 {at}"},
    rehearsal="리허설", keys="스페이스·n 다음 · s 시작 · e 종료 · k 다음 순서 건너뛰기 · u 되돌리기 · q 끝내기",
    off_the_day=("이 토론회는 {date} {window}에 열립니다. 지금은 그날이 아니어서 기록하거나 내다볼 수 없습니다. "
                 "그날의 시각은 --at으로 주세요(예: --at 14:03). 미리 연습하려면 agenda run FILE --at 14:00"),
    undo_elsewhere=("이 토론회는 {date}에 열립니다. 오늘은 그날이 아니어서 늦고 이른 것을 내다보지 않습니다. "
                    "기록대로의 하루는 agenda report로 보세요"),
    fresh_rehearsal="새 리허설을 시작합니다. 지난 리허설 기록은 {old}로 옮겼습니다",
    wrote="{path}에 썼습니다",
    no_log="경고: 기록 파일 {path}이(가) 없어 표시가 하나도 없는 보고서입니다. 다른 파일이면 --log로 고르세요",
    minutes="{n}분", planned_at="(계획 {start})",
    mark_kinds={"start": "시작", "end": "종료", "next": "다음", "skip": "건너뛰기", "undo": "되돌리기"},
    warning="경고: {text}", nothing_appended="{why}. 아무것도 기록하지 않았습니다",
    cut_part="{title} {old}분 → {new}분", cut_to_end="{cuts}이면 {end} 정시 종료",
    window_left="종료 시각까지 {n}",
    cut_to_end_past="{cuts}이면 {end} 종료 ({n}분 초과)", stop_now="지금 마치면 {end} 종료 ({n}분 초과)",
    nothing_to_cut="줄일 수 있는 남은 순서가 없습니다",
    day_over="{day} 마지막 순서 종료 {at} · {next}는 {date} {start} 시작",
    track_over="{room} 순서 종료 {at}",
)

EN = DayWords(
    language="en",
    late="running {n} min late", ahead="running {n} min ahead", on_time="running on time",
    resized="{title} cut from {old} to {new} min", resized_grows="{title} grows from {old} to {new} min",
    ends_on_time="ends {end}, on time", ends_on_time_made_up="the spare minutes take the delay: ends {end}, on time", ends_spare="ends {end}, {n} min to spare",
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
    mark_done={"start": "{title} started {at}", "end": "{title} ended {at}", "next": "{title} started {at}",
               "skip": "{title} skipped", "undo": "latest mark withdrawn ({what})", "last": "last segment ended {at}"},
    rehearsal="rehearsal", keys="space/n next · s start · e end · k skip the next part · u undo · q quit",
    off_the_day=("this forum takes place on {date}, {window}; it is not its day now, so nothing can be marked "
                 "or projected. Give a time of the day with --at (e.g. --at 14:03), or rehearse with "
                 "agenda run FILE --at 14:00"),
    undo_elsewhere=("today is not the forum's day ({date}), so no delay is projected; agenda report shows "
                    "the day as the log now has it"),
    fresh_rehearsal="a new rehearsal: the last rehearsal's marks were moved to {old}",
    wrote="wrote {path}",
    no_log="warning: there is no marks log at {path}, so the report has no marks; choose another with --log",
    minutes="{n} min", planned_at="(planned {start})",
    mark_kinds={"start": "start", "end": "end", "next": "next", "skip": "skip", "undo": "undo"},
    warning="warning: {text}", nothing_appended="{why}; nothing appended",
    cut_part="{title} from {old} to {new} min", cut_to_end="cut {cuts} to end at {end}",
    window_left="{n} to the window's end",
    cut_to_end_past="cut {cuts} to end at {end}, {n} min past the window",
    stop_now="stopping now ends at {end}, {n} min past the window",
    nothing_to_cut="nothing left can be cut",
    day_over="{day} is over ({at}); {next} starts {date} at {start}",
    track_over="{room}: its track is over ({at})",
)

DAY_WORDS = {"ko": KO, "en": EN}


def day_words(language: str) -> DayWords:
    return DAY_WORDS[language]


Details = Mapping[str, object]


def _clock(details: Details, name: str) -> str:
    moment = details[name]
    assert isinstance(moment, datetime)
    return f"{moment:%H:%M:%S}"


def _id(details: Details, name: str = "segment") -> str:
    return f"'{details[name]}'"


def _ids(details: Details) -> str:
    known = details["known"]
    assert isinstance(known, tuple)
    return ", ".join(str(k) for k in known)


def _rooms(details: Details) -> str:
    """`room1 (제1소회의실), room2 (제2소회의실)`: what to send, and the room people know."""
    rooms = details["rooms"]
    assert isinstance(rooms, tuple)
    return ", ".join(f"{key} ({name})" for key, name in rooms)


IMPOSSIBLE: dict[str, dict[str, Callable[[Details], str]]] = {
    "ko": {
        "before-latest": lambda d: (f"마지막 기록({_clock(d, 'latest')})보다 이른 시각({_clock(d, 'at')})입니다. "
                                    f"--at에 더 늦은 시각을 주거나, 그 기록을 먼저 되돌리세요"),
        "unknown-segment": lambda d: f"파일에 {_id(d)} 순서가 없습니다. 순서: {_ids(d)}",
        "nothing-to-undo": lambda d: "되돌릴 기록이 없습니다",
        "nothing-running": lambda d: "진행 중인 순서가 없어 끝낼 것이 없습니다. 먼저 순서를 시작하세요",
        "not-running": lambda d: (f"{josa(_id(d), '은', '는')} 진행 중이 아닙니다. "
                                  f"진행 중인 순서는 {_id(d, 'running')}입니다"),
        "skip-which": lambda d: "건너뛸 순서를 주세요: agenda mark FILE skip SEGMENT",
        "skip-started": lambda d: (f"{josa(_id(d), '은', '는')} 이미 시작해서 건너뛸 수 없습니다. "
                                   f"먼저 시작 기록을 되돌리세요"),
        "already-skipped": lambda d: f"{josa(_id(d), '은', '는')} 이미 건너뛰었습니다",
        "none-left": lambda d: "시작할 순서가 남아 있지 않습니다",
        "already-started": lambda d: (f"{josa(_id(d), '은', '는')} 이미 {_clock(d, 'started')}에 시작했습니다. "
                                      f"다시 시작하려면 그 기록을 되돌리세요"),
        "cancelled": lambda d: f"{josa(_id(d), '은', '는')} 파일에서 취소된 순서라 시작할 수 없습니다",
        "off-the-day": lambda d: (f"{_day_and_clock(d)}는 이 토론회의 날({d['day']})이 아닙니다. "
                                  f"--at에 그날의 시각을 주세요(예: --at 14:03)"),
        "expect-stale": lambda d: (f"그사이 진행이 바뀌었습니다: {_expected(d, '진행 중인 순서 없음')}. "
                                   f"화면을 새로 보고 다시 누르세요"),
        "which-room": lambda d: (f"병행 순서가 진행 중이라 어느 회의실의 기록인지 밝혀야 합니다"
                                 f"(--room 또는 \"room\"): {_rooms(d)}"),
        "unknown-room": lambda d: f"진행 중인 병행 순서에 {_id(d, 'room')} 회의실이 없습니다. 회의실: {_rooms(d)}",
        "not-in-room": lambda d: f"{josa(_id(d), '은', '는')} {_id(d, 'room')} 회의실의 순서가 아닙니다",
        "day-over": lambda d: (f"{_day(d, 'day', 'ko')} 순서를 모두 마쳤습니다. "
                               f"{josa(_day(d, 'next_day', 'ko'), '은', '는')} {_date(d, 'ko')} "
                               f"{_clock_hm(d, 'starts')}에 시작합니다. 그날의 시각은 날짜와 함께 주세요"
                               f"(예: --at {_iso(d)})"),
        "other-day": lambda d: (f"{josa(_id(d), '은', '는')} {_day(d, 'day', 'ko')}({_date(d, 'ko')} "
                                f"{_clock_hm(d, 'starts')}~{_clock_hm(d, 'ends')}) 순서라 "
                                f"{_day(d, 'today', 'ko')}에는 시작할 수 없습니다. 그날의 시각을 날짜와 함께 주세요"
                                f"(예: --at {_iso(d)})"),
    },
    "en": {
        "before-latest": lambda d: (f"{_clock(d, 'at')} is before the latest mark in force ({_clock(d, 'latest')}); "
                                    f"give a later --at, or undo that mark first"),
        "unknown-segment": lambda d: f"no segment {_id(d)} in the file; the segments are: {_ids(d)}",
        "nothing-to-undo": lambda d: "nothing to undo: no mark is in force",
        "nothing-running": lambda d: "nothing is running, so nothing can end; start a segment first",
        "not-running": lambda d: f"{_id(d)} is not running; {_id(d, 'running')} is",
        "skip-which": lambda d: "say which segment to skip: agenda mark FILE skip SEGMENT",
        "skip-started": lambda d: f"{_id(d)} has already started; it cannot be skipped (undo its start first)",
        "already-skipped": lambda d: f"{_id(d)} is already skipped",
        "none-left": lambda d: "no segment is left to start",
        "already-started": lambda d: (f"{_id(d)} already started at {_clock(d, 'started')}; "
                                      f"undo that mark to start it again"),
        "cancelled": lambda d: f"{_id(d)} is cancelled in the file; it cannot start",
        "off-the-day": lambda d: (f"{_day_and_clock(d)} is not this forum's day ({d['day']}); "
                                  f"give a time of that day with --at, e.g. --at 14:03"),
        "expect-stale": lambda d: (f"the day has moved on meanwhile: {_expected(d, 'nothing is running')}; "
                                   f"look again and press again"),
        "which-room": lambda d: (f"a parallel block is running: say which room the mark is for "
                                 f"(--room, or \"room\"): {_rooms(d)}"),
        "unknown-room": lambda d: f"the running parallel block has no room {_id(d, 'room')}; its rooms: {_rooms(d)}",
        "not-in-room": lambda d: f"{_id(d)} is not in room {_id(d, 'room')}'s track",
        "day-over": lambda d: (f"{_day(d, 'day', 'en')} is over; {_day(d, 'next_day', 'en')} starts "
                               f"{_date(d, 'en')} at {_clock_hm(d, 'starts')}: give a time of that day with its "
                               f"date, e.g. --at {_iso(d)}"),
        "other-day": lambda d: (f"{_id(d)} is on {_day(d, 'day', 'en')} ({_date(d, 'en')}, {_clock_hm(d, 'starts')}"
                                f"–{_clock_hm(d, 'ends')}), so it cannot start on {_day(d, 'today', 'en')}: give a "
                                f"time of its day with its date, e.g. --at {_iso(d)}"),
    },
}


def _day(d: Details, name: str, language: str) -> str:
    """A day by its number, as the plan's headings name it: 2일차, Day 2."""
    number = d[name]
    assert isinstance(number, int)
    return labels_for(language).day_name(number)


def _date(d: Details, language: str) -> str:
    moment = d["starts"]
    assert isinstance(moment, datetime)
    return labels_for(language).long_date(moment.date())


def _clock_hm(d: Details, name: str) -> str:
    moment = d[name]
    assert isinstance(moment, datetime)
    return f"{moment:%H:%M}"


def _iso(d: Details) -> str:
    """The day's start as `--at` takes it with its date: a bare clock may belong to another day's window."""
    moment = d["starts"]
    assert isinstance(moment, datetime)
    return moment.isoformat(timespec="minutes")


def _expected(d: Details, nothing: str) -> str:
    """What runs now, as the refusal of a stale `expect` names it: a part's id, or no part."""
    running = str(d["running"])
    return nothing if running == "none" else f"'{running}'"


def _day_and_clock(d: Details) -> str:
    moment = d["at"]
    assert isinstance(moment, datetime)
    return f"{moment:%Y-%m-%d %H:%M}"


def impossible_text(reason: str, details: Details, language: str) -> str:
    """Why a mark cannot be, in the reader's language."""
    return IMPOSSIBLE[language][reason](details)


def _mark_named(mark: object, language: str) -> str:
    assert isinstance(mark, Mark)
    words = [day_words(language).mark_kinds[mark.kind.value]]
    return " ".join(words + ([mark.segment] if mark.segment else []) + [f"{mark.at:%H:%M:%S}"])


def _count(d: Details) -> int:
    count = d.get("count", 1)
    assert isinstance(count, int)
    return count


def _more(d: Details, korean: bool) -> str:
    """After a warning about one mark: how many more were passed over alike (said once, not once each)."""
    more = _count(d) - 1
    if more <= 0:
        return ""
    return f" (같은 이유로 {more:,}개 더 무시)" if korean else f" (and {more:,} more like it)"


def _log_line_text(d: Details, reason: str, korean: bool) -> str:
    """Lines of the log passed over: one named, or how many and the first."""
    count = _count(d)
    if reason == "unreadable-line":
        if count == 1:
            return (f"{d['file']}:{d['line']}: 이 줄을 읽을 수 없어 건너뜁니다. 고치거나 지우세요" if korean
                    else f"{d['file']}:{d['line']}: this line cannot be read; it is skipped: fix or delete it")
        return (f"{d['file']}: 읽을 수 없는 줄 {count:,}개를 건너뜁니다. 처음 것은 {d['line']}번째 줄입니다. "
                f"고치거나 지우세요" if korean
                else f"{d['file']}: {count:,} lines cannot be read and are skipped; the first is line {d['line']}: "
                     f"fix or delete them")
    years = f"{d['first']}~{d['last']}년" if korean else f"{d['first']}-{d['last']}"
    if count == 1:
        return (f"{d['file']}:{d['line']}: 기록 시각의 연도({d['year']}년)가 쓸 수 있는 {years} 밖이라 "
                f"이 줄은 건너뜁니다. 날짜를 고치거나 줄을 지우세요" if korean
                else f"{d['file']}:{d['line']}: the mark's time is in the year {d['year']}, outside {years}; "
                     f"it is skipped: fix its date or delete the line")
    return (f"{d['file']}: 시각의 연도가 쓸 수 있는 {years} 밖인 기록 {count:,}개를 건너뜁니다. "
            f"처음 것은 {d['line']}번째 줄({d['year']}년)입니다. 날짜를 고치거나 줄을 지우세요" if korean
            else f"{d['file']}: {count:,} marks have times outside the years {years} and are skipped; "
                 f"the first is line {d['line']} (the year {d['year']}): fix their dates or delete the lines")


def warning_text(warning: DayWarning, language: str) -> str:
    """A marks-log warning in the reader's language, with what to do, behind the localized `warning:`.

    Each kind is said once for the whole log, with a count: a log of many bad lines is one warning.
    """
    d = warning.arguments
    korean = language == "ko"
    if warning.reason == "torn-line":
        text = (f"{d['file']}:{d['line']}: 마지막 줄이 쓰는 도중에 끊겼습니다(비정상 종료). 이 줄은 건너뜁니다" if korean
                else f"{d['file']}:{d['line']}: the last line was cut off by a crash; it is skipped")
    elif warning.reason in ("unreadable-line", "year-out-of-range"):
        text = _log_line_text(d, warning.reason, korean)
    elif warning.reason == "unknown-segment":
        named = _mark_named(d["mark"], language)
        text = (f"{d['number']}번째 기록({named})의 순서가 이제 파일에 없어 무시합니다{_more(d, korean)}" if korean
                else f"mark {d['number']} ({named}) names a segment the file no longer has; ignored{_more(d, korean)}")
    elif warning.reason == "clock-behind":
        minutes = d["minutes"]
        text = (f"이 컴퓨터의 시계가 마지막 기록보다 {minutes}분 늦습니다. 기록은 마지막 기록 1초 뒤로 남겼습니다. "
                f"시계를 확인하세요" if korean else
                f"this computer's clock is {minutes} min behind the latest mark; the mark was recorded one "
                f"second after it. Check the clock")
    else:  # no-longer-fits
        details = d["why"]
        assert isinstance(details, tuple)
        why = impossible_text(str(d["reason"]), dict(details), language)
        named = _mark_named(d["mark"], language)
        text = (f"기록({named})을 무시합니다: {why}{_more(d, korean)}" if korean
                else f"{named} ignored: {why}{_more(d, korean)}")
    return day_words(language).warning.format(text=text)
