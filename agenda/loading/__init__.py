"""Files in, model and findings out: a forum file read (YAML 1.2, JSON, TOML) keeping where each value came from.

This module reads and decodes; analysis turns one file into its plan and
findings (what every command calls), validation runs over files and
folders (discovery finds them), schema is the file's JSON Schema.
"""

from dataclasses import dataclass, field

from agenda.core.errors import Unreadable
from agenda.core.findings import INVALID_FIELD, Finding, Location, Path, Severity
from agenda.loading.sourcemap import SourceMap

MAX_FILE_BYTES = 1024 * 1024
FORUM_SUFFIXES = (".yaml", ".yml", ".json", ".toml")


@dataclass
class Document:
    """A parsed file: plain data, positions, and the findings the parser itself made."""

    file: str
    data: object
    positions: SourceMap
    findings: list[Finding] = field(default_factory=list)

    def locate(self, finding: Finding) -> Finding:
        if finding.location.line is not None:
            return finding.at(file=self.file)
        line, column = self.positions.position(finding.location.path, key=finding.location.key)
        return finding.at(file=self.file, line=line, column=column)


def read_text(file: str) -> str:
    """The file's text: its bytes (see read_bytes), decoded as UTF-8."""
    return decode(read_bytes(file), file)


def read_bytes(file: str) -> bytes:
    """The file's bytes, refusing folders, devices and FIFOs, and reading at most the cap.

    `stat` sizes cannot be trusted (`/dev/zero` says 0, a file may grow while
    read), so the cap counts the bytes actually read. The file is opened
    non-blocking so that a FIFO is refused instead of waiting for a writer.
    """
    import os
    import stat

    try:
        descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if os.path.islink(file):  # found in a folder by its name, but pointing nowhere
            raise Unreadable(file, "dangling-link", target=_link_target(file)) from None
        raise Unreadable(file, "missing") from None
    except PermissionError:
        raise Unreadable(file, "permission") from None
    except IsADirectoryError:
        raise Unreadable(file, "folder") from None
    except OSError as error:
        raise Unreadable(file, "os-error", detail=error.strerror or str(error)) from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise Unreadable(file, "folder")
        if not stat.S_ISREG(status.st_mode):
            raise Unreadable(file, "not-regular")
        raw = _read_capped(descriptor, status.st_size)
    except OSError as error:
        raise Unreadable(file, "os-error", detail=error.strerror or str(error)) from None
    finally:
        os.close(descriptor)
    if len(raw) > MAX_FILE_BYTES:
        raise Unreadable(file, "too-big", limit=MAX_FILE_BYTES)
    return raw


def _link_target(file: str) -> str:
    import os

    try:
        return os.readlink(file)
    except OSError:
        return "?"


def _read_capped(descriptor: int, size_hint: int) -> bytes:
    """Up to MAX_FILE_BYTES + 1 bytes, in reads sized by `stat` (a hint only): one read for a file as it says."""
    import os

    chunks: list[bytes] = []
    total = 0
    while total <= MAX_FILE_BYTES:
        chunk = os.read(descriptor, min(max(size_hint + 1, 65536), MAX_FILE_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def decode(raw: bytes, file: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise Unreadable(file, "not-utf8", line, column, byte=raw[error.start]) from None
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        raise Unreadable(file, "nul-byte", line, column)
    return text


def file_suffix(file: str) -> str:
    """`Path(file).suffix.lower()`, read off the string: no Path built for each of a folder's files.

    As for a Path, a name that only starts with a dot (`.toml`) has no suffix.
    """
    import os.path

    name = os.path.basename(file.rstrip(os.sep))
    dot = name.rfind(".")
    return name[dot:].lower() if 0 < dot < len(name) - 1 else ""


def parse_text(text: str, file: str) -> Document:
    suffix = file_suffix(file)
    if suffix == ".json":
        from agenda.loading.json_source import load_json

        data, positions = load_json(text, file)
        return Document(file, data, positions)
    if suffix == ".toml":
        from agenda.loading.toml_source import load_toml

        data, positions = load_toml(text, file)
        return Document(file, data, positions)
    from agenda.loading.yaml12 import load_yaml

    data, positions, duplicates = load_yaml(text, file)
    document = Document(file, data, positions)
    document.findings = [
        Finding(INVALID_FIELD, Severity.ERROR, "duplicate-key", {"key": str(path[-1])},
                Location(path=path, line=line, column=column))
        for path, line, column in duplicates
    ]
    return document


def read_document(file: str) -> Document:
    return parse_text(read_text(file), file)
