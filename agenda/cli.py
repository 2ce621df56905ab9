"""The command line: parse arguments, call the library, render, map outcomes to exit codes.

Imports of rendering and export code happen inside the commands, so that
`agenda validate` loads neither Rich nor icalendar.
"""

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, redirect_stderr, redirect_stdout
from enum import Enum
from typing import Optional, TextIO

import typer

try:  # Typer 0.20 and later carry their own copy of Click
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - older Typer uses Click itself
    from click.exceptions import ClickException

from agenda.errors import AgendaError, InputError, Terminated, UsageError
from agenda.status import ExitStatus

app = typer.Typer(
    name="agenda",
    help="Plan, validate, show and publish the programme of a forum.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Lang(str, Enum):
    ko = "ko"
    en = "en"


class PlanFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class DiffFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


class ExportFormat(str, Enum):
    ics = "ics"
    md = "md"
    markdown = "markdown"
    html = "html"
    csv = "csv"
    json = "json"


def _err(text: str) -> None:
    """One message on stderr, with any control character or undecodable file-name byte made visible."""
    from agenda.inert import inert

    text = inert(text, keep_newlines=True)
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


def _print_findings(findings) -> None:
    from agenda.render.findings_report import finding_line

    for finding in findings:
        _err(finding_line(finding))


def _stdout_console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


@app.command()
def plan(
    file: str = typer.Argument(..., metavar="FILE", help="A forum file (.yaml, .yml, .json, .toml)."),
    format: PlanFormat = typer.Option(PlanFormat.table, "--format", "-f", help="table, json or markdown."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="ko or en; default: the file's language."),
    timeline: bool = typer.Option(False, "--timeline", help="Draw the window to scale under the table."),
) -> None:
    """Print the timetable: times, minutes, segments with their items, people and notes."""
    from agenda.analysis import analyze
    from agenda.status import status_for_findings

    analysis = analyze(file, lang.value if lang else None)
    if analysis.plan is None:
        _print_findings(analysis.findings)
        raise typer.Exit(ExitStatus.INVALID)
    if format is PlanFormat.json:
        from agenda.render.plan_json import plan_json

        sys.stdout.write(plan_json(analysis.plan))
    elif format is PlanFormat.markdown:
        from agenda.render.plan_markdown import plan_markdown

        sys.stdout.write(plan_markdown(analysis.plan))
    else:
        from agenda.render.plan_table import plan_table

        console = _stdout_console()
        console.print(plan_table(analysis.plan))
        if timeline:
            from agenda.render.timeline import timeline_bar

            console.print(timeline_bar(analysis.plan, console.width))
    _print_findings(analysis.findings)
    raise typer.Exit(status_for_findings(analysis.findings))


@app.command()
def validate(
    paths: list[str] = typer.Argument(..., metavar="FILE|DIR...", help="Forum files, or folders to search."),
    format: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="text, json or github."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
    skip_non_forum: bool = typer.Option(
        False, "--skip-non-forum", help="Skip named files without a `forum` key too (as in folders); for hooks."),
) -> None:
    """Check forum files and print what is wrong, with file:line:column."""
    from agenda.render.findings_report import report_github, report_json, report_text, summary
    from agenda.validation import validate_paths

    run = validate_paths(paths, skip_non_forum)
    for path in run.skipped:
        _err(f"{path}: skipped, not a forum file (no `forum` key)")
    if format is ReportFormat.json:
        sys.stdout.write(report_json(run.reports))
    elif format is ReportFormat.github:
        sys.stdout.write(report_github(run.reports))
        _err(summary(run.reports))
    else:
        sys.stdout.write(report_text(run.reports))
    raise typer.Exit(run.status(strict))


@app.command()
def export(
    files: list[str] = typer.Argument(..., metavar="FILE...", help="One forum file, or several (a series)."),
    output: str = typer.Option(..., "--output", "-o", help="Output file; its suffix picks the format. - for stdout."),
    format: Optional[ExportFormat] = typer.Option(None, "--format", "-f", help="ics, md, html, csv or json."),
    segments: bool = typer.Option(False, "--segments", help="Calendar: one more event per segment."),
    alarm: Optional[str] = typer.Option(None, "--alarm", help="Calendar: a reminder this long before, e.g. 1d, 2h."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="ko or en; default: each file's language."),
    force: bool = typer.Option(False, "--force", help="Export even when the files have error findings."),
) -> None:
    """Write a calendar (.ics) or a document (.md, .html, .csv, .json)."""
    from agenda.analysis import analyze
    from agenda.export.formats import export_bytes, format_for
    from agenda.output_files import write_output
    from agenda.status import status_for_findings, worst

    chosen = format_for(output, format.value if format else None)
    analyses = [analyze(file, lang.value if lang else None) for file in files]
    statuses = []
    for analysis in analyses:
        _print_findings(analysis.findings)
        statuses.append(status_for_findings(analysis.findings))
    if any(a.plan is None for a in analyses) or (worst(statuses) and not force):
        _err("nothing written: fix the errors above, or use --force to export anyway")
        raise typer.Exit(ExitStatus.INVALID)
    data = export_bytes(chosen, [a.plan for a in analyses], segments=segments, alarm=alarm)
    write_output(output, data)
    if chosen == "ics" and segments:
        from agenda.export.ics import segments_without_start

        for analysis in analyses:
            for seg in segments_without_start(analysis.plan):
                _err(f"{analysis.file}: {seg.title} has no start and is not in the calendar; "
                     f"give it `at:` or a `duration`")
    if output != "-":
        _err(f"wrote {output}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the forum file (for editors and CI)."""
    from agenda.schema import schema_json

    sys.stdout.write(schema_json())


@app.command()
def init(
    file: str = typer.Argument("forum.yaml", metavar="[FILE]", help="Where to write the new forum file."),
    template: str = typer.Option("forum", "--template", "-t", help="forum or symposium."),
    lang: Lang = typer.Option(Lang.ko, "--lang", help="ko or en."),
    title: Optional[str] = typer.Option(None, "--title"),
    date: Optional[str] = typer.Option(None, "--date", help="YYYY-MM-DD; default: today."),
    start: str = typer.Option("14:00", "--start", help="HH:MM"),
    end: Optional[str] = typer.Option(None, "--end", help="HH:MM; default: what the template needs."),
    timezone: Optional[str] = typer.Option(None, "--timezone", help="IANA zone; default by language."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a new forum file from a template, and validate it."""
    from pathlib import Path

    from agenda.analysis import analyze_text
    from agenda.output_files import write_output
    from agenda.templates import TEMPLATES, render_template

    if template not in TEMPLATES:
        raise UsageError(f"--template {template!r}: choose one of {', '.join(TEMPLATES)}")
    if file != "-" and Path(file).exists() and not force:
        raise UsageError(f"{file} exists; choose another name or use --force to overwrite it")
    from agenda.templates import check_options, too_short

    check_options(day=date, start=start, end=end, zone=timezone)
    text = render_template(template, lang.value, title=title, day=date, start=start, end=end, zone=timezone)
    analysis = analyze_text(text, file if file != "-" else "forum.yaml")
    if analysis.plan is not None and (shortfall := too_short(analysis.plan)):
        raise UsageError(f"nothing written: the {template} template's programme needs {shortfall[0]} minutes, "
                         f"and --start {start} --end {end} give {shortfall[1]}; give a later --end (or none) "
                         f"and shorten the programme in the file afterwards")
    if not analysis.valid:
        _print_findings(analysis.findings)
        _err("nothing written: fix the options above")
        raise typer.Exit(ExitStatus.INVALID)
    write_output(file, text.encode("utf-8"))
    if file != "-":
        _err(f"wrote {file}; next: agenda plan {file}")


@app.command()
def diff(
    old: str = typer.Argument(..., metavar="OLD", help="The earlier version of the forum file."),
    new: str = typer.Argument(..., metavar="NEW", help="The later version."),
    format: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="text, json or markdown."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="ko or en; default: the new file's language."),
) -> None:
    """Show what changed between two versions of a programme: moved, resized, added, removed, people."""
    from agenda.analysis import analyze
    from agenda.changes import compare
    from agenda.render.changes_report import changes_json, changes_markdown, changes_text

    before, after = analyze(old, lang.value if lang else None), analyze(new, lang.value if lang else None)
    for analysis in (before, after):
        if analysis.plan is None:
            _print_findings(analysis.findings)
            raise typer.Exit(ExitStatus.INVALID)
    changes = compare(before.plan, after.plan)
    render = {DiffFormat.json: changes_json, DiffFormat.markdown: changes_markdown}.get(format, changes_text)
    sys.stdout.write(render(changes, after.plan))


LONG_RUNNING = frozenset({"run", "serve"})
"""Commands that live for hours: they keep Python's cycle collector as it is."""


def configure_process(args: Sequence[str]) -> None:
    """Settings for a short command-line run, which the library leaves to its host program.

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
    if not (set(args) & LONG_RUNNING):
        gc.disable()


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
    """
    args = list(sys.argv[1:] if argv is None else argv)
    with ExitStack() as scope:
        if stdout is not None:
            scope.enter_context(redirect_stdout(stdout))
        if stderr is not None:
            scope.enter_context(redirect_stderr(stderr))
        if environ is not None:
            scope.enter_context(_environment(environ))
        configure_process(args)
        return _run_app(args)


def _run_app(args: list[str]) -> ExitStatus:
    try:
        try:
            outcome = app(args=args, prog_name="agenda", standalone_mode=False)
        except typer.Exit as done:
            return ExitStatus(done.exit_code)
        except typer.Abort:
            raise KeyboardInterrupt from None
        except ClickException as error:
            error.show()
            return ExitStatus.ERROR
        return ExitStatus(outcome) if isinstance(outcome, int) else ExitStatus.SUCCESS
    except AgendaError as error:
        _err(f"agenda: {error}" if not isinstance(error, InputError) else str(error))
        return ExitStatus.ERROR
    except KeyboardInterrupt:
        _err("agenda: interrupted")
        return ExitStatus.ERROR_CTRL_C
    except Terminated as stop:
        import signal

        _err(f"agenda: stopped by {signal.Signals(stop.signum).name}")
        return ExitStatus(128 + stop.signum)
    except RecursionError:
        _err("agenda: the input is nested too deeply")
        return ExitStatus.ERROR
    except Exception as error:  # the promise is "never a traceback"; AGENDA_DEBUG=1 shows it
        if os.environ.get("AGENDA_DEBUG"):
            raise
        _err(f"agenda: internal error ({type(error).__name__}: {error}); please report it with the file")
        return ExitStatus.ERROR


@contextmanager
def _environment(environ: Mapping[str, str]) -> Iterator[None]:
    """Run with exactly these environment variables, as click's CliRunner isolates a run."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def entry_point() -> None:
    """The console script and `python -m agenda`: run, then exit without the final collection.

    At exit the interpreter collects every object once more, about a fifth of
    a cold start; freezing them first leaves them to the operating system.
    """
    status = main()
    import gc

    gc.freeze()
    sys.exit(status)
