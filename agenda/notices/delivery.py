"""Sending drafted notices over SMTP, once each, with the password never in the clear.

The drafts go out byte for byte as written but for the Date, which becomes
the time each is sent, so what the organizer read is what people receive
and mail clients sort it by when it came. Each accepted message's Message-ID is appended to a
log in the drafts' folder (flushed and fsynced) before the next is sent, so
a run cut short by the server is finished by running it again, without
sending anything twice. One run at a time holds the folder (a second is
refused). A message handed over whole whose answer never came is logged as
unconfirmed: it may have arrived, so it is not sent again unless asked.

The server's certificate is checked against the system's trust store, plus
the file named by AGENDA_SMTP_CAFILE if set (for a relay with its own
certificate authority; OpenSSL's SSL_CERT_FILE works too).
"""

import fcntl
import os
import re
import smtplib
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from agenda.core.errors import UsageError
from agenda.notices.headers import with_date

SENT_LOG = "sent.log"
UNCONFIRMED = "unconfirmed"
"""The first word of a log line for a message that may or may not have arrived."""
DEFAULT_PORTS = {"smtp": 25, "smtps": 465}


class DeliveryError(Exception):
    """The server could not be reached, or refused; carries what it said and what went out before.

    No sentence: `where` (host:port, a draft → its recipient, or the log's path), a `cause`
    (one of CAUSES) and its `detail` (the server's own answer or the system's error text,
    shown as they are); the command words them in the reader's language.
    """

    def __init__(self, where: str, cause: str, detail: str = "", sent: list["Outgoing"] | None = None,
                 unconfirmed: "Outgoing | None" = None):
        super().__init__(f"{where}: {cause}: {detail}" if detail else f"{where}: {cause}")
        self.where, self.cause, self.detail = where, cause, detail
        self.sent = sent or []
        self.unconfirmed = unconfirmed  # handed over whole, then no answer: it may have arrived


CAUSES = ("refused", "timeout", "unknown-host", "disconnected", "answered", "certificate", "system")
"""Why a delivery failed: the connection was refused, timed out, the host is unknown, the server hung up,
the server answered no (`detail` is its answer), its certificate was not trusted, or the system said
`detail` (an OSError's text, or smtplib's for anything else)."""


@dataclass(frozen=True)
class Server:
    scheme: str
    host: str
    port: int


@dataclass(frozen=True)
class Outgoing:
    message_id: str
    recipient: str
    data: bytes
    label: str  # the draft's file name, for messages to the user


def parse_server(url: str) -> Server:
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path not in ("", "/"):
        raise UsageError("smtp-address", value=url)
    if parts.username or parts.password:
        raise UsageError("smtp-login-in-address")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        raise UsageError("smtp-port", value=url) from None
    return Server(parts.scheme, parts.hostname, port)


def credentials() -> tuple[str, str] | None:
    user, password = os.environ.get("AGENDA_SMTP_USER"), os.environ.get("AGENDA_SMTP_PASSWORD")
    if bool(user) != bool(password):
        raise UsageError("smtp-half-login")
    return (user, password) if user and password else None


def tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    cafile = os.environ.get("AGENDA_SMTP_CAFILE")
    if cafile:
        try:
            context.load_verify_locations(cafile=cafile)
        except (OSError, ssl.SSLError) as error:
            raise UsageError("smtp-cafile", path=cafile, error=str(error)) from None
    return context


@dataclass(frozen=True)
class SentLog:
    sent: frozenset[str]  # Message-IDs the server accepted
    unconfirmed: frozenset[str]  # handed over whole, then the connection was lost before the answer


def read_sent_log(folder: Path) -> SentLog:
    """The log's lines: `<id> recipient file` for a message accepted, `unconfirmed <id> recipient file` otherwise."""
    path = folder / SENT_LOG
    sent: set[str] = set()
    unconfirmed: set[str] = set()
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        text = ""
    except OSError as error:
        raise UsageError("sent-log-unreadable", path=str(path), error=error.strerror or str(error)) from None
    if text:
        for line in text.splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] == UNCONFIRMED:
                unconfirmed.add(words[1])
            elif words:
                sent.add(words[0])
    return SentLog(frozenset(sent), frozenset(unconfirmed - sent))


@contextmanager
def sending_lock(folder: Path) -> Iterator[None]:
    """Hold the drafts folder for one sending run; a second run at once is refused, not made to wait.

    Refused rather than queued: the first run may take minutes against a slow
    server, and whoever started the second learns at once that it sent
    nothing, and that running it again afterwards sends only what is left.
    The lock is the kernel's (flock on the folder), so it ends with the process.
    """
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        raise UsageError("folder-uncreatable", folder=str(folder), error=error.strerror or str(error)) from None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError("sending-in-progress", folder=str(folder)) from None
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _cause(error: BaseException) -> tuple[str, str]:
    """(cause, detail) of a failure: one of CAUSES, and the server's answer or the system's text."""
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode("utf-8", "replace") if isinstance(error.smtp_error, bytes) else str(error.smtp_error)
        return "answered", f"{error.smtp_code} {text}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "answered", "; ".join(f"{rcpt}: {code} {text.decode('utf-8', 'replace')}"
                                     for rcpt, (code, text) in error.recipients.items())
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return "disconnected", ""
    if isinstance(error, ConnectionRefusedError):
        return "refused", ""
    if isinstance(error, (socket.timeout, TimeoutError)):
        return "timeout", ""
    if isinstance(error, socket.gaierror):
        return "unknown-host", ""
    if isinstance(error, ssl.SSLCertVerificationError):
        return "certificate", str(error.verify_message or "")
    if isinstance(error, OSError) and error.strerror:
        return "system", error.strerror
    return "system", str(error) or type(error).__name__


