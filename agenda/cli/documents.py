"""`agenda plan`, `agenda export` and `agenda schema`: the programme as a timetable, a calendar or a document."""

import os
import sys
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Annotated

import typer

from agenda.cli.feedback import (
    EachFileLangOption,
    FileLangOption,
    language_asked,
    note,
    plan_or_exit,
    print_findings,
    reader_language,
    stdout_console,
)
from agenda.core.errors import UsageError
from agenda.export.formats import FORMAT_CHOICES, FORMAT_HELP
from agenda.core.status import ExitStatus


class Document(str, Enum):
    programme = "programme"
    script = "script"
    nameplates = "nameplates"
    booklet = "booklet"


class PlanFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


ExportFormat = Enum("ExportFormat", {name: name for name in FORMAT_CHOICES}, type=str)  # type: ignore[misc]
"""From agenda.export.formats.FORMATS, aliases included (`md` for markdown)."""


def plan(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A forum file (.yaml, .yml, .json, .toml).")],
    format: Annotated[PlanFormat, typer.Option("--format", "-f", help="table, json or markdown.")] = PlanFormat.table,
    lang: FileLangOption = None,
    timeline: Annotated[bool, typer.Option("--timeline", help="Draw the window to scale under the table.")] = False,
) -> None:
    """Print the timetable: times, minutes, segments with their items, people and notes."""
    from agenda.loading.analysis import analyze
    from agenda.core.status import status_for_findings

    analysis = analyze(file, language_asked(lang))
    language = reader_language(lang, analysis.language)
    the_plan = plan_or_exit(analysis, lang)
    if format is PlanFormat.json:
        from agenda.render.plan_json import plan_json

        sys.stdout.write(plan_json(the_plan, language))
    elif format is PlanFormat.markdown:
        from agenda.render.plan_markdown import plan_markdown

        sys.stdout.write(plan_markdown(the_plan, language))
    else:
        from agenda.render.plan_table import plan_table

        console = stdout_console()
        console.print(plan_table(the_plan, language))
        if timeline:
            from agenda.render.timeline import timeline_bar

            console.print(timeline_bar(the_plan, console.width, language))
    if timeline and format is not PlanFormat.table:
        from agenda.messages import catalogue

        note(catalogue(language).timeline_under_table_only(format.value))
    print_findings(analysis.findings, language)
    raise typer.Exit(status_for_findings(analysis.findings))


def _alarm(text: str) -> timedelta:
    """--alarm: how long before the forum's start the reminder fires (1d, 2h, 30m, PT15M)."""
    import re

    from agenda.core.durations import parse_minutes

    match = re.fullmatch(r"\s*(\d+)\s*d(?:ays?)?\s*", text, re.IGNORECASE)
    try:
        minutes = int(match.group(1)) * 1440 if match else parse_minutes(text)
    except ValueError as error:
        raise UsageError("alarm-not-a-duration", value=text, problem=getattr(error, "type", ""),
                         detail=str(error)) from None
    if minutes <= 0:
        raise UsageError("alarm-not-positive", value=text)
    return timedelta(minutes=minutes)


