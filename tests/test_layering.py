"""The whole package passes `mypy --strict` and keeps the import contracts in pyproject.toml.

Both tools run from the environment the tests run in, on the checkout, with
the configuration in pyproject.toml, so a local run and CI judge alike. Their
caches go to a temporary folder, so the checkout stays clean.
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from calendar_tools import need

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _run(arguments: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(arguments, cwd=ROOT, capture_output=True, text=True, timeout=600)


def _report(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit status {result.returncode}\n{result.stdout}{result.stderr}"


def test_mypy_strict_finds_nothing(tmp_path: Path) -> None:
    need(importlib.util.find_spec("mypy") is not None, "mypy is not installed (pip install -e '.[test]')")
    result = _run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy")])
    assert result.returncode == 0, _report(result)
    assert result.stdout.startswith("Success: no issues found"), _report(result)


def test_import_contracts_are_kept(tmp_path: Path) -> None:
    need(importlib.util.find_spec("importlinter") is not None,
         "import-linter is not installed (pip install -e '.[test]')")
    # What the `lint-imports` script runs; importlinter.cli has no `python -m` entry of its own.
    script = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    result = _run([sys.executable, "-c", script, "--no-cache"])
    assert result.returncode == 0, _report(result)
    assert "0 broken" in result.stdout, _report(result)
