"""Change notices as RFC 5322 messages, drafted the same way every time.

Python's `email` package builds them (the SMTP policy: CRLF, headers encoded
for mail); nothing here writes MIME by hand. Everything that would vary from
run to run is derived instead: the Date from the new file's `updated` (else
SOURCE_DATE_EPOCH, else the file's modification time, which the caller
hands in), the Message-ID and
the MIME boundary from a hash of the content. Same inputs, same bytes, so the
organizer can read the drafts and send exactly those.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr

from agenda.core.errors import UsageError
from agenda.notices.headers import EncodedHeader, address_header, text_header
from agenda.export.person_ics import person_calendar
from agenda.messages.labels import labels_for
from agenda.export.person_files import file_stem
from agenda.core.mail_addresses import AddressProblem, MailAddress, mail_address
from agenda.core.part_changes import PersonChanges, compare_people
from agenda.core.parts import PersonParts
from agenda.core.planner import Plan
from agenda.notices.text import index_markdown, notice_body, notice_subject

MESSAGE_ID_DOMAIN = "agenda.forum"


@dataclass(frozen=True)
class Draft:
    person: PersonChanges
    file_name: str
    recipient: str | None
    message_id: str
    data: bytes
    unmailable: AddressProblem | None = None  # the person's email, when mail cannot carry it


@dataclass(frozen=True)
class Notices:
    drafts: list[Draft]
    index: str
    people: list[PersonChanges]
    revision_not_raised: bool


def notice_time(plan: Plan, source_date_epoch: str | None, modified: float) -> datetime:
    """When the change was made: `updated`, else SOURCE_DATE_EPOCH, else NEW's modification time; never now."""
    updated = plan.forum.updated
    if updated is not None:
        if updated.tzinfo is None:
            updated = updated.replace(tzinfo=plan.window_start.tzinfo)
        moment: datetime = updated.astimezone(timezone.utc).replace(microsecond=0)
        return moment
    if source_date_epoch:
        try:
            return datetime.fromtimestamp(int(source_date_epoch), timezone.utc)
        except ValueError:
            raise UsageError("source-date-epoch", value=source_date_epoch) from None
    return datetime.fromtimestamp(int(modified), timezone.utc)


@dataclass(frozen=True)
class Sender:
    header: Address | EncodedHeader
    addr_spec: str  # the envelope's MAIL FROM


def sender_address(text: str) -> Sender:
    """--from as a mailbox; an address mail cannot carry is refused, since every notice would carry it."""
    name, address = parseaddr(text)
    if not address or "@" not in address or any(c in text for c in "\r\n"):
        raise UsageError("sender-not-an-address", value=text)
    found = mail_address(address)
    if found is AddressProblem.NON_ASCII:
        raise UsageError("address-not-ascii", whose="--from", address=address)
    if found is AddressProblem.DOMAIN:
        raise UsageError("address-domain", whose="--from", address=address)
    if isinstance(found, AddressProblem):
        raise UsageError("sender-not-an-address", value=text)
    return Sender(address_header("From", name, found.username, found.domain), found.addr_spec)


def recipient_address(person: PersonChanges) -> MailAddress | AddressProblem | None:
    """Where the person's notice goes; None without an email, the problem when mail cannot carry it."""
    email = person.person.email
    return mail_address(email) if email else None


def _calendar(person: PersonChanges, plan: Plan, when: datetime) -> bytes:
    current = person.new or PersonParts(person.key, person.person, [])
    data: bytes = person_calendar(plan, current, when, withdrawn=person.removed_parts).to_ical()
    return data


def draft(person: PersonChanges, plan: Plan, when: datetime, sender: Sender | None, file_name: str) -> Draft:
    message = EmailMessage(policy=SMTP)
    message["Subject"] = text_header("Subject", notice_subject(plan))
    if sender is not None:
        message["From"] = sender.header
    found = recipient_address(person)
    recipient = found if isinstance(found, MailAddress) else None
    if recipient is not None:
        message["To"] = address_header("To", person.person.name, recipient.username, recipient.domain)
    message["Date"] = format_datetime(when)
    body = notice_body(person, plan)
    calendar = _calendar(person, plan, when)
    digest = hashlib.sha256("\0".join(
        [str(message["Subject"]), str(message["From"] or ""), str(message["To"] or ""), message["Date"],
         body]).encode("utf-8") + b"\0" + calendar).hexdigest()
    message_id = f"<{digest[:32]}@{MESSAGE_ID_DOMAIN}>"
    message["Message-ID"] = message_id
    message["X-Agenda-Forum"] = text_header("X-Agenda-Forum", plan.forum_id)
    message.set_content(body)
    message.add_attachment(calendar, maintype="text", subtype="calendar", filename=f"{file_stem(person.key)}.ics",
                           params={"method": "PUBLISH", "charset": "utf-8"})
    message.set_boundary(f"agenda-{digest[32:56]}")
    unmailable = found if isinstance(found, AddressProblem) else None
    return Draft(person, file_name, recipient.addr_spec if recipient else None, message_id, message.as_bytes(),
                 unmailable)


def draft_notices(before: Plan, after: Plan, when: datetime, sender: str | None = None) -> Notices:
    """A draft for each person whose own part changed, and the index that says who and why."""
    labels = labels_for(after.language)
    people = compare_people(before, after, lambda seg: labels.title(seg.title, seg.kind))
    address = sender_address(sender) if sender else None
    files = {person.key: f"{file_stem(person.key)}.eml" for person in people}
    drafts = [draft(person, after, when, address, files[person.key]) for person in people if person.changes]
    index = index_markdown(people, after, before.forum.revision, files)
    return Notices(drafts, index, people, after.forum.revision <= before.forum.revision)
