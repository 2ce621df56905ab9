"""The MC's script as data, and the small sayings it is made of: what renderers draw, and the
pure helpers the writer (agenda.render.mc_script) shares with nobody else.

A line is pieces, each either said or a bracketed cue read by nobody, so a
renderer never mistakes a file's text for a cue; the helpers decide how a
title, a topic or a date is said without knowing who holds the floor.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from agenda.core.kinds import kind_label
from agenda.core.planner import Day, Role, TimedSegment
from agenda.messages.labels import Labels
from agenda.messages.paper_words import ScriptWords

Speaker = Literal["mc", "chair"]

_CUE = re.compile(r"\[([^\]]*)\]")
_LABEL_WORDS = {"presentation": ("발표", "Presentation", "Keynote"), "panel": ("토론", "패널", "Discussion")}
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class Piece:
    text: str
    cue: bool = False  # a stage direction in brackets, read by nobody


@dataclass(frozen=True)
class Line:
    speaker: Speaker | None  # None: a cue on its own line ([축사])
    pieces: tuple[Piece, ...]
    when: str = ""  # an item's own time, when it has one


@dataclass
class Block:
    when: str
    title: str
    lines: list[Line] = field(default_factory=list)
    heading: bool = False  # a section (제1부): a title and nothing said


@dataclass(frozen=True)
class Script:
    words: ScriptWords
    title: str
    details: tuple[tuple[str, str], ...]  # (일시, …), (장소, …), (사회, …), (좌장, …)
    blocks: tuple[Block, ...]


def pieces(template: str, **values: str) -> tuple[Piece, ...]:
    """The template filled in: its bracketed cues kept apart, so a renderer never mistakes a file's text for one."""
    out: list[Piece] = []
    at = 0
    for match in _CUE.finditer(template):
        spoken = template[at:match.start()].strip()
        if spoken:
            out.append(Piece(spoken.format(**values)))
        out.append(Piece(match.group(1).format(**values), cue=True))
        at = match.end()
    rest = template[at:].strip()
    if rest:
        out.append(Piece(rest.format(**values)))
    return tuple(out)


def last_part(day: Day) -> TimedSegment | None:
    """The day's last segment that takes place and is not a break: after it the day is closed."""
    parts = [seg for seg in day.segments if not seg.cancelled and seg.kind != "break"]
    return parts[-1] if parts else None


def short_date(long_date: str, ko: bool) -> str:
    """2024년 11월 22일(금) → 11월 22일(금); Friday, 22 November 2024 → Friday, 22 November."""
    return long_date.split(" ", 1)[1] if ko else long_date.rsplit(" ", 1)[0]


def said_date(day: date, ko: bool, weekdays: tuple[str, ...]) -> str:
    if ko:
        return f"{day.month}월 {day.day}일 {weekdays[day.weekday()]}요일"
    return f"on {weekdays[day.weekday()]}, {day.day} {day.strftime('%B')}"


def same_role(a: Role, b: Role) -> bool:
    return (a.ref or a.person.name) == (b.ref or b.person.name)


def greets(seg: TimedSegment, chair: Role) -> bool:
    """A remarks segment that names the 좌장 and nobody else: the 좌장's greeting."""
    return all(role.role == "moderator" and same_role(role, chair) for role in seg.people)


def kind_words(kind: str, labels: Labels) -> tuple[str, ...]:
    """The words a title may start with to name its kind: `발제:`, `Keynote:`, `토론:`."""
    return (labels.kind(kind), kind_label(kind, "ko"), kind_label(kind, "en"),
            *_LABEL_WORDS.get(kind, ()))


def topic_of(title: str, kind: str, labels: Labels) -> str:
    """What a presentation is about: `발제: AI 시대의 정당 혁신` → `AI 시대의 정당 혁신`; nothing for a bare `발제`."""
    if title == labels.kind(kind):
        return ""
    head, colon, rest = title.partition(":")
    if colon and head.strip() in kind_words(kind, labels) and rest.strip():
        return rest.strip()
    return title


def title_phrase(title: str, kind: str, labels: Labels, words: ScriptWords) -> str:
    """A title said mid-sentence in English: the kind's label as is (Q&A), a plain title as a noun (the open floor)."""
    if title == labels.kind(kind) or labels.language != "en":
        return title
    parts = title.split()
    if HANGUL.search(title):  # a Korean title in an English sentence is a name, quoted, never "the 오찬"
        return words.named_title.format(title=title)
    if any(not word.isalpha() or word[1:] != word[1:].lower() for word in parts) or any(
            word[0].isupper() for word in parts[1:]):
        return words.named_title.format(title=title)  # a name of its own (Town Hall, AI & Data)
    return words.common_title.format(title=title[0].lower() + title[1:])
