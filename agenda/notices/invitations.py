"""`--invite`: beside each notice, one invitation per part that is new, changed, removed or called off.

Mail clients show an "add to calendar" (Accept, Decline) only for an iTIP
message (RFC 6047): a `text/calendar; method=REQUEST` part with an ORGANIZER
and the reader as ATTENDEE. An iTIP object holds one UID, so a person with
three parts gets three invitations; the notice still says, in words and
with the whole calendar, what changed. Each invitation is a draft like the
notice (the same Date and Message-ID rules), so it is sent, logged and
never sent twice the same way.
"""

from agenda.core.mail_addresses import MailAddress
from agenda.core.part_changes import PersonChanges
from agenda.core.planner import Plan
from agenda.export.itip import invitation
from agenda.notices.drafts import Draft, Drafting, identify, new_message
from agenda.notices.headers import address_header
from agenda.notices.text import grouped, invitation_body, invitation_subject

CANCELLING = ("cancelled", "removed")
"""Changes that take a part off the person's calendar: METHOD:CANCEL."""


def invitation_drafts(person: PersonChanges, plan: Plan, options: Drafting, organizer: tuple[str, str],
                      recipient: MailAddress, stem: str) -> list[Draft]:
    """`<stem>+1.eml`, `<stem>+2.eml`, … in the order of the person's parts.

    `+` is in no people id and no slug, so these names never meet another person's files.
    """
    drafts: list[Draft] = []
    for part, changes in grouped(person):
        cancel = any(change.change in CANCELLING for change in changes)
        calendar = invitation(plan, part, person.key, (person.person.name, recipient.addr_spec), organizer,
                              options.stamp, cancel, options.alarm)
        if calendar is None:
            continue  # a part with no time: the notice tells it in words
        data: bytes = calendar.to_ical()
        to = address_header("To", person.person.name, recipient.username, recipient.domain)
        message = new_message(invitation_subject(part, plan, cancel), to, options)
        body = invitation_body(person, part, plan, cancel)
        digest = identify(message, plan, body, data)
        message.set_content(body)
        message.add_alternative(data, maintype="text", subtype="calendar",
                                params={"method": "CANCEL" if cancel else "REQUEST", "charset": "utf-8"})
        message.set_boundary(f"agenda-{digest[32:56]}")
        drafts.append(Draft(person, f"{stem}+{len(drafts) + 1}.eml", recipient.addr_spec,
                            str(message["Message-ID"]), message.as_bytes()))
    return drafts
