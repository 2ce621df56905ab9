"""A real SMTP server for the notice tests (aiosmtpd), run as its own process on 127.0.0.1.

    python smtp_server.py PORT FOLDER [--tls CERT KEY [--implicit-tls]] [--user U --password P] [--die-on N]
                          [--store-then-drop N] [--die-at-rcpt N] [--hold-until FILE]

Every accepted message is saved as FOLDER/NNN.eml (the bytes as received) with
its envelope in FOLDER/NNN.json. With --tls it offers STARTTLS (with --implicit-tls
it speaks TLS from the start, as smtps:// expects); with --user it
accepts only that login (and only over TLS); with --die-on N the process exits
while receiving the Nth message, before answering, as a server that crashes.
With --store-then-drop N it saves the Nth message and then exits before answering
(the message arrived, and the client cannot know it); with --die-at-rcpt N it exits
at the Nth RCPT, before any data (the message cannot have arrived). With
--hold-until FILE each message waits, before it is saved, until FILE exists, and
FOLDER/holding says that one is waiting: a test opens the gate when it is ready.
"""

import argparse
import asyncio
import json
import os
import ssl
import sys
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Saver:
    def __init__(self, folder: Path, die_on: int | None, store_then_drop: int | None = None,
                 die_at_rcpt: int | None = None, hold_until: Path | None = None):
        self.folder = folder
        self.die_on = die_on
        self.store_then_drop = store_then_drop
        self.die_at_rcpt = die_at_rcpt
        self.hold_until = hold_until
        self.count = 0
        self.recipients = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.recipients += 1
        if self.die_at_rcpt is not None and self.recipients >= self.die_at_rcpt:
            os._exit(3)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        if self.die_on is not None and self.count >= self.die_on:
            os._exit(3)
        if self.hold_until is not None:
            (self.folder / "holding").write_text(str(self.count), encoding="utf-8")
            while not self.hold_until.exists():
                await asyncio.sleep(0.02)
        stem = self.folder / f"{self.count:03d}"
        stem.with_suffix(".eml").write_bytes(envelope.original_content or envelope.content)
        stem.with_suffix(".json").write_text(json.dumps(
            {"from": envelope.mail_from, "to": envelope.rcpt_tos}), encoding="utf-8")
        if self.store_then_drop is not None and self.count == self.store_then_drop:
            os._exit(3)
        return "250 OK saved"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the start (smtps), not STARTTLS")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--die-on", type=int)
    parser.add_argument("--store-then-drop", type=int)
    parser.add_argument("--die-at-rcpt", type=int)
    parser.add_argument("--hold-until", type=Path)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    options = {}
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*args.tls)
        options["ssl_context" if args.implicit_tls else "tls_context"] = context
    if args.user:
        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login == args.user.encode() and auth_data.password == args.password.encode()
            return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535 itself

        # With TLS from the start, aiosmtpd 1.4 does not count the session as TLS and would hide
        # AUTH; the connection is encrypted all the same, so it is not asked to.
        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=not args.implicit_tls)
    controller = Controller(Saver(args.folder, args.die_on, args.store_then_drop, args.die_at_rcpt, args.hold_until), hostname="127.0.0.1", port=args.port, **options)
    controller.start()
    (args.folder / "ready").write_text(str(os.getpid()), encoding="utf-8")
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()
        sys.exit(0)


if __name__ == "__main__":
    main()
