"""Every finding in Korean, written as a Korean organizer would say it, not translated from English.

Particles follow the word before them (질의응답이, 휴식이 / 발제가), so the
sentences read naturally whatever the titles are.
"""

from datetime import date

from agenda.core.findings import Arguments
from agenda.messages import arguments
from agenda.messages.arguments import Sentence, clock, hm, local, names, number, path, quoted


def text(args: Arguments, name: str) -> str:
    return arguments.text(args, name, "ko")

_DIGIT_HAS_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False, "5": False, "6": True,
                    "7": True, "8": True, "9": False}
"""A number by its last digit's Korean reading: 영/십, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구 (10 십, 100 백, 1000 천)."""
_LETTERS_WITH_FINAL = frozenset("LMNR")
"""Capital letters said one by one: only 엘, 엠, 엔, 알 end in a 받침 (AI를, KSOI를, ICT를, ESG를; HTML을, CNN을)."""
_RIEUL = frozenset("178LR")
"""Endings said with ㄹ, which takes 로 like a vowel: 7일로, URL로, HTML로."""


def _final(word: str) -> bool | None:
    """Whether the last syllable has a final consonant (받침); None when it cannot be told.

    Capital letters are said one by one (AI 에이아이), so the last letter's name
    decides; a lowercase word (opening, panel) is said as a word, whose sound
    the spelling does not tell.
    """
    stripped = _stripped(word)
    if not stripped:
        return None
    last = stripped[-1]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28 != 0
    if "A" <= last <= "Z":
        return last in _LETTERS_WITH_FINAL
    return _DIGIT_HAS_FINAL.get(last)


def _stripped(word: str) -> str:
    return word.rstrip(" )]'\"’”」』")


def _rieul(word: str) -> bool:
    """Whether the last syllable ends in ㄹ (서울, 7, URL): (으)로 is then 로."""
    last = _stripped(word)[-1:]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28 == 8
    return last in _RIEUL


def josa(word: str, with_final: str, without_final: str) -> str:
    """`word` with the particle that fits it: josa('휴식', '이', '가') -> '휴식이'."""
    final = _final(word)
    if final is None:
        return f"{word}{with_final}({without_final})"
    if with_final == "으로" and _rieul(word):
        return word + without_final
    return word + (with_final if final else without_final)


def josa_only(word: str, with_final: str, without_final: str) -> str:
    """The particle alone, for a word already written: "을" after 발제, "(을)를" when it cannot be told."""
    return josa(word, with_final, without_final)[len(word):]


def _day(a: Arguments, name: str) -> str:
    moment = local(a, name)
    return f"{moment.month}월 {moment.day}일"


def _date(a: Arguments) -> str:
    """The wall day the file names (`day`), as Korean programmes write it."""
    value = a["day"]
    assert isinstance(value, date)
    return f"{value.year}년 {value.month}월 {value.day}일"


def _kind(kind: str) -> str:
    """A kind code with its Korean label: 지정토론(panel)."""
    from agenda.core.kinds import KINDS, kind_label

    return f"{kind_label(kind, 'ko')}({kind})" if kind in KINDS else kind


YAML_HINTS = {
    "tab": "YAML은 탭이 아니라 공백으로 들여씁니다. 탭을 공백으로 바꾸세요",
    "quote-colon": "값에 ': '가 들어 있으면 따옴표로 감싸세요. 예: title: \"AI: 정책\"",
    "indent": "이 키가 윗줄보다 더 들여써져 있습니다. 같은 단계의 키와 들여쓰기를 맞추세요",
    "missing-colon": "키 뒤에는 ': '가 필요합니다. 줄바꿈이 있는 값은 따옴표로 감싸세요",
    "alias": "*별칭 앞에는 같은 이름의 &앵커가 있어야 합니다",
    "one-document": "파일 하나에 포럼 하나만 씁니다. '---' 뒤의 내용은 다른 파일로 옮기세요",
    "brackets": "이 줄과 윗줄의 괄호와 따옴표가 짝이 맞는지 확인하세요",
}

NOT_A_FORUM = {
    "list": "포럼 파일이 아닙니다(목록). forum과 program이 있어야 하고 people과 rules는 선택입니다",
    "no-forum-key": "포럼 파일이 아닙니다(`forum` 키 없음). forum과 program이 있어야 하고 people과 rules는 선택입니다",
    "text": "포럼 파일이 아닙니다(일반 텍스트). `agenda init`으로 시작할 파일을 만들 수 있습니다",
}


def _unknown_room(a: Arguments) -> str:
    if a.get("named"):
        return f"{josa(quoted(a, 'room'), '은', '는')} 방 이름입니다. id인 {josa(text(a, 'suggestion'), '으로', '로')} 쓰세요"
    if not a.get("rooms"):
        return (f"{quoted(a, 'room')} 방이 없습니다. forum.rooms가 없으니 forum 아래에 "
                f"`rooms: {{{text(a, 'room')}: {{name: ...}}}}`를 쓰세요")
    hint = f"{josa(quoted(a, 'suggestion'), '을', '를')} 뜻했나요?" if a.get("suggestion") else \
        "forum.rooms에 추가하세요"
    return f"{josa(quoted(a, 'room'), '은', '는')} forum.rooms에 없는 방입니다. {hint}"


