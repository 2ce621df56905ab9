"""Drafts written, then sent: the steps of `agenda notices` after both files are read.

The drafts are written whole before anything is sent, so what the organizer
reads in the folder is what people receive; a folder whose drafts differ from
these is refused before sending, since its index would name other messages.
Every sentence is the command's: this module returns what happened and
reports each message as it is settled.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from agenda.core.errors import UsageError
from agenda.export.output_files import write_output
from agenda.export.person_files import output_folder
from agenda.notices.delivery import Outgoing, Server, send_all, sending_lock
from agenda.notices.drafts import Draft, Notices, sender_address
from agenda.notices.headers import with_date

INDEX = "index.md"


@contextmanager
def drafts_folder(output: str, *, sending: bool) -> Iterator[Path]:
    """OUTPUT as a folder (made if need be), locked for the whole run when it sends.

    The lock is held from the drafts' check to the last message, so a second
    `--send` on the same folder is refused rather than mailing people twice.
    """
    folder = output_folder(output)
    if not sending:
        yield folder
        return
    with sending_lock(folder):
        yield folder


def write_drafts(drafted: Notices, folder: Path, output: str, *, sending: bool) -> None:
    """Each draft as FOLDER/<person>.eml and the index as FOLDER/index.md.

    Before sending, a draft already in the folder with other bytes is refused
    (`drafts-stale`): the sent log names messages by their Message-ID, and
    people must receive what the organizer read. The Date alone does not
    count: it is when a draft was made, and sending replaces it.
    """
    index = folder / INDEX
    if sending:
        stale = [d.file_name for d in drafted.drafts
                 if (folder / d.file_name).exists()
                 and _undated((folder / d.file_name).read_bytes()) != _undated(d.data)]
        if stale:
            raise UsageError("drafts-stale", folder=output, stale=tuple(stale), index=str(index))
    for item in drafted.drafts:
        write_output(str(folder / item.file_name), item.data)
    write_output(str(index), drafted.index.encode("utf-8"))


def _undated(data: bytes) -> bytes:
    return with_date(data, datetime(2000, 1, 1, tzinfo=timezone.utc))


def without_address(drafted: Notices) -> list[Draft]:
    """The drafts of people the file gives no e-mail address: written, never sent."""
    return [d for d in drafted.drafts if d.recipient is None]


def send_drafts(drafted: Notices, folder: Path, server: Server, sender: str,
                report: Callable[[str, Outgoing], None], resend_unconfirmed: bool) -> list[Outgoing]:
    """Send every addressed draft not yet in the folder's sent log; what was sent.

    `report` hears ("already-sent" | "sent" | "unconfirmed" ..., message) as each
    is settled. A message whose connection was lost after it was handed over
    may have arrived: it is sent again only with `resend_unconfirmed`. Raises
    DeliveryError (agenda.notices.delivery) when the server cannot be reached or refuses.
    """
    outgoing = [Outgoing(d.message_id, d.recipient, d.data, d.file_name) for d in drafted.drafts if d.recipient]
    return send_all(server, sender_address(sender).addr_spec, outgoing, folder, report, resend_unconfirmed)
