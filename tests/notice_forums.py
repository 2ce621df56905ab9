"""A small forum with addresses, and the edits an organizer makes to it, for the notice tests."""

from pathlib import Path

FORUM = """\
forum:
  id: notice-forum
  title: 모두의 AI 토론회
  venue: 국회의원회관 제2간담회의실
  date: 2023-12-13
  start: 14:00
  end: 16:00
  timezone: Asia/Seoul
  language: ko
  moderator: koo
  revision: 1
  updated: 2023-12-01T09:00:00+09:00
  contact: {name: 토론회 사무국, email: office@example.org, phone: 02-788-1234}
people:
  mc: {name: 이연희, email: lee.yh@example.org}
  koo: {name: 구본권, email: koo@example.org}
  lee: {name: 이상은, email: lee.se@example.org}
  kwon: {name: 권영설, email: kwon@example.org}
  cho: {name: 조승현}
  yang: {name: 양승오, email: yang@example.org}
program:
  - kind: opening
    id: opening
    duration: 15m
    mc: mc
  - kind: presentation
    id: talk
    title: "발제: AI 시대의 정당"
    duration: 25m
    speakers: [lee]
  - kind: panel
    id: panel
    each: 15m
    speakers: [kwon, cho, yang]
  - kind: qa
    id: qa
    duration: {min: 10m, max: 30m}
    moderator: koo
  - kind: closing
    id: closing
    at: 15:50
    duration: 10m
    speaker: mc
"""
"""14:00 opening (mc) · 14:15 talk (lee) · 14:40 panel: kwon, cho, yang 15 min each ·
15:25 qa (koo) until 15:50 · 15:50 closing (mc) until 16:00."""


def edited(text: str, *replacements: tuple[str, str], revision: int = 2) -> str:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.replace("  revision: 1\n", f"  revision: {revision}\n", 1)


def versions(tmp_path: Path, *replacements: tuple[str, str], revision: int = 2) -> tuple[Path, Path]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(FORUM, encoding="utf-8")
    new.write_text(edited(FORUM, *replacements, revision=revision), encoding="utf-8")
    return old, new


MOVE_TALK = ("    duration: 25m\n", "    at: 14:25\n    duration: 25m\n")
"""The talk starts 10 minutes later; everyone after it moves until the pinned closing."""
