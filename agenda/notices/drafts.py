"""Change notices as RFC 5322 messages, drafted the same way every time but for their Date.

Python's `email` package builds them (the SMTP policy: CRLF, headers encoded
for mail); nothing here writes MIME by hand. Everything else that would vary
from run to run is derived instead: the calendars' DTSTAMP from the new
file's `updated` (else SOURCE_DATE_EPOCH, else the file's modification time,
which the caller hands in), the Message-ID and the MIME boundary from a hash
of the content. The Date is when the draft was made (SOURCE_DATE_EPOCH when
set) and is left out of that hash, so a draft made again differs only in its
Date, and sending replaces it with the time it is sent
(agenda.notices.delivery): mail clients sort by it.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
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
from agenda.core.part_changes import PersonChanges, compare_people, first_release
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
    drafts: list[Draft]  # each person's notice, then their invitations
    index: str
    people: list[PersonChanges]
    revision_not_raised: bool
    invitations: int = 0


def calendar_time(plan: Plan, source_date_epoch: str | None, modified: float) -> datetime:
    """The calendars' DTSTAMP: `updated`, else SOURCE_DATE_EPOCH, else NEW's modification time; never now,
    since the calendar is part of what the Message-ID is made from."""
    updated = plan.forum.updated
    if updated is not None:
        if updated.tzinfo is None:
            updated = updated.replace(tzinfo=plan.window_start.tzinfo)
        moment: datetime = updated.astimezone(timezone.utc).replace(microsecond=0)
        return moment
    return epoch_time(source_date_epoch) or datetime.fromtimestamp(int(modified), timezone.utc)


def epoch_time(source_date_epoch: str | None) -> datetime | None:
    if not source_date_epoch:
        return None
    try:
        return datetime.fromtimestamp(int(source_date_epoch), timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise UsageError("source-date-epoch", value=source_date_epoch) from None


def draft_date(source_date_epoch: str | None) -> datetime:
    """A draft's Date: SOURCE_DATE_EPOCH when set (reproducible drafts), else now, the time of drafting."""
    return epoch_time(source_date_epoch) or datetime.now(timezone.utc).replace(microsecond=0)


@dataclass(frozen=True)
class Drafting:
    """What every draft of one run shares besides the plan."""

    stamp: datetime  # the calendars' DTSTAMP where the forum has no `updated` (calendar_time)
    date: datetime  # the Date header (draft_date)
    sender: "Sender | None" = None
    alarm: timedelta | None = None
    invite: bool = False


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


def new_message(subject: str, to: Address | EncodedHeader | None, options: Drafting) -> EmailMessage:
    """Subject, From, To and Date, in that order; the Message-ID follows from the content (`identify`)."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = text_header("Subject", subject)
    if options.sender is not None:
        message["From"] = options.sender.header
    if to is not None:
        message["To"] = to
    message["Date"] = format_datetime(options.date)
    return message


def identify(message: EmailMessage, plan: Plan, body: str, calendar: bytes) -> str:
    """Set the Message-ID from a hash of everything but the Date; returns the hash, which names the boundary."""
    digest = hashlib.sha256("\0".join(
        [str(message["Subject"]), str(message["From"] or ""), str(message["To"] or ""), body]).encode("utf-8")
        + b"\0" + calendar).hexdigest()
    message["Message-ID"] = f"<{digest[:32]}@{MESSAGE_ID_DOMAIN}>"
    message["X-Agenda-Forum"] = text_header("X-Agenda-Forum", plan.forum_id)
    return digest


def _calendar(person: PersonChanges, plan: Plan, options: Drafting) -> bytes:
    current = person.new or PersonParts(person.key, person.person, [])
    data: bytes = person_calendar(plan, current, options.stamp, withdrawn=person.removed_parts,
                                  alarm=options.alarm).to_ical()
    return data


def draft(person: PersonChanges, plan: Plan, options: Drafting, file_name: str, first: bool = False,
          invitations: bool = False) -> Draft:
    """The person's notice: what changed (or, the first time, their whole part) and their calendar (PUBLISH)."""
    found = recipient_address(person)
    recipient = found if isinstance(found, MailAddress) else None
    to = address_header("To", person.person.name, recipient.username, recipient.domain) if recipient else None
    message = new_message(notice_subject(plan, first), to, options)
    body = notice_body(person, plan, first, invitations)
    calendar = _calendar(person, plan, options)
    digest = identify(message, plan, body, calendar)
    message.set_content(body)
    message.add_attachment(calendar, maintype="text", subtype="calendar", filename=f"{file_stem(person.key)}.ics",
                           params={"method": "PUBLISH", "charset": "utf-8"})
    message.set_boundary(f"agenda-{digest[32:56]}")
    unmailable = found if isinstance(found, AddressProblem) else None
    return Draft(person, file_name, recipient.addr_spec if recipient else None, str(message["Message-ID"]),
                 message.as_bytes(), unmailable)


def organizer_of(plan: Plan) -> tuple[str, str]:
    """The forum's contact as the invitations' ORGANIZER: (name, address), the address written for mail."""
    contact = plan.forum.contact
    if contact is None or not contact.email:
        raise UsageError("invite-needs-contact")
    found = mail_address(contact.email)
    if found is AddressProblem.NON_ASCII:
        raise UsageError("address-not-ascii", whose="forum.contact.email", address=contact.email)
    if isinstance(found, AddressProblem):
        raise UsageError("address-domain", whose="forum.contact.email", address=contact.email)
    return contact.name, found.addr_spec


def draft_notices(before: Plan | None, after: Plan, options: Drafting) -> Notices:
    """A draft for each person whose own part changed (with no `before`, for everyone who takes part),
    each followed by their invitations with `options.invite`, and the index that says who and why."""
    from agenda.notices.invitations import invitation_drafts

    labels = labels_for(after.language)
    name = lambda seg: labels.title(seg.title, seg.kind)  # noqa: E731
    people = compare_people(before, after, name) if before is not None else first_release(after, name)
    organizer = organizer_of(after) if options.invite else None
    drafts: list[Draft] = []
    files: dict[str, list[str]] = {}
    invited = 0
    for person in people:
        stem = file_stem(person.key)
        files[person.key] = [f"{stem}.eml"]
        if not person.changes:
            continue
        found = recipient_address(person)
        invitations = (invitation_drafts(person, after, options, organizer, found, stem)
                       if organizer is not None and isinstance(found, MailAddress) else [])
        drafts.append(draft(person, after, options, f"{stem}.eml", before is None, bool(invitations)))
        drafts += invitations
        files[person.key] += [item.file_name for item in invitations]
        invited += len(invitations)
    index = index_markdown(people, after, before.forum.revision if before is not None else None, files)
    return Notices(drafts, index, people, before is not None and after.forum.revision <= before.forum.revision,
                   invited)
