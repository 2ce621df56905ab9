"""`agenda import`: a conference's schedule.json or schedule.xml (pretalx, frab) as a forum file."""

from pathlib import Path
from typing import Annotated

import typer

from agenda.cli.feedback import NewFileLangOption, language_asked, note, print_findings, reader_language
from agenda.core.errors import UsageError


def import_schedule(
    schedule: Annotated[str, typer.Argument(metavar="SCHEDULE", help="A schedule.json or schedule.xml.")],
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FORUM.yaml", help="Where to write the forum file.")],
    lang: NewFileLangOption = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Read a conference schedule (schedule.json or .xml) into a forum file: days, rooms, parallel blocks."""
    from agenda.export.output_files import write_output
    from agenda.loading.analysis import analyze
    from agenda.loading.conference_schedule import read_schedule
    from agenda.loading.schedule_import import to_forum_file
    from agenda.messages import catalogue
    from agenda.new_file.forum_yaml import forum_yaml

    language = reader_language(lang)
    if output != "-" and Path(output).exists() and not force:
        raise UsageError("file-exists", file=output)
    imported = to_forum_file(read_schedule(schedule), schedule)
    if lang is not None:
        imported.forum_file["forum"]["language"] = language_asked(lang)
    text = forum_yaml(imported.forum_file, f"agenda import {Path(schedule).name}")
    write_output(output, text.encode("utf-8"))
    words = catalogue(language)
    if imported.zone_note is not None:
        zone = imported.zone_note
        note(words.import_zone(schedule, zone.said, zone.offsets, zone.chosen))
    if imported.left_behind:
        note(words.import_left_behind(schedule, tuple(imported.left_behind)))
    if output != "-":
        analysis = analyze(output, language_asked(lang))
        print_findings(analysis.findings, reader_language(lang, analysis.language))
        note(words.wrote_new_file(output))
