"""The library's front door: a forum file in, its plan and its findings out.

`analyze` is what every command calls. It raises `InputError` when the file
cannot be read at all (exit 2); everything else, wrong values included, is
a finding (exit 1 when any is an error).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path as FsPath

from pydantic import ValidationError

from agenda.findings import INVALID_FIELD, Finding, Location, Severity
from agenda.loading import Document, parse_text, read_document
from agenda.loading.schema_errors import findings_from
from agenda.model import ForumFile
from agenda.planner import Plan, plan


@dataclass
class Analysis:
    file: str
    forum_file: ForumFile | None
    plan: Plan | None
    findings: list[Finding]

    @property
    def valid(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)


def analyze(file: str, *, ignore: Iterable[str] = ()) -> Analysis:
    return analyze_document(read_document(file), ignore=ignore)


def analyze_text(text: str, file: str, *, ignore: Iterable[str] = ()) -> Analysis:
    return analyze_document(parse_text(text, file), ignore=ignore)


def analyze_document(document: Document, *, ignore: Iterable[str] = ()) -> Analysis:
    from agenda.checks.registry import run_checks

    forum_file, findings = parse_forum(document)
    the_plan = None
    if forum_file is not None:
        the_plan = plan(forum_file, fallback_id=id_from_file_name(document.file))
        findings += run_checks(the_plan, ignore)
    located = sorted((document.locate(f) for f in findings), key=lambda f: f.sort_key)
    return Analysis(document.file, forum_file, the_plan, located)


def is_forum_data(data: object) -> bool:
    """A forum file is a mapping with a `forum` key; anything else is some other file."""
    return isinstance(data, dict) and "forum" in data


def parse_forum(document: Document) -> tuple[ForumFile | None, list[Finding]]:
    findings = list(document.findings)
    data = document.data
    if not is_forum_data(data):
        found = "a list" if isinstance(data, list) else "no `forum` key" if isinstance(data, dict) else "plain text"
        findings.append(Finding(INVALID_FIELD, Severity.ERROR,
                                f"this is not a forum file ({found}); it needs forum, program and, "
                                f"optionally, people and rules", Location()))
        return None, findings
    try:
        forum_file = ForumFile.model_validate(data)
    except ValidationError as error:
        return None, findings + findings_from(error, data)
    return (None if findings else forum_file), findings


def id_from_file_name(file: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", FsPath(file).stem.lower()).strip("-._")
    return slug or "forum"
