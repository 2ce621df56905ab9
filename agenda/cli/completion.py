"""Shell completion for the shell the person names: `--show-completion zsh`, `--install-completion fish`.

Typer's own two options take no value: they guess the shell from the
parent process, so `--show-completion zsh` printed bash's script when run
from bash, and a misspelt shell was silently ignored. Its copy of Click has
no option whose value may be left out, so the program declares the two
options with a SHELL value, and `with_shell` fills in the guessed shell
when a run gives none (the one place the guess is still made).
"""

import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from agenda.core.errors import UsageError
from agenda.core.status import ExitStatus

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
"""The shells Typer writes a completion script for; the first three are tested in a real shell."""

FLAGS = ("--show-completion", "--install-completion")
PROGRAM = "agenda"
COMPLETE_VAR = "_AGENDA_COMPLETE"
"""The variable the scripts set when they ask the program for completions (Typer's name for `agenda`)."""


def with_shell(args: Sequence[str]) -> list[str]:
    """The arguments, with the guessed shell after a completion option that names none.

    Only options before the command count (they are the program's, not a
    command's). A guess that fails leaves an empty name, which `_shell`
    refuses with a sentence asking for the name.
    """
    args = list(args)
    for index, arg in enumerate(args):
        if not arg.startswith("-"):
            break
        if arg in FLAGS and (index + 1 == len(args) or args[index + 1].startswith("-")):
            return [*args[:index + 1], _guessed_shell(), *args[index + 1:]]
    return args


def _guessed_shell() -> str:
    from typer._completion_shared import _get_shell_name

    return _get_shell_name() or ""


def _shell(option: str, value: str) -> str:
    name = value.strip().lower()
    if not name:
        raise UsageError("completion-shell-not-guessed", option=option, choices=SHELLS[:3])
    if name not in SHELLS:
        raise UsageError("completion-shell", option=option, value=value, choices=SHELLS[:3])
    return name


def _show(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import get_completion_script

    script = get_completion_script(prog_name=PROGRAM, complete_var=COMPLETE_VAR,
                                   shell=_shell("--show-completion", value))
    sys.stdout.write(script.rstrip("\n") + "\n")
    raise typer.Exit(ExitStatus.SUCCESS)


def _install(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from typer._completion_shared import install

    from agenda.cli.feedback import error_language, say
    from agenda.messages import catalogue

    shell, path = install(shell=_shell("--install-completion", value), prog_name=PROGRAM,
                          complete_var=COMPLETE_VAR)
    say(catalogue(error_language()).completion_installed(shell, str(path)) + "\n")
    raise typer.Exit(ExitStatus.SUCCESS)


ShowOption = Annotated[str | None, typer.Option(
    "--show-completion", metavar="[SHELL]", callback=_show, is_eager=True, expose_value=False,
    help="Print the completion script for SHELL (bash, zsh or fish; default: the shell you run).")]
InstallOption = Annotated[str | None, typer.Option(
    "--install-completion", metavar="[SHELL]", callback=_install, is_eager=True, expose_value=False,
    help="Install completion for SHELL (bash, zsh or fish; default: the shell you run).")]


def prepare_completing(environ: dict[str, str] | None = None) -> None:
    """Typer's completion classes, which answer a script's request, for a run that is one."""
    import os

    if COMPLETE_VAR in (os.environ if environ is None else environ):
        from typer._completion_classes import completion_init

        completion_init()
