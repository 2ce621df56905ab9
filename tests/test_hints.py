"""Hints that point the right way, in Korean and in English, each through the real command line."""

import json

import pytest

from agenda.messages.ko import josa
from helpers import SEED, run, write

FORUM = """\
forum:
  id: t
  title: T
  date: 2024-05-02
  start: "10:00"
  end: "11:00"
  timezone: Asia/Seoul
  language: ko
people:
  lee: {name: 이영희}
  kim: {name: 김철수}
program:
  - kind: panel
    duration: 60m
    speakers: [lee, kim]
"""

# name -> (change to FORUM, exit status, Korean finding line, English finding line)
HINTS = {
    "kst": (("timezone: Asia/Seoul", "timezone: KST"), 1,
            "7:13: error[invalid-field] timezone: 'KST'는 시간대 이름이 아닙니다. 'Asia/Seoul'을(를) 쓰려던 것인가요?",
            "7:13: error[invalid-field] timezone: 'KST' is not a time zone; did you mean 'Asia/Seoul'?"),
    "utc-plus-9": (("timezone: Asia/Seoul", "timezone: UTC+9"), 1,
                   "7:13: error[invalid-field] timezone: 'UTC+9'는 시간대 이름이 아닙니다. "
                   "'Asia/Seoul'을(를) 쓰려던 것인가요?",
                   "7:13: error[invalid-field] timezone: 'UTC+9' is not a time zone; did you mean 'Asia/Seoul'?"),
    "jst": (("timezone: Asia/Seoul", "timezone: JST"), 1,
            "7:13: error[invalid-field] timezone: 'JST'는 시간대 이름이 아닙니다. 'Asia/Tokyo'을(를) 쓰려던 것인가요?",
            "7:13: error[invalid-field] timezone: 'JST' is not a time zone; did you mean 'Asia/Tokyo'?"),
    "est": (("timezone: Asia/Seoul", "timezone: EST"), 0,
            "7:13: warning[legacy-zone] EST는 고정 시차이거나 옛 별칭이라 도시의 시계와 다를 수 있습니다. "
            "`timezone: America/New_York`로 쓰세요",
            "7:13: warning[legacy-zone] EST is an old zone name (a fixed offset or an alias), not a city's clock; "
            "write `timezone: America/New_York` so the times follow that city's daylight saving"),
    "pannel": (("kind: panel", "kind: pannel"), 1,
               "13:11: error[invalid-field] kind: 'pannel'은(는) 쓸 수 없는 값입니다. 'panel'을(를) 쓰려던 것인가요?",
               "13:11: error[invalid-field] kind: Input should be 'registration', 'opening', 'remarks', 'transition', "
               "'presentation', 'keynote', 'panel', 'qa', 'break', 'closing', 'other', 'section', 'parallel' "
               "or 'day'; did you mean 'panel'?"),
    "korean-kind": (("kind: panel", "kind: 지정토론"), 1,
                    "13:11: error[invalid-field] kind: '지정토론'은 영문 코드 panel(으)로 씁니다. 예: kind: panel",
                    "13:11: error[invalid-field] kind: Input should be 'registration', 'opening', 'remarks', "
                    "'transition', 'presentation', 'keynote', 'panel', 'qa', 'break', 'closing', 'other', 'section', "
                    "'parallel' or 'day'; '지정토론' is "
                    "written panel (kinds are English codes)"),
    "over-indented": (("  timezone: Asia/Seoul", "    timezone: Asia/Seoul"), 2,
                      "7:5: error[unreadable] YAML 문법 오류(did not find expected key (while parsing a block "
                      "mapping)). 이 키가 윗줄보다 더 들여써져 있습니다. 같은 단계의 키와 들여쓰기를 맞추세요",
                      "7:5: error[unreadable] YAML syntax: did not find expected key (while parsing a block mapping); "
                      "this key is indented further than the line above it; line it up with the keys beside it"),
    "tab": (("  title: T", "\ttitle: T"), 2,
            "3:1: error[unreadable] YAML 문법 오류(found a tab character that violates indentation (while scanning "
            "a plain scalar)). YAML은 탭이 아니라 공백으로 들여씁니다. 탭을 공백으로 바꾸세요",
            "3:1: error[unreadable] YAML syntax: found a tab character that violates indentation (while scanning a "
            "plain scalar); YAML indents with spaces, not tabs; replace the tab"),
    "language-kr": (("language: ko", "language: kr"), 1,
                    "8:13: error[invalid-field] language: 'kr'은(는) 쓸 수 없는 값입니다. 'ko'을(를) 쓰려던 것인가요?",
                    "8:13: error[invalid-field] language: Input should be 'ko' or 'en'; did you mean 'ko'?"),
    "speakers-as-text": (("speakers: [lee, kim]", "speakers: 이영희, 김철수"), 1,
                         "15:15: error[invalid-field] speakers: 목록이어야 합니다. 목록은 대괄호로 씁니다: [이영희, 김철수]",
                         "15:15: error[invalid-field] speakers: Input should be a valid list; write a list in "
                         "brackets: [이영희, 김철수]"),
    "timezone-missing": (("  timezone: Asia/Seoul\n", ""), 1,
                         "2:3: error[invalid-field] forum에 timezone이(가) 필요합니다. 예: `timezone: Asia/Seoul`",
                         "2:3: error[invalid-field] timezone is required in forum; add it, e.g. "
                         "`timezone: Asia/Seoul`"),
}