def _track_slack(a: Arguments) -> str:
    allowed = number(a, "allowed")
    tolerance = f"(rules.allow_slack {allowed}분 초과) " if allowed else ""
    return (f"{josa(text(a, 'track'), '이', '가')} {hm(a, 'ends')}에 끝나 {text(a, 'block')} 종료 시각 "
            f"{hm(a, 'closes')}까지 {number(a, 'minutes')}분이 비어 있습니다. {tolerance}"
            f"순서 하나를 늘리거나 유연한 시간으로 바꾸세요")


def _double_booked(a: Arguments) -> str:
    this = (f"{text(a, 'room')}의 " if a.get("room") else "") + text(a, "title") + \
        (f"({text(a, 'item')})" if a.get("item") else "")
    other = (f"{text(a, 'other_room')}의 " if a.get("other_room") else "") + text(a, "other") + \
        (f"({text(a, 'other_item')})" if a.get("other_item") else "")
    return (f"{text(a, 'person')}님이 {hm(a, 'start')}부터 {this}에, {hm(a, 'ends')}까지 {other}에 "
            f"잡혀 있어 {number(a, 'minutes')}분 동안 두 곳에 있어야 합니다")


def _slack(a: Arguments) -> str:
    if a["what"] == "empty":
        return f"프로그램이 비어 있습니다. 행사 시간은 {number(a, 'window')}분입니다"
    allowed = number(a, "allowed")
    tolerance = f"(rules.allow_slack {allowed}분 초과) " if allowed else ""
    return (f"{hm(a, 'ends')}에 {josa(text(a, 'title'), '이', '가')} 끝나 {hm(a, 'closes')}까지 "
            f"{number(a, 'minutes')}분이 비어 있습니다. {tolerance}순서 하나를 늘리거나 유연한 시간으로 바꾸세요")


def _crosses_midnight(a: Arguments) -> str:
    if a["what"] == "window":
        return (f"행사 시간이 자정을 넘깁니다: {_day(a, 'start')} {hm(a, 'start')}부터 "
                f"{_day(a, 'end')} {hm(a, 'end')}까지")
    return f"{josa(text(a, 'title'), '이', '가')} 자정을 넘겨 {_day(a, 'end')} {hm(a, 'end')}에 끝납니다"


def _end_before_start(a: Arguments) -> str:
    if a["what"] == "dated":
        return (f"행사가 {_day(a, 'end')} {hm(a, 'end')}에 끝나 시작 시각({_day(a, 'start')} {hm(a, 'start')})과 "
                f"같거나 앞섭니다")
    return (f"끝 시각 {josa(hm(a, 'end'), '이', '가')} 시작 시각 {josa(hm(a, 'start'), '과', '와')} 같거나 앞섭니다. "
            f"정말 자정을 넘긴다면 duration을 쓰거나 끝 시각을 날짜와 함께 쓰세요(end: {local(a, 'end'):%Y-%m-%d %H:%M})")


def _zero_duration(a: Arguments) -> str:
    minutes, title = number(a, "minutes"), text(a, "title")
    return {
        "window-duration": f"행사 시간(duration)이 {minutes}분입니다. 0보다 커야 합니다",
        "window": f"행사 시간이 {minutes}분입니다. 끝 시각이 시작 시각보다 뒤여야 합니다",
        "duration": f"{title}의 시간이 {minutes}분입니다. 0보다 커야 합니다",
        "each": f"{title}에서 발표자 한 명당 {minutes}분입니다. 0보다 커야 합니다",
        "until": f"{title}의 끝 시각이 시작 시각과 같거나 앞섭니다({minutes}분)",
        "item": f"{title}의 {text(a, 'item')} 시간이 {minutes}분입니다. 0보다 커야 합니다",
    }[str(a["what"])]


def _unknown_key(a: Arguments) -> str:
    key = quoted(a, "key")
    if a.get("suggestion") and a.get("also"):
        return (f"모르는 키 {key}입니다. 시작 시각(14:00)이면 {quoted(a, 'suggestion')}, "
                f"길이(30분)면 {josa(quoted(a, 'also'), '을', '를')} 쓰세요")
    if a.get("suggestion") and a.get("where"):
        return f"모르는 키 {key}입니다. {text(a, 'where')}의 {josa(quoted(a, 'suggestion'), '을', '를')} 쓰려던 것인가요?"
    if a.get("suggestion"):
        return f"모르는 키 {key}입니다. {josa(quoted(a, 'suggestion'), '을', '를')} 쓰려던 것인가요?"
    if a.get("choices"):
        return f"모르는 키 {key}입니다. 여기에 쓸 수 있는 키: {', '.join(names(a, 'choices'))}"
    return f"모르는 키 {key}입니다"


def _missing(a: Arguments) -> str:
    where = f"{path(a, 'parent')}에 " if a.get("parent") else ""
    example = f". 예: `{text(a, 'example')}`" if a.get("example") else ""
    return f"{where}{josa(text(a, 'field'), '이', '가')} 필요합니다{example}"