def _calendar_now() -> datetime:
    """DTSTAMP where a forum has no `updated`: SOURCE_DATE_EPOCH (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return datetime.now(timezone.utc).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError("source-date-epoch", value=epoch) from None


def export(
    files: Annotated[list[str], typer.Argument(metavar="FILE", help="One forum file, or several (a series).")],
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="OUT", help="Output file; its suffix picks the format. - for stdout.")] = None,
    format: Annotated[ExportFormat | None, typer.Option("--format", "-f", help=f"{FORMAT_HELP}.")] = None,
    segments: Annotated[bool, typer.Option("--segments", help="Calendar: one more event per segment.")] = False,
    alarm: Annotated[str | None, typer.Option(
        "--alarm", metavar="TIME", help="Calendar: a reminder this long before, e.g. 1d, 2h.")] = None,
    lang: EachFileLangOption = None,
    force: Annotated[bool, typer.Option("--force", help="Export even when the files have error findings.")] = False,
    per_person: Annotated[str | None, typer.Option(
        "--per-person", metavar="DIR", help="Also write DIR/<person>.ics: each person's own calendar.")] = None,
    document: Annotated[Document, typer.Option(
        "--document", help="programme, script (the MC's), nameplates or booklet.")] = Document.programme,
) -> None:
    """Write a calendar (.ics) or a document (.md, .html, .csv, .json, .pdf), or one calendar per person."""
    from agenda.loading.analysis import analyze
    from agenda.export.formats import export_bytes, format_for
    from agenda.messages import catalogue
    from agenda.export.output_files import write_output
    from agenda.core.status import status_for_findings, worst

    if output is None and per_person is None:
        raise UsageError("output-missing")
    if per_person is not None and len(files) != 1:
        raise UsageError("per-person-one-file")
    chosen = format_for(output, format.value if format else None) if output is not None else None
    if document is not Document.programme:
        from agenda.export.documents import document_format

        chosen = document_format(document.value, chosen, output, format is not None, len(files))
    if chosen != "ics" and (segments or alarm):
        raise UsageError("calendar-only-options")
    reminder = _alarm(alarm) if alarm else None
    now = _calendar_now()  # DTSTAMP of calendars, and the date a PDF is stamped with
    analyses = [analyze(file, language_asked(lang)) for file in files]
    statuses = []
    for analysis in analyses:
        print_findings(analysis.findings, reader_language(lang, analysis.language))
        statuses.append(status_for_findings(analysis.findings))
    first_language = reader_language(lang, analyses[0].language)
    plans = [a.plan for a in analyses if a.plan is not None]
    if len(plans) < len(analyses):
        note(catalogue(first_language).nothing_written_unplanned())
        raise typer.Exit(max(worst(statuses), ExitStatus.INVALID))
    if worst(statuses) and not force:
        note(catalogue(first_language).nothing_written())
        raise typer.Exit(max(worst(statuses), ExitStatus.INVALID))
    if chosen == "ics":
        from agenda.checks.duplicate_uid import check_export

        documents = {a.file: a.document for a in analyses if a.document is not None}
        named_plans = [(a.file, the_plan) for a, the_plan in zip(analyses, plans)]
        clashes = [documents[f.location.file or ""].locate(f) for f in check_export(named_plans, segments)]
        if clashes:
            print_findings(clashes, first_language)
            note(catalogue(first_language).uids_clash())
            raise typer.Exit(ExitStatus.INVALID)
    if per_person is not None:
        from agenda.export.person_files import write_person_calendars

        written = write_person_calendars(plans[0].read_in(language_asked(lang)), per_person, now)
        note(catalogue(first_language).wrote_calendars(len(written), per_person))
    if output is None or chosen is None:
        return
    if document is not Document.programme:
        from agenda.export.documents import document_bytes

        data = document_bytes(document.value, chosen, plans[0], analyses[0].file, now, language_asked(lang))
    else:
        data = export_bytes(chosen, plans, segments=segments, alarm=reminder, now=now, language=language_asked(lang))
    write_output(output, data)
    if chosen == "ics" and segments:
        from agenda.export.ics import segments_without_start
        from agenda.messages.labels import labels_for

        for analysis, the_plan in zip(analyses, plans):
            for seg in segments_without_start(the_plan):
                language = reader_language(lang, analysis.language)
                name = labels_for(language).title(seg.title, seg.kind)
                note(catalogue(language).not_in_calendar(analysis.file, name))
    if output != "-":
        note(catalogue(first_language).wrote(output))


def schema() -> None:
    """Print the JSON Schema of the forum file (for editors and CI)."""
    from agenda.loading.schema import forum_schema
    from agenda.render.inert import json_text

    sys.stdout.write(json_text(forum_schema(), sort_keys=True) + "\n")