@pytest.mark.parametrize("name", sorted(HINTS))
def test_hint_in_korean_and_in_english(tmp_path, name):
    (old, new), status, korean, english = HINTS[name]
    assert old in FORUM
    path = write(tmp_path, FORUM.replace(old, new, 1), f"{name}.yaml")
    assert run("validate", "--lang", "ko", path, exit_status=status).stdout.splitlines()[0] == f"{path}:{korean}"
    assert run("validate", "--lang", "en", path, exit_status=status).stdout.splitlines()[0] == f"{path}:{english}"


def test_a_quoted_colon_still_gets_the_quoting_hint(tmp_path):
    path = write(tmp_path, FORUM.replace("  date: 2024-05-02", "  theme: AI: 정책"))
    line = run("validate", "--lang", "en", path, exit_status=2).stdout.splitlines()[0]
    assert line.endswith("a value with ': ' in it needs quotes, e.g. title: \"AI: 정책\"")


def test_a_programme_pasted_as_text(tmp_path):
    path = write(tmp_path, "14:00 개회식\n14:10 발제 1 김철수\n15:00 지정토론\n")
    assert run("validate", path, exit_status=1).stdout.splitlines()[0] == (
        f"{path}:1:1: error[invalid-field] this is not a forum file (plain text); "
        f"`agenda init` writes one to start from")
    assert run("validate", "--lang", "ko", path, exit_status=1).stdout.splitlines()[0] == (
        f"{path}:1:1: error[invalid-field] 포럼 파일이 아닙니다(일반 텍스트). `agenda init`으로 시작할 파일을 "
        f"만들 수 있습니다")


def test_the_file_language_decides_when_lang_is_not_given(tmp_path):
    path = write(tmp_path, FORUM.replace("kind: panel", "kind: pannel"))
    assert "'pannel'은(는) 쓸 수 없는 값입니다" in run("validate", path, exit_status=1).stdout
    english = write(tmp_path, FORUM.replace("kind: panel", "kind: pannel").replace("language: ko", "language: en"),
                    "en.yaml")
    assert "did you mean 'panel'?" in run("validate", english, exit_status=1).stdout