_SCHEMA = {
    "enum": "쓸 수 없는 값입니다",
    "literal_error": "쓸 수 없는 값입니다",
    "list_type": "목록이어야 합니다",
    "dict_type": "키와 값의 묶음(매핑)이어야 합니다",
    "model_type": "키와 값의 묶음(매핑)이어야 합니다",
    "model_attributes_type": "키와 값의 묶음(매핑)이어야 합니다",
    "string_type": "글자여야 합니다",
    "int_type": "정수여야 합니다",
    "int_parsing": "정수여야 합니다",
    "int_from_float": "정수여야 합니다",
    "bool_type": "true 또는 false여야 합니다",
    "string_too_short": "비어 있으면 안 됩니다",
    "string_pattern_mismatch": "영문자, 숫자, '.', '_', '-'만 쓸 수 있고 영문자나 숫자로 시작해야 합니다",
    "greater_than_equal": "0 이상이어야 합니다",
    "datetime_type": "날짜와 시각이어야 합니다(예: 2024-05-02T09:00:00+09:00)",
    "datetime_parsing": "날짜와 시각이어야 합니다(예: 2024-05-02T09:00:00+09:00)",
    "datetime_from_date_parsing": "날짜와 시각이어야 합니다(예: 2024-05-02T09:00:00+09:00)",
}


def _schema(a: Arguments) -> str:
    if a.get("korean_word") and a.get("suggestion"):
        title = f", title: {text(a, 'title_word')}" if a.get("title_word") else ""
        return (f"{josa(quoted(a, 'value'), '은', '는')} 영문 코드 {text(a, 'suggestion')}(으)로 씁니다. "
                f"예: kind: {text(a, 'suggestion')}{title}")
    problem = _SCHEMA.get(text(a, "type"))
    if problem is None:
        message = f"값이 올바르지 않습니다({text(a, 'detail')})"
    elif a.get("value") is not None:
        message = f"{josa(quoted(a, 'value'), '은', '는')} {problem}"
    else:
        message = problem
    if a.get("suggestion"):
        message += f". {josa(quoted(a, 'suggestion'), '을', '를')} 쓰려던 것인가요?"
        if a.get("title_word"):
            message += f" 예: kind: break, title: {text(a, 'title_word')}"
    elif a.get("choices"):
        message += f". 쓸 수 있는 값: {', '.join(names(a, 'choices'))}"
    if a.get("items"):
        message += f". 목록은 대괄호로 씁니다: [{', '.join(names(a, 'items'))}]"
    return message


def _unknown_zone(a: Arguments) -> str:
    if a.get("suggestion"):
        return f"{josa(quoted(a, 'value'), '은', '는')} 시간대 이름이 아닙니다. {josa(quoted(a, 'suggestion'), '을', '를')} 쓰려던 것인가요?"
    return f"{josa(quoted(a, 'value'), '은', '는')} 시간대 이름이 아닙니다. Asia/Seoul 같은 IANA 이름을 쓰세요"


def _yaml_syntax(a: Arguments) -> str:
    hint = YAML_HINTS.get(text(a, "hint"))
    return f"YAML 문법 오류({text(a, 'detail')})" + (f". {hint}" if hint else "")


def _unknown_person(a: Arguments) -> str:
    if a.get("named"):
        return (f"{josa(quoted(a, 'id'), '은', '는')} 이름이고 people id가 아닙니다. "
                f"id인 {text(a, 'suggestion')}{josa_only(text(a, 'suggestion'), '을', '를')} 쓰세요")
    if a.get("suggestion"):
        hint = f"{josa(quoted(a, 'suggestion'), '을', '를')} 쓰려던 것인가요?"
    elif a.get("addable"):
        hint = (f"people에 `{text(a, 'id')}: {{name: 이름, title: 직함, affiliation: 소속}}`처럼 한 줄을 더하거나 "
                f"{{name: ...}}으로 직접 쓰세요")
    else:
        hint = "people에 추가하거나 {name: ...}으로 직접 쓰세요"
    return f"{josa(quoted(a, 'id'), '은', '는')} people에 없습니다. {hint}"


