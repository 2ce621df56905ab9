"""The file's newer shapes: keynote, section headings, forum.hosts, and a gap marked as intended."""

import json
import re
from pathlib import Path

import icalendar

from conftest import FIXTURES
from helpers import run, write

SECTIONS = FIXTURES / "documents" / "sections.yaml"


def plan_json(path: Path) -> dict:
    return json.loads(run("plan", path, "--format", "json").stdout)


def test_a_section_is_a_segment_that_takes_no_time_in_the_plan_json():
    segments = plan_json(SECTIONS)["segments"]
    assert [(s["kind"], s["title"], s["start"], s["end"], s["minutes"]) for s in segments] == [
        ("opening", "개회식", "2024-03-21T13:00:00+09:00", "2024-03-21T13:10:00+09:00", 10),
        ("keynote", "기조연설", "2024-03-21T13:10:00+09:00", "2024-03-21T13:40:00+09:00", 30),
        ("section", "주제 1: 측정과 예보", None, None, 0),
        ("presentation", "발제", "2024-03-21T13:40:00+09:00", "2024-03-21T14:00:00+09:00", 20),
        ("section", "주제 2: 저감 정책", None, None, 0),
        ("panel", "지정토론", "2024-03-21T14:05:00+09:00", "2024-03-21T14:50:00+09:00", 45),
        ("closing", "폐회", "2024-03-21T14:50:00+09:00", "2024-03-21T15:00:00+09:00", 10),
    ]
    assert [s["people"] for s in segments if s["kind"] == "section"] == [[], []]


def test_hosts_come_in_the_printed_order_with_organizer_as_the_first_host():
    hosts = plan_json(SECTIONS)["forum"]["hosts"]
    assert hosts == [{"role": "host", "name": "서울특별시"}, {"role": "host", "name": "서울보건환경연구원"},
                     {"role": "organizer", "name": "서울연구원"}, {"role": "sponsor", "name": "환경부"},
                     {"role": "supporter", "name": "한국환경공단"}]


def test_organizer_named_again_among_the_hosts_is_credited_once(tmp_path):
    text = SECTIONS.read_text(encoding="utf-8").replace("  hosts:\n", "  hosts:\n    - {role: host, name: 서울특별시}\n")
    hosts = plan_json(write(tmp_path, text))["forum"]["hosts"]
    assert [h["name"] for h in hosts if h["role"] == "host"] == ["서울특별시", "서울보건환경연구원"]


def test_sections_and_the_intended_gap_raise_no_finding():
    result = run("validate", "--strict", "--lang", "en", SECTIONS)
    assert result.stdout == "1 file: 0 errors, 0 warnings\n"


def test_a_gap_longer_than_intended_is_still_reported(tmp_path):
    text = SECTIONS.read_text(encoding="utf-8").replace("gap_before: 5m", "gap_before: 3m")
    path = write(tmp_path, text)
    out = run("validate", "--lang", "en", path).stdout
    assert re.search(r"forum\.yaml:\d+:\d+: warning\[gap\] 5 idle minutes .*gap_before allows 3", out), out
    korean = run("validate", path).stdout
    assert "지정토론 사이가 5분 비어 있습니다(gap_before로 허용한 것은 3분)" in korean


def test_without_the_marker_the_same_pause_is_a_gap(tmp_path):
    text = SECTIONS.read_text(encoding="utf-8").replace("    gap_before: 5m\n", "")
    out = run("validate", "--lang", "en", write(tmp_path, text)).stdout
    assert "warning[gap] 5 idle minutes between Presentation (ends 14:00) and Panel (starts 14:05)" in out


def test_a_section_that_takes_time_or_people_is_rejected(tmp_path):
    text = SECTIONS.read_text(encoding="utf-8").replace(
        '    title: "주제 1: 측정과 예보"\n', '    title: "주제 1: 측정과 예보"\n    duration: 5m\n    speaker: kim\n')
    out = run("validate", "--lang", "en", write(tmp_path, text), exit_status=1).stdout
    assert "error[invalid-field]" in out and "takes no time and no people; remove duration, speaker" in out