def test_an_unreadable_file_follows_lang_then_the_locale(tmp_path):
    missing = tmp_path / "nope.yaml"
    assert run("validate", missing, exit_status=2).stdout == (
        f"{missing}: error[unreadable] no such file; check the path\n1 file: 0 errors, 0 warnings, 1 unreadable\n")
    assert run("validate", missing, exit_status=2, env={"LANG": "ko_KR.UTF-8"}).stdout == (
        f"{missing}: error[unreadable] 파일이 없습니다. 경로를 확인하세요\n파일 1개: 오류 0개, 경고 0개, 읽을 수 없음 1개\n")
    assert run("validate", missing, exit_status=2, env={"LANG": "ko_KR.UTF-8", "LC_ALL": "C"}).stdout.startswith(
        f"{missing}: error[unreadable] no such file")
    assert "파일이 없습니다" in run("plan", "--lang", "ko", missing, exit_status=2).stderr


def test_json_and_github_messages_follow_lang(tmp_path):
    data = json.loads(run("validate", "--format", "json", SEED).stdout)
    assert data["files"][0]["findings"][0]["message"].startswith("15:55에 질의응답·자유토론이 끝나")
    data = json.loads(run("validate", "--format", "json", "--lang", "en", SEED).stdout)
    assert data["files"][0]["findings"][0]["message"].startswith("the program ends at 15:55")
    github = run("validate", "--format", "github", SEED)
    assert github.stdout.endswith("title=slack::15:55에 질의응답·자유토론이 끝나 16:00까지 5분이 비어 있습니다. "
                                  "순서 하나를 늘리거나 유연한 시간으로 바꾸세요\n")
    assert github.stderr == "파일 1개: 오류 0개, 경고 1개\n"


def test_unreadable_in_json_is_a_finding_and_keeps_the_error_entry(tmp_path):
    path = write(tmp_path, "forum: [\n")
    (entry,) = json.loads(run("validate", "--format", "json", path, exit_status=2).stdout)["files"]
    (finding,) = entry["findings"]
    assert (finding["code"], finding["severity"], finding["line"], finding["column"]) == ("unreadable", "error", 2, 1)
    assert entry["valid"] is False and entry["error"]["message"] == finding["message"]


def test_export_findings_follow_lang(tmp_path):
    out = tmp_path / "seed.ics"
    assert "5분이 비어 있습니다" in run("export", SEED, "-o", out).stderr
    assert "5 minutes before the window closes" in run("export", SEED, "-o", out, "--lang", "en").stderr


@pytest.mark.parametrize("word, particle", [("휴식", "휴식이"), ("발제", "발제가"), ("질의응답·자유토론", "질의응답·자유토론이"),
                                            ("세션 2", "세션 2가"), ("세션 3", "세션 3이"), ("Q&A", "Q&A가"),
                                            ("opening", "opening이(가)")])
def test_korean_particles_follow_the_word(word, particle):
    assert josa(word, "이", "가") == particle


@pytest.mark.parametrize("word, particle", [
    ("AI", "AI를"), ("KSOI", "KSOI를"), ("ICT", "ICT를"), ("ESG", "ESG를"), ("'KST'", "'KST'를"),  # 아이, 오, 티, 지
    ("HTML", "HTML을"), ("CNN", "CNN을"), ("IBM", "IBM을"), ("PR", "PR을"),  # 엘, 엔, 엠, 알: a 받침
    ("세션 10", "세션 10을"), ("세션 2", "세션 2를"), ("panel", "panel을(를)")])  # 십; 이; a word, not letters
def test_a_word_ending_in_a_capital_letter_takes_the_particle_of_the_letters_name(word, particle):
    assert josa(word, "을", "를") == particle


@pytest.mark.parametrize("word, particle", [("서울", "서울로"), ("HTML", "HTML로"), ("7", "7로"), ("휴식", "휴식으로"),
                                            ("AI", "AI로"), ("3", "3으로")])
def test_a_word_ending_in_rieul_takes_ro_not_euro(word, particle):
    assert josa(word, "으로", "로") == particle


