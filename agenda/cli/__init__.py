"""The command line: parse arguments, call the library, render, map outcomes to exit codes.

The commands live in modules by topic (documents, authoring, sharing,
on_the_day; desk.py is `agenda run`'s full-screen clock) and are registered here, in the order `agenda --help` lists them.
Imports of rendering and export code happen inside the commands, so that
`agenda validate` loads neither Rich nor icalendar.
"""

import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, redirect_stderr, redirect_stdout
from functools import cache
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

if TYPE_CHECKING:
    from typer._click import Command, Context, HelpFormatter
    from typer._click.exceptions import BadParameter, ClickException
else:
    try:  # Typer 0.20 and later carry their own copy of Click
        from typer._click.exceptions import BadParameter, ClickException
    except ImportError:  # pragma: no cover - older Typer uses Click itself
        from click.exceptions import BadParameter, ClickException

from agenda.cli import completion
from agenda.cli.feedback import error_language, note, one_reader
from agenda.core.errors import AgendaError, Terminated, UsageError
from agenda.core.status import ExitStatus

def _print_version(asked: bool) -> None:
    if asked:
        from agenda import __version__

        sys.stdout.write(f"agenda {__version__}\n")
        raise typer.Exit(ExitStatus.SUCCESS)


def _options(
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
    install_completion: completion.InstallOption = None,
    show_completion: completion.ShowOption = None,
) -> None:
    """Plan, validate, show and publish the programme of a forum."""


class _Command(typer.core.TyperCommand):
    """Typer's command, with help that names each argument by its metavar alone (no `<list[str]>`)."""

    def format_options(self, ctx: "Context", formatter: "HelpFormatter") -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((param.metavar or (param.name or "").upper(), record[1]))
            else:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


COMMANDS = (
    ("plan", "documents", "plan"), ("validate", "authoring", "validate"), ("export", "documents", "export"),
    ("schema", "documents", "schema"), ("init", "authoring", "init"), ("import", "importing", "import_schedule"),
    ("diff", "authoring", "diff"),
    ("publish", "sharing", "publish"), ("notices", "sharing", "notices"),
    ("mark", "on_the_day", "mark"), ("now", "on_the_day", "now"), ("report", "on_the_day", "report"),
    ("run", "on_the_day", "run_clock"), ("serve", "on_the_day", "serve"),
)
"""Every command (its name, the module under agenda.cli that holds it, the function), in the order
`agenda --help` lists them; a new command is one more row here."""