def test_a_section_needs_a_title(tmp_path):
    text = SECTIONS.read_text(encoding="utf-8").replace('    title: "주제 1: 측정과 예보"\n', "")
    assert "give it a title" in run("validate", "--lang", "en", write(tmp_path, text), exit_status=1).stdout


def test_sections_never_reach_the_calendar(tmp_path):
    out = tmp_path / "forum.ics"
    run("export", SECTIONS, "-o", out, "--segments")
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert len(summaries) == 1 + 5
    assert not any("주제" in summary for summary in summaries)
    assert "기조연설 · 미세먼지 저감 정책 전문가 포럼" in summaries
    forum_event = next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == "fine-dust-2024@agenda.forum")
    description = str(forum_event["DESCRIPTION"])
    assert "■ 주제 1: 측정과 예보\n13:40~14:00 발제" in description  # a heading in the text, never an event
    assert "주최: 서울특별시, 서울보건환경연구원\n주관: 서울연구원\n후원: 환경부\n협찬: 한국환경공단" in description


def test_sections_at_either_end_and_in_rules_require(tmp_path):
    text = SECTIONS.read_text(encoding="utf-8").replace("program:\n", "program:\n  - {kind: section, title: 제1부}\n")
    text += "  - {kind: section, title: 부록}\nrules:\n  require: [section, keynote]\n"
    segments = plan_json(write(tmp_path, text))["segments"]
    assert [s["title"] for s in segments if s["kind"] == "section"] == ["제1부", "주제 1: 측정과 예보",
                                                                      "주제 2: 저감 정책", "부록"]
    assert segments[1]["start"] == "2024-03-21T13:00:00+09:00" and segments[-2]["end"] == "2024-03-21T15:00:00+09:00"
    assert run("validate", "--strict", "--lang", "en", tmp_path / "forum.yaml").stdout == "1 file: 0 errors, 0 warnings\n"


def test_printed_outputs_show_sections_as_headings_and_credit_the_hosts(tmp_path):
    markdown = run("plan", SECTIONS, "--format", "markdown").stdout
    assert "|  |  | **주제 1: 측정과 예보** |  |  |" in markdown
    assert ("**주최:** 서울특별시, 서울보건환경연구원  \n**주관:** 서울연구원  \n"
            "**후원:** 환경부  \n**협찬:** 한국환경공단  ") in markdown
    page = tmp_path / "forum.html"
    run("export", SECTIONS, "-o", page)
    html = page.read_text(encoding="utf-8")
    assert '<tr class="section"><th colspan="4" scope="colgroup">주제 2: 저감 정책</th></tr>' in html
    assert html.index("<dt>주최</dt>") < html.index("<dt>주관</dt>") < html.index("<dt>후원</dt>") \
        < html.index("<dt>협찬</dt>")
    table = run("plan", SECTIONS).stdout
    assert table.index("주제 1: 측정과 예보") < table.index("13:40~14:00")


def test_english_credits_read_as_english(tmp_path):
    text = run("plan", SECTIONS, "--format", "markdown", "--lang", "en").stdout
    assert "**Hosted by:** 서울특별시, 서울보건환경연구원" in text and "**Supported by:** 한국환경공단" in text
    assert "| Keynote |" not in text and "**Keynote**" in text


def test_the_schema_rejects_a_section_that_validate_rejects():
    import copy

    import jsonschema

    from agenda.loading import read_document

    schema = json.loads(run("schema").stdout)
    document = read_document(str(SECTIONS)).data
    jsonschema.validate(document, schema)
    for change in ({"duration": "5m"}, {"speakers": ["kim"]}, {"at": "13:40"}, {"title": " "}):
        broken = copy.deepcopy(document)
        broken["program"][2].update(change)
        try:
            jsonschema.validate(broken, schema)
        except jsonschema.ValidationError:
            continue
        raise AssertionError(f"the schema accepts a section with {change}")
