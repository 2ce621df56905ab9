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
from agenda.export.formats import Shown, chosen_format, default_format, format_choices, format_help
from agenda.core.status import ExitStatus



class Document(str, Enum):
    programme = "programme"
    script = "script"
    nameplates = "nameplates"
    booklet = "booklet"


PlanFormat = Enum("PlanFormat", format_choices("plan"), type=str)  # type: ignore[misc]
ExportFormat = Enum("ExportFormat", format_choices("export"), type=str)  # type: ignore[misc]
"""Both from agenda.export.formats.FORMATS, aliases included (`md` for export's markdown)."""


def plan(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A forum file (.yaml, .yml, .json, .toml).")],
    format: Annotated[PlanFormat, typer.Option(
        "--format", "-f", help=f"{format_help('plan')}.")] = PlanFormat(default_format("plan")),
    lang: FileLangOption = None,
    timeline: Annotated[bool, typer.Option("--timeline", help="Draw the window to scale under the table.")] = False,
) -> None:
    """Print the timetable: times, minutes, segments with their items, people and notes."""
    from agenda.loading.analysis import analyze
    from agenda.core.status import status_for_findings

    analysis = analyze(file, language_asked(lang))
    language = reader_language(lang, analysis.language)
    the_plan = plan_or_exit(analysis, lang)
    chosen = chosen_format("plan", format.value)
    if chosen.shown is Shown.DRAWING:
        console = stdout_console()
        console.print(chosen.writer()(the_plan, language))
        if timeline:
            from agenda.render.timeline import timeline_bar

            console.print(timeline_bar(the_plan, console.width, language))
    else:
        sys.stdout.write(chosen.writer()(the_plan, language))
    if timeline and chosen.shown is not Shown.DRAWING:
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
    format: Annotated[ExportFormat | None, typer.Option("--format", "-f", help=f"{format_help('export')}.")] = None,
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
    """Write a calendar (.ics), a document (.md, .html, .csv, .json, .pdf), a conference app's schedule (.xml),
    or one calendar per person."""
    from agenda.loading.analysis import analyze
    from agenda.export.formats import export_bytes, format_for
    from agenda.messages import catalogue
    from agenda.export.output_files import write_output
    from agenda.core.status import status_for_findings, worst

    if output is None and per_person is None:
        raise UsageError("output-missing")
    if per_person is not None and len(files) != 1:
        raise UsageError("per-person-one-file")
    name = format_for(output, format.value if format else None) if output is not None else None
    if document is not Document.programme:
        from agenda.export.documents import document_format

        name = document_format(document.value, name, output, format is not None, len(files))
    chosen = chosen_format("export", name) if name is not None else None
    if (segments and (chosen is None or not chosen.calendar)) or (alarm and chosen is not None and not chosen.calendar):
        raise UsageError("calendar-only-options")  # --alarm alone with --per-person is for those calendars
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
    schedule = chosen is not None and chosen.name.startswith("schedule-")
    if chosen is not None and (chosen.calendar or schedule):
        from agenda.checks.duplicate_uid import check_export

        documents = {a.file: a.document for a in analyses if a.document is not None}
        named_plans = [(a.file, the_plan) for a, the_plan in zip(analyses, plans)]
        clashes = [documents[f.location.file or ""].locate(f)
                   for f in check_export(named_plans, segments or schedule)]
        if clashes:
            print_findings(clashes, first_language)
            note(catalogue(first_language).uids_clash())
            raise typer.Exit(ExitStatus.INVALID)
    if per_person is not None:
        from agenda.export.person_files import write_person_calendars

        written = write_person_calendars(plans[0].read_in(language_asked(lang)), per_person, now, reminder)
        note(catalogue(first_language).wrote_calendars(len(written), per_person))
    if output is None or chosen is None:
        return
    if document is not Document.programme:
        from agenda.export.documents import document_bytes

        data = document_bytes(document.value, chosen.name, plans[0], analyses[0].file, now, language_asked(lang))
    else:
        data = export_bytes(chosen.name, plans, segments=segments, alarm=reminder, now=now, language=language_asked(lang))
    write_output(output, data)
    if chosen.calendar and segments:
        from agenda.export.ics import segments_without_start
        from agenda.messages.labels import labels_for

        for analysis, the_plan in zip(analyses, plans):
            for seg in segments_without_start(the_plan):
                language = reader_language(lang, analysis.language)
                name = labels_for(language).title(seg.title, seg.kind)
                note(catalogue(language).not_in_calendar(analysis.file, name))
    if schedule:
        from agenda.export.conference_schedule import left_out

        missing = left_out(plans)
        if missing:
            note(catalogue(first_language).left_out_of_schedule(
                missing.cancelled, missing.without_start, missing.too_long))
    if output != "-":
        note(catalogue(first_language).wrote(output))


def schema() -> None:
    """Print the JSON Schema of the forum file (for editors and CI)."""
    from agenda.loading.schema import forum_schema
    from agenda.render.inert import json_text

    sys.stdout.write(json_text(forum_schema(), sort_keys=True) + "\n")
