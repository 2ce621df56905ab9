"""Printed text as the MC says it aloud: nobody reads a bracketed gloss or a spaced colon.

The programme, name plates and the booklet print `한국사회여론연구소(KSOI)`
and `모두의 AI : 정책과 전략 연속토론회 (제2차 AI 정당)`; read aloud, the
gloss repeats what was just said and the colon is a pause nobody voices. Only
the script's spoken lines pass through here; a file that wants other words
gives `forum.spoken_title` (or a `script:`), which is said as written.
"""

import re

from agenda.core.model import Forum

_GLOSS = re.compile(r"\s*\([^()]*\)")
_SPACED_COLON = re.compile(r"\s+:\s*")
_EVENTS = ("연속토론회", "토론회", "세미나", "간담회", "공청회", "포럼", "심포지엄", "설명회",
           "발표회", "워크숍", "대회", "회의")


def spoken(text: str) -> str:
    """`인공지능(AI)의 정치 영역` → `인공지능의 정치 영역`; `모두의 AI : 정책` → `모두의 AI: 정책`.

    A text that is nothing but a gloss is said as printed rather than as nothing.
    """
    said = _SPACED_COLON.sub(": ", _GLOSS.sub("", text)).strip()
    return said or text


def spoken_topic(text: str) -> str:
    """A Korean topic said inside quotes before 를 주제로, as a noun phrase: no glosses, no closing question mark."""
    return spoken(text).rstrip("?？ ") or spoken(text)


def spoken_title(forum: Forum) -> str:
    """What the MC says for the forum's title: the file's `spoken_title`, else the title said aloud."""
    return forum.spoken_title or spoken(forum.title)


def event_word(title: str) -> str:
    """What the forum is, in one word, for `잠시 후 토론회를 시작하겠습니다`: 행사 when the title does not say."""
    last = title.rstrip("’”'\" ").split()[-1] if title.strip() else ""
    found = next((word for word in _EVENTS if last.endswith(word)), "")
    if found == "연속토론회":
        return "토론회"
    return found or "행사"
