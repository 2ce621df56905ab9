"""Invitations (iTIP, RFC 5546, carried by mail as RFC 6047 says): one part of one person, REQUEST or CANCEL.

An iTIP object holds one UID, so each part a person plays is an invitation
of its own, with the UID and SEQUENCE of that part in their calendar
(agenda/export/person_ics.py): accepting it updates the event the calendar
already has. The forum's contact is the ORGANIZER, to whom clients send the
person's reply; the person is the one ATTENDEE.
"""

from datetime import datetime, timedelta

from icalendar import Calendar, vCalAddress, vText

from agenda.core.parts import Part
from agenda.core.planner import Plan
from agenda.export.ics import PRODID, add_timezones, stamp
from agenda.export.person_ics import add_reminder, part_event


def _address(email: str, name: str, **parameters: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["CN"] = vText(name)
    for key, value in parameters.items():
        address.params[key] = vText(value)
    return address


def invitation(plan: Plan, part: Part, person_key: str, attendee: tuple[str, str], organizer: tuple[str, str],
               now: datetime, cancel: bool, alarm: timedelta | None = None) -> Calendar | None:
    """`METHOD:REQUEST` for a part that is new or changed, `METHOD:CANCEL` for one removed or called off.

    `attendee` and `organizer` are (name, address). None when a calendar cannot hold the part (no time).
    """
    event = part_event(plan, part, person_key, stamp(plan, now), cancel)
    if event is None:
        return None
    event.add("organizer", _address(organizer[1], organizer[0]))
    answer = {} if cancel else {"PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}  # nothing to answer to a CANCEL
    event.add("attendee", _address(attendee[1], attendee[0], CUTYPE="INDIVIDUAL", ROLE="REQ-PARTICIPANT",
                                   **answer))
    if not cancel:
        add_reminder(event, str(event["summary"]), alarm)
    cal = Calendar()
    for key, value in (("prodid", PRODID), ("version", "2.0"), ("calscale", "GREGORIAN"),
                       ("method", "CANCEL" if cancel else "REQUEST")):
        cal.add(key, value)
    cal.add_component(event)
    day = plan.local(plan.window_start).date()
    add_timezones(cal, day, day)
    return cal
