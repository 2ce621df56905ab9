"""Every segment kind in one table: its name in the file, its label in each language, its colours.

The model's `Kind`, the catalogue's kind labels and the colours of the
terminal timeline and the printed page are all read from `KINDS`, so a new
kind is one row here. Labels live here rather than in the message catalogue
because they belong to the kind, not to a sentence; the catalogue reads them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class KindRow:
    ko: str  # default title in a Korean programme
    en: str  # default title in an English programme
    terminal: str  # Rich colour of the timeline block
    paper: str  # CSS colour of the printed timeline block

    def label(self, language: str) -> str:
        return self.ko if language == "ko" else self.en


KINDS: dict[str, KindRow] = {
    "registration": KindRow("사전 등록", "Registration", "grey50", "#b0bec5"),
    "opening": KindRow("개회식", "Opening", "blue", "#90caf9"),
    "remarks": KindRow("인사말", "Remarks", "cyan", "#80deea"),
    "transition": KindRow("장내 정리", "Transition", "grey42", "#cfd8dc"),
    "presentation": KindRow("발제", "Presentation", "magenta", "#ce93d8"),
    "keynote": KindRow("기조연설", "Keynote", "bright_magenta", "#f48fb1"),
    "panel": KindRow("지정토론", "Panel", "green", "#a5d6a7"),
    "qa": KindRow("질의응답", "Q&A", "yellow", "#ffe082"),
    "break": KindRow("휴식", "Break", "bright_black", "#e0e0e0"),
    "closing": KindRow("폐회", "Closing", "blue", "#9fa8da"),
    "other": KindRow("기타", "Other", "white", "#f5f5f5"),
    "section": KindRow("세션", "Section", "default", "#ffffff"),
    "parallel": KindRow("병행 세션", "Parallel sessions", "white", "#fafafa"),
    "day": KindRow("일차", "Day", "default", "#ffffff"),
}
HEADINGS = frozenset({"section", "day"})
"""Kinds that only name what follows: they take no time and never reach a calendar."""


def kind_label(kind: str, language: str) -> str:
    """The default title of a segment of `kind` in a programme written in `language`."""
    return KINDS[kind].label(language)
