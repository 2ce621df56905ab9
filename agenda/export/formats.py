"""Which exporter an output name or --format picks, and the one call that runs it."""

from pathlib import Path

from agenda.errors import UsageError

SUFFIXES = {".ics": "ics", ".ical": "ics", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
            ".csv": "csv", ".json": "json", ".pdf": "pdf"}


def format_for(output: str, explicit: str | None) -> str:
    if explicit:
        return "md" if explicit == "markdown" else explicit
    if output == "-":
        return "ics"
    suffix = Path(output).suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(f"{output}: cannot tell the format from {suffix or 'no suffix'}; "
                         f"use .ics, .md, .html, .csv, .json or .pdf, or --format")
    return SUFFIXES[suffix]


def export_bytes(fmt: str, plans, *, segments: bool = False, alarm: str | None = None) -> bytes:
    if fmt == "ics":
        from agenda.export.ics import calendar_bytes

        return calendar_bytes(plans, segments=segments, alarm=alarm)
    if alarm or segments:
        raise UsageError("--segments and --alarm are for calendars (.ics)")
    if fmt == "json":
        from agenda.render.plan_json import plans_json

        return plans_json(plans).encode("utf-8")
    if fmt == "md":
        from agenda.render.plan_markdown import plan_markdown

        return "\n".join(plan_markdown(p) for p in plans).encode("utf-8")
    if fmt == "csv":
        from agenda.export.csv_table import csv_bytes

        return csv_bytes(plans)
    if fmt == "html":
        from agenda.export.html_page import html_bytes

        return html_bytes(plans)
    if fmt == "pdf":
        from agenda.export.pdf import pdf_bytes

        return pdf_bytes(plans)
    raise UsageError(f"unknown format {fmt!r}")
