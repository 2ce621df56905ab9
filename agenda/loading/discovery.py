"""From command-line arguments to forum files: files as given, folders searched recursively."""

import os
from dataclasses import dataclass, field
from pathlib import Path

from agenda.loading import FORUM_SUFFIXES


@dataclass
class Discovery:
    files: list[tuple[str, bool]] = field(default_factory=list)
    """(path, found_in_a_folder) for each file to look at, in a stable order."""
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    """(folder, why) for each folder that could not be searched: its files went unchecked."""


def discover(arguments: list[str]) -> Discovery:
    """The files to check, and the folders that could not be searched.

    Hidden folders and files (.git, .github, .venv) are skipped: they hold
    configuration, never programmes. A folder that cannot be listed is
    reported, never passed over in silence: CI must not call a folder
    valid whose files it never read. Symbolic links to folders are
    followed, each real folder once (so a link back up cannot loop).
    """
    found = Discovery()
    for argument in arguments:
        root = Path(argument)
        if not root.is_dir():
            found.files.append((argument, False))
            continue

        def unreadable(error: OSError) -> None:
            found.unreadable.append((error.filename or argument, error.strerror or str(error)))

        paths: list[str] = []
        visited = {os.path.realpath(root)}
        for folder, folders, files in os.walk(str(root), onerror=unreadable, followlinks=True):
            folders[:] = [name for name in sorted(folders) if not name.startswith(".")
                          and _first_visit(os.path.join(folder, name), visited)]
            paths.extend(os.path.join(folder, name) for name in files
                         if not name.startswith(".") and os.path.splitext(name)[1].lower() in FORUM_SUFFIXES)
        # Ordered as paths are (part by part), with plain strings: a folder of a thousand files is listed
        # in a couple of milliseconds instead of ten. Every name that looks like a forum file is kept, a
        # dangling link, a FIFO or a device too: reading refuses it as unreadable (without opening a FIFO
        # for long), so a run never calls a folder valid that holds a forum file it could not read.
        found.files.extend((path, True) for path in sorted(paths, key=_parts))
    return found


def _parts(path: str) -> list[str]:
    return [part for part in path.split(os.sep) if part and part != "."]


def _first_visit(folder: str, visited: set[str]) -> bool:
    real = os.path.realpath(folder)
    if real in visited:
        return False
    visited.add(real)
    return True
