"""`--document`: which paper is printed (the programme, the MC's script, name plates, the booklet), and in
which containers each exists.

The programme is every format of agenda.export.formats; the other papers are
made for one forum and exist in the containers listed here, so a paper asked
in a container it does not have is said plainly (exit 2) before any work.
"""

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from agenda.core.errors import UsageError
from agenda.export.ics import stamp

if TYPE_CHECKING:
    from agenda.core.planner import Plan

DOCUMENTS: dict[str, tuple[str, ...]] = {
    "programme": (),  # every format
    "script": ("html", "markdown", "pdf"),
    "nameplates": ("pdf", "html"),
    "booklet": ("pdf",),
}


def document_format(document: str, fmt: str | None, output: str | None, explicit: bool, files: int) -> str | None:
    """The container: `fmt` as the suffix or --format chose it (`-o -` alone: the first the paper has,
    Markdown for the script); a paper in a container it does not have, or for several forums, is refused."""
    allowed = DOCUMENTS[document]
    if not allowed:
        return fmt
    if output == "-" and not explicit:
        fmt = "markdown" if "markdown" in allowed else allowed[0]
    if fmt is not None and fmt not in allowed:
        raise UsageError("document-format", document=document, format=fmt, choices=allowed)
    if files != 1:
        raise UsageError("document-one-file", document=document)
    return fmt


def document_bytes(document: str, fmt: str, plan: "Plan", forum_file: str, now: datetime,
                   language: str | None) -> bytes:
    """The paper's bytes; `forum_file` is where `forum.materials` paths start from."""
    when = stamp(plan, now)
    if document == "script":
        if fmt == "markdown":
            from agenda.render.script_markdown import script_markdown

            return script_markdown(plan, language).encode("utf-8")
        from agenda.export.script_page import script_html, script_pdf

        return script_pdf(plan, when, language) if fmt == "pdf" else script_html(plan, language).encode("utf-8")
    if document == "nameplates":
        from agenda.export.nameplates import nameplates_html, nameplates_pdf

        return nameplates_pdf(plan, when, language) if fmt == "pdf" else \
            nameplates_html(plan, language).encode("utf-8")
    from agenda.export.booklet import booklet_pdf

    return booklet_pdf(plan, Path(forum_file).parent, when, language)
