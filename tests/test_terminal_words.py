"""Messages on a terminal narrower than they are break at spaces, never inside a Korean word."""

import io
import shlex
import sys

from agenda.cli.feedback import write_words
from agenda.render.line_breaks import fold
from helpers import SEED, run
from terminal_tools import Terminal, needs_tmux

SLACK = ("examples/ai-party-forum-2023-12-13.yaml:68:5: warning[slack] 15:55에 질의응답·자유토론이 끝나 "
         "16:00까지 5분이 비어 있습니다. 순서 하나를 늘리거나 유연한 시간으로 바꾸세요\n")


def test_a_long_message_is_folded_at_spaces_with_its_continuation_indented():
    assert fold(SLACK, 60) == (
        "examples/ai-party-forum-2023-12-13.yaml:68:5: warning[slack]\n"
        "  15:55에 질의응답·자유토론이 끝나 16:00까지 5분이 비어\n"
        "  있습니다. 순서 하나를 늘리거나 유연한 시간으로 바꾸세요\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_words_are_folded_on_a_terminal_only(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    on_screen, into_a_pipe = _Terminal(), io.StringIO()
    write_words(SLACK, on_screen)
    write_words(SLACK, into_a_pipe)
    assert on_screen.getvalue() == fold(SLACK, 60)
    assert into_a_pipe.getvalue() == SLACK  # one finding a line, as editors and CI read it


def test_a_pipe_gets_one_finding_a_line_whatever_the_width():
    assert run("validate", SEED, env={"COLUMNS": "40"}).stdout.splitlines()[0].endswith("유연한 시간으로 바꾸세요")


def _korean_words(text: str) -> set[str]:
    return {word for word in text.split() if any("\uac00" <= c <= "\ud7a3" for c in word)}


@needs_tmux
def test_findings_and_errors_keep_their_korean_words_whole_at_60_columns(tmp_path):
    agenda = f"{shlex.quote(sys.executable)} -m agenda"
    command = (f"cd {shlex.quote(str(SEED.parent))} && {agenda} plan {SEED.name} > /dev/null; "  # stderr alone a terminal
               f"{agenda} validate {SEED.name} && "
               f"{agenda} export {SEED.name} -o {shlex.quote(str(tmp_path / 'missing' / 'x.ics'))}; "
               "echo exit=$?; sleep 60")  # the pane stays to be read; close() ends it
    term = Terminal(tmp_path, command, width=60, height=20)
    try:
        shown = term.wait_for("exit=2")
    finally:
        term.close()
    said = run("validate", SEED).stdout + run("export", SEED, "-o", tmp_path / "missing" / "x.ics", exit_status=2).stderr
    assert _korean_words(shown) <= _korean_words(said)  # every Korean word on screen is a whole word
    lines = [line.rstrip() for line in shown.splitlines()]
    assert lines.count("  질의응답·자유토론이 끝나 16:00까지 5분이 비어 있습니다.") == 3  # plan's, validate's, export's
    assert "ai-party-forum-2023-12-13.yaml:68:5: warning[slack] 15:55에" in lines
    assert "  질의응답·자유토론이 끝나 16:00까지 5분이 비어 있습니다." in lines
    assert "  폴더가 없습니다. 먼저 만드세요" in lines
