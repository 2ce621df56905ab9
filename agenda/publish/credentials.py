"""Who logs in to the CalDAV server, and with which password: never from an option, never shown.

The password comes from AGENDA_CALDAV_PASSWORD, else from the `machine`
entry of ~/.netrc for the server's host (the stdlib `netrc` reader, as curl
and requests read it). A password in the URL is refused, because a URL ends
up in shell history and in messages.
"""

import netrc
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from agenda.core.errors import UsageError

PASSWORD_VARIABLE = "AGENDA_CALDAV_PASSWORD"


@dataclass(frozen=True)
class Login:
    user: str | None
    password: str | None

    def __repr__(self) -> str:  # a traceback under AGENDA_DEBUG must not show it either
        return f"Login(user={self.user!r}, password={'***' if self.password else None})"


def _netrc_entry(host: str) -> tuple[str, str] | None:
    try:
        entry = netrc.netrc().authenticators(host)
    except FileNotFoundError:
        return None
    except netrc.NetrcParseError as error:  # its text may quote a token of the file: say only where
        raise UsageError("netrc-unreadable", line=error.lineno or 0, variable=PASSWORD_VARIABLE) from None
    except OSError:
        return None
    if entry is None:
        return None
    login, _account, password = entry
    return login, password


def login_for(url: str, user: str | None) -> Login:
    parts = urlsplit(url)
    if parts.password is not None:
        raise UsageError("password-in-url", variable=PASSWORD_VARIABLE)
    user = user or parts.username
    password = os.environ.get(PASSWORD_VARIABLE) or None
    if password is None and parts.hostname:
        entry = _netrc_entry(parts.hostname)
        if entry is not None and (user is None or entry[0] == user):
            user, password = entry[0] or user, entry[1]
    if password is not None and not user:
        raise UsageError("password-without-user")
    return Login(user, password)