MESSAGES: dict[str, Sentence] = {
    "window-overflow": lambda a: (
        f"{josa(text(a, 'title'), '이', '가')} {hm(a, 'end')}에 끝나 행사 종료 시각 {hm(a, 'closes')}보다 "
        f"{number(a, 'minutes')}분 늦습니다. 순서를 줄이거나 forum.end를 늦추세요"),
    "before-window": lambda a: (
        f"{josa(text(a, 'title'), '이', '가')} {hm(a, 'start')}에 시작해 행사 시작 시각 {hm(a, 'opens')}보다 "
        f"{number(a, 'minutes')}분 이릅니다"),
    "overlap": lambda a: (
        f"{josa(text(a, 'title'), '이', '가')} {hm(a, 'start')}에 시작해 {hm(a, 'ends')}에 끝나는 "
        f"{josa(text(a, 'before'), '과', '와')} {number(a, 'minutes')}분 겹칩니다"),
    "gap": lambda a: (
        f"{hm(a, 'ends')}에 끝나는 {josa(text(a, 'before'), '과', '와')} {hm(a, 'start')}에 시작하는 "
        f"{text(a, 'title')} 사이가 {number(a, 'minutes')}분 비어 있습니다"
        + (f"(gap_before로 허용한 것은 {number(a, 'allowed')}분)" if a.get("allowed") else "")),
    "slack": _slack,
    "items-overflow": lambda a: (
        f"{text(a, 'title')}의 세부 순서를 합하면 {number(a, 'total')}분으로, 배정된 {number(a, 'minutes')}분보다 "
        f"{number(a, 'total') - number(a, 'minutes')}분 깁니다"),
    "each-mismatch": lambda a: (
        f"{text(a, 'title')}: 한 명당 {number(a, 'each')}분 x {number(a, 'speakers')}명은 "
        f"{number(a, 'each') * number(a, 'speakers')}분인데 duration은 {number(a, 'duration')}분입니다. "
        f"하나를 고치거나 duration을 지우세요"),
    "missing-kind": lambda a: (
        f"rules.require에 있는 {_kind(text(a, 'kind'))} 순서가 프로그램에 없습니다"),
    "unknown-person": _unknown_person,
    "unknown-room": _unknown_room,
    "room-overlap": lambda a: (
        f"{text(a, 'room')}에서 {josa(text(a, 'title'), '이', '가')} {hm(a, 'start')}에 시작해 "
        f"{hm(a, 'ends')}에 끝나는 {josa(text(a, 'other'), '과', '와')} {number(a, 'minutes')}분 겹칩니다"),
    "track-overflow": lambda a: (
        f"{josa(text(a, 'track'), '이', '가')} {text(a, 'title')}까지 {hm(a, 'end')}에 끝나 "
        f"{text(a, 'block')} 종료 시각 {hm(a, 'closes')}보다 {number(a, 'minutes')}분 늦습니다. "
        f"트랙의 순서를 줄이거나 블록을 늘리세요"),
    "track-slack": _track_slack,
    "double-booked": _double_booked,
    "unused-person": lambda a: (f"{josa(quoted(a, 'id') + '(' + text(a, 'name') + ')', '은', '는')} "
                                f"people에 있지만 맡은 순서가 없습니다"),
    "duplicate-id": lambda a: (
        f"순서 id {josa(quoted(a, 'id'), '은', '는')} 이미 {path(a, 'first')}에서 썼습니다. id는 겹치면 안 됩니다"),
    "zero-duration": _zero_duration,
    "nonexistent-time": lambda a: (
        f"{_date(a)} {josa(clock(a), '은', '는')} {text(a, 'zone_name')} 시간대에 없는 시각입니다(일광 절약 시간으로 시계가 "
        f"앞당겨짐). 다른 시각을 고르세요"),
    "ambiguous-time": lambda a: (
        f"{_date(a)} {josa(clock(a), '은', '는')} {text(a, 'zone_name')} 시간대에서 두 번 옵니다(일광 절약 시간이 끝나 시계가 "
        f"되돌아감). agenda는 앞의 것으로 봅니다"),
    "crosses-midnight": _crosses_midnight,
    "missing-id": lambda a: (
        f"forum.id가 없어 파일 이름에서 만든 {josa(quoted(a, 'id'), '을', '를')} 씁니다. 파일 이름이 바뀌어도 캘린더 일정이 "
        f"유지되도록 `id: {text(a, 'id')}`를 넣으세요"),
    "duplicate-uid": lambda a: (
        f"{path(a, 'path')}의 캘린더 UID {josa(quoted(a, 'uid'), '을', '를')} {text(a, 'first_file')}의 {path(a, 'first')}도 "
        f"씁니다. 캘린더는 두 일정 중 하나만 남깁니다. 포럼(또는 순서) 하나의 id를 바꾸세요"),
    "end-before-start": _end_before_start,
    "unmailable-address": lambda a: (
        f"{text(a, 'name')}: {unmailable(quoted(a, 'address'), str(a['why']))}. `agenda notices`는 이 사람의 알림을 "
        f"받는 주소 없이 만듭니다. 메일로 보낼 수 있는 주소를 쓰세요"),
    "legacy-zone": lambda a: (
        f"{josa(text(a, 'zone_name'), '은', '는')} 고정 시차이거나 옛 별칭이라 도시의 시계와 다를 수 있습니다. "
        f"`timezone: {text(a, 'meant')}`로 쓰세요"),
    "ceremony-order": lambda a: (
        f"{text(a, 'title')}에서 {josa(quoted(a, 'item'), '이', '가')} {quoted(a, 'first')} 뒤, "
        f"{number(a, 'position')}번째 순서에 있습니다. 국민의례는 다른 순서보다 먼저 합니다"
        f"(개회 선언만 앞에 올 수 있습니다)"),
    "unreadable/folder": lambda a: "폴더입니다. 포럼 파일을 주세요(폴더는 `agenda validate`로 검사합니다)",
    "unreadable/too-big": lambda a: (
        f"파일이 {number(a, 'limit') // 1024 // 1024} MiB를 넘습니다. 포럼 파일은 "
        f"{number(a, 'limit') // 1024 // 1024} MiB까지입니다. 맞는 파일인지 확인하세요"),
    "unreadable/not-regular": lambda a: "일반 파일이 아닙니다(장치, FIFO, 소켓). 포럼 파일을 주세요",
    "unreadable/folder-unreadable": lambda a: (
        f"폴더를 읽을 수 없어({text(a, 'detail')}) 그 안의 파일을 검사하지 못했습니다"),
    "unreadable/internal-error": lambda a: (
        f"내부 오류입니다({text(a, 'error')}: {text(a, 'detail')}). 이 파일과 함께 알려 주세요"),
    "unreadable/nested-too-deeply": lambda a: "너무 깊게 중첩되어 있습니다. 포럼 파일은 몇 단계면 충분합니다",
    "unreadable/too-many-digits": lambda a: "수천 자리나 되는 숫자가 있습니다. 포럼 파일에는 그런 값이 필요 없습니다",
    "unreadable/number-too-large": lambda a: "어떤 값으로도 쓸 수 없을 만큼 큰 숫자가 있습니다. 포럼 파일에는 그런 값이 필요 없습니다",
    "unreadable/long-dotted-key": lambda a: (
        f"점으로 이은 키가 {number(a, 'limit')}부분을 넘습니다. 포럼 파일에는 몇 부분이면 충분합니다"),
    "unreadable/dangling-link": lambda a: (
        f"{josa(text(a, 'target'), '을', '를')} 가리키는 심볼릭 링크인데 그 파일이 없습니다. 링크를 고치거나 지우세요"),
    "unreadable/missing": lambda a: "파일이 없습니다. 경로를 확인하세요",
    "unreadable/permission": lambda a: "읽을 권한이 없습니다. 파일 권한을 확인하세요",
    "unreadable/os-error": lambda a: f"읽을 수 없습니다({text(a, 'detail')})",
    "unreadable/not-utf8": lambda a: f"UTF-8이 아닙니다(바이트 0x{number(a, 'byte'):02x}). UTF-8로 저장하세요",
    "unreadable/nul-byte": lambda a: "NUL 바이트가 있습니다. 텍스트 파일이 맞나요?",
    "unreadable/json-syntax": lambda a: f"JSON 문법 오류({text(a, 'detail')})",
    "unreadable/json-too-deep": lambda a: "JSON이 너무 깊게 중첩되어 있습니다. 포럼 파일은 몇 단계면 충분합니다",
    "unreadable/toml-syntax": lambda a: f"TOML 문법 오류({text(a, 'detail')})",
    "unreadable/yaml-syntax": _yaml_syntax,
    "unreadable/alias-expansions": lambda a: (
        f"별칭(*이름)을 펼쳐 만든 값이 {number(a, 'limit')}개를 넘습니다. 포럼 파일에는 훨씬 적게 필요합니다"),
    "unreadable/too-deep": lambda a: f"{number(a, 'limit')}단계보다 깊게 중첩되어 있습니다. 포럼 파일에는 훨씬 적게 필요합니다",
    "unreadable/unsupported-tag": lambda a: f"지원하지 않는 태그 {quoted(a, 'tag')}입니다. 지우세요",
    "unreadable/complex-key": lambda a: "키는 목록이나 매핑이 아닌 글자여야 합니다",
    "unreadable/bad-tagged-value": lambda a: f"{josa(quoted(a, 'text'), '은', '는')} 올바른 !!{text(a, 'tag')} 값이 아닙니다",
    "unreadable/empty": lambda a: "파일이 비어 있습니다. 포럼 파일은 `forum:`으로 시작합니다",
    "invalid-field/duplicate-key": lambda a: (
        f"키 {josa(quoted(a, 'key'), '이', '가')} 두 번 나옵니다. 뒤의 값이 조용히 앞의 값을 덮으니 하나만 남기세요"),
    "invalid-field/unknown-key": _unknown_key,
    "invalid-field/missing": _missing,
    "invalid-field/not-a-forum": lambda a: NOT_A_FORUM[text(a, "found")],
    "invalid-field/schema": _schema,
    "invalid-field/control-character": lambda a: (
        f"{number(a, 'position')}번째 글자에 제어 문자 {josa(text(a, 'character'), '이', '가')} 있습니다. 지우세요"),
    "invalid-field/lone-surrogate": lambda a: (
        f"{number(a, 'position')}번째 글자에 짝 없는 서로게이트 {josa(text(a, 'character'), '이', '가')} 있습니다. 지우세요"),
    "invalid-field/line-break": lambda a: (
        f"{number(a, 'position')}번째 글자에서 줄이 바뀝니다. 이 값은 한 줄로 씁니다"
        f"(여러 줄은 description과 note에만 쓸 수 있습니다)"),
    "invalid-field/not-an-email": lambda a: (
        f"{josa(quoted(a, 'value'), '은', '는')} 이메일 주소가 아닙니다. name@example.org처럼 쓰세요"),
    "invalid-field/not-a-phone-number": lambda a: (
        f"{josa(quoted(a, 'value'), '은', '는')} 전화번호가 아닙니다. 02-788-1234나 +82 2 788 1234처럼 숫자로 쓰세요"),
    "invalid-field/not-a-web-address": lambda a: (
        f"{josa(quoted(a, 'value'), '은', '는')} 웹 주소가 아닙니다. https://example.org/page처럼 쓰세요"),
    "invalid-field/not-a-part-name": lambda a: (
        f"순서 이름이 아닙니다({quoted(a, 'value')}). 세그먼트 id나 panel:2 같은 SEGMENT:ITEM으로 쓰세요"),
    "invalid-field/not-a-pdf-path": lambda a: (
        f"PDF 파일이 아닙니다({quoted(a, 'value')}). 포럼 파일이 있는 폴더에서 시작하는 .pdf 파일의 경로를 쓰세요"),
    "invalid-field/year-out-of-range": lambda a: (
        f"{number(a, 'year')}년은 쓸 수 있는 {number(a, 'first')}~{number(a, 'last')}년 밖입니다. 날짜를 확인하세요"),
    "invalid-field/not-a-people-id": lambda a: (
        f"{josa(quoted(a, 'value'), '은', '는')} people id로 쓸 수 없습니다. 글자, 숫자, -, _, .만 쓰고 -나 .으로 "
        f"시작하지 마세요. 예: kim-minsu, 김민수"),
    "invalid-field/end-with-offset": lambda a: (
        f"{quoted(a, 'value')}에 UTC 시차가 붙어 있습니다. 포럼 현지 시각으로 쓰세요. 예: 2024-05-21 01:00"),
    "invalid-field/not-an-end-time": lambda a: (
        f"{josa(quoted(a, 'value'), '은', '는')} 시각이 아닙니다. HH:MM으로 쓰세요(예: 16:00). 자정을 넘기면 날짜와 함께 "
        f"쓰세요. 예: 2024-05-21 01:00"),
    "invalid-field/end-too-late": lambda a: (
        f"end {josa(text(a, 'end'), '은', '는')} 시작보다 일주일 넘게 뒤입니다. 포럼은 길어야 일주일입니다"),
    "invalid-field/revision-out-of-range": lambda a: (
        f"{number(a, 'value')}은(는) 캘린더 SEQUENCE 범위(0~{number(a, 'limit')}) 밖입니다. 발행한 변경을 "
        f"0, 1, 2, ...로 세세요(날짜가 아닙니다)"),
    "invalid-field/duration-too-long": lambda a: (
        f"{josa(quoted(a, 'value'), '은', '는')} 일주일({number(a, 'limit')}분)보다 깁니다. 시간 길이는 일주일까지입니다. "
        f"숫자를 확인하세요"),
    "invalid-field/date-and-time": lambda a: (
        f"{josa(quoted(a, 'value'), '은', '는')} 날짜와 시각입니다. 날짜만 쓰세요. 예: 2023-12-13"),
    "invalid-field/not-a-date": lambda a: f"{josa(quoted(a, 'value'), '은', '는')} 날짜가 아닙니다. YYYY-MM-DD로 쓰세요. 예: 2023-12-13",
    "invalid-field/not-a-person": lambda a: (
        f"{josa(quoted(a, 'value'), '은', '는')} 사람이 아닙니다. people의 id나 {{name: ..., affiliation: ...}}을 쓰세요"),
    "invalid-field/max-below-min": lambda a: f"max({number(a, 'max')}분)가 min({number(a, 'min')}분)보다 작습니다",
    "invalid-field/no-end": lambda a: "행사가 끝나는 때가 없습니다. end(HH:MM)나 duration(예: 120m)을 쓰세요",
    "invalid-field/end-and-duration": lambda a: "end와 duration 중 하나만 쓰세요",
    "invalid-field/no-length": lambda a: (
        f"{text(a, 'kind')} 순서에 길이가 없습니다. duration, each, until 중 하나를 쓰거나 세부 순서에 시간을 주세요"),
    "invalid-field/section-without-title": lambda a: "section은 제목만 있는 구분입니다. 제목을 넣으세요(예: title: 제1부)",
    "invalid-field/section-takes-nothing": lambda a: (
        f"section은 구분일 뿐이라 시간도 사람도 갖지 않습니다. {josa(text(a, 'keys'), '을', '를')} 지우거나 "
        f"다른 kind로 바꾸세요"),
    "invalid-field/day-keys": lambda a: (
        f"{josa(text(a, 'keys'), '은', '는')} 날짜 구분(kind: day)에만 씁니다. 순서의 시각은 at, until, duration으로 씁니다"),
    "invalid-field/day-takes-nothing": lambda a: (
        f"날짜 구분은 하루를 여는 표시라 date, start, end(또는 duration)만 씁니다. "
        f"{josa(text(a, 'keys'), '을', '를')} 지우세요"),
    "invalid-field/tracks-outside-parallel": lambda a: (
        f"tracks는 kind: parallel 블록에만 씁니다. {text(a, 'kind')} 순서에는 쓸 수 없습니다"),
    "invalid-field/parallel-without-tracks": lambda a: (
        "병행 세션(parallel)에는 방마다 하나씩 tracks: [{room: ..., program: [...]}]가 있어야 합니다"),
    "invalid-field/parallel-takes-tracks": lambda a: (
        f"병행 세션의 사람과 방은 각 트랙에 씁니다. {josa(text(a, 'keys'), '을', '를')} 트랙 안으로 옮기세요"
        f"(고정된 duration은 쓸 수 있습니다)"),
    "invalid-field/nested-in-track": lambda a: (
        f"트랙의 program에는 순서만 들어갑니다. {text(a, 'kind')}는 본 프로그램에 두세요"),
    "invalid-field/each-without-speakers": lambda a: "each는 발표자 한 명당 시간인데 이 순서에 발표자가 없습니다",
    "invalid-field/each-and-flexible": lambda a: "each가 길이를 정하니 each를 지우거나 duration을 고정된 시간으로 쓰세요",
    "invalid-field/overdetermined": lambda a: "at, until, duration이 모두 길이를 정합니다. 둘만 쓰세요",
    "invalid-field/not-a-time-range": lambda a: (
        f"{josa(quoted(a, 'value'), '은', '는')} 시각이나 시간 범위가 아닙니다. 14:00이나 12:00~13:00처럼 쓰세요"),
    "invalid-field/range-and-until": lambda a: (
        f"at {text(a, 'range')}에 이미 끝 시각이 있습니다. until을 지우거나 at에는 시작 시각만 쓰세요"),
    "invalid-field/range-and-flexible": lambda a: (
        f"at {josa(text(a, 'range'), '이', '가')} 길이를 {number(a, 'span')}분으로 정하므로 유연한 시간으로 "
        f"쓸 수 없습니다. duration을 지우세요"),
    "invalid-field/range-mismatch": lambda a: (
        f"at {josa(text(a, 'range'), '은', '는')} {number(a, 'span')}분인데 duration은 {number(a, 'minutes')}분입니다. "
        f"둘 중 하나를 고치거나 duration을 지우세요"),
    "invalid-field/unknown-code": lambda a: (
        f"{josa(quoted(a, 'value'), '은', '는')} 검사 코드가 아닙니다. 코드: {', '.join(names(a, 'choices'))}"),
    "invalid-field/not-a-duration": lambda a: (
        f"{josa(quoted(a, 'value'), '은', '는')} 시간 길이가 아닙니다. 30분, 1시간 30분, 15m, 1h30m, 90, PT15M처럼 쓰세요"),
    "invalid-field/duration-seconds": lambda a: f"{quoted(a, 'value')}에 초가 있습니다. 시간 길이는 분 단위입니다",
    "invalid-field/not-a-time": lambda a: f"{josa(quoted(a, 'value'), '은', '는')} 시각이 아닙니다. HH:MM으로 쓰세요. 예: 14:00",
    "invalid-field/unknown-zone": _unknown_zone,
}


