"""Shell completion for the shell named (issue 26): each script, sourced in a real bash, zsh and fish in tmux,
completes `agenda pl<Tab>` to `agenda plan`; an unknown shell is an error."""

import shutil
import sys
from pathlib import Path

import pytest

from calendar_tools import need
from helpers import run
from terminal_tools import Terminal, needs_tmux

FIRST_LINES = {"bash": "_agenda_completion() {", "zsh": "#compdef agenda",
               "fish": "complete --command agenda --no-files"}


def agenda_on_path(tmp_path: Path) -> Path:
    """A folder with an `agenda` that runs this checkout, for the shell's PATH (the scripts call `agenda`)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "agenda"
    script.write_text(f'#!/bin/sh\nexec {sys.executable} -m agenda "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return folder


def shell_command(shell: str, tmp_path: Path, script: Path) -> str:
    """An interactive SHELL with no user configuration, a `$ ` prompt, and the completion script sourced."""
    path = f"PATH={agenda_on_path(tmp_path)}:$PATH HOME={tmp_path} XDG_CONFIG_HOME={tmp_path}/config " \
           f"XDG_DATA_HOME={tmp_path}/data"
    if shell == "bash":
        rc = tmp_path / "bashrc"
        rc.write_text(f"PS1='$ '\nsource {script}\n", encoding="utf-8")
        return f"env {path} bash --noprofile --rcfile {rc} -i"
    if shell == "zsh":
        (tmp_path / ".zshrc").write_text(
            f"PROMPT='$ '\nautoload -Uz compinit && compinit -u -d {tmp_path}/zcompdump\nsource {script}\n",
            encoding="utf-8")
        return f"env {path} ZDOTDIR={tmp_path} zsh -i"
    return f"env {path} fish --no-config -i -C 'function fish_prompt; echo \"\\$ \"; end; source {script}'"


@needs_tmux
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_named_shells_script_completes_a_command_in_that_shell(shell, tmp_path):
    need(shutil.which(shell) is not None, f"{shell} is not installed (.ci/run installs it)")
    printed = run("--show-completion", shell).stdout
    assert FIRST_LINES[shell] in printed.lstrip().splitlines()[0]
    script = tmp_path / f"agenda.{shell}"
    script.write_text(printed, encoding="utf-8")
    terminal = Terminal(tmp_path, shell_command(shell, tmp_path, script))
    try:
        terminal.wait_for("$")  # the prompt (tmux drops the space after it)
        terminal.keys("agenda pl", "Tab")
        terminal.wait_for("agenda plan")
    finally:
        terminal.close()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_option_value_form_names_the_shell_too(shell):
    assert run(f"--show-completion={shell}").stdout == run("--show-completion", shell).stdout


def test_each_shell_gets_its_own_script():
    scripts = {shell: run("--show-completion", shell).stdout for shell in FIRST_LINES}
    assert len(set(scripts.values())) == 3


@pytest.mark.parametrize("lang, words", [
    ("C.UTF-8", "agenda: --show-completion: 'nonsense' is not a shell agenda completes; name bash, zsh or fish\n"),
    ("ko_KR.UTF-8", "agenda: --show-completion 'nonsense': agenda가 자동 완성을 지원하는 셸이 아닙니다. "
                    "bash, zsh, fish 중 하나를 적으세요\n"),
])
def test_an_unknown_shell_is_an_error_in_the_readers_language(lang, words):
    for option in ("--show-completion", "--install-completion"):
        result = run(option, "nonsense", exit_status=2, env={"LANG": lang})
        assert result.stdout == ""
        assert result.stderr == words.replace("--show-completion", option)


def test_a_shell_that_cannot_be_guessed_must_be_named(monkeypatch):
    import typer._completion_shared

    monkeypatch.setattr(typer._completion_shared, "_get_shell_name", lambda: None)
    result = run("--show-completion", exit_status=2)
    assert result.stderr == ("agenda: --show-completion: cannot tell which shell this is; name it after the option: "
                             "bash, zsh or fish\n")


def test_without_a_name_the_guessed_shell_is_used(monkeypatch):
    import typer._completion_shared

    monkeypatch.setattr(typer._completion_shared, "_get_shell_name", lambda: "fish")
    assert run("--show-completion").stdout == run("--show-completion", "fish").stdout


@pytest.mark.parametrize("shell, installed", [
    ("zsh", ".zfunc/_agenda"), ("fish", ".config/fish/completions/agenda.fish"),
    ("bash", ".bash_completions/agenda.sh")])
def test_install_completion_installs_the_named_shells_script(shell, installed, tmp_path):
    result = run("--install-completion", shell, env={"HOME": str(tmp_path), "LANG": "ko_KR.UTF-8"})
    assert result.stdout == f"{shell} 자동 완성을 {tmp_path / installed}에 설치했습니다. 새 터미널부터 적용됩니다\n"
    assert (tmp_path / installed).read_text(encoding="utf-8").strip() == \
        run("--show-completion", shell).stdout.strip()
