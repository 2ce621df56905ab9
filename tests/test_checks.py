"""Every check code: one file that triggers it (with line and column asserted) and one that doesn't."""


import pytest

from agenda.loading.analysis import analyze_text
from agenda.checks.registry import ALL_CODES, CHECKS, EXPORT_CHECKS
from agenda.core.codes import CHECK_CODES
from agenda.messages import describe

HEAD = """\
forum:
  id: t
  title: T
  date: {date}
  start: "{start}"
  end: "{end}"
  timezone: {zone}
  language: en
"""
PEOPLE = """\
people:
  ann: {name: Ann}
"""


def forum(program: str, *, date="2024-05-02", start="10:00", end="11:00", zone="Asia/Seoul",
          people=PEOPLE, extra="") -> str:
    return HEAD.format(date=date, start=start, end=end, zone=zone) + people + "program:\n" + program + extra


CLEAN_PROGRAM = """\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    duration: 40m
"""
CLEAN = forum(CLEAN_PROGRAM)

OPENING_AND_QA = """\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    duration: 40m
"""
"""An opening and a Q&A: the program most cases vary one thing of."""

ROOMS = "  language: en\n  rooms:\n    hall: {name: Hall}\n    r2: {name: Room 2}\n"


def rooms_forum(program: str, **kw) -> str:
    """A forum with two rooms, hall and r2."""
    return forum(program, **kw).replace("  language: en\n", ROOMS)


def block(first: str, second: str, *, duration: str = "60m", second_room: str = "r2") -> str:
    """A parallel block filling the window, a track in the hall and one in `second_room`."""
    return f"""\
  - kind: parallel
    duration: {duration}
    tracks:
      - room: hall
        program:
          - {first}
      - room: {second_room}
        program:
          - {second}
"""


