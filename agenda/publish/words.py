"""The words of `agenda publish`'s summary line, one table per language."""

from agenda.publish.sync import Kind

SUMMARY = {
    "ko": {Kind.CREATE: "생성", Kind.UPDATE: "수정", Kind.UNCHANGED: "변경 없음", Kind.DELETE: "삭제"},
    "en": {Kind.CREATE: "created", Kind.UPDATE: "updated", Kind.UNCHANGED: "unchanged", Kind.DELETE: "deleted"},
}


def summary_line(counts: dict[Kind, int], language: str) -> str:
    """`created N · updated N · unchanged N · deleted N`, in the forum's language."""
    words = SUMMARY.get(language, SUMMARY["en"])
    return " · ".join(f"{words[kind]} {counts.get(kind, 0)}" for kind in Kind)
