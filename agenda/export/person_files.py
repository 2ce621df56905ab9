"""Writing one file per person into a folder: their calendar, or their notice.

File names are the person's key (a people id, or a slug of an inline
person's name); a key that is not safe as a file name is slugged again, so
nothing is ever written outside the folder.
"""

import re
from datetime import datetime
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


def write_person_calendars(plan: Plan, folder: str, now: datetime) -> list[Path]:
    """DIR/<person>.ics for everyone who takes part; each written whole or not at all."""
    from agenda.export.person_ics import person_calendar
    from agenda.messages.labels import labels_for
    from agenda.core.parts import people_parts

    labels = labels_for(plan.language)
    path = output_folder(folder)
    written = []
    for person in people_parts(plan, lambda seg: labels.title(seg.title, seg.kind)):
        target = path / f"{file_stem(person.key)}.ics"
        write_output(str(target), person_calendar(plan, person, now).to_ical())
        written.append(target)
    return written
