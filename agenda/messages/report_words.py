"""The words of the report for the hosts (`agenda report -o report.html|pdf`), one table per language.

The day's own words (statuses, headings, minutes more or less) are day_words';
these are the document's sections and what they say when empty.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportWords:
    document: str  # the page's title: {title}
    heading: str  # the section of every part, planned against actual
    skipped: str
    no_reason: str  # a skipped part whose mark gave no reason
    none_skipped: str
    cut: str
    cut_line: str  # {title} {planned} {actual}
    none_cut: str
    totals: str
    planned_total: str  # {minutes}
    actual_total: str  # {minutes}


KO = ReportWords(
    document="진행 결과 보고 · {title}", heading="계획과 실제", skipped="건너뛴 순서", no_reason="사유 없음",
    none_skipped="건너뛴 순서가 없습니다.", cut="줄어든 순서", cut_line="{title}: {planned}분 → {actual}분",
    none_cut="계획보다 줄어든 순서가 없습니다.", totals="합계", planned_total="계획 {minutes}분",
    actual_total="실제 {minutes}분",
)

EN = ReportWords(
    document="Report · {title}", heading="Planned and actual", skipped="Skipped", no_reason="no reason given",
    none_skipped="Nothing was skipped.", cut="Cut short", cut_line="{title}: {planned} → {actual} min",
    none_cut="Nothing ran shorter than planned.", totals="Totals", planned_total="planned {minutes} min",
    actual_total="actual {minutes} min",
)

REPORT_WORDS = {"ko": KO, "en": EN}
