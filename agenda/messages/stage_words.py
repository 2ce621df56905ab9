"""The words of the stage and the desk (issue 24): messages to the speaker, the desk's answers, the clock check.

Kept apart from the pages' first words (page_words) because they came with
their own feature; one table per language, both equally natural.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class StageWords:
    running: str  # the desk's heading over the running part
    next_button: str  # {title}: the "next" button, named for what it starts
    next_last: str  # the "next" button when nothing follows: it ends the day
    skip_button: str  # {title}: skips the next part
    recorded_at: str  # {time} {said}: after a press the server answered
    not_confirmed: str  # a press sent, no answer yet: retried with the same id
    not_recorded: str  # {why}: a press the server refused
    no_token: str  # a press without a token: nothing sent
    time_of_day: str  # the label of the clock
    clock_off: str  # {seconds}: this device's clock differs from the server's by more than 30 s
    messages: str  # the heading of the desk's messages
    ready: tuple[str, ...]  # the ready messages
    message_label: str  # the text field
    send: str
    flash: str  # the checkbox: flash the stage with the message
    clear: str
    blackout_on: str
    blackout_off: str
    message_sent: str  # after a message was shown on the stage
    message_refused: dict[str, str]  # a body that is no message, by reason: {field} {limit}
    message_token: str  # the 403 body of a message without the right token


KO = StageWords(
    running="지금 진행 중", next_button="다음: {title}", next_last="마치기", skip_button="건너뛰기: {title}",
    recorded_at="{time}에 기록했습니다 · {said}",
    not_confirmed="확인되지 않았습니다. 같은 누름을 다시 보내는 중…",
    not_recorded="기록하지 못했습니다: {why}",
    no_token="기록하지 못했습니다: 토큰을 먼저 넣으세요",
    time_of_day="현재 시각",
    clock_off="이 기기의 시계가 서버와 {seconds}초 다릅니다. 타이머는 서버 시각을 따릅니다",
    messages="발표자에게 보낼 말",
    ready=("2분 남았습니다", "마무리해 주세요", "질문 두 개만 더 받겠습니다"),
    message_label="직접 쓰기", send="무대에 띄우기", flash="깜빡이기", clear="지우기",
    blackout_on="화면 끄기", blackout_off="화면 켜기", message_sent="무대에 띄웠습니다",
    message_refused={
        "not-json": '요청 본문이 JSON이 아닙니다. {{"text": "마무리해 주세요"}}처럼 보내세요',
        "not-an-object": '요청 본문은 JSON 객체여야 합니다. 예: {{"clear": true}}',
        "unknown-field": "모르는 필드 {field}입니다. 필드는 text, flash, clear, blackout, room입니다",
        "not-a-text": "`text`는 {limit}자 이하의 문자열이어야 합니다",
        "not-a-switch": "`{field}`는 true 또는 false여야 합니다",
        "nothing": "text, clear, blackout 중 하나를 보내세요",
        "too-large": "요청 본문이 {limit}바이트를 넘습니다",
        "not-a-room": "`room`은 회의실 ID 문자열이어야 합니다. 예: {{\"room\": \"room1\"}}",
    },
    message_token="무대에 말을 띄우려면 서버를 시작할 때 출력된 토큰이 필요합니다(Authorization: Bearer TOKEN)",
)

EN = StageWords(
    running="Running now", next_button="Next: {title}", next_last="Finish", skip_button="Skip: {title}",
    recorded_at="Recorded at {time} · {said}",
    not_confirmed="Not confirmed; sending the same press again…",
    not_recorded="Not recorded: {why}",
    no_token="Not recorded: enter the token first",
    time_of_day="Time of day",
    clock_off="This device's clock is {seconds} s off the server's; the timer follows the server",
    messages="Messages to the speaker",
    ready=("2 minutes left", "Please wrap up", "Two more questions"),
    message_label="Your own words", send="Show on stage", flash="Flash", clear="Clear",
    blackout_on="Blackout", blackout_off="Lights back", message_sent="Shown on stage",
    message_refused={
        "not-json": 'the body is not JSON; send e.g. {{"text": "Please wrap up"}}',
        "not-an-object": 'the body must be a JSON object, e.g. {{"clear": true}}',
        "unknown-field": "unknown field {field}; the fields are text, flash, clear, blackout and room",
        "not-a-text": "`text` must be a text of at most {limit} characters",
        "not-a-switch": "`{field}` must be true or false",
        "nothing": "send one of text, clear or blackout",
        "too-large": "the body is over {limit} bytes",
        "not-a-room": '`room` must be a room\'s id as a text, e.g. {{"room": "room1"}}',
    },
    message_token="a message needs the token printed when the server started (Authorization: Bearer TOKEN)",
)

STAGE_WORDS = {"ko": KO, "en": EN}