def skipped(path: str) -> str:
    return f"{path}: 포럼 파일이 아니라(`forum` 키 없음) 건너뜁니다"


def nothing_written() -> str:
    return "아무것도 쓰지 않았습니다. 위의 오류를 고치거나 --force로 그래도 내보내세요"


def uids_clash() -> str:
    return "아무것도 쓰지 않았습니다(--force로도 쓰지 않습니다). 두 일정의 UID가 같아 캘린더가 하나를 버리게 됩니다"


def not_in_calendar(file: str, title: str) -> str:
    return f"{file}: {josa(title, '은', '는')} 시작 시각이 없어 캘린더에 넣지 않았습니다. `at:`이나 `duration`을 주세요"


def left_out_of_schedule(cancelled: int, without_start: int, too_long: int) -> str:
    parts = [f"취소된 순서 {cancelled}개" if cancelled else "",
             f"시작 시각이 없는 순서(등록) {without_start}개" if without_start else "",
             f"99시간 59분보다 긴 순서 {too_long}개" if too_long else ""]
    return "일정표에서 뺀 것: " + ", ".join(p for p in parts if p)


_LEFT_BEHIND_KO = {"links": "링크", "attachments": "첨부 파일", "recording": "녹화 설정", "language": "세션별 언어",
                   "url": "세션 페이지(url)", "description": "상세 설명", "subtitle": "부제", "logo": "로고"}