KIND_WORDS = {"개회식": "opening", "개회사": "opening", "축사": "remarks", "기조연설": "keynote", "발제": "presentation",
              "지정토론": "panel", "토론": "panel", "질의응답": "qa", "휴식": "break", "폐회": "closing"}


@pytest.mark.parametrize("word", sorted(KIND_WORDS))
def test_a_korean_word_for_a_kind_names_the_kind(tmp_path, word):
    kind = KIND_WORDS[word]
    path = write(tmp_path, FORUM.replace("kind: panel", f"kind: {word}"))
    korean = run("validate", path, exit_status=1).stdout.splitlines()[0]
    assert korean.endswith(f"kind: {josa(repr(word), '은', '는')} 영문 코드 {kind}(으)로 씁니다. 예: kind: {kind}")
    english = run("validate", "--lang", "en", path, exit_status=1).stdout.splitlines()[0]
    assert english.endswith(f"; '{word}' is written {kind} (kinds are English codes)")


def test_every_message_has_its_korean_and_its_english():
    from agenda.checks.registry import CHECKS
    from agenda.messages import en, ko

    assert set(en.MESSAGES) == set(ko.MESSAGES)
    assert {check.CODE for check in CHECKS} <= set(en.MESSAGES)
    assert set(en.YAML_HINTS) == set(ko.YAML_HINTS) and set(en.NOT_A_FORUM) == set(ko.NOT_A_FORUM)


def test_every_command_exits_2_on_an_unreadable_file(tmp_path):
    missing = tmp_path / "nope.yaml"
    line = f"{missing}: error[unreadable] no such file; check the path\n"
    assert run("plan", missing, exit_status=2).stderr == line
    assert run("export", missing, "-o", tmp_path / "x.ics", exit_status=2).stderr == (
        line + "nothing written: fix the errors above\n")
    assert run("diff", missing, SEED, exit_status=2).stderr == line
    assert not (tmp_path / "x.ics").exists()


def test_a_name_written_where_its_id_goes_names_the_id(tmp_path):
    path = write(tmp_path, SEED.read_text(encoding="utf-8").replace("speakers: [lee-sangeun]", "speakers: [이상은]"))
    korean = run("validate", path, exit_status=1).stdout
    assert "error[unknown-person] '이상은'은 이름이고 people id가 아닙니다. id인 lee-sangeun을(를) 쓰세요" in korean
    assert "warning[unused-person] 'lee-sangeun'(이상은)은 people에 있지만 맡은 순서가 없습니다" in korean
    english = run("validate", "--lang", "en", path, exit_status=1).stdout
    assert "'이상은' is a name, not a people id: write its id, lee-sangeun" in english


