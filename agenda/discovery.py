"""From command-line arguments to forum files: files as given, folders searched recursively."""

from pathlib import Path

from agenda.loading import FORUM_SUFFIXES


def discover(arguments: list[str]) -> list[tuple[str, bool]]:
    """(path, found_in_a_folder) for each file to look at, in a stable order.

    Hidden folders and files (.git, .github, .venv) are skipped: they hold
    configuration, never programmes.
    """
    found: list[tuple[str, bool]] = []
    for argument in arguments:
        root = Path(argument)
        if not root.is_dir():
            found.append((argument, False))
            continue
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root).parts
            if any(part.startswith(".") for part in relative):
                continue
            if path.is_file() and path.suffix.lower() in FORUM_SUFFIXES:
                found.append((str(path), True))
    return found
