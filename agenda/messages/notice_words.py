"""The words of per-person calendars and change notices, one table per language.

Kept apart from agenda/messages/labels.py because only these outputs use them; the
kind labels, dates and time ranges still come from there.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from agenda.messages.labels import Labels


@dataclass(frozen=True)
class NoticeWords:
    language: str
    roles: dict[str, str]
    speaker_roles: dict[str, str]  # a speaker's role by the kind of their segment: 발제자, 지정토론자
    role: str
    time: str
    before: str
    after: str
    date: str
    venue: str
    subject: str  # {forum}
    greeting: str  # {name}
    intro: str  # {forum}
    changed_heading: str
    new_times_heading: str
    no_parts_left: str
    attachment: str
    changes: dict[str, str]
    index_title: str  # {forum}
    index_revision_warning: str  # {old} {new}
    index_notified: str
    index_no_address: str
    index_unchanged: str
    index_nobody: str
    cancelled: str
    minutes: str  # {n}
    # the first release (`notices NEW --all`): everyone's whole part
    release_subject: str  # {forum}
    release_intro: str  # {forum}
    release_heading: str
    release_attachment: str
    release_index_title: str  # {forum}
    release_index_left_out: str
    # the closing and the contact's signature
    closing: str
    signed: str  # {name}
    email: str
    phone: str
    # --invite: one message per part
    invitations_follow: str
    invite_subject: str  # {part} {forum}
    cancel_subject: str  # {part} {forum}
    invite_intro: str  # {forum}
    cancel_intro: str  # {forum}


KO = NoticeWords(
    language="ko",
    roles={"speaker": "발표", "moderator": "좌장", "mc": "진행 사회"},
    speaker_roles={"presentation": "발제", "keynote": "기조연설", "panel": "지정토론", "remarks": "인사말",
                   "opening": "개회식", "closing": "폐회", "qa": "질의응답"},
    role="역할", time="시간", before="앞 순서", after="다음 순서", date="일시", venue="장소",
    subject="[일정 변경] {forum}",
    greeting="{name} 님께",
    intro="「{forum}」 프로그램이 바뀌어 맡으신 순서가 달라졌습니다.",
    changed_heading="바뀐 내용",
    new_times_heading="새 시간",
    no_parts_left="이번 토론회에서 맡으신 순서가 더 이상 없습니다.",
    attachment="바뀐 일정을 달력 파일(.ics)로 첨부합니다. 달력 앱에서 열면 일정이 갱신됩니다.",
    changes={"start": "시작", "end": "끝", "minutes": "시간(분)", "title": "제목", "room": "장소",
             "cancelled": "취소", "restored": "다시 진행", "added": "새로 맡음", "removed": "빠짐"},
    index_title="변경 알림: {forum}",
    index_revision_warning="주의: 새 파일의 revision({new})이 이전 파일({old})보다 높지 않아 달력 앱이 갱신을 무시할 수 있습니다.",
    index_notified="알림을 받는 사람",
    index_no_address="이메일 주소가 없는 사람 (직접 전해 주세요)",
    index_unchanged="바뀐 것이 없어 알림을 받지 않는 사람",
    index_nobody="없음",
    cancelled="취소",
    minutes="{n}분",
    release_subject="[일정 안내] {forum}",
    release_intro="「{forum}」에서 맡아 주실 순서를 알려 드립니다.",
    release_heading="맡으신 순서",
    release_attachment="일정을 달력 파일(.ics)로 첨부합니다. 달력 앱에서 열면 일정에 들어갑니다.",
    release_index_title="일정 안내: {forum}",
    release_index_left_out="맡은 순서가 모두 취소되어 알림을 받지 않는 사람",
    closing="감사합니다.",
    signed="{name} 드림",
    email="이메일",
    phone="전화",
    invitations_follow="맡으신 순서마다 달력 초대를 따로 보내 드립니다.",
    invite_subject="[초대] {part} · {forum}",
    cancel_subject="[취소] {part} · {forum}",
    invite_intro="「{forum}」에서 맡아 주실 순서를 달력 초대로 보내 드립니다. 수락하시면 달력에 들어갑니다.",
    cancel_intro="「{forum}」에서 맡으셨던 이 순서가 취소되어 달력에서 지웁니다.",
)

EN = NoticeWords(
    language="en",
    roles={"speaker": "Speaker", "moderator": "Moderator", "mc": "MC"},
    speaker_roles={"presentation": "Presenter", "keynote": "Keynote speaker", "panel": "Panelist",
                   "remarks": "Remarks", "opening": "Opening", "closing": "Closing", "qa": "Q&A"},
    role="Role", time="Time", before="Before you", after="After you", date="Date", venue="Venue",
    subject="[Programme change] {forum}",
    greeting="Dear {name},",
    intro="The programme of \u201c{forum}\u201d has changed, and so has your part in it.",
    changed_heading="What changed",
    new_times_heading="Your new times",
    no_parts_left="You no longer have a part in this forum.",
    attachment="Your updated calendar is attached (.ics); open it in your calendar to update it.",
    changes={"start": "Start", "end": "End", "minutes": "Minutes", "title": "Title", "room": "Room",
             "cancelled": "Cancelled", "restored": "Back on the programme", "added": "New for you",
             "removed": "No longer yours"},
    index_title="Change notices: {forum}",
    index_revision_warning="Warning: the new file's revision ({new}) is not above the old one's ({old}); "
                           "calendars may ignore the update.",
    index_notified="Who gets a notice",
    index_no_address="No email address (tell them yourself)",
    index_unchanged="Left out: nothing of theirs moved",
    index_nobody="nobody",
    cancelled="cancelled",
    minutes="{n} min",
    release_subject="[Programme] {forum}",
    release_intro="Here is your part in \u201c{forum}\u201d.",
    release_heading="Your part",
    release_attachment="Your calendar is attached (.ics); open it in your calendar to add it.",
    release_index_title="Programme notices: {forum}",
    release_index_left_out="Left out: every part of theirs is cancelled",
    closing="Thank you.",
    signed="{name}",
    email="Email",
    phone="Phone",
    invitations_follow="Each of your parts also comes as a calendar invitation of its own.",
    invite_subject="Invitation: {part} · {forum}",
    cancel_subject="Cancelled: {part} · {forum}",
    invite_intro="This invitation is for your part in \u201c{forum}\u201d; accept it to put it in your calendar.",
    cancel_intro="This part of yours in \u201c{forum}\u201d is cancelled; this message takes it off your calendar.",
)

WORDS = {"ko": KO, "en": EN}


def notice_words(language: str) -> NoticeWords:
    return WORDS[language]


def role_word(words: NoticeWords, role: str, kind: str | None) -> str:
    """What a person does in a part: 좌장 or 진행 사회 as such; a speaker by their segment (발제, 지정토론)."""
    if role == "speaker" and kind in words.speaker_roles:
        return words.speaker_roles[kind]
    return words.roles.get(role, role)


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def part_date(labels: Labels, day: date) -> str:
    """A part's date in a forum of several days, short beside its times: `11월 22일(금)` / `Fri 22 Nov`."""
    weekday = labels.weekdays[day.weekday()]
    if labels.language == "ko":
        return f"{day.month}월 {day.day}일({weekday})"
    return f"{weekday[:3]} {day.day} {_MONTHS_EN[day.month - 1][:3]}"


def days_when(labels: Labels, windows: Sequence[tuple[datetime, datetime]]) -> str:
    """The 일시 of a forum of several days, each day with its own hours, the year and month said once:
    `2024년 11월 21일(목) 09:30~16:00, 22일(금) 10:00~14:10` /
    `Thursday, 21 November 2024, 09:30–16:00; Friday, 22 November, 10:00–14:10`."""
    said: list[str] = []
    previous: date | None = None
    for start, end in windows:
        day = start.date()
        hours = labels.time_range(start, end, 0, (end.date() - day).days)
        weekday = labels.weekdays[day.weekday()]
        if previous is None or previous.year != day.year:
            named = labels.long_date(day)
        elif labels.language == "ko":
            named = f"{day.day}일({weekday})" if previous.month == day.month else f"{day.month}월 {day.day}일({weekday})"
        else:
            named = f"{weekday}, {day.day} {_MONTHS_EN[day.month - 1]}"
        said.append(f"{named} {hours}" if labels.language == "ko" else f"{named}, {hours}")
        previous = day
    return (", " if labels.language == "ko" else "; ").join(said)