def import_zone(file: str, said: str | None, offsets: tuple[str, ...], chosen: str) -> str:
    written = ", ".join(offsets)
    told = f"time_zone_name은 {said}인데" if said else "time_zone_name이 없고"
    return (f"{file}: {told} 세션 시각에는 UTC 오프셋 {written}이 붙어 있습니다. 포럼 파일에는 모든 세션의 "
            f"시각이 그대로 맞는 {chosen} 시간대를 썼습니다")


def import_left_behind(file: str, counts: tuple[tuple[str, int], ...]) -> str:
    whole = {"longer-than-a-week": "일주일보다 긴 세션", "no-length": "길이가 0인 세션"}
    listed = ", ".join(f"{whole[what]} {count}개" if what in whole else f"{_LEFT_BEHIND_KO.get(what, what)}(세션 {count}개)"
                       for what, count in counts)
    return f"{file}: 포럼 파일에 담을 자리가 없어 옮기지 않은 것: {listed}"


def summary(files: int, errors: int, warnings: int, unreadable: int) -> str:
    return f"파일 {files}개: 오류 {errors}개, 경고 {warnings}개" + (f", 읽을 수 없음 {unreadable}개" if unreadable else "")


def options_refused() -> str:
    return "아무것도 쓰지 않았습니다. 위의 옵션을 고치세요"


