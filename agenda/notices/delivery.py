"""Sending drafted notices over SMTP, once each, with the password never in the clear.

The drafts go out byte for byte as written, so what the organizer read is
what people receive. Each accepted message's Message-ID is appended to a
log in the drafts' folder (and flushed) before the next is sent, so a run
cut short by the server is finished by running it again, without sending
anything twice.

The server's certificate is checked against the system's trust store, plus
the file named by AGENDA_SMTP_CAFILE if set (for a relay with its own
certificate authority; OpenSSL's SSL_CERT_FILE works too).
"""

import os
import smtplib
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from agenda.core.errors import UsageError

SENT_LOG = "sent.log"
DEFAULT_PORTS = {"smtp": 25, "smtps": 465}


class DeliveryError(Exception):
    """The server could not be reached, or refused; carries what it said and what went out before."""

    def __init__(self, message: str, sent: list["Outgoing"] | None = None):
        super().__init__(message)
        self.sent = sent or []


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


def read_sent_log(folder: Path) -> set[str]:
    path = folder / SENT_LOG
    if not path.exists():
        return set()
    return {line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def _answer(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode("utf-8", "replace") if isinstance(error.smtp_error, bytes) else str(error.smtp_error)
        return f"{error.smtp_code} {text}"
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{rcpt}: {code} {text.decode('utf-8', 'replace')}"
                         for rcpt, (code, text) in error.recipients.items())
    return str(error) or type(error).__name__


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


def send_all(server: Server, sender: str, messages: list[Outgoing], folder: Path,
             report: Callable[[str, "Outgoing"], None]) -> list[Outgoing]:
    """Send what the log does not list yet; return what was sent. Raises DeliveryError, naming the answer.

    `report` hears ("already-sent" | "sent", message) as each is settled; the words are the caller's.
    """
    login = credentials()
    done = read_sent_log(folder)
    pending = [m for m in messages if m.message_id not in done]
    for message in messages:
        if message.message_id in done:
            report("already-sent", message)
    if not pending:
        return []
    sent: list[Outgoing] = []
    try:
        client = _connect(server, login)
    except (smtplib.SMTPException, OSError, socket.timeout) as error:
        raise DeliveryError(f"{server.host}:{server.port}: {_answer(error)}") from None
    try:
        with open(folder / SENT_LOG, "a", encoding="utf-8") as log:
            for message in pending:
                try:
                    client.sendmail(sender, [message.recipient], message.data)
                except (smtplib.SMTPException, OSError) as error:
                    raise DeliveryError(f"{message.label} → {message.recipient}: {_answer(error)}", sent) from None
                log.write(f"{message.message_id} {message.recipient} {message.label}\n")
                log.flush()
                os.fsync(log.fileno())
                sent.append(message)
                report("sent", message)
    finally:
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()
    return sent
