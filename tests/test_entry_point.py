"""The installed command and `python -m agenda` start the same program as the in-process helper."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import SEED, run


def test_python_dash_m_agenda_validates_the_seed():
    done = subprocess.run([sys.executable, "-m", "agenda", "validate", str(SEED)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0
    assert done.stdout == run("validate", SEED).stdout


def test_the_console_script_is_installed_and_maps_errors_to_exit_2():
    script = shutil.which("agenda", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the package is not installed in this environment (pip install -e '.[test]')")
    done = subprocess.run([script, "plan", "no-such-forum.yaml"], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr in ("no-such-forum.yaml: error[unreadable] no such file; check the path\n",
                           "no-such-forum.yaml: error[unreadable] 파일이 없습니다. 경로를 확인하세요\n")


def test_the_whole_program_can_be_driven_as_a_typer_app():
    """A run builds only the command it names; `agenda.cli.app` still gives code the whole program."""
    from typer.main import get_command
    from typer.testing import CliRunner

    from agenda.cli import COMMANDS, app

    assert list(get_command(app).commands) == [name for name, _, _ in COMMANDS]
    done = CliRunner().invoke(app, ["validate", str(SEED)], prog_name="agenda")
    assert done.exit_code == 0 and done.stdout == run("validate", SEED).stdout


def test_the_console_scripts_module_runs_nothing_when_imported():
    """The console script imports `agenda.__main__` and calls `run`: importing it alone starts no command
    (as `python -m agenda` does) and leaves the collector as it was."""
    code = ("import gc, agenda.__main__ as m; "
            "print(callable(m.run), gc.isenabled(), 'agenda.cli' in __import__('sys').modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "True True False\n", "")
