"""The time zone this machine runs in, for `agenda init` to start from instead of a silent UTC.

Read the way the C library does, without a dependency: the TZ variable,
then the /etc/localtime link (its target names the zone), then Debian's
/etc/timezone. Only a name that is an IANA zone counts; anything else
(a POSIX rule such as `KST-9`, a copied file) is unknown.
"""

import os
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC_NAMES = frozenset({
    "UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "Greenwich", "Universal", "Zulu",
    "Etc/UTC", "Etc/UCT", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Etc/Greenwich",
    "Etc/Universal", "Etc/Zulu",
})
"""Names for UTC itself: a machine set to one of them says nothing about where a forum is."""


def _zone_name(text: str) -> str | None:
    """The IANA name in a TZ value or a zoneinfo path, if it is one."""
    text = text.strip().lstrip(":")
    if "zoneinfo/" in text:
        text = text.split("zoneinfo/", 1)[1]
    if not text or text.startswith("/") or ".." in text:
        return None
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return text


def machine_zone(environ: Mapping[str, str] = os.environ, localtime: Path = Path("/etc/localtime"),
                 timezone_file: Path = Path("/etc/timezone")) -> str | None:
    """The machine's IANA zone name, or None when it cannot be told."""
    if environ.get("TZ"):
        return _zone_name(environ["TZ"])
    if localtime.is_symlink():
        name = _zone_name(os.readlink(localtime))
        if name:
            return name
    try:
        first = timezone_file.read_text(encoding="utf-8").splitlines()[0]
    except (OSError, UnicodeDecodeError, IndexError):
        return None
    return _zone_name(first)


def is_utc(name: str) -> bool:
    return name in UTC_NAMES


def zone_for_new_file(language: str, environ: Mapping[str, str] = os.environ) -> tuple[str, str]:
    """(zone, why) for `agenda init` without --timezone; `why` picks the note that says so.

    A Korean file starts in Asia/Seoul (`template`); an English one in this
    machine's zone (`machine`), else UTC, with a note that it is the
    machine's setting (`utc`) or a guess (`unknown`).
    """
    if language == "ko":
        return "Asia/Seoul", "template"
    found = machine_zone(environ)
    if found is None:
        return "UTC", "unknown"
    if is_utc(found):
        return "UTC", "utc"
    return found, "machine"