def _connect(server: Server, login: tuple[str, str] | None) -> smtplib.SMTP:
    context = tls_context()
    client: smtplib.SMTP
    if server.scheme == "smtps":
        client = smtplib.SMTP_SSL(server.host, server.port, timeout=30, context=context)
        client.ehlo()
    else:
        client = smtplib.SMTP(server.host, server.port, timeout=30)
        client.ehlo()
        if client.has_extn("starttls"):
            client.starttls(context=context)
            client.ehlo()
        elif login is not None:
            client.close()
            raise UsageError("no-starttls", host=server.host, port=server.port)
    if login is not None:
        client.login(*login)
    return client


class Unconfirmed(Exception):
    """The message went out whole, and no answer came: it may have arrived."""

    def __init__(self, cause: str, detail: str):
        super().__init__(cause, detail)
        self.cause, self.detail = cause, detail


def _dot_stuffed(data: bytes) -> bytes:
    """The message as DATA carries it (RFC 5321 4.5.2), as smtplib writes it: a leading dot doubled, a dot after."""
    data = re.sub(rb"(?m)^\.", b"..", data)
    return data + (b"" if data.endswith(b"\r\n") else b"\r\n") + b".\r\n"


def _commands(client: smtplib.SMTP, sender: str, recipient: str,
              size: list[str]) -> Iterator[tuple[int, bytes, tuple[int, ...]]]:
    """MAIL, RCPT and DATA, one at a time, each with the answers that let the next one go."""
    yield (*client.mail(sender, size), (250,))
    yield (*client.rcpt(recipient), (250, 251))
    yield (*client.docmd("DATA"), (354,))


def _deliver(client: smtplib.SMTP, sender: str, message: "Outgoing") -> None:
    """One message, as smtplib's sendmail does, but telling apart where it failed.

    Until the server asks for the data (354), a failure means it has nothing.
    Once the whole message has gone out, a lost connection or a timeout
    leaves it unknown whether the server kept it: that raises Unconfirmed.
    """
    size = [f"size={len(message.data)}"] if client.has_extn("size") else []
    for code, text, accepted in _commands(client, sender, message.recipient, size):
        if code not in accepted:
            try:
                client.rset()
            except (smtplib.SMTPException, OSError):
                pass
            raise smtplib.SMTPResponseException(code, text)
    try:
        client.send(_dot_stuffed(message.data))
        code, text = client.getreply()
    except (smtplib.SMTPServerDisconnected, OSError) as error:
        raise Unconfirmed(*_cause(error)) from None
    if code != 250:
        raise smtplib.SMTPResponseException(code, text)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def send_all(server: Server, sender: str, messages: list[Outgoing], folder: Path,
             report: Callable[[str, "Outgoing"], None], resend_unconfirmed: bool = False) -> list[Outgoing]:
    """Send what the log does not list yet; return what was sent. Raises DeliveryError, naming the answer.

    The caller holds `sending_lock(folder)`. `report` hears ("already-sent" | "unconfirmed" | "sent", message)
    as each is settled; the words are the caller's. A message the log marks unconfirmed is sent again only
    when `resend_unconfirmed`.
    """
    login = credentials()
    log_so_far = read_sent_log(folder)
    pending = []
    for message in messages:
        if message.message_id in log_so_far.sent:
            report("already-sent", message)
        elif message.message_id in log_so_far.unconfirmed and not resend_unconfirmed:
            report("unconfirmed", message)
        else:
            pending.append(message)
    if not pending:
        return []
    sent: list[Outgoing] = []
    try:
        client = _connect(server, login)
    except (smtplib.SMTPException, OSError, socket.timeout) as error:
        raise DeliveryError(f"{server.host}:{server.port}", *_cause(error)) from None
    try:
        try:
            log = open(folder / SENT_LOG, "a", encoding="utf-8")
        except OSError as error:
            raise UsageError("output-unwritable", target=str(folder / SENT_LOG),
                             error=error.strerror or str(error)) from None
        with log:

            def record(line: str, done: list[Outgoing]) -> None:
                """On disk before anything else is sent: a crash after this never sends it twice."""
                try:
                    log.write(line + "\n")
                    log.flush()
                    os.fsync(log.fileno())
                except OSError as error:
                    raise DeliveryError(str(folder / SENT_LOG), *_cause(error), sent=done) from None

            for message in pending:
                entry = f"{message.message_id} {message.recipient} {message.label}"
                try:
                    _deliver(client, sender, replace(message, data=with_date(message.data, _now())))
                except Unconfirmed as lost:
                    record(f"{UNCONFIRMED} {entry}", sent)
                    raise DeliveryError(f"{message.label} → {message.recipient}", lost.cause, lost.detail, sent,
                                        unconfirmed=message) from None
                except (smtplib.SMTPException, OSError) as error:
                    raise DeliveryError(f"{message.label} → {message.recipient}", *_cause(error), sent=sent) from None
                sent.append(message)
                record(entry, sent)
                report("sent", message)
    finally:
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()
    return sent
