"""A real SMTP server for the notice tests (aiosmtpd), run as its own process on 127.0.0.1.

    python smtp_server.py PORT FOLDER [--tls CERT KEY [--implicit-tls]] [--user U --password P] [--die-on N]

Every accepted message is saved as FOLDER/NNN.eml (the bytes as received) with
its envelope in FOLDER/NNN.json. With --tls it offers STARTTLS (with --implicit-tls
it speaks TLS from the start, as smtps:// expects); with --user it
accepts only that login (and only over TLS); with --die-on N the process exits
while receiving the Nth message, before answering, as a server that crashes.
"""

import argparse
import json
import os
import ssl
import sys
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Saver:
    def __init__(self, folder: Path, die_on: int | None):
        self.folder = folder
        self.die_on = die_on
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        if self.die_on is not None and self.count >= self.die_on:
            os._exit(3)
        stem = self.folder / f"{self.count:03d}"
        stem.with_suffix(".eml").write_bytes(envelope.original_content or envelope.content)
        stem.with_suffix(".json").write_text(json.dumps(
            {"from": envelope.mail_from, "to": envelope.rcpt_tos}), encoding="utf-8")
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
    controller = Controller(Saver(args.folder, args.die_on), hostname="127.0.0.1", port=args.port, **options)
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
