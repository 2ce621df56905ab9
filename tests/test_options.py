"""Option errors in plain words, a help without type jargon, --version and shell completion."""

import pytest

from helpers import SEED, run


@pytest.mark.parametrize("args, first_line", [
    (["plan", "--lang", "fr", SEED], "--lang: choose ko or en (got 'fr')"),
    (["validate", "--lang", "de", SEED], "--lang: choose ko or en (got 'de')"),
    (["plan", "--format", "pdf", SEED], "--format: choose table, json or markdown (got 'pdf')"),
    (["validate", "--bogus", SEED], "No such option: --bogus"),
    (["plan"], "Missing argument 'FILE'."),
])
def test_a_bad_option_is_one_plain_line_and_exit_2(args, first_line):
    result = run(*args, exit_status=2)
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == first_line
    assert "Value error" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["plan", "validate", "export", "init", "diff", "schema"])
def test_help_shows_no_type_jargon(command):
    help_text = run(command, "--help").stdout
    assert "<list[str]>" not in help_text and "<str>" not in help_text and "[[" not in help_text
    assert help_text.startswith(f"Usage: agenda {command}")


def test_version():
    assert run("--version").stdout == "agenda 0.1.0\n"


def test_show_completion_prints_a_bash_script():
    script = run("--show-completion", "bash", env={"SHELL": "/bin/bash"}).stdout
    assert "_agenda_completion()" in script and "complete " in script and "_AGENDA_COMPLETE" in script


def test_top_level_help_lists_version_and_completion():
    help_text = run("--help").stdout
    assert "--version" in help_text and "--install-completion" in help_text and "--show-completion" in help_text
