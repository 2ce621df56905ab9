"""The desk's token: who may append marks through the server.

It is random (144 bits), kept beside the log so that a restarted server
keeps it and open pages go on working, readable by its owner only, and
compared in constant time.
"""

import hmac
import os
import re
import secrets
from pathlib import Path

_TOKEN = re.compile(r"[A-Za-z0-9_-]{22,}")


def token_path(log: Path) -> Path:
    """`forum.actuals.jsonl` -> `forum.actuals.token`; never the log itself (a log named `x.token`)."""
    path = log.with_suffix(".token")
    return path if path != log else log.with_name(log.name + ".token")


def load_or_create(path: Path, renew: bool = False) -> str:
    """The token kept at `path`, or a new one written there (owner-only) when there is none or `renew`."""
    if not renew:
        try:
            kept = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            kept = ""
        if _TOKEN.fullmatch(kept):
            os.chmod(path, 0o600)  # readable by its owner only, whatever it was left with
            return kept
    token = secrets.token_urlsafe(18)  # 144 random bits, 24 URL-safe characters
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(descriptor, token.encode("ascii") + b"\n")
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, path)
    return token


def authorized(header: str | None, token: str) -> bool:
    """`Authorization: Bearer TOKEN`, compared in constant time."""
    if not header:
        return False
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode("utf-8", "replace"), token.encode("ascii"))