# code -> (file text with "# expect" on the finding's line, expected column, a near miss that is fine)
CASES = {
    "unknown-room": (rooms_forum(OPENING_AND_QA + "    room: r3  # expect\n"), 11,
                     rooms_forum(OPENING_AND_QA + "    room: r2\n")),
    "room-overlap": (rooms_forum(block("{kind: presentation, duration: 60m, speaker: ann}",
                                       "{kind: qa, duration: 60m}  # expect", second_room="hall")), 13,
                     rooms_forum(block("{kind: presentation, duration: 60m, speaker: ann}",
                                       "{kind: qa, duration: 60m}"))),
    "track-overflow": (rooms_forum(block("{kind: presentation, duration: 60m, speaker: ann}",
                                         "{kind: qa, duration: 70m}  # expect")), 13,
                       rooms_forum(block("{kind: presentation, duration: 60m, speaker: ann}",
                                         "{kind: qa, duration: 60m}"))),
    "track-slack": (rooms_forum(block("{kind: presentation, duration: 60m, speaker: ann}",
                                      "{kind: qa, duration: 50m}").replace(
                        "      - room: r2\n", "      - room: r2  # expect\n")), 9,
                    rooms_forum(block("{kind: presentation, duration: 60m, speaker: ann}",
                                      "{kind: qa, duration: {min: 30m}}"))),
    "double-booked": (rooms_forum(block("{kind: presentation, duration: 60m, speaker: ann}",
                                        "{kind: panel, duration: 60m, speaker: ann}  # expect")), 13,
                      rooms_forum(block("{kind: presentation, duration: 60m, speaker: ann}",
                                        "{kind: panel, duration: 60m, speaker: {name: Bo}}"))),
    "window-overflow": (forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa  # expect
    duration: 45m
"""), 5, CLEAN),
    "before-window": (forum("""\
  - kind: opening
    at: "09:50"  # expect
    duration: 30m
    speaker: ann
  - kind: qa
    duration: 40m
"""), 9, CLEAN),
    "overlap": (forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    at: "10:10"  # expect
    duration: 40m
"""), 9, CLEAN),
    "gap": (forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    at: "10:25"  # expect
    duration: 35m
"""), 9, forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    at: "10:20"
    duration: 40m
""")),
    "slack": (forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa  # expect
    duration: 30m
"""), 5, forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    duration: 30m
""", extra="rules:\n  allow_slack: 10m\n")),
    "items-overflow": (forum("""\
  - kind: opening
    duration: 20m
    items:  # expect
      - {title: Anthem, duration: 15m}
      - {title: Welcome, duration: 10m, speaker: ann}
  - kind: qa
    duration: 40m
"""), 5, CLEAN),
    "each-mismatch": (forum("""\
  - kind: panel
    each: 10m
    duration: 30m  # expect
    speakers: [ann, {name: Bo}]
  - kind: qa
    duration: 30m
"""), 15, forum("""\
  - kind: panel
    each: 15m
    duration: 30m
    speakers: [ann, {name: Bo}]
  - kind: qa
    duration: 30m
""")),
    "missing-kind": (forum(OPENING_AND_QA, extra="rules:\n  require: [opening, panel]  # expect\n"), 22,
                     forum(OPENING_AND_QA, extra="rules:\n  require: [opening, qa]\n")),
    "unknown-person": (forum("""\
  - kind: opening
    duration: 20m
    speakers: [ann, bob]  # expect
  - kind: qa
    duration: 40m
"""), 21, CLEAN),
    "unused-person": (forum(OPENING_AND_QA, people="people:\n  ann: {name: Ann}\n  cy: {name: Cy}  # expect\n"), 3,
                      CLEAN),
    "duplicate-id": (forum("""\
  - kind: opening
    id: part
    duration: 20m
    speaker: ann
  - kind: qa
    id: part  # expect
    duration: 40m
"""), 9, forum("""\
  - kind: opening
    id: part-1
    duration: 20m
    speaker: ann
  - kind: qa
    id: part-2
    duration: 40m
""")),
    "zero-duration": (forum("""\
  - kind: opening
    duration: 0m  # expect
    speaker: ann
  - kind: qa
    duration: fill
"""), 15, forum("""\
  - kind: opening
    duration: 1m
    speaker: ann
  - kind: qa
    duration: fill
""")),
    "nonexistent-time": (forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    duration: fill
""", date="2024-03-31", start="02:30", end="04:00", zone="Europe/Berlin").replace(
        'start: "02:30"', 'start: "02:30"  # expect'), 10, forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    duration: fill
""", date="2024-03-30", start="02:30", end="04:00", zone="Europe/Berlin")),
    "ambiguous-time": (forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    duration: fill
""", date="2024-11-03", start="01:30", end="03:00", zone="America/New_York").replace(
        'start: "01:30"', 'start: "01:30"  # expect'), 10, forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    duration: fill
""", date="2024-11-10", start="01:30", end="03:00", zone="America/New_York")),
    "crosses-midnight": (forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    duration: fill
""", start="23:30", end="2024-05-03 00:30").replace('end: "2024-05-03 00:30"', 'end: "2024-05-03 00:30"  # expect'),
        8, forum("""\
  - kind: opening
    duration: 20m
    speaker: ann
  - kind: qa
    duration: fill
""", start="22:30", end="23:30")),
    "end-before-start": (CLEAN.replace('end: "11:00"', 'end: "09:00"  # expect'), 8,
                         CLEAN.replace('end: "11:00"', 'end: "2024-05-03 09:00"')),
    "missing-id": (CLEAN.replace("  id: t\n", "").replace("forum:\n", "forum:  # expect\n"), 1, CLEAN),
    "legacy-zone": (forum(OPENING_AND_QA, zone="EST  # expect"), 13, forum(OPENING_AND_QA, zone="America/New_York")),
    "unmailable-address": (forum(OPENING_AND_QA, people="people:\n  ann:\n    name: Ann\n"
                                                       "    email: müller@example.org  # expect\n"), 12,
                           forum(OPENING_AND_QA, people="people:\n  ann: {name: Ann, email: lee@예시.한국}\n")),
    "ceremony-order": (forum("""\
  - kind: opening
    duration: 20m
    items:
      - title: 축사
        speaker: ann
      - title: 국민의례  # expect
  - kind: qa
    duration: 40m
"""), 9, forum("""\
  - kind: opening
    duration: 20m
    items:
      - title: 국민의례
      - title: 축사
        speaker: ann
  - kind: qa
    duration: 40m
""")),
    "invalid-field": (forum("""\
  - kind: opening
    duraton: 20m  # expect
    duration: 20m
    speaker: ann
  - kind: qa
    duration: 40m
"""), 5, CLEAN),
}


def expected_line(text: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if "# expect" in line)


def test_every_code_has_a_case():
    """Every code of one file has a case here; a check across the files of an export is tested with it."""
    assert set(CASES) == set(ALL_CODES) - {"unreadable"} - {check.CODE for check in EXPORT_CHECKS}


def test_the_leaf_list_of_codes_is_the_registry():
    assert CHECK_CODES == tuple(check.CODE for check in CHECKS + EXPORT_CHECKS)


def test_the_clean_file_has_no_findings():
    assert analyze_text(CLEAN, "clean.yaml").findings == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_check_triggers_at_its_line_and_column(code):
    text, column, _ = CASES[code]
    analysis = analyze_text(text, "case.yaml")
    found = [(f.location.line, f.location.column) for f in analysis.findings if f.code == code]
    assert found == [(expected_line(text), column)], analysis.findings


@pytest.mark.parametrize("code", sorted(CASES))
def test_every_case_reads_as_a_sentence_in_both_languages(code):
    (finding, *_) = [f for f in analyze_text(CASES[code][0], "case.yaml").findings if f.code == code]
    english, korean = describe(finding, "en"), describe(finding, "ko")
    assert english != korean and "=" not in english and not any("가" <= c <= "힣" for c in english[:12])
    assert any("가" <= c <= "힣" for c in korean)


@pytest.mark.parametrize("code", sorted(CASES))
def test_check_stays_quiet_on_the_near_miss(code):
    _, _, fine = CASES[code]
    analysis = analyze_text(fine, "fine.yaml")
    assert [f for f in analysis.findings if f.code == code] == []


def test_rules_ignore_silences_a_code():
    text = CASES["slack"][0] + "rules:\n  ignore: [slack]\n"
    assert analyze_text(text, "f.yaml").findings == []


def test_rules_ignore_rejects_an_unknown_code():
    text = CLEAN + "rules:\n  ignore: [slak]\n"
    (finding,) = analyze_text(text, "f.yaml").findings
    assert finding.code == "invalid-field" and "'slak' is not a check code" in describe(finding, "en")
    assert (finding.location.line, finding.location.column) == (len(CLEAN.splitlines()) + 2, 12)
    assert describe(finding, "ko").startswith("rules.ignore[0]: 'slak'은(는) 검사 코드가 아닙니다")


def test_messages_name_the_segment_and_the_minutes():
    (finding,) = [f for f in analyze_text(CASES["window-overflow"][0], "f.yaml").findings]
    assert describe(finding, "en").startswith("Q&A ends at 11:05, 5 minutes after the window closes at 11:00")
    (korean,) = analyze_text(CASES["window-overflow"][0], "f.yaml", language="ko").findings
    assert describe(korean, "ko") == "질의응답이 11:05에 끝나 행사 종료 시각 11:00보다 5분 늦습니다. 순서를 줄이거나 forum.end를 늦추세요"


def test_unknown_person_suggests_the_near_id():
    text = CLEAN.replace("speaker: ann", "speaker: anne")
    messages = [describe(f, "en") for f in analyze_text(text, "f.yaml").findings if f.code == "unknown-person"]
    assert messages == ["'anne' is not in people; did you mean 'ann'?"]


def test_findings_are_sorted_by_position():
    analysis = analyze_text(CASES["unused-person"][0].replace("speaker: ann", "speaker: bob"), "f.yaml")
    positions = [(f.location.line, f.location.column) for f in analysis.findings]
    assert positions == sorted(positions) and len(positions) == 3


@pytest.mark.parametrize("end, codes", [
    ('end: "13:00"', ["end-before-start"]),  # a typo for 15:00, most likely: reported alone
    ('end: "14:00"', ["end-before-start"]),
    ('end: "2024-05-02 13:00"', ["end-before-start"]),
    ('end: "2024-05-03 01:00"', ["crosses-midnight"]),
    ('end: 2024-05-03T01:00', ["crosses-midnight"]),
    ("duration: 11h", ["crosses-midnight"]),
])
def test_only_an_explicit_end_or_duration_crosses_midnight(end, codes):
    text = forum("""\
  - kind: qa
    duration: fill
""", start="14:00", people="").replace('end: "11:00"', end)
    assert sorted({f.code for f in analyze_text(text, "f.yaml").findings}) == codes


def test_end_before_start_says_how_to_cross_midnight_on_purpose():
    (finding,) = [f for f in analyze_text(CASES["end-before-start"][0], "f.yaml").findings
                  if f.code == "end-before-start"]
    assert describe(finding, "en") == (
        "the window ends at 09:00, at or before its start at 10:00; if it really runs "
        "past midnight, give duration or the end with its date (end: 2024-05-03 09:00)")
    assert describe(finding, "ko") == (
        "끝 시각 09:00이 시작 시각 10:00과 같거나 앞섭니다. 정말 자정을 넘긴다면 duration을 쓰거나 "
        "끝 시각을 날짜와 함께 쓰세요(end: 2024-05-03 09:00)")


def test_an_end_with_its_date_before_the_start_names_both_days():
    text = CLEAN.replace('end: "11:00"', 'end: "2024-05-02 09:00"')
    (finding,) = [f for f in analyze_text(text, "f.yaml").findings if f.code == "end-before-start"]
    assert describe(finding, "en") == "the window ends at 2024-05-02 09:00, at or before its start at 2024-05-02 10:00"
    assert describe(finding, "ko") == "행사가 5월 2일 09:00에 끝나 시작 시각(5월 2일 10:00)과 같거나 앞섭니다"


def test_a_toml_local_date_time_end_crosses_midnight_on_purpose():
    text = """\
[forum]
id = "t"
title = "T"
date = 2024-05-02
start = "23:00"
end = 2024-05-03T01:00:00
timezone = "Asia/Seoul"
[[program]]
kind = "qa"
duration = "fill"
"""
    analysis = analyze_text(text, "f.toml")
    assert [f.code for f in analysis.findings] == ["crosses-midnight"] and analysis.plan.window_minutes == 120


def test_an_end_more_than_a_week_after_the_start_is_refused():
    text = CLEAN.replace('end: "11:00"', 'end: "2024-05-10 10:01"')
    (finding,) = analyze_text(text, "f.yaml").findings
    assert describe(finding, "en") == ("forum: end 2024-05-10 10:01 is more than a week after the start; "
                                       "a forum lasts at most a week")
    assert describe(finding, "ko") == "forum: end 2024-05-10 10:01은 시작보다 일주일 넘게 뒤입니다. 포럼은 길어야 일주일입니다"


@pytest.mark.parametrize("zone, meant, particle", [("EST", "America/New_York", "는"),
                                                   ("US/Eastern", "America/New_York", "은(는)"),
                                                   ("CET", "Europe/Berlin", "는"), ("ROK", "Asia/Seoul", "는")])
def test_legacy_zone_names_the_city_zone_meant(zone, meant, particle):
    (finding,) = [f for f in analyze_text(forum(CLEAN_PROGRAM, zone=zone), "f.yaml").findings
                  if f.code == "legacy-zone"]
    assert finding.severity.value == "warning"
    assert describe(finding, "en") == (f"{zone} is an old zone name (a fixed offset or an alias), not a city's "
                                       f"clock; write `timezone: {meant}` so the times follow that city's "
                                       f"daylight saving")
    assert describe(finding, "ko") == (f"{zone}{particle} 고정 시차이거나 옛 별칭이라 도시의 시계와 다를 수 "
                                       f"있습니다. `timezone: {meant}`로 쓰세요")


@pytest.mark.parametrize("zone", ["Asia/Seoul", "America/New_York", "UTC", "Europe/Berlin"])
def test_city_zones_are_not_legacy(zone):
    assert [f for f in analyze_text(forum(CLEAN_PROGRAM, zone=zone), "f.yaml").findings
            if f.code == "legacy-zone"] == []


def test_the_schema_rejects_an_unknown_ignore_code_as_validate_does():
    import jsonschema

    from agenda.loading import parse_text
    from agenda.loading.schema import forum_schema

    good = parse_text(CLEAN + "rules:\n  ignore: [slack, legacy-zone]\n", "f.yaml").data
    jsonschema.validate(good, forum_schema())
    bad = parse_text(CLEAN + "rules:\n  ignore: [slak]\n", "f.yaml").data
    with pytest.raises(jsonschema.ValidationError, match="'slak' is not one of"):
        jsonschema.validate(bad, forum_schema())


def test_an_end_before_the_start_is_one_error_not_a_night_long_forum(tmp_path):
    """The typo alone is reported: no "runs past midnight" and no 1,200 idle minutes beside it."""
    from helpers import run, write

    text = ("forum:\n  id: eb\n  title: T\n  date: 2024-05-20\n  start: \"22:00\"\n  end: \"21:00\"\n"
            "  timezone: Asia/Seoul\n  language: en\nprogram:\n  - {kind: presentation, duration: 60m}\n")
    out = run("validate", write(tmp_path, text), exit_status=1).stdout
    assert [line.split("] ")[0].split(": ")[-1] for line in out.splitlines()[:-1]] == ["error[end-before-start"]


def ceremony_findings(items: str, status: str = "confirmed") -> list[str]:
    text = forum(f"""\
  - kind: opening
    duration: 20m
    status: {status}
    items:
{items}
  - kind: qa
    duration: 40m
""")
    return [describe(f, "en") for f in analyze_text(text, "f.yaml").findings if f.code == "ceremony-order"]


def test_ceremony_order_names_the_item_its_place_and_what_comes_before_it():
    text = CASES["ceremony-order"][0]
    (finding,) = [f for f in analyze_text(text, "f.yaml").findings if f.code == "ceremony-order"]
    assert finding.severity.value == "warning"
    assert describe(finding, "en") == (
        "the national ceremony '국민의례' is item 2 of Opening, after '축사'; protocol holds it before any other "
        "part (only the opening declaration may come first)")
    assert describe(finding, "ko") == (
        "개회식에서 '국민의례'가 '축사' 뒤, 2번째 순서에 있습니다. 국민의례는 다른 순서보다 먼저 합니다"
        "(개회 선언만 앞에 올 수 있습니다)")


@pytest.mark.parametrize("items", [
    "      - {title: 인사말, speaker: ann}\n      - {title: 국민 의례}",  # spaced as some programmes print it
    "      - {title: Welcome, speaker: ann}\n      - {title: National Ceremony}",
    "      - {title: 개회 선언}\n      - {title: 축사, speaker: ann}\n      - {title: \"국민의례 (국기에 대한 경례, 애국가)\"}",
])
def test_ceremony_order_reads_the_title_in_korean_and_english(items):
    assert len(ceremony_findings(items)) == 1


@pytest.mark.parametrize("items, status", [
    ("      - {title: 개회 선언}\n      - {title: 국민의례}\n      - {title: 축사, speaker: ann}", "confirmed"),
    ("      - {title: 개식}\n      - {title: National ceremony}", "confirmed"),
    ("      - {title: 축사, speaker: ann}\n      - {title: 국민의례}", "cancelled"),  # not held: no order to keep
    ("      - {title: 축사, speaker: ann}\n      - {title: 국민 화합을 위한 의례 안내}", "confirmed"),
])
def test_ceremony_order_keeps_quiet_when_only_the_opening_declaration_comes_first(items, status):
    assert ceremony_findings(items, status) == []


def test_the_seed_holds_its_national_ceremony_first():
    from helpers import SEED

    seed = SEED.read_text(encoding="utf-8")
    assert [f.code for f in analyze_text(seed, "seed.yaml").findings] == ["slack"]
