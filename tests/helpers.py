"""Run the real `agenda` entry point in-process, like httpie's test helper.

`run(...)` returns stdout, stderr and the exit status, and fails the test
when the status is not the one expected, showing both streams.
"""

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "ai-party-forum-2023-12-13.yaml"
ENGLISH = EXAMPLES / "open-data-symposium-en.yaml"
BROKEN = EXAMPLES / "broken-forum.yaml"
GOLDEN = Path(__file__).resolve().parent / "golden"


@dataclass
class Result:
    exit_status: int
    stdout_bytes: bytes
    stderr: str

    @property
    def stdout(self) -> str:
        return self.stdout_bytes.decode("utf-8")


def run(*args, exit_status: int | None = 0, env: dict | None = None, cwd: Path | None = None) -> Result:
    from agenda.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", newline="")
    stderr = io.TextIOWrapper(err, encoding="utf-8", newline="")
    # a known locale, so that messages without a file language are English unless a test says otherwise
    environment = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "LANG": "C.UTF-8", "LC_ALL": "",
                   "LC_MESSAGES": "", **(env or {})}
    previous = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        status = int(main([str(arg) for arg in args], stdout=stdout, stderr=stderr, environ=environment))
    finally:
        os.chdir(previous)
        stdout.flush()
        stderr.flush()
    result = Result(status, out.getvalue(), err.getvalue().decode("utf-8"))
    assert "Traceback" not in result.stderr, result.stderr
    assert status == exit_status or (exit_status is None and status in (0, 1, 2)), (
        f"exit status {status}, expected {exit_status}\n--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )
    return result


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it (review the diff!)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 once and review it"
    assert actual == path.read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "forum.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


_NOT_SENTENCES = [
    re.compile(r"“[^”]*”"),  # the server's own message, quoted
    re.compile(r"\S+://\S+"),  # URLs
    re.compile(r"\b\d{3} [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*"),  # HTTP status lines
    re.compile(r"\S*[@/._\-]\S*"),  # ids, UIDs, option names, file names, variable names
]


def english_sentences(text: str) -> list[str]:
    """Three English words in a row, once names, URLs, status lines and the server's quoted message are set aside."""
    for pattern in _NOT_SENTENCES:
        text = pattern.sub(" ", text)
    return re.findall(r"[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}", text)
