"""mypy checks every word looked up in a catalogue: a word that does not exist, or wrong arguments, fail `mypy --strict`.

The catalogues are modules behind a Protocol (`agenda.messages.catalogue_type.Catalogue`)
and the other word tables are frozen dataclasses, so a misspelt word or a missing
argument is found before a reader meets it. The planted calls live in a scratch file
outside the package; each line that must be refused says so, and every other line
must pass.
"""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from calendar_tools import need

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

ONE_WORD_SHORT = '''\
def wrote(path: str) -> str:
    return path
'''

PLANTED = '''\
from agenda.messages import catalogue
from agenda.messages.catalogue_type import Catalogue
from agenda.messages.day_words import day_words
from agenda.messages.labels import labels_for
from agenda.messages.notice_words import notice_words
from agenda.messages.page_words import PAGE_WORDS
from agenda.messages.server_words import SERVER_WORDS
import one_word_short

words = catalogue("ko")
said: str = words.wrote("a.ics")
said = words.summary(1, 0, 0, 0)
said = catalogue("en").delivery_failed("mail.example.org:25", "refused", "")
said = day_words("ko").late + labels_for("en").venue + notice_words("ko").venue
said = PAGE_WORDS["ko"].programme + SERVER_WORDS["en"].server_full
words.no_such_word(1, 2, 3)  # refused: unknown word
words.wrote(1, 2)  # refused: wrong arguments
words.wrote(path=1)  # refused: wrong argument type
said = words.nothing_written("extra")  # refused: an argument too many
said = day_words("ko").no_such_word  # refused: unknown day word
said = PAGE_WORDS["ko"].no_such_word  # refused: unknown page word
said = SERVER_WORDS["en"].no_such_word  # refused: unknown server word
said = notice_words("ko").no_such_word  # refused: unknown notice word
said = labels_for("ko").no_such_word  # refused: unknown label
short: Catalogue = one_word_short  # refused: a catalogue without every word
'''


def test_mypy_refuses_unknown_words_and_wrong_arguments_and_accepts_right_calls(tmp_path: Path) -> None:
    need(importlib.util.find_spec("mypy") is not None, "mypy is not installed (pip install -e '.[test]')")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (scratch / "planted_words.py").write_text(PLANTED, encoding="utf-8")
    (scratch / "one_word_short.py").write_text(ONE_WORD_SHORT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"),
         "--follow-imports", "silent", str(scratch / "planted_words.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={"MYPYPATH": f"{ROOT}:{scratch}", "PATH": "/usr/bin:/bin"})
    report = f"exit status {result.returncode}\n{result.stdout}{result.stderr}"
    refused = {int(line) for line in re.findall(r"^\S*planted_words\.py:(\d+): error", result.stdout, re.M)}
    planted = {number for number, line in enumerate(PLANTED.splitlines(), 1) if "# refused" in line}
    assert len(planted) == 10
    assert refused == planted, report
