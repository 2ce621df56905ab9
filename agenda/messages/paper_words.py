"""The words of the papers besides the programme, per language: what the MC and the 좌장 say aloud
(the templates of `--document script`), and the headings of the name plates and the booklet.

Korean is written as a 국회 토론회 사회자 says it from the lectern, in the
formal spoken register (하겠습니다, 있겠습니다, 주시기 바랍니다), not
translated from English; English is what an MC of an English programme says.
Each template is a `str.format` pattern; the script (agenda.render.mc_script)
fills in names already worded (`{person}`: affiliation, title, name and 님 or the
호칭's 의원님; glosses such as `(KSOI)` dropped, since nobody reads them aloud)
and particles already chosen, so nothing here decides grammar at run time.
Cues are in brackets and are read by nobody: they tell the room what happens.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ScriptWords:
    language: str
    heading: str  # the document's title
    mc: str  # who says a line: the MC
    chair: str  # the 좌장
    mc_and_chair: str  # the header line: 사회 … · 좌장 …
    doors: str  # registration: seats, phones
    person: str  # someone with both title and affiliation, as said aloud (님 and 호칭 come after)
    named_title: str  # a title said mid-sentence that is a name of its own: “Town Hall”
    common_title: str  # a plain title said mid-sentence as a noun: the open floor
    welcome: str  # the MC introduces themself
    welcome_nameless: str
    declaration: str  # {title_object}: the forum's title with its object particle
    theme: str
    thanks_for_coming: str
    ceremony: tuple[str, ...]  # 국민의례, in the protocol guide's order; the 묵념 in 국민의례 규정 제4조's words
    guests_intro: str
    guest: str
    guests_end: str
    first: str  # how an announcement starts: 먼저, 다음은
    next: str
    turns: tuple[str, str, str]  # a discussant's place: 먼저, 다음으로, 마지막으로
    speech: str  # {person_possessive} {title_subject}: 다음은 …님의 축사가 있겠습니다
    speech_cue: str
    thanks_person: str
    order_of: str  # an item with nobody named: 다음은 … 순서입니다
    settle_room: str  # 장내 정리
    hand_over: str
    chair_greeting: str
    presentation: str
    presentation_topic: str
    presentation_cue: str
    panel_bare: str  # {title}: the panel's own title, said as is (지정토론입니다 / our panel.)
    panel_named: str  # {topic}: what `토론: …` names, {label}: the word before its colon
    panel_intro: str
    panel_intro_each: str
    panel_turn: str
    panel_turn_topic: str
    panel_cue: str
    bare_cues: dict[str, str]  # a turn with no minutes of its own: [토론], never an empty [토론 ]
    qa: str
    break_: str
    break_last: str  # a break after the day's last part: nothing restarts after it
    hand_back: str
    hand_back_part: str  # the 좌장's part ends before a break or the next 부; more follows the same day
    hand_back_short: str  # the same, when no 부 names the part
    hand_over_part: str  # right after the MC opens a 부: its 좌장 named without a second 지금부터
    hand_over_again: str  # the same 좌장, already introduced, takes the next 부
    section: str  # the MC opens a 부: {part} said as 제2부 ‘…’
    day_opening: str  # the morning of a later day: {greeting}, {day}
    day_closing: str  # a day that is not the last: {day}, {when}, {clock}, {place}
    tomorrow: str
    farewell: str  # sends people home: not said when a meal still follows
    closing_before_meal: str  # the event's closing when a meal follows it: nobody is sent home yet
    parallel: str  # a parallel block: {title}, {tracks}
    track_room: str  # one track in the sentence: {track}, {room}
    track_join: str
    track_chairs: str  # {chairs}
    track_chair: str  # {track}, {person}
    day_ordinals: tuple[str, ...]  # 첫째 날, 둘째 날: a day without a title of its own
    weekday_names: tuple[str, ...]
    take_back: str
    closing: str
    cancelled: str
    numbers: tuple[str, ...]  # 한, 두, 세 …: how many speakers, as said aloud
    greetings: tuple[str, str, str]  # before noon, before six, after: 안녕하십니까 at any hour


KO = ScriptWords(
    language="ko",
    heading="사회자 시나리오",
    mc="사회",
    chair="좌장",
    mc_and_chair="{role}: {person}",
    doors=("잠시 후 {event_object} 시작하겠습니다. 참석하신 여러분께서는 자리에 앉아 주시기 바랍니다. "
           "휴대전화는 무음이나 진동으로 바꾸어 주시기 바랍니다."),
    person="{affiliation} {title} {name}",
    named_title="{title}",
    common_title="{title}",
    welcome="{greeting}. 오늘 사회를 맡은 {me}입니다.",
    welcome_nameless="{greeting}.",
    declaration="지금부터 {title_object} 시작하겠습니다. [박수]",
    theme="오늘의 주제는 ‘{theme}’입니다.",
    thanks_for_coming="바쁘신 가운데 참석해 주신 여러분께 감사드립니다.",
    ceremony=(
        "{opening} 국민의례가 있겠습니다. 모두 자리에서 일어나 앞쪽의 태극기를 향해 주시기 바랍니다. [기립]",
        "국기에 대하여 경례. [국기에 대한 맹세문 낭송] 바로.",
        "다음은 애국가 제창이 있겠습니다. 애국가는 1절만 부르겠습니다. [애국가 1절 반주]",
        "다음은 순국선열과 호국영령에 대한 묵념이 있겠습니다. 일동 묵념. [묵념곡] 바로.",
        "이상으로 국민의례를 마치겠습니다. 모두 자리에 앉아 주시기 바랍니다. [착석]",
    ),
    guests_intro=("다음은 오늘 귀한 걸음 해 주신 내빈을 소개해 드리겠습니다. 소개해 드리는 내빈께서는 잠시 "
                  "자리에서 일어나 인사해 주시고, 여러분께서는 큰 박수로 환영해 주시기 바랍니다."),
    guest="{person} 오셨습니다. [박수]",
    guests_end="함께해 주신 내빈 여러분께 다시 한번 감사드립니다.",
    first="먼저",
    next="다음은",
    turns=("먼저", "다음으로", "마지막으로"),
    speech="{opening} {person}의 {title_subject} 있겠습니다. [박수] [연단으로 이동]",
    speech_cue="[{title}]",
    thanks_person="{short}, 감사합니다. [박수]",
    order_of="{opening} {title} 순서입니다.",
    settle_room=("잠시 장내를 정리하겠습니다. 발제와 토론을 맡아 주신 분들께서는 "
                 "앞쪽 토론석으로 나와 주시기 바랍니다. [자리 이동]"),
    hand_over="지금부터는 좌장을 맡아 주신 {person}께서 진행해 주시겠습니다. [박수]",
    chair_greeting="{greeting}. 오늘 좌장을 맡은 {me}입니다. [좌장 인사말]",
    presentation="{opening} {person}의 발제를 듣겠습니다. [박수] [발표대로 이동] [발제 자료 화면]",
    presentation_topic=("{opening} ‘{topic}’{topic_object} 주제로 {person}의 발제를 듣겠습니다. "
                        "[박수] [발표대로 이동] [발제 자료 화면]"),
    presentation_cue="[발제 {minutes}]",
    panel_bare="{title}입니다.",
    panel_named="‘{topic}’ {label}입니다.",
    panel_intro="다음은 {title} {count} 분의 토론자께서 차례로 말씀해 주시겠습니다.",
    panel_intro_each="다음은 {title} {count} 분의 토론자께서 {each}씩 말씀해 주시겠습니다.",
    panel_turn="{place} {person}께서 말씀해 주시겠습니다. [박수]",
    panel_turn_topic="{place} {person}께서 ‘{topic}’{topic_object} 주제로 말씀해 주시겠습니다. [박수]",
    panel_cue="[토론 {minutes}]",
    bare_cues={"presentation": "[발제]", "panel": "[토론]"},
    qa=("이어서 {title_object} 진행하겠습니다. 질문하실 분께서는 손을 들어 주시면 마이크를 전해 드리겠습니다. "
        "소속과 성함을 먼저 말씀해 주시고, 되도록 많은 분께 기회를 드릴 수 있도록 질문은 간단히 해 주시기 바랍니다. "
        "[질의응답]"),
    break_="{minutes} 동안 쉬었다가 {clock}에 다시 시작하겠습니다. [휴식]",
    break_last="{title_subject} 준비되어 있습니다. 참석하신 여러분께서는 함께해 주시기 바랍니다. [{title}]",
    hand_back=("이상으로 오늘의 발제와 토론을 모두 마치겠습니다. 좋은 말씀을 나누어 주신 발제자와 토론자 "
               "여러분께 감사드립니다. 진행을 다시 사회자께 넘기겠습니다. [박수]"),
    take_back="좌장을 맡아 주신 {short}, 감사합니다. [박수]",
    hand_back_part="이상으로 {part} 순서를 마치겠습니다. 진행을 다시 사회자께 넘기겠습니다. [박수]",
    hand_back_short="진행을 다시 사회자께 넘기겠습니다. [박수]",
    hand_over_part="{part}의 좌장은 {person}께서 맡아 주시겠습니다. [박수]",
    hand_over_again="{part}의 진행도 {short}께서 맡아 주시겠습니다. [박수]",
    section="지금부터 {part_object} 시작하겠습니다.",
    day_opening="{greeting}. {day} 순서를 시작하겠습니다. 오늘도 자리를 함께해 주신 여러분께 감사드립니다.",
    day_closing=("이상으로 {day} 순서를 모두 마치겠습니다. 끝까지 함께해 주신 여러분께 감사드립니다. "
                 "{next_day} 순서는 {when} 시작하겠습니다. 그때 다시 뵙겠습니다.{farewell} [박수]"),
    tomorrow="내일",
    farewell=" 안녕히 돌아가십시오.",
    closing=("이상으로 {title_object} 마치겠습니다. 끝까지 함께해 주신 여러분께 감사드립니다. "
             "안녕히 돌아가십시오. [박수]"),
    closing_before_meal="이상으로 {title_object} 마치겠습니다. 끝까지 함께해 주신 여러분께 감사드립니다. [박수]",
    parallel="{opening} {title} 순서입니다. {tracks} 진행됩니다. 원하시는 분과의 회의장으로 이동해 주시기 바랍니다. [회의장 이동]",
    track_room="{track} {room}에서",
    track_join=", ",
    track_chairs="좌장은 {chairs}께서 맡아 주시겠습니다. [분과별 진행]",
    track_chair="{track} {person}",
    day_ordinals=("첫째", "둘째", "셋째", "넷째", "다섯째", "여섯째", "일곱째"),
    weekday_names=("월", "화", "수", "목", "금", "토", "일"),
    cancelled="[취소됨]",
    numbers=("한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열"),
    greetings=("안녕하십니까", "안녕하십니까", "안녕하십니까"),
)

EN = ScriptWords(
    language="en",
    heading="MC's script",
    mc="MC",
    chair="Moderator",
    mc_and_chair="{role}: {person}",
    doors="We will begin shortly. Please take your seats, and set your phones to silent.",
    person="{name}, {title} at {affiliation}",
    named_title="“{title}”",
    common_title="the {title}",
    welcome="{greeting}, everyone. I'm {me}, and I'll be your MC today.",
    welcome_nameless="{greeting}, everyone.",
    declaration="Welcome to {title}. [applause]",
    theme="Today's theme is “{theme}”.",
    thanks_for_coming="Thank you all for joining us.",
    ceremony=(
        "{opening} the national ceremony. Please rise and face the flag. [all rise]",
        "Salute to the national flag. [salute] Thank you.",
        "We will now sing the national anthem, the first verse only. [national anthem]",
        "Let us observe a moment of silence for the patriots and the fallen who gave their lives for the nation. "
        "[silence] Thank you.",
        "That concludes the national ceremony. Please be seated. [all sit]",
    ),
    guests_intro=("{opening} I would like to introduce our distinguished guests. "
                  "As I call your name, please rise briefly."),
    guest="{person}. [applause]",
    guests_end="Thank you all for being with us today.",
    first="First,",
    next="Next,",
    turns=("First,", "Next,", "Finally,"),
    speech="{opening} {title_lower} from {person}. [applause] [to the lectern]",
    speech_cue="[{title}]",
    thanks_person="Thank you, {short}. [applause]",
    order_of="{opening} {title}.",
    settle_room=("We will take a moment to set the stage. Would our presenters and discussants please come "
                 "to their seats at the front. [to their seats]"),
    hand_over="I now hand over to our moderator, {person}. [applause]",
    chair_greeting="{greeting}. I'm {me}, and I'll be moderating this session. [moderator's remarks]",
    presentation="{opening} we will hear a presentation from {person}. [applause] [to the lectern]",
    presentation_topic=("{opening} we will hear a presentation from {person}, on “{topic}”. "
                        "[applause] [to the lectern]"),
    presentation_cue="[presentation, {minutes}]",
    panel_bare="our panel.",
    panel_named="our panel, “{topic}.”",
    panel_intro="Next, {title} Our {count} discussants will speak in turn.",
    panel_intro_each="Next, {title} Our {count} discussants will speak for {each} each.",
    panel_turn="{place} we will hear from {person}. [applause]",
    panel_turn_topic="{place} we will hear from {person}, on “{topic}”. [applause]",
    panel_cue="[discussion, {minutes}]",
    bare_cues={"presentation": "[presentation]", "panel": "[discussion]"},
    qa=("We now move on to {title_phrase}. If you have a question, please raise your hand and we will bring you "
        "a microphone. Please say your name and affiliation first, and keep your question brief. [Q&A]"),
    break_="We will now take a break of {minutes} and resume at {clock}. [break]",
    break_last="Please join us for {title_phrase}. [{title}]",
    hand_back=("That brings the presentations and the discussion to a close. Thank you to all our speakers. "
               "I now hand back to our MC. [applause]"),
    take_back="Thank you, {short}, for moderating. [applause]",
    hand_back_part="That concludes {part}. I now hand back to our MC. [applause]",
    hand_back_short="I now hand back to our MC. [applause]",
    hand_over_part="Our moderator for {part} is {person}. [applause]",
    hand_over_again="{short} will moderate {part} as well. [applause]",
    section="We now begin {part}.",
    day_opening="{greeting}, everyone, and welcome back. We now begin {day}.",
    day_closing=("That concludes {day}. Thank you all for staying with us to the end. "
                 "{next_day} begins {when}. We look forward to seeing you then.{farewell} [applause]"),
    tomorrow="tomorrow",
    farewell=" Get home safely.",
    closing="This concludes {title}. Thank you all for joining us, and get home safely. [applause]",
    closing_before_meal="This concludes {title}. Thank you all for joining us. [applause]",
    parallel="{opening} {title}. {tracks}. Please make your way to the room of your choice. [to the rooms]",
    track_room="{track} is in {room}",
    track_join=", and ",
    track_chairs="Moderating: {chairs}. [tracks run]",
    track_chair="{person} for {track}",
    day_ordinals=("day one", "day two", "day three", "day four", "day five", "day six", "day seven"),
    weekday_names=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    cancelled="[cancelled]",
    numbers=("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    greetings=("Good morning", "Good afternoon", "Good evening"),
)

SCRIPT_WORDS = {"ko": KO, "en": EN}


def script_words(language: str) -> ScriptWords:
    return SCRIPT_WORDS[language]


@dataclass(frozen=True)
class PaperWords:
    nameplates: str  # the name plates' page heading, for screen readers (not printed)
    contents: str  # the booklet's 차례
    groups: dict[str, str]  # the 차례's groups: presentations, discussion, other papers


PAPER_WORDS = {
    "ko": PaperWords(nameplates="명패", contents="차례",
                     groups={"presentation": "발제", "discussion": "토론", "other": "자료"}),
    "en": PaperWords(nameplates="Name plates", contents="Contents",
                     groups={"presentation": "Presentations", "discussion": "Discussion", "other": "Papers"}),
}


def paper_words(language: str) -> PaperWords:
    return PAPER_WORDS[language]
