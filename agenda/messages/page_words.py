"""The words on the live pages, one table per language (the day's own words are in `day_words`)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageWords:
    programme: str
    stage: str
    control: str
    planned: str
    actual: str
    segment: str
    status: str
    next: str
    left: str
    over: str
    nothing_running: str
    starts_at: str
    token: str
    token_help: str
    buttons: dict[str, str]
    sent: str
    refused: str
    offline: str
    delay: str
    banner: str  # {title} {base} {marks}: what `agenda serve` prints when it starts
    banner_rehearsal: str  # {at}
    banner_token: str  # {keep}; the token itself follows alone on the next line



KO = PageWords(
    programme="진행 순서", stage="무대 타이머", control="진행 데스크",
    planned="계획", actual="실제·예상", segment="순서", status="상태",
    next="다음", left="남음", over="초과", nothing_running="진행 중인 순서 없음", starts_at="{time} 시작",
    token="토큰", token_help="서버를 시작할 때 출력된 토큰을 붙여 넣으세요.",
    buttons={"next": "다음 순서", "start": "시작", "end": "종료", "undo": "되돌리기", "skip": "건너뛰기"},
    sent="기록했습니다", refused="기록하지 못했습니다", offline="서버와 연결이 끊겼습니다. 다시 연결하는 중…",
    delay="지연",
    banner=("agenda serve: {title}\n  진행 순서    {base}/\n  무대 타이머  {base}/stage\n"
            "  진행 데스크  {base}/control\n  기록 파일    {marks}\n"),
    banner_rehearsal=" (리허설, {at}부터)",
    banner_token="토큰({keep}에 보관합니다. 기록하려면 필요합니다):",
)

EN = PageWords(
    programme="Programme", stage="Stage timer", control="Desk",
    planned="Planned", actual="Actual / projected", segment="Segment", status="Status",
    next="Next", left="left", over="over", nothing_running="Nothing running", starts_at="starts {time}",
    token="Token", token_help="Paste the token the server printed when it started.",
    buttons={"next": "Next", "start": "Start", "end": "End", "undo": "Undo", "skip": "Skip"},
    sent="Recorded", refused="Not recorded", offline="Connection to the server lost; reconnecting…",
    delay="delay",
    banner=("agenda serve: {title}\n  programme  {base}/\n  stage      {base}/stage\n"
            "  desk       {base}/control\n  marks go to {marks}\n"),
    banner_rehearsal=" (rehearsal from {at})",
    banner_token="token (kept in {keep}; marks need it):",
)

PAGE_WORDS = {"ko": KO, "en": EN}
