"""The terminal table at 100, 80 and 60 columns: no word of the programme ever breaks."""

import re

import pytest

from helpers import ENGLISH, SEED, golden, run, write

_BOX = re.compile(r"[│┃┏┓┗┛┡┩┠┨━─┳┻╇┼┬┴└┘┌┐]")
_EDGES = "()*:,~\\"


def words(text: str) -> set[str]:
    return {word.strip(_EDGES) for word in text.replace("<br>", " ").split()} - {""}


def table_words(output: str) -> list[str]:
    """Every word of every cell line, as the terminal shows it."""
    return [word.strip(_EDGES) for line in output.splitlines()
            for word in _BOX.sub(" ", line).split() if word.strip(_EDGES)]


@pytest.mark.parametrize("columns", ["80", "60"])
@pytest.mark.parametrize("forum, lang", [(SEED, "ko"), (SEED, "en"), (ENGLISH, "en")])
def test_no_word_breaks(forum, lang, columns):
    table = run("plan", forum, "--lang", lang, env={"COLUMNS": columns}).stdout
    assert max(len(line) for line in table.splitlines()) <= int(columns)
    # The Markdown rendering puts every cell on one line: its words are the whole words.
    whole = words(run("plan", forum, "--lang", lang, "--format", "markdown").stdout)
    broken = [word for word in table_words(table) if word not in whole]
    assert broken == [], broken


@pytest.mark.parametrize("columns", ["80", "60"])
def test_every_name_and_title_of_the_seed_is_on_one_line(columns):
    table = run("plan", SEED, env={"COLUMNS": columns}).stdout
    lines = [" ".join(_BOX.sub(" ", line).split()) for line in table.splitlines()]
    for whole in ["디지털미디어네트워크", "한국사회여론연구소(KSOI)", "사람과디지털연구소", "인공지능(AI)의",
                  "질의응답·자유토론", "상근부원장", "부소장", "양승오", "국회의원회관"]:
        assert any(whole in line for line in lines), whole
    if columns == "80":
        assert "발표·토론자" in table


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_seed_at_80_columns(lang, monkeypatch):
    monkeypatch.chdir(SEED.parent)
    golden(f"plan-seed-{lang}-80.txt", run("plan", SEED.name, "--lang", lang, env={"COLUMNS": "80"}).stdout)


def test_a_panel_lists_its_moderator_first_and_its_speakers_once():
    markdown = run("plan", SEED, "--format", "markdown").stdout
    panel = next(line for line in markdown.splitlines() if "**지정토론**" in line)
    assert panel.split(" | ")[3] == "좌장: 구본권 (한겨레 사람과디지털연구소 소장)"
    assert markdown.count("권영설") == 1 and markdown.count("양승오") == 1
    table = run("plan", SEED).stdout
    assert table.count("권영설") == 1


def test_a_column_nobody_writes_in_is_left_out(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("    note: 1인, 25분\n", "").replace(
        "    note: 3인, 각 15분\n", "").replace("    note: 국회의원, 발제 및 토론패널 등\n", "")
    table = run("plan", write(tmp_path, text), env={"COLUMNS": "100"}).stdout
    assert "비고" not in table and "발표·토론자" in table
    assert "비고" in run("plan", SEED, env={"COLUMNS": "100"}).stdout


def test_the_terminal_keeps_the_planning_figure():
    assert run("plan", SEED, env={"COLUMNS": "60"}).stdout.rstrip().endswith("115 / 120분 · 5분 미배정")


def test_lines_break_at_spaces_and_never_inside_a_word():
    from agenda.render.line_breaks import breaks, wrap_at_spaces

    assert wrap_at_spaces("이상은 (디지털미디어네트워크 대표)", 12) == ["이상은", "(디지털미디어네트워크", "대표)"]
    assert wrap_at_spaces("3인, 각 15분", 20) == ["3인, 각 15분"]
    assert wrap_at_spaces("one\ntwo  three", 5) == ["one", "two", "three"]
    line = "  · 인공지능(AI)의 정치 영역 무엇을"
    assert breaks(line, 23, 16) == [line.index("영역")]  # the first line holds the bullet too
    assert breaks(line, 22, 14) == [line.index("정치"), line.index("무엇을")]


def test_rich_alone_would_split_the_korean_word():
    """Why the table sizes its own columns: Rich folds a word wider than the column."""
    from rich.console import Console
    from rich.text import Text

    lines = Text("(디지털미디어네트워크 대표)").wrap(Console(width=80), 12)
    assert [line.plain.strip() for line in lines][:2] == ["(디지털미디", "어네트워크"]


@pytest.mark.parametrize("columns", ["60", "80", "100"])
def test_the_timeline_names_blocks_in_whole_words_and_marks_the_hours(columns):
    lines = run("plan", SEED, "--timeline", env={"COLUMNS": columns}).stdout.splitlines()
    scale = next(n for n, line in enumerate(lines) if line.startswith("14:00"))
    assert lines[scale].split() == ["14:00", "15:00", "16:00"]
    whole = words(run("plan", SEED, "--format", "markdown").stdout)
    assert [word for word in lines[scale - 1].replace("░", " ").split() if word.strip(_EDGES) not in whole] == []


WIDER_THAN_THE_TERMINAL = """\
forum:
  id: sym
  title: 디지털 전환 심포지엄
  date: 2024-11-21
  start: 21:00
  duration: 3h30m
  timezone: Asia/Seoul
program:
  - kind: presentation
    title: 디지털미디어네트워크 시대의 지역 데이터 산업 육성 방안과 과제
    duration: 2h
    speaker: {name: 김정수, affiliation: 한국지역정책학회}
    note: 발표 자료는 <a href="https://github.com/osresearch/spispy/blob/master/README.md">여기</a> 에 있습니다
  - kind: qa
    duration: 90m
"""


@pytest.mark.parametrize("columns", ["80", "60"])
def test_a_word_wider_than_the_terminal_never_cuts_a_time_or_the_minutes(tmp_path, columns):
    """A 70-cell word (an imported description's link) once made Rich shrink every column alike:
    a blank one-cell minutes column at 80 columns and `11:00~11` at 60. Now only that word folds."""
    table = run("plan", write(tmp_path, WIDER_THAN_THE_TERMINAL), env={"COLUMNS": columns}).stdout
    assert max(len(line) for line in table.splitlines()) <= int(columns)
    header = next(line for line in table.splitlines() if "시간" in line)
    assert [cell.strip() for cell in header.split("┃")[1:4]] == ["시간", "분", "순서"]
    cells = [[cell.strip() for cell in line.split("│")[1:3]] for line in table.splitlines() if "│" in line]
    assert ["21:00~23:00", "120"] in cells and ["23:00~00:30(+1)", "90"] in cells
    lines = [" ".join(_BOX.sub(" ", line).split()) for line in table.splitlines()]
    for whole in ["디지털미디어네트워크", "한국지역정책학회", "김정수", "있습니다"]:
        assert any(whole in line for line in lines), whole
