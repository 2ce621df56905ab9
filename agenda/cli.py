"""The command line: parse arguments, call the library, render, map outcomes to exit codes.

Imports of rendering and export code happen inside the commands, so that
`agenda validate` loads neither Rich nor icalendar.
"""

import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, redirect_stderr, redirect_stdout
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import TYPE_CHECKING, Optional, TextIO

import typer

try:  # Typer 0.20 and later carry their own copy of Click
    from typer._click.exceptions import BadParameter, ClickException
except ImportError:  # pragma: no cover - older Typer uses Click itself
    from click.exceptions import BadParameter, ClickException

from agenda.errors import AgendaError, Terminated, UsageError
from agenda.export.formats import FORMAT_CHOICES, FORMAT_HELP
from agenda.status import ExitStatus

if TYPE_CHECKING:
    from agenda.findings import Finding

app = typer.Typer(
    name="agenda",
    help="Plan, validate, show and publish the programme of a forum.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(asked: bool) -> None:
    if asked:
        from agenda import __version__

        sys.stdout.write(f"agenda {__version__}\n")
        raise typer.Exit(ExitStatus.SUCCESS)


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Plan, validate, show and publish the programme of a forum."""


class _Command(typer.core.TyperCommand):
    """Typer's command, with help that names each argument by its metavar alone (no `<list[str]>`)."""

    def format_options(self, ctx: "typer._click.Context", formatter: "typer._click.HelpFormatter") -> None:
        arguments, options = [], []
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


ExportFormat = Enum("ExportFormat", {name: name for name in FORMAT_CHOICES}, type=str)  # type: ignore[misc]
"""From agenda.export.formats.FORMATS, aliases included (`md` for markdown)."""


def _err(text: str) -> None:
    """One message on stderr, with any control character or undecodable file-name byte made visible."""
    from agenda.inert import inert

    text = inert(text, keep_newlines=True)
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


def _reader_language(requested: "Lang | None", known: str | None = None) -> str:
    """--lang, else the file's language, else the locale's (LC_ALL, LC_MESSAGES, LANG), else en."""
    if requested is not None:
        return requested.value
    if known is not None:
        return known
    from agenda.messages import locale_language

    return locale_language(os.environ)


def _print_findings(findings: "list[Finding]", language: str) -> None:
    from agenda.render.findings_report import finding_line

    for finding in findings:
        _err(finding_line(finding, language))


def _unplanned(findings: "list[Finding]") -> ExitStatus:
    """The status of a file that gave no plan: 2 when it could not be read, else 1."""
    from agenda.status import status_for_findings

    return max(status_for_findings(findings), ExitStatus.INVALID)


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
    language = _reader_language(lang, analysis.language)
    if analysis.plan is None:
        _print_findings(analysis.findings, language)
        raise typer.Exit(_unplanned(analysis.findings))
    if format is PlanFormat.json:
        from agenda.render.plan_json import plan_json

        sys.stdout.write(plan_json(analysis.plan, language))
    elif format is PlanFormat.markdown:
        from agenda.render.plan_markdown import plan_markdown

        sys.stdout.write(plan_markdown(analysis.plan, language))
    else:
        from agenda.render.plan_table import plan_table

        console = _stdout_console()
        console.print(plan_table(analysis.plan, language))
        if timeline:
            from agenda.render.timeline import timeline_bar

            console.print(timeline_bar(analysis.plan, console.width, language))
    _print_findings(analysis.findings, language)
    raise typer.Exit(status_for_findings(analysis.findings))


@app.command()
def validate(
    paths: list[str] = typer.Argument(..., metavar="FILE|DIR", help="Forum files, or folders to search."),
    format: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="text, json or github."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
    skip_non_forum: bool = typer.Option(
        False, "--skip-non-forum", help="Skip named files without a `forum` key too (as in folders); for hooks."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="ko or en; default: each file's language."),
) -> None:
    """Check forum files and print what is wrong, with file:line:column."""
    from agenda.messages import catalogue
    from agenda.render.findings_report import report_github, report_json, report_text, summary
    from agenda.validation import validate_paths

    run = validate_paths(paths, skip_non_forum, lang.value if lang else None)
    fallback = _reader_language(lang)
    for path in run.skipped:
        _err(catalogue(fallback).skipped(path))
    if format is ReportFormat.json:
        sys.stdout.write(report_json(run.reports, fallback))
    elif format is ReportFormat.github:
        sys.stdout.write(report_github(run.reports, fallback))
        _err(summary(run.reports, fallback))
    else:
        sys.stdout.write(report_text(run.reports, fallback))
    raise typer.Exit(run.status(strict))


def _alarm(text: str) -> timedelta:
    """--alarm: how long before the forum's start the reminder fires (1d, 2h, 30m, PT15M)."""
    import re

    from agenda.durations import parse_minutes

    match = re.fullmatch(r"\s*(\d+)\s*d(?:ays?)?\s*", text, re.IGNORECASE)
    try:
        minutes = int(match.group(1)) * 1440 if match else parse_minutes(text)
    except ValueError as error:
        raise UsageError(f"--alarm {text!r}: {error}; days work too, e.g. 1d") from None
    if minutes <= 0:
        raise UsageError(f"--alarm {text!r}: give a positive time before the start, e.g. 1d or 30m")
    return timedelta(minutes=minutes)


def _calendar_now() -> datetime:
    """DTSTAMP where a forum has no `updated`: SOURCE_DATE_EPOCH (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return datetime.now(timezone.utc).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from None


@app.command()
def export(
    files: list[str] = typer.Argument(..., metavar="FILE", help="One forum file, or several (a series)."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="OUT", help="Output file; its suffix picks the format. - for stdout."),
    format: Optional[ExportFormat] = typer.Option(None, "--format", "-f", help=f"{FORMAT_HELP}."),
    segments: bool = typer.Option(False, "--segments", help="Calendar: one more event per segment."),
    alarm: Optional[str] = typer.Option(None, "--alarm", metavar="TIME", help="Calendar: a reminder this long before, e.g. 1d, 2h."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="ko or en; default: each file's language."),
    force: bool = typer.Option(False, "--force", help="Export even when the files have error findings."),
    per_person: Optional[str] = typer.Option(
        None, "--per-person", metavar="DIR", help="Also write DIR/<person>.ics: each person's own calendar."),
) -> None:
    """Write a calendar (.ics) or a document (.md, .html, .csv, .json, .pdf), or one calendar per person."""
    from agenda.analysis import analyze
    from agenda.export.formats import export_bytes, format_for
    from agenda.messages import catalogue
    from agenda.output_files import write_output
    from agenda.status import status_for_findings, worst

    if output is None and per_person is None:
        raise UsageError("give -o OUT (a file, or - for stdout), or --per-person DIR")
    if per_person is not None and len(files) != 1:
        raise UsageError("--per-person takes one forum file")
    chosen = format_for(output, format.value if format else None) if output is not None else None
    if chosen != "ics" and (segments or alarm):
        raise UsageError("--segments and --alarm are for calendars (.ics)")
    reminder = _alarm(alarm) if alarm else None
    now = _calendar_now()  # DTSTAMP of calendars, and the date a PDF is stamped with
    analyses = [analyze(file, lang.value if lang else None) for file in files]
    statuses = []
    for analysis in analyses:
        _print_findings(analysis.findings, _reader_language(lang, analysis.language))
        statuses.append(status_for_findings(analysis.findings))
    if any(a.plan is None for a in analyses) or (worst(statuses) and not force):
        _err(catalogue(_reader_language(lang, analyses[0].language)).nothing_written())
        raise typer.Exit(max(worst(statuses), ExitStatus.INVALID))
    if chosen == "ics":
        from agenda.checks.duplicate_uid import check_export

        plans = [(a.file, a.plan) for a in analyses if a.plan is not None]
        documents = {a.file: a.document for a in analyses if a.document is not None}
        clashes = [documents[f.location.file or ""].locate(f) for f in check_export(plans, segments)]
        if clashes:
            _print_findings(clashes, _reader_language(lang, analyses[0].language))
            _err(catalogue(_reader_language(lang, analyses[0].language)).uids_clash())
            raise typer.Exit(ExitStatus.INVALID)
    if per_person is not None:
        from agenda.export.person_files import write_person_calendars

        assert now is not None
        written = write_person_calendars(analyses[0].plan, per_person, now)
        _err(f"wrote {len(written)} calendars in {per_person}")
    if output is None or chosen is None:
        return
    data = export_bytes(chosen, [a.plan for a in analyses], segments=segments, alarm=reminder, now=now,
                        language=lang.value if lang else None)
    write_output(output, data)
    if chosen == "ics" and segments:
        from agenda.export.ics import segments_without_start
        from agenda.i18n import labels_for

        for analysis in analyses:
            for seg in segments_without_start(analysis.plan):
                language = _reader_language(lang, analysis.language)
                name = labels_for(language).title(seg.title, seg.kind)
                _err(catalogue(language).not_in_calendar(analysis.file, name))
    if output != "-":
        _err(f"wrote {output}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the forum file (for editors and CI)."""
    from agenda.schema import schema_json

    sys.stdout.write(schema_json())


@app.command()
def init(
    file: str = typer.Argument("forum.yaml", metavar="FILE", help="Where to write the new forum file."),
    template: str = typer.Option("forum", "--template", "-t", metavar="NAME", help="forum or symposium."),
    lang: Lang = typer.Option(Lang.ko, "--lang", help="ko or en."),
    title: Optional[str] = typer.Option(None, "--title", metavar="TEXT", help="The forum's title."),
    date: Optional[str] = typer.Option(None, "--date", metavar="DATE", help="YYYY-MM-DD; default: today."),
    start: str = typer.Option("14:00", "--start", metavar="HH:MM", help="Start of the window."),
    end: Optional[str] = typer.Option(None, "--end", metavar="HH:MM", help="End of the window; default: what the template needs."),
    timezone: Optional[str] = typer.Option(None, "--timezone", metavar="ZONE", help="IANA zone; default: Asia/Seoul for ko, this machine's zone for en."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a new forum file from a template, and validate it."""
    from pathlib import Path

    from agenda.analysis import analyze_text
    from agenda.messages import catalogue
    from agenda.output_files import write_output
    from agenda.templates import TEMPLATES, render_template

    if template not in TEMPLATES:
        raise UsageError(f"--template {template!r}: choose one of {', '.join(TEMPLATES)}")
    if file != "-" and Path(file).exists() and not force:
        raise UsageError(f"{file} exists; choose another name or use --force to overwrite it")
    from agenda.templates import check_options, too_short

    check_options(day=date, start=start, end=end, zone=timezone)
    zone_note = None
    if timezone is None:
        from agenda.i18n import labels_for
        from agenda.machine_zone import zone_for_new_file

        timezone, why = zone_for_new_file(lang.value)
        zone_note = labels_for(lang.value).new_file_zone[why].format(zone=timezone)
    text = render_template(template, lang.value, title=title, day=date, start=start, end=end, zone=timezone)
    analysis = analyze_text(text, file if file != "-" else "forum.yaml")
    if analysis.plan is not None and (shortfall := too_short(analysis.plan)):
        raise UsageError(catalogue(lang.value).template_too_short(template, shortfall[0], start, end, shortfall[1]))
    if not analysis.valid:
        _print_findings(analysis.findings, lang.value)
        _err(catalogue(lang.value).options_refused())
        raise typer.Exit(ExitStatus.INVALID)
    write_output(file, text.encode("utf-8"))
    if zone_note:
        _err(zone_note)
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

    before, after = analyze(old), analyze(new)
    for analysis in (before, after):
        if analysis.plan is None:
            _print_findings(analysis.findings, _reader_language(lang, analysis.language))
            raise typer.Exit(_unplanned(analysis.findings))
    changes = compare(before.plan, after.plan)
    render = {DiffFormat.json: changes_json, DiffFormat.markdown: changes_markdown}.get(format, changes_text)
    sys.stdout.write(render(changes, after.plan, lang.value if lang else None))


@app.command()
def publish(
    files: list[str] = typer.Argument(..., metavar="FILE...", help="One forum file, or several (a series)."),
    to: str = typer.Option(..., "--to", help="URL of the CalDAV calendar collection, e.g. https://host/dav/cal/"),
    user: Optional[str] = typer.Option(None, "--user", help="Login name; the password comes from "
                                       "AGENDA_CALDAV_PASSWORD or ~/.netrc, never from an option."),
    segments: bool = typer.Option(False, "--segments", help="One more event per segment."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would change and write nothing."),
) -> None:
    """Make a CalDAV calendar hold exactly these forums' events: create, update, delete what differs."""
    from agenda.analysis import analyze
    from agenda.export.ics import segments_without_start
    from agenda.publish.credentials import login_for
    from agenda.publish.publisher import PublishError
    from agenda.publish.publisher import publish as publish_plans
    from agenda.messages import catalogue
    from agenda.publish.words import summary_line
    from agenda.status import status_for_findings, worst

    login = login_for(to, user)
    analyses = [analyze(file) for file in files]
    for analysis in analyses:
        _print_findings(analysis.findings, _reader_language(None, analysis.language))
    if any(a.plan is None for a in analyses) or worst(status_for_findings(a.findings) for a in analyses):
        _err(catalogue(_reader_language(None, analyses[0].language)).nothing_published())
        raise typer.Exit(ExitStatus.INVALID)
    plans = [a.plan for a in analyses]
    language = plans[0].language
    if segments:
        from agenda.i18n import labels_for

        for analysis in analyses:
            for seg in segments_without_start(analysis.plan):
                name = labels_for(analysis.plan.language).title(seg.title, seg.kind)
                _err(catalogue(analysis.plan.language).not_in_calendar(analysis.file, name))
    try:
        outcome = publish_plans(plans, to, login, segments=segments, dry_run=dry_run)
    except PublishError as error:
        _err(f"agenda: {error}")
        if error.outcome.written:
            _err(f"agenda: already done before the stop: {summary_line(error.outcome.counts, language)}; "
                 "run the same command again to finish")
        else:
            _err("agenda: nothing was changed in the calendar")
        raise typer.Exit(ExitStatus.ERROR)
    sys.stdout.write(summary_line(outcome.counts, language) + "\n")
    if dry_run:
        _err("--dry-run: nothing was written")


@app.command()
def notices(
    old: str = typer.Argument(..., metavar="OLD", help="The version of the forum file people were told about."),
    new: str = typer.Argument(..., metavar="NEW", help="The changed version."),
    output: str = typer.Option(..., "--output", "-o", metavar="DIR", help="Folder for the drafts and index.md."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="ko or en; default: the new file's language."),
    sender: Optional[str] = typer.Option(None, "--from", metavar="ADDRESS", help="The From address of the notices."),
    send: Optional[str] = typer.Option(
        None, "--send", metavar="URL",
        help="Send the drafts: smtp://HOST:PORT or smtps://HOST:PORT. Credentials come from "
             "AGENDA_SMTP_USER and AGENDA_SMTP_PASSWORD; AGENDA_SMTP_CAFILE adds a trusted CA."),
) -> None:
    """Draft a message, with their new calendar, to each person whose own part changed; optionally send them."""
    from agenda.analysis import analyze
    from agenda.export.notice_mail import draft_notices, notice_time, sender_address
    from agenda.export.person_files import output_folder
    from agenda.mail_delivery import SENT_LOG, DeliveryError, Outgoing, parse_server, send_all
    from agenda.output_files import write_output

    server = parse_server(send) if send else None
    if server is not None and not sender:
        raise UsageError("--send needs --from ADDRESS: the address the notices come from")
    before, after = analyze(old, lang.value if lang else None), analyze(new, lang.value if lang else None)
    for analysis in (before, after):
        if not analysis.valid:
            _print_findings(analysis.findings, _reader_language(lang, analysis.language))
            _err(f"no notices drafted: fix the errors in {analysis.file} first")
            raise typer.Exit(_unplanned(analysis.findings))
    when = notice_time(after.plan, os.environ.get("SOURCE_DATE_EPOCH"), os.stat(new).st_mtime)
    language = lang.value if lang else after.plan.language
    drafted = draft_notices(before.plan.read_in(language), after.plan.read_in(language), when, sender)
    if drafted.revision_not_raised:
        _err(f"{new}: warning: forum.revision ({after.plan.forum.revision}) is not above {old}'s "
             f"({before.plan.forum.revision}); calendars may ignore the update: raise it")
    folder = output_folder(output)
    if server is not None:
        stale = [d.file_name for d in drafted.drafts
                 if (folder / d.file_name).exists() and (folder / d.file_name).read_bytes() != d.data]
        if stale:
            raise UsageError(f"{output}: {', '.join(stale)} differ from what these files and options "
                             f"(--from, --lang) draft now, so they are not what you read; nothing was sent. "
                             f"Run again without --send, read {folder / 'index.md'}, then send")
    for item in drafted.drafts:
        write_output(str(folder / item.file_name), item.data)
    write_output(str(folder / "index.md"), drafted.index.encode("utf-8"))
    no_address = [d for d in drafted.drafts if d.recipient is None]
    _err(f"wrote {len(drafted.drafts)} notices and {folder / 'index.md'}"
         + (f"; {len(no_address)} without an address" if no_address else ""))
    if server is None:
        return
    outgoing = [Outgoing(d.message_id, d.recipient, d.data, d.file_name) for d in drafted.drafts if d.recipient]
    for item in no_address:
        print(f"not sent      {item.file_name}: no address")
    try:
        send_all(server, sender_address(sender).addr_spec, outgoing, folder, lambda line: print(line, flush=True))
    except DeliveryError as error:
        sent = ", ".join(m.label for m in error.sent) or "none"
        _err(f"agenda: {error}\nsent in this run: {sent}; the log {folder / SENT_LOG} lists every message sent, "
             f"and running the same command again sends only the rest")
        raise typer.Exit(ExitStatus.ERROR)


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


def option_error(error: ClickException) -> str:
    """A bad option or argument in plain words: `--lang: choose ko or en (got 'fr')`."""
    message = str(error.format_message())
    context = getattr(error, "ctx", None)
    try_help = f"\nTry '{context.command_path} --help' for help." if context is not None else ""
    param = getattr(error, "param", None)
    if not isinstance(error, BadParameter) or param is None:
        return message + try_help
    detail = str(getattr(error, "message", "")).removeprefix("Value error, ")
    if not detail:  # a missing argument or option: Click's own words say it best
        return message + try_help
    name = param.opts[0] if param.opts else (param.metavar or param.name or "value")
    choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
    got = re.match(r"(.+?) is not one of ", detail)
    if choices and got:
        words = [str(getattr(c, "value", c)) for c in choices]
        listed = " or ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else words[0]
        return f"{name}: choose {listed} (got {got.group(1)})"
    return f"{name}: {detail}{try_help}"


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
        for command in app.registered_commands:  # every command, also those added later, gets the plain help
            if command.cls in (None, typer.core.TyperCommand):
                command.cls = _Command
        return _run_app(args)


def _run_app(args: list[str]) -> ExitStatus:
    try:
        try:
            outcome = app(args=args, prog_name="agenda", standalone_mode=False)
        except typer.Exit as done:
            return ExitStatus(done.exit_code)
        except SystemExit as done:  # Typer's --show-completion and --install-completion end with sys.exit
            return ExitStatus.SUCCESS if done.code in (0, None) else ExitStatus.ERROR
        except typer.Abort:
            raise KeyboardInterrupt from None
        except ClickException as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # `agenda` alone: the help, as Click shows it
                error.show()
            else:
                _err(option_error(error))
            return ExitStatus.ERROR
        return ExitStatus(outcome) if isinstance(outcome, int) else ExitStatus.SUCCESS
    except AgendaError as error:
        _err(f"agenda: {error}")
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


# On the day: the live programme (FORMAT.md, "On the day").

class MarkWord(str, Enum):
    start = "start"
    end = "end"
    next = "next"
    skip = "skip"
    undo = "undo"


class NowFormat(str, Enum):
    text = "text"
    json = "json"


class DayReportFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"


def _day_plan(file: str, lang: Optional[Lang]):
    """The plan to run the day by; a file with errors the planner cannot read exits 1."""
    from agenda.analysis import analyze

    analysis = analyze(file, lang.value if lang else None)
    if analysis.plan is None:
        _print_findings(analysis.findings, _reader_language(lang, analysis.language))
        raise typer.Exit(_unplanned(analysis.findings))
    return analysis.plan.read_in(lang.value if lang else None)


def _moment(text: Optional[str], plan):
    from agenda.day.times import parse_moment

    if text is None:
        return None
    try:
        return parse_moment(text, plan)
    except ValueError as error:
        raise UsageError(f"--at: {error}") from None


def _log_path(file: str, log: Optional[str], rehearsal: bool = False):
    from pathlib import Path

    from agenda.day.marks_log import default_log

    return Path(log) if log else default_log(file, rehearsal)


def _load_day(plan, log, at):
    from agenda.day.marks_log import read_log
    from agenda.day.projection import day_state

    marks, warnings = read_log(log, plan.zone)
    state, more = day_state(plan, marks, at)
    for warning in warnings + more:
        _err(f"warning: {warning}")
    return state, marks


@app.command()
def mark(
    file: str = typer.Argument(..., metavar="FILE", help="The forum file."),
    word: MarkWord = typer.Argument(..., metavar="MARK", help="start, end, next, skip or undo."),
    segment: Optional[str] = typer.Argument(None, metavar="[SEGMENT]", help="A segment id."),
    at: Optional[str] = typer.Option(None, "--at", help="HH:MM[:SS] in the forum's zone, or ISO 8601; default now."),
    log: Optional[str] = typer.Option(None, "--log", help="The marks log; default FILE's .actuals.jsonl."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="ko or en; default: the file's language."),
) -> None:
    """Record what happened: a segment starts, ends, is skipped; undo the latest mark."""
    from agenda.day.clocks import wall_clock
    from agenda.day.marks import ImpossibleMark, MarkKind
    from agenda.day.recording import record_mark
    from agenda.render.day_text import day_line, mark_text

    plan = _day_plan(file, lang)
    moment = _moment(at, plan)
    path = _log_path(file, log)
    try:
        recorded = record_mark(plan, path, MarkKind(word.value), segment, moment, wall_clock)
    except ImpossibleMark as why:
        _err(f"{path}: {why}; nothing appended")
        raise typer.Exit(ExitStatus.INVALID)
    done = recorded.mark
    state, _ = _load_day(plan, path, done.at)
    said = mark_text(plan, done, recorded.withdrawn)
    sys.stdout.write(f"{said} · {day_line(state, plan.language)}\n")


@app.command()
def now(
    file: str = typer.Argument(..., metavar="FILE", help="The forum file."),
    at: Optional[str] = typer.Option(None, "--at", help="HH:MM[:SS] in the forum's zone, or ISO 8601; default now."),
    format: NowFormat = typer.Option(NowFormat.text, "--format", "-f", help="text or json."),
    log: Optional[str] = typer.Option(None, "--log", help="The marks log; default FILE's .actuals.jsonl."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="ko or en; default: the file's language."),
) -> None:
    """What runs now, how long it has left, what comes next, and the day in words."""
    plan = _day_plan(file, lang)
    from agenda.day.clocks import wall_clock

    moment = _moment(at, plan) or wall_clock()
    state, _ = _load_day(plan, _log_path(file, log), moment)
    if format is NowFormat.json:
        from agenda.render.day_json import now_json

        sys.stdout.write(now_json(state))
    else:
        from agenda.render.day_text import now_text

        sys.stdout.write(now_text(state, plan.language))


@app.command()
def report(
    file: str = typer.Argument(..., metavar="FILE", help="The forum file."),
    format: DayReportFormat = typer.Option(DayReportFormat.table, "--format", "-f",
                                           help="table, json, markdown or csv."),
    output: str = typer.Option("-", "--output", "-o", help="Output file; - for stdout."),
    log: Optional[str] = typer.Option(None, "--log", help="The marks log; default FILE's .actuals.jsonl."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="ko or en; default: the file's language."),
) -> None:
    """Planned against actual for every segment, and the day's totals."""
    from agenda.output_files import write_output
    from agenda.render import day_report as render

    plan = _day_plan(file, lang)
    path = _log_path(file, log)
    from agenda.day.marks_log import read_log

    marks, _ = read_log(path, plan.zone)
    in_force_at = max((m.at for m in marks), key=lambda t: t.timestamp(), default=plan.window_start)
    state, _ = _load_day(plan, path, in_force_at)
    if format is DayReportFormat.table and output == "-":
        _stdout_console().print(render.report_table(state, plan.language))
        return
    if format is DayReportFormat.table:
        import io

        from rich.console import Console

        buffer = io.StringIO()
        Console(file=buffer, highlight=False, soft_wrap=False, width=100, color_system=None).print(
            render.report_table(state, plan.language))
        text = buffer.getvalue()
    elif format is DayReportFormat.json:
        text = render.report_json(state)
    elif format is DayReportFormat.markdown:
        text = render.report_markdown(state, plan.language)
    else:
        text = render.report_csv(state)
    data = text.encode("utf-8")
    if format is DayReportFormat.csv:
        data = b"\xef\xbb\xbf" + data
    write_output(output, data)


@app.command("run")
def run_clock(
    file: str = typer.Argument(..., metavar="FILE", help="The forum file."),
    log: Optional[str] = typer.Option(None, "--log", help="The marks log; default FILE's .actuals.jsonl "
                                      "(.rehearsal.jsonl with --at)."),
    at: Optional[str] = typer.Option(None, "--at", help="Rehearse: the clock starts at this TIME and runs on."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="ko or en; default: the file's language."),
) -> None:
    """The full-screen clock for the desk: space/n next, s start, e end, u undo, q quit."""
    from rich.console import Console

    from agenda.day.clocks import rehearsal_clock, wall_clock
    from agenda.day.desk import Desk, run_desk

    plan = _day_plan(file, lang)
    start = _moment(at, plan)
    if not sys.stdin.isatty():
        raise UsageError("agenda run needs a terminal to read keys from; use agenda mark in scripts")
    clock = wall_clock if start is None else rehearsal_clock(start)
    desk = Desk(plan, _log_path(file, log, rehearsal=start is not None), clock, rehearsal=start is not None)
    run_desk(desk, Console(highlight=False), sys.stdin.fileno())
    for warning in desk.warnings:
        _err(f"warning: {warning}")


@app.command()
def serve(
    file: str = typer.Argument(..., metavar="FILE", help="The forum file."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; 0.0.0.0 lets phones on the network in."),
    port: int = typer.Option(8080, "--port", help="Port to listen on."),
    log: Optional[str] = typer.Option(None, "--log", help="The marks log; default FILE's .actuals.jsonl."),
    at: Optional[str] = typer.Option(None, "--at", help="Rehearsal: the clock starts at this time (HH:MM)."),
    new_token: bool = typer.Option(False, "--new-token", help="Replace the kept token with a new one."),
    lang: Optional[Lang] = typer.Option(None, "--lang", help="ko or en; default: the file's language."),
) -> None:
    """Serve the live programme to browsers: the programme, the stage timer, and the desk's controls."""
    from agenda.day.clocks import rehearsal_clock, wall_clock
    from agenda.serve.live import LiveDay
    from agenda.serve.server import serve as run_server
    from agenda.serve.token import load_or_create, token_path

    plan = _day_plan(file, lang)
    start = _moment(at, plan)
    path = _log_path(file, log, rehearsal=start is not None)
    language = lang.value if lang else plan.language
    live = LiveDay(plan, path, rehearsal_clock(start) if start else wall_clock, language,
                   lambda warning: _err(f"warning: {warning}"))
    keep = token_path(path)
    try:
        token = load_or_create(keep, renew=new_token)
    except OSError as error:
        raise UsageError(f"{keep}: cannot keep the token there ({error.strerror or error})") from None
    base = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    sys.stdout.write(f"agenda serve: {plan.forum.title}\n"
                     f"  programme  {base}/\n  stage      {base}/stage\n  desk       {base}/control\n"
                     f"  marks go to {path}{' (rehearsal from ' + at + ')' if start else ''}\n"
                     f"token (kept in {keep}; marks need it):\n{token}\n")
    sys.stdout.flush()
    run_server(live, token, host, port)