# Hints by meaning: (change to FORUM, position, English, Korean)
MEANT = {
    "chair": (("    speakers: [lee, kim]", "    speakers: [lee, kim]\n    chair: lee"), "16:5",
              "unknown key 'chair'; did you mean 'moderator'?", "모르는 키 'chair'입니다. 'moderator'을(를) 쓰려던 것인가요?"),
    "좌장": (("    speakers: [lee, kim]", "    speakers: [lee, kim]\n    좌장: lee"), "16:5",
           "unknown key '좌장'; did you mean 'moderator'?", "모르는 키 '좌장'입니다. 'moderator'을(를) 쓰려던 것인가요?"),
    "사회": (("    speakers: [lee, kim]", "    speakers: [lee, kim]\n    사회: kim"), "16:5",
           "unknown key '사회'; did you mean 'mc'?", "모르는 키 '사회'입니다. 'mc'을(를) 쓰려던 것인가요?"),
    "room": (("  language: ko", "  language: ko\n  room: 국회의원회관"), "9:3",
             "unknown key 'room'; did you mean 'venue'?", "모르는 키 'room'입니다. 'venue'을(를) 쓰려던 것인가요?"),
    "place": (("  language: ko", "  language: ko\n  place: 국회의원회관"), "9:3",
              "unknown key 'place'; did you mean 'venue'?", "모르는 키 'place'입니다. 'venue'을(를) 쓰려던 것인가요?"),
    "장소": (("  language: ko", "  language: ko\n  장소: 국회의원회관"), "9:3",
           "unknown key '장소'; did you mean 'venue'?", "모르는 키 '장소'입니다. 'venue'을(를) 쓰려던 것인가요?"),
    "place-of-a-segment": (("    speakers: [lee, kim]", "    speakers: [lee, kim]\n    place: 제2간담회의실"), "16:5",
                           "unknown key 'place'; did you mean 'venue' under forum?",
                           "모르는 키 'place'입니다. forum의 'venue'을(를) 쓰려던 것인가요?"),
    "time-a-clock": (("    duration: 60m", "    duration: 60m\n    time: \"10:00\""), "15:5",
                     "unknown key 'time'; did you mean 'at'?", "모르는 키 'time'입니다. 'at'을(를) 쓰려던 것인가요?"),
    "시간-a-length": (("    duration: 60m", "    duration: 60m\n    시간: 1시간"), "15:5",
                    "unknown key '시간'; did you mean 'duration'?", "모르는 키 '시간'입니다. 'duration'을(를) 쓰려던 것인가요?"),
    "time-either": (("    duration: 60m", "    duration: 60m\n    time: soon"), "15:5",
                    "unknown key 'time'; did you mean 'at' (a start time, 14:00) or 'duration' (a length, 30m)?",
                    "모르는 키 'time'입니다. 시작 시각(14:00)이면 'at', 길이(30분)면 'duration'을(를) 쓰세요"),
    "time-of-the-forum": (("  start: \"10:00\"", "  start: \"10:00\"\n  time: \"10:00\""), "6:3",
                          "unknown key 'time'; did you mean 'start'?", "모르는 키 'time'입니다. 'start'을(를) 쓰려던 것인가요?"),
}


@pytest.mark.parametrize("name", sorted(MEANT))
def test_a_key_is_hinted_by_what_it_means(tmp_path, name):
    (old, new), position, english, korean = MEANT[name]
    assert old in FORUM
    path = write(tmp_path, FORUM.replace(old, new, 1), "meant.yaml")
    assert f"{path}:{position}: error[invalid-field] {korean}\n" in run("validate", path, exit_status=1).stdout
    assert f"{path}:{position}: error[invalid-field] {english}\n" in run(
        "validate", "--lang", "en", path, exit_status=1).stdout


@pytest.mark.parametrize(("old", "new", "english"), [
    # a plural is not the word: the keys that are there are listed, moderator among them
    ("    speakers: [lee, kim]", "    speakers: [lee, kim]\n    chairs: lee",
     "unknown key 'chairs'; the keys here are: kind, title, id, duration, each, at, until, speakers, speaker, "
     "moderator, mc, items, note, script, status, gap_before, room, tracks, date, start, end"),
    # a person has no moderator: the meaning is offered only where the key meant exists
    ("  lee: {name: 이영희}", "  lee: {name: 이영희, chair: yes}", "unknown key 'chair'"),
    # an item has no start: `time: 10:00` there is neither `at` nor a misspelt `title`
    ("    speakers: [lee, kim]", "    speakers: [lee, kim]\n    items:\n      - {title: 축사, time: \"10:00\"}",
     "unknown key 'time'; the keys here are: id, title, duration, speaker, speakers, note, script, kind"),
])
def test_a_near_miss_of_a_meaning_gets_no_meaning_hint(tmp_path, old, new, english):
    path = write(tmp_path, FORUM.replace(old, new, 1), "near.yaml")
    line = next(line for line in run("validate", "--lang", "en", path, exit_status=1).stdout.splitlines()
                if "unknown key" in line)
    assert line.endswith(f"error[invalid-field] {english}")