def nothing_written_unplanned() -> str:
    """A file gave no plan at all: --force cannot help, so it is not offered."""
    return "아무것도 쓰지 않았습니다. 위의 오류를 고치세요"


def wrote(path: str) -> str:
    return f"{path}에 썼습니다"


def completion_installed(shell: str, path: str) -> str:
    return f"{shell} 자동 완성을 {path}에 설치했습니다. 새 터미널부터 적용됩니다"


def wrote_calendars(count: int, folder: str) -> str:
    return f"{folder}에 캘린더 {count}개를 썼습니다"


def wrote_new_file(path: str) -> str:
    return f"{path}에 썼습니다. 다음 단계: agenda plan {path}"


def wrote_notices(count: int, index: str, without_address: int) -> str:
    text_ = f"알림 {count}개와 {index}를 썼습니다"
    return text_ + (f". 그중 {without_address}개는 받을 주소가 없습니다" if without_address else "")


def wrote_notices_and_invitations(count: int, invitations: int, index: str, without_address: int) -> str:
    text_ = f"알림 {count}개, 초대 {invitations}개와 {index}를 썼습니다"
    return text_ + (f". 그중 {without_address}개는 받을 주소가 없습니다" if without_address else "")


def revision_not_raised(new: str, new_revision: int, old: str, old_revision: int) -> str:
    return (f"{new}: 경고: forum.revision({new_revision})이 {old}의 값({old_revision})보다 크지 않아 "
            f"캘린더가 변경을 무시할 수 있습니다. revision을 올리세요")


