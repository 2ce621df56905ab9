"""The whole package passes `mypy --strict` and keeps the import contracts in pyproject.toml.

Both tools run from the environment the tests run in, on the checkout, with
the configuration in pyproject.toml, so a local run and CI judge alike. Their
caches go to a temporary folder, so the checkout stays clean.
"""

import importlib.util
import os
import re
import shutil
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


PLANTED = [
    # (what the breach is, the module it is planted in, the line planted, the import lint-imports must name)
    ("an HTTP client in the core", "agenda/core/model.py", "import requests", "agenda.core.model -> requests"),
    ("mail in the core", "agenda/core/planner.py", "import smtplib", "agenda.core.planner -> smtplib"),
    ("the web server in a check", "agenda/checks/gap.py", "import starlette", "agenda.checks.gap -> starlette"),
    ("the ASGI server in the projection", "agenda/day/projection.py", "import uvicorn",
     "agenda.day.projection -> uvicorn"),
    ("a process in the core", "agenda/core/zones.py", "import subprocess", "agenda.core.zones -> subprocess"),
    ("option parsing in the core", "agenda/core/findings.py", "import typer", "agenda.core.findings -> typer"),
    ("a terminal in the core", "agenda/core/kinds.py", "from rich.text import Text", "agenda.core.kinds -> rich"),
    ("file paths in the core", "agenda/core/parts.py", "from pathlib import Path", "agenda.core.parts -> pathlib"),
    ("the environment in the core", "agenda/core/durations.py", "import os", "agenda.core.durations -> os"),
    ("the clock in the day's times", "agenda/day/times.py", "import time", "agenda.day.times -> time"),
    ("sentences in the core (the old errors <-> messages loop)", "agenda/core/errors.py",
     "from agenda.messages.usage import usage_sentence", "agenda.core.errors -> agenda.messages.usage"),
    ("the marks log read by the projection", "agenda/day/projection.py", "from agenda.day.marks_log import read_log",
     "agenda.day.projection -> agenda.day.marks_log"),
    ("the core calling a check", "agenda/core/planner.py", "import agenda.checks.gap",
     "agenda.core.planner -> agenda.checks.gap"),
    ("loading reaching the server", "agenda/loading/analysis.py", "import agenda.serve.app",
     "agenda.loading.analysis -> agenda.serve.app"),
    ("the server reaching the command line", "agenda/serve/app.py", "from agenda.cli import main",
     "agenda.serve.app -> agenda.cli"),
    ("publish parsing options", "agenda/publish/publisher.py", "import typer", "agenda.publish.publisher -> typer"),
    ("publish reaching notices", "agenda/publish/sync.py", "import agenda.notices.delivery",
     "agenda.publish.sync -> agenda.notices.delivery"),
    ("notices reaching the server", "agenda/notices/notifier.py", "import agenda.serve.server",
     "agenda.notices.notifier -> agenda.serve.server"),
    ("the day's log printing itself", "agenda/day/marks_log.py", "from agenda.render.day_text import day_line",
     "agenda.day.marks_log -> agenda.render.day_text"),
    ("the words loading a file", "agenda/messages/en.py", "import agenda.loading", "agenda.messages.en -> agenda.loading"),
    ("a renderer reaching the server", "agenda/render/day_text.py", "import agenda.serve.pages",
     "agenda.render.day_text -> agenda.serve.pages"),
    ("an exporter reading the environment", "agenda/export/ics.py", "import os", "agenda.export.ics -> os"),
    ("a notice reading the environment", "agenda/notices/drafts.py", "from os import environ",
     "agenda.notices.drafts -> os"),
    ("a renderer reading the process", "agenda/render/plan_json.py", "import sys", "agenda.render.plan_json -> sys"),
    ("an exporter parsing options", "agenda/export/csv_table.py", "import agenda.core.durations",
     "agenda.export.csv_table -> agenda.core.durations"),
    ("HTTP outside publish", "agenda/notices/delivery.py", "import requests", "agenda.notices.delivery -> requests"),
    ("mail outside notices", "agenda/publish/caldav_client.py", "import smtplib",
     "agenda.publish.caldav_client -> smtplib"),
    ("the web server outside serve", "agenda/render/day_json.py", "import starlette",
     "agenda.render.day_json -> starlette"),
    ("a terminal in the server", "agenda/serve/pages.py", "import rich", "agenda.serve.pages -> rich"),
]
"""One breach of every kind the contracts forbid; each must be caught on its own."""


def _scratch_checkout(folder: Path) -> Path:
    """The package and its pyproject.toml alone in `folder`, for lint-imports to judge there."""
    shutil.copytree(ROOT / "agenda", folder / "agenda", ignore=shutil.ignore_patterns("__pycache__", "static"))
    shutil.copy(ROOT / "pyproject.toml", folder)
    return folder


def _lint(checkout: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports run in `checkout`, on the package there (PYTHONPATH), not on the installed one."""
    script = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return subprocess.run([sys.executable, "-c", script, "--no-cache"], cwd=checkout,
                          env={**os.environ, "PYTHONPATH": str(checkout)}, capture_output=True, text=True,
                          timeout=120)


def test_lint_imports_passes_the_package_and_names_every_planted_breach_on_its_own(tmp_path: Path) -> None:
    """The contracts hold for the package; planted together, every breach is reported as a chain of its
    own (one link: the planted import), so none is caught only through another one's chain."""
    need(importlib.util.find_spec("importlinter") is not None,
         "import-linter is not installed (pip install -e '.[test]')")
    clean = _lint(_scratch_checkout(tmp_path / "clean"))
    assert clean.returncode == 0 and "0 broken" in clean.stdout, _report(clean)

    checkout = _scratch_checkout(tmp_path / "planted")
    for breach, module, line, named in PLANTED:
        assert named.split(" -> ")[0] == module.removesuffix(".py").replace("/", "."), breach
        source = checkout / module
        source.write_text(f"{source.read_text(encoding='utf-8')}\n{line}  # planted\n", encoding="utf-8")
    result = _lint(checkout)
    assert result.returncode != 0, _report(result)
    missed = [f"{breach}: {module} + `{line}` was not reported as {named}" for breach, module, line, named in PLANTED
              if not re.search(rf"^-\s+{re.escape(named)} \(l\.[0-9, l.]+\)\n\n", result.stdout, re.M)]
    assert not missed, "\n".join(missed) + "\n\n" + _report(result)