def build_app(only: str | None = None) -> typer.Typer:
    """The program, with every command, or with only the one a run names.

    Typer turns each parameter of each registered command into a Click
    parameter on every run; a run that names its command needs only that
    one, and only the module that holds it (a few milliseconds of a
    150 ms start, as in Click's lazily loaded groups). Its help, its
    errors and its exit codes are those of the full program.
    """
    from importlib import import_module

    program = typer.Typer(
        name="agenda",
        help="Plan, validate, show and publish the programme of a forum.",
        add_completion=False,  # agenda.cli.completion's options name the shell
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    program.callback()(_options)
    for name, module, function in COMMANDS:
        if only in (None, name):
            command = getattr(import_module(f"agenda.cli.{module}"), function)
            program.command(name, cls=_Command)(command)
    return program


@cache
def _program(only: str | None) -> "Command":
    """The Click command Typer makes of `build_app(only)`, made once in a process.

    Typer makes it again on every call, with a Pydantic adapter for each
    parameter: in a program that calls `main()` many times (the test suite
    runs thousands) that was a third of each run. Calling the Click command
    itself also leaves `sys.excepthook` as the host has it, which Typer's
    `__call__` replaces.
    """
    return typer.main.get_command(build_app(only))


def __getattr__(name: str) -> typer.Typer:
    """`agenda.cli.app`: the whole program, for code that drives it as a Typer app (Click's CliRunner)."""
    if name == "app":
        return build_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _named_command(args: Sequence[str]) -> str | None:
    """The command a run names first, if it is one of ours; otherwise the whole program answers."""
    first = args[0] if args else None
    return first if any(first == name for name, _, _ in COMMANDS) else None


LONG_RUNNING = frozenset({"run", "serve"})
"""Commands that live for hours: they keep Python's cycle collector as it is."""


def configure_process(args: Sequence[str]) -> None:
    """Settings for a short command-line process, which `main()` leaves to its host program.

    Only `entry_point()` (the console script and `python -m agenda`) makes them,
    because they belong to the whole process: a program or test suite that calls
    `main()` in-process keeps its own collector, environment and modules.

    Third-party Pydantic plugins would watch every validation and scan all
    installed packages' entry points at start-up; the command line runs
    without them, as Typer's own adapters do (set PYDANTIC_DISABLE_PLUGINS
    yourself to override). A one-shot command builds many small objects
    without reference cycles and ends within seconds, so the cycle collector
    only costs it time (0.65x at 10,000 segments without it); the commands
    that run for hours keep it.
    """
    import gc

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in _PLUGINS_OFF:
        _without_plugin_loader()
    if not (set(args) & LONG_RUNNING):
        gc.disable()


_PLUGINS_OFF = ("__all__", "1", "true")
"""The values with which Pydantic's own loader returns no plugins."""


def _without_plugin_loader() -> None:
    """Pydantic's plugin loader imports importlib.metadata (about 9 ms of a 150 ms start) even when
    plugins are off, only to return none; with them off, a stand-in that returns none does the same."""
    import types

    if "pydantic.plugin._loader" not in sys.modules:
        loader = types.ModuleType("pydantic.plugin._loader", "Plugins are off (PYDANTIC_DISABLE_PLUGINS).")
        setattr(loader, "get_plugins", lambda: ())
        sys.modules["pydantic.plugin._loader"] = loader


def option_error(error: ClickException, language: str = "en") -> str:
    """A bad option or argument in plain words and the reader's language: `--lang: choose ko or en (got 'fr')`.

    Click's own errors that a person meets (an unknown option or command, a missing
    argument, a value not among the choices) are worded from the catalogues; any
    other keeps Click's words.
    """
    from agenda.messages.usage import usage_sentence

    def said(why: UsageError) -> str:
        return usage_sentence(why.reason, why.arguments, language)

    message = str(error.format_message())
    context = getattr(error, "ctx", None)
    try_help = "\n" + said(UsageError("try-help", command=context.command_path)) if context is not None else ""
    param = getattr(error, "param", None)
    if type(error).__name__ == "NoSuchOption":
        option = str(getattr(error, "option_name", ""))
        return said(UsageError("no-such-option", option=option,
                               suggestions=tuple(sorted(getattr(error, "possibilities", None) or ())))) + try_help
    missing = re.fullmatch(r"Missing (argument|option) (.+)\.", message)
    if type(error).__name__ == "MissingParameter" and missing:
        return said(UsageError("missing-option", name=missing.group(2)) if missing.group(1) == "option"
                    else UsageError("missing-argument", name=missing.group(2))) + try_help
    command = re.fullmatch(r"No such command '(.+)'\.", message)
    if command:
        return said(UsageError("no-such-command", name=command.group(1))) + try_help
    if not isinstance(error, BadParameter) or param is None:
        return message + try_help
    detail = str(getattr(error, "message", "")).removeprefix("Value error, ")
    if not detail:  # a missing argument or option: Click's own words say it best
        return message + try_help
    name = param.opts[0] if param.opts else (param.metavar or param.name or "value")
    choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
    got = re.match(r"(.+?) is not one of ", detail)
    if choices and got:
        words = tuple(str(getattr(c, "value", c)) for c in choices)
        return said(UsageError("option-choice", option=name, value=got.group(1), choices=words))
    return f"{name}: {detail}{try_help}"


def option_language(args: Sequence[str]) -> str:
    """The language of an option error: --lang as typed (options are not parsed yet), else the usual rule."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        else:
            continue
        if value in ("ko", "en"):
            return value
    return error_language()


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> ExitStatus:
    """Run one command and return its exit status; errors become one line on stderr, never a traceback.

    The streams and the environment can be handed in, as httpie's and yamllint's
    entry points allow, so tests run the real program in-process; the console
    script and `python -m agenda` pass nothing and `sys.exit` with the result.
    The host gets back its process as it was: the collector, the environment
    and the loaded modules are the host's, and the process settings a one-shot
    command wants are made by `entry_point()` alone.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    with ExitStack() as scope:
        if stdout is not None:
            scope.enter_context(redirect_stdout(stdout))
        if stderr is not None:
            scope.enter_context(redirect_stderr(stderr))
        if environ is not None:
            scope.enter_context(_environment(environ))
        scope.enter_context(one_reader())
        return _run_app(args)


def _run_app(args: list[str]) -> ExitStatus:
    try:
        try:
            args = completion.with_shell(args)
            completion.prepare_completing()
            outcome = _program(_named_command(args)).main(args=args, prog_name="agenda", standalone_mode=False)
        except typer.Exit as done:
            return ExitStatus(done.exit_code)
        except SystemExit as done:  # a completion script's request ends with sys.exit
            return ExitStatus.SUCCESS if done.code in (0, None) else ExitStatus.ERROR
        except typer.Abort:
            raise KeyboardInterrupt from None
        except ClickException as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # `agenda` alone: the help, as Click shows it
                error.show()
            else:
                note(option_error(error, option_language(args)))
            return ExitStatus.ERROR
        return ExitStatus(outcome) if isinstance(outcome, int) else ExitStatus.SUCCESS
    except AgendaError as error:
        note(f"agenda: {_in_reader_words(error)}")
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        note(f"agenda: {_in_reader_words(UsageError('interrupted'))}")
        return ExitStatus.ERROR_CTRL_C
    except Terminated as stop:
        import signal

        note(f"agenda: {_in_reader_words(UsageError('stopped-by-signal', signal=signal.Signals(stop.signum).name))}")
        return ExitStatus(128 + stop.signum)
    except RecursionError:
        note(f"agenda: {_in_reader_words(UsageError('nested-too-deeply'))}")
        return ExitStatus.ERROR
    except Exception as error:  # the promise is "never a traceback"; AGENDA_DEBUG=1 shows it
        if os.environ.get("AGENDA_DEBUG"):
            raise
        note(f"agenda: {_in_reader_words(UsageError('internal-error', error=f'{type(error).__name__}: {error}'))}")
        return ExitStatus.ERROR


def _in_reader_words(error: AgendaError) -> str:
    """A usage error in the reader's language (--lang, else the file's once read, else the locale's)."""
    if not isinstance(error, UsageError):
        return str(error)
    from agenda.messages.usage import usage_sentence

    return usage_sentence(error.reason, error.arguments, error_language())


@contextmanager
def _environment(environ: Mapping[str, str]) -> Iterator[None]:
    """Run with exactly these environment variables, as click's CliRunner isolates a run.

    Only while the command runs: the host's own variables are back, every one,
    when `main()` returns or raises.
    """
    saved = dict(os.environ)
    try:
        _become(environ, saved)  # inside: a value refused halfway (a NUL) must still give the host its own back
        yield
    finally:
        _become(saved, dict(os.environ))


def _become(wanted: Mapping[str, str], current: dict[str, str]) -> None:
    """os.environ (now `current`, a copy: each read of os.environ itself decodes) made equal to `wanted`,
    touching only the variables that differ (each one a putenv)."""
    for name in current.keys() - wanted.keys():
        del os.environ[name]
    for name, value in wanted.items():
        if current.get(name) != value:
            os.environ[name] = value


def entry_point() -> None:
    """The console script and `python -m agenda`: the process is agenda's own, so it is set up for
    one command, and exits without the final collection.

    At exit the interpreter collects every object once more, about a fifth of
    a cold start; freezing them first leaves them to the operating system.
    """
    configure_process(sys.argv[1:])
    status = main()
    import gc

    gc.freeze()
    sys.exit(status)
