"""Writing one file per person into a folder: their calendar, or their notice.

File names are the person's key (a people id, or a slug of an inline
person's name); a key that is not safe as a file name is slugged again, so
nothing is ever written outside the folder.
"""

import re
from datetime import datetime, timedelta
from pathlib import Path

from agenda.core.errors import UsageError
from agenda.export.output_files import write_output
from agenda.core.parts import name_slug
from agenda.core.planner import Plan


def file_stem(person_key: str) -> str:
    return person_key if re.fullmatch(r"\w[\w.-]*", person_key) else name_slug(person_key)


def output_folder(folder: str) -> Path:
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise UsageError("folder-is-file", folder=folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError("folder-uncreatable", folder=folder, error=error.strerror or str(error)) from None
    return path


NAME_MAX = 255
"""Bytes in one file name on nearly every file system (ext4, btrfs, XFS, APFS; NTFS counts 255 UTF-16 units)."""
_TEMPORARY = len(".") + len(".") + 8 + len(".tmp")
"""What the temporary file beside it (`.NAME.XXXXXXXX.tmp`, agenda.export.output_files) adds to a name."""


def check_file_names(keys: list[str], suffix: str, folder: str) -> None:
    """Every person's file name fits the file system, checked before the first file is written: a folder
    of half the people's files, then an error, would look finished to whoever opens it."""
    longest = NAME_MAX - _TEMPORARY - len(suffix.encode("utf-8"))
    for key in keys:
        size = len(file_stem(key).encode("utf-8"))
        if size > longest:
            raise UsageError("person-file-name-too-long", id=key, folder=folder, size=size, limit=longest,
                             suffix=suffix)


def write_person_calendars(plan: Plan, folder: str, now: datetime, alarm: timedelta | None = None) -> list[Path]:
    """DIR/<person>.ics for everyone who takes part; each written whole or not at all, and none written
    unless every name fits."""
    from agenda.export.person_ics import person_calendar
    from agenda.messages.labels import labels_for
    from agenda.core.parts import people_parts

    labels = labels_for(plan.language)
    people = people_parts(plan, lambda seg: labels.title(seg.title, seg.kind))
    check_file_names([person.key for person in people], ".ics", folder)
    path = output_folder(folder)
    written = []
    for person in people:
        target = path / f"{file_stem(person.key)}.ics"
        write_output(str(target), person_calendar(plan, person, now, alarm=alarm).to_ical())
        written.append(target)
    return written