def test_a_misspelt_key_still_gets_its_spelling_hint(tmp_path):
    path = write(tmp_path, FORUM.replace("  title: T", "  titel: T"), "titel.yaml")
    assert "unknown key 'titel'; did you mean 'title'?" in run("validate", "--lang", "en", path, exit_status=1).stdout


def test_an_unknown_person_far_from_every_id_is_told_how_to_add_them(tmp_path):
    """`lee-gaeho` is another person than `lee-sangeun`, though their spellings are close."""
    seed = SEED.read_text(encoding="utf-8")
    path = write(tmp_path, seed.replace("  lee-gaeho: {name: 이개호, affiliation: 더불어민주당, title: 정책위원회 의장}\n", ""))
    english = run("validate", "--lang", "en", path, exit_status=1).stdout
    assert ("error[unknown-person] 'lee-gaeho' is not in people; add the person to people, e.g. "
            "`lee-gaeho: {name: ..., title: ..., affiliation: ...}`, or write them inline as {name: ...}") in english
    assert "lee-sangeun'?" not in english
    korean = run("validate", path, exit_status=1).stdout
    assert ("error[unknown-person] 'lee-gaeho'은(는) people에 없습니다. people에 `lee-gaeho: {name: 이름, "
            "title: 직함, affiliation: 소속}`처럼 한 줄을 더하거나 {name: ...}으로 직접 쓰세요") in korean


@pytest.mark.parametrize(("written", "meant"), [("lee-gaeh", "lee-gaeho"), ("lee-gaeoh", "lee-gaeho"),
                                                ("kwon-youngsul", "kwon-youngseol")])
def test_an_unknown_person_within_a_third_of_the_id_gets_a_did_you_mean(tmp_path, written, meant):
    path = write(tmp_path, SEED.read_text(encoding="utf-8").replace("speaker: lee-gaeho", f"speaker: {written}"))
    assert f"'{written}' is not in people; did you mean '{meant}'?" in run(
        "validate", "--lang", "en", path, exit_status=1).stdout


def test_the_third_of_the_id_is_the_limit():
    from agenda.checks.unknown_person import nearest_id

    assert nearest_id("abcdef", ["abcdXY"]) == "abcdXY"  # 2 edits in 6 letters
    assert nearest_id("abcdef", ["abcXYZ"]) is None  # 3 edits in 6 letters
    assert nearest_id("ab", ["ac"]) is None  # a short id gets no guess at all


@pytest.mark.parametrize("word", ["lunch", "coffee break", "점심", "식사"])
def test_a_lunch_or_coffee_kind_is_meant_as_a_break_with_the_word_as_its_title(tmp_path, word):
    path = write(tmp_path, FORUM.replace("kind: panel", f"kind: {word}"))
    korean = run("validate", path, exit_status=1).stdout.splitlines()[0]
    assert korean.endswith(f"break(으)로 씁니다. 예: kind: break, title: {word}" if word in ("점심", "식사")
                           else f"'break'을(를) 쓰려던 것인가요? 예: kind: break, title: {word}")
    english = run("validate", "--lang", "en", path, exit_status=1).stdout.splitlines()[0]
    assert english.endswith(f"kind: break, title: {word}")
    assert "did you mean 'break'?" in english or "is written break" in english


def test_a_break_titled_lunch_is_no_finding_and_a_near_miss_gets_no_title_hint(tmp_path):
    titled = write(tmp_path, FORUM.replace("kind: panel", "kind: break\n    title: lunch"), "titled.yaml")
    assert "lunch" not in run("validate", titled).stdout
    brake = write(tmp_path, FORUM.replace("kind: panel", "kind: brake"), "brake.yaml")
    said = run("validate", "--lang", "en", brake, exit_status=1).stdout
    assert "did you mean 'break'?" in said and "title:" not in said
