"""`agenda validate`, `agenda init` and `agenda diff`: for the people who write the forum file."""

import sys
from enum import Enum
from typing import Annotated

import typer

from agenda.cli.feedback import (
    EachFileLangOption,
    Lang,
    NewFileLangOption,
    language_asked,
    note,
    plan_or_exit,
    print_findings,
    reader_language,
    reads,
    say,
)
from agenda.core.errors import UsageError
from agenda.core.status import ExitStatus
from agenda.export.formats import Shown, chosen_format, default_format, format_choices, format_help

ReportFormat = Enum("ReportFormat", format_choices("validate"), type=str)  # type: ignore[misc]
DiffFormat = Enum("DiffFormat", format_choices("diff"), type=str)  # type: ignore[misc]
"""Both from agenda.export.formats.FORMATS."""


def validate(
    paths: Annotated[list[str], typer.Argument(metavar="FILE|DIR", help="Forum files, or folders to search.")],
    format: Annotated[ReportFormat, typer.Option(
        "--format", "-f", help=f"{format_help('validate')}.")] = ReportFormat(default_format("validate")),
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    skip_non_forum: Annotated[bool, typer.Option(
        "--skip-non-forum", help="Skip named files without a `forum` key too (as in folders); for hooks.")] = False,
    lang: EachFileLangOption = None,
) -> None:
    """Check forum files and print what is wrong, with file:line:column."""
    from agenda.messages import catalogue
    from agenda.render.findings_report import summary
    from agenda.loading.validation import validate_paths

    run = validate_paths(paths, skip_non_forum, language_asked(lang))
    fallback = reader_language(lang)
    for path in run.skipped:
        note(catalogue(fallback).skipped(path))
    chosen = chosen_format("validate", format.value)
    write = say if chosen.shown is Shown.WORDS else sys.stdout.write  # words for a person, or a document
    write(chosen.writer()(run.reports, fallback))
    if chosen.name == "github":  # the annotations go to the CI log; the count, to the person reading it
        note(summary(run.reports, fallback))
    raise typer.Exit(run.status(strict))


def init(
    file: Annotated[str, typer.Argument(metavar="FILE", help="Where to write the new forum file.")] = "forum.yaml",
    template: Annotated[str, typer.Option("--template", "-t", metavar="NAME", help="forum or symposium.")] = "forum",
    lang: Annotated[Lang, typer.Option("--lang", help="ko or en.")] = Lang.ko,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="The forum's title.")] = None,
    date: Annotated[str | None, typer.Option("--date", metavar="DATE", help="YYYY-MM-DD; default: today.")] = None,
    start: Annotated[str, typer.Option("--start", metavar="HH:MM", help="Start of the window.")] = "14:00",
    end: Annotated[str | None, typer.Option(
        "--end", metavar="HH:MM", help="End of the window; default: what the template needs.")] = None,
    timezone: Annotated[str | None, typer.Option(
        "--timezone", metavar="ZONE",
        help="IANA zone; default: Asia/Seoul for ko, this machine's zone for en.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a new forum file from a template, and validate it."""
    from pathlib import Path

    from agenda.loading.analysis import analyze_text
    from agenda.messages import catalogue
    from agenda.export.output_files import write_output
    from agenda.new_file.templates import TEMPLATES, check_options, render_template, too_short

    reads(lang.value)  # the new file's language, known from the start
    if template not in TEMPLATES:
        raise UsageError("unknown-template", value=template, choices=tuple(TEMPLATES))
    if file != "-" and Path(file).exists() and not force:
        raise UsageError("file-exists", file=file)
    check_options(day=date, start=start, end=end, zone=timezone)
    zone_note = None
    if timezone is None:
        from agenda.messages.labels import labels_for
        from agenda.new_file.machine_zone import zone_for_new_file

        timezone, why = zone_for_new_file(lang.value)
        zone_note = labels_for(lang.value).new_file_zone[why].format(zone=timezone)
    text = render_template(template, lang.value, title=title, day=date, start=start, end=end, zone=timezone)
    analysis = analyze_text(text, file if file != "-" else "forum.yaml")
    if analysis.plan is not None and (shortfall := too_short(analysis.plan)):
        raise UsageError("template-too-short", template=template, needed=shortfall[0], start=start, end=end or "",
                         given=shortfall[1])
    if not analysis.valid:
        print_findings(analysis.findings, lang.value)
        note(catalogue(lang.value).options_refused())
        raise typer.Exit(ExitStatus.INVALID)
    write_output(file, text.encode("utf-8"))
    if zone_note:
        note(zone_note)
    if file != "-":
        note(catalogue(lang.value).wrote_new_file(file))


def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier version of the forum file.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later version.")],
    format: Annotated[DiffFormat, typer.Option(
        "--format", "-f", help=f"{format_help('diff')}.")] = DiffFormat(default_format("diff")),
    lang: NewFileLangOption = None,
) -> None:
    """Show what changed between two versions of a programme: moved, resized, added, removed, people."""
    from agenda.loading.analysis import analyze
    from agenda.core.changes import compare

    before, after = analyze(old), analyze(new)
    old_plan, new_plan = plan_or_exit(before, lang), plan_or_exit(after, lang)
    changes = compare(old_plan, new_plan)
    chosen = chosen_format("diff", format.value)
    write = say if chosen.shown is Shown.WORDS else sys.stdout.write  # words for a person, or a document
    write(chosen.writer()(changes, new_plan, language_asked(lang)))
