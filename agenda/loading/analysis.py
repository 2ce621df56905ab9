"""The library's front door: a forum file in, its plan and its findings out.

`analyze` is what every command calls. A file that cannot be read at all
gives one fatal `unreadable` finding (exit 2); everything else, wrong values
included, is an ordinary finding (exit 1 when any is an error).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path as FsPath

from pydantic import ValidationError

from agenda.core.errors import Unreadable
from agenda.core.findings import INVALID_FIELD, Finding, Location, Severity
from agenda.loading import Document, parse_text, read_document
from agenda.core.model import ForumFile
from agenda.core.planner import Plan, plan

LANGUAGES = ("ko", "en")


@dataclass
class Analysis:
    file: str
    forum_file: ForumFile | None
    plan: Plan | None
    findings: list[Finding]
    document: Document | None = None  # to place findings made later, across files, at their line
    language: str | None = None
    """The language asked for, else the file's `language` when it can be told; None when neither."""

    @property
    def valid(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)


def analyze(file: str, language: str | None = None, *, ignore: Iterable[str] = ()) -> Analysis:
    try:
        document = read_document(file)
    except Unreadable as error:
        return Analysis(file, None, None, [error.finding], language=language)
    return analyze_document(document, language, ignore=ignore)


def analyze_text(text: str, file: str, language: str | None = None, *, ignore: Iterable[str] = ()) -> Analysis:
    try:
        document = parse_text(text, file)
    except Unreadable as error:
        return Analysis(file, None, None, [error.finding], language=language)
    return analyze_document(document, language, ignore=ignore)


def analyze_document(document: Document, language: str | None = None, *, ignore: Iterable[str] = ()) -> Analysis:
    from agenda.checks.registry import run_checks

    forum_file, findings = parse_forum(document)
    the_plan = None
    if forum_file is not None:
        fallback = "" if forum_file.forum.id else id_from_file_name(document.file)  # only needed without an id
        the_plan = plan(forum_file, fallback_id=fallback)
        findings += run_checks(the_plan, ignore)
    located = [document.locate(f) for f in findings]
    if len(located) > 1:  # most files have none or one, and a sort key costs a repr of the arguments
        located.sort(key=lambda f: f.sort_key)
    return Analysis(document.file, forum_file, the_plan, located, document,
                    language or file_language(document.data))


def file_language(data: object) -> str | None:
    """`forum.language` when the file says it plainly, even if something else in the file is wrong."""
    forum = data.get("forum") if isinstance(data, dict) else None
    language = forum.get("language", "ko") if isinstance(forum, dict) else None
    return language if language in LANGUAGES else None


def is_forum_data(data: object) -> bool:
    """A forum file is a mapping with a `forum` key; anything else is some other file."""
    return isinstance(data, dict) and "forum" in data


def parse_forum(document: Document) -> tuple[ForumFile | None, list[Finding]]:
    findings = list(document.findings)
    data = document.data
    if not is_forum_data(data):
        found = "list" if isinstance(data, list) else "no-forum-key" if isinstance(data, dict) else "text"
        findings.append(Finding(INVALID_FIELD, Severity.ERROR, "not-a-forum", {"found": found}, Location()))
        return None, findings
    try:
        forum_file = ForumFile.model_validate(data)
    except ValidationError as error:
        from agenda.loading.schema_errors import findings_from  # only for a file the model refuses

        return None, findings + findings_from(error, data)
    return (None if findings else forum_file), findings


def id_from_file_name(file: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", FsPath(file).stem.lower()).strip("-._")
    return slug or "forum"