def no_notices_drafted(path: str) -> str:
    return f"알림을 만들지 않았습니다. 먼저 {path}의 오류를 고치세요"


def notice_sent(label: str, recipient: str) -> str:
    return f"보냄          {label} → {recipient}"


def notice_already_sent(label: str, recipient: str) -> str:
    return f"이미 보냄     {label} → {recipient}"


def notice_not_sent(label: str) -> str:
    return f"보내지 않음   {label}: 주소 없음"


UNMAILABLE = {
    "non-ascii": "@ 앞에 ASCII가 아닌 글자가 있어, SMTPUTF8을 쓰지 않는 알림 메일로는 보낼 수 없습니다",
    "local-part": "@ 앞에 메일 주소에 쓸 수 없는 것(공백, 제어 문자, 연달아 찍은 점, 괄호)이 있습니다",
    "domain": "도메인이 메일을 보낼 수 있는 호스트 이름이 아닙니다",
    "too-long": "길이가 메일 주소의 한도(@ 앞 64자, 모두 254자)를 넘습니다",
}


def unmailable(address: str, why: str) -> str:
    """메일로 보낼 수 없는 주소와 그 까닭: `'이상은@example.org'의 @ 앞에 …`."""
    return f"{address}의 {UNMAILABLE[why]}"


def notice_unmailable(label: str, address: str, why: str) -> str:
    return f"보내지 않음   {label}: {unmailable(repr(address), why)}"


def drafted_without_address(label: str, address: str, why: str) -> str:
    return f"{label}에는 받는 주소가 없습니다. {unmailable(repr(address), why)}. 직접 전해 주세요"


def notice_unconfirmed(label: str, recipient: str) -> str:
    return (f"확인 안 됨    {label} → {recipient}: 이미 도착했을 수 있어 다시 보내지 않음 "
            f"(--resend-unconfirmed를 주면 보냄)")


def sending_unconfirmed(label: str, recipient: str, cause: str, detail: str, sent: list[str], log: str) -> str:
    why = {"disconnected": "", "timeout": "(제때 답이 오지 않았습니다)"}.get(cause, f"({detail})" if detail else "")
    return (f"agenda: {label} → {recipient}: 메일 내용을 넘긴 뒤 연결이 끊겼습니다{why}. 이미 도착했을 수 있어 "
            f"기록에 '확인 안 됨'으로 남겼고, 다시 실행해도 보내지 않습니다(--resend-unconfirmed를 주면 보냅니다)\n"
            f"이번에 보낸 알림: {', '.join(sent) or '없음'}. 보낸 알림은 모두 {log}에 기록되어 있어, "
            f"같은 명령을 다시 실행하면 나머지만 보냅니다")


def timeline_under_table_only(format_: str) -> str:
    return f"--timeline은 표 아래에만 그립니다. --format {format_}에는 타임라인이 없습니다"


def sending_stopped(error: str, sent: list[str], log: str) -> str:
    return (f"agenda: {error}\n이번에 보낸 알림: {', '.join(sent) or '없음'}. 보낸 알림은 모두 {log}에 기록되어 있어, "
            f"같은 명령을 다시 실행하면 나머지만 보냅니다")


DELIVERY_CAUSES = {
    "refused": "서버가 연결을 거절했습니다. 주소와 포트가 맞는지, 서버가 켜져 있는지 확인하세요",
    "timeout": "서버가 제때 답하지 않았습니다. 잠시 뒤에 다시 시도하세요",
    "unknown-host": "그런 이름의 서버가 없습니다. 서버 주소를 확인하세요",
    "disconnected": "서버가 예고 없이 연결을 끊었습니다",
    "answered": "서버가 받지 않았습니다: {detail}",
    "certificate": "서버의 인증서를 믿을 수 없습니다({detail}). 믿을 인증 기관은 AGENDA_SMTP_CAFILE로 지정합니다",
    "system": "{detail}",
}


def delivery_cause(cause: str, detail: str) -> str:
    """메일이 가지 못한 까닭(agenda.notices.delivery.CAUSES). 서버의 답과 시스템의 오류 문구는 그대로 보입니다."""
    return DELIVERY_CAUSES.get(cause, "{detail}").format(detail=detail)


def delivery_failed(where: str, cause: str, detail: str) -> str:
    return f"{where}: {delivery_cause(cause, detail)}"
