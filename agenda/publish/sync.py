"""What to write so that a calendar collection holds exactly the planned events: a pure decision.

An event is found by its UID wherever it is stored, and belongs to a forum
when its X-AGENDA-FORUM says so (a UID cannot tell: ids may contain dots).
Content is compared without DTSTAMP, LAST-MODIFIED and SEQUENCE, which
change on every export, so raising `revision` alone writes nothing. Servers
re-serialize what they store (folding, escaping, property order), so the
comparison is between parsed values, not bytes; an event whose text still
hashes to its X-AGENDA-DIGEST, equal to the planned one's, is unchanged
without that parse (digest.py).
"""

import hashlib
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Iterable, TypeAlias, cast
from urllib.parse import unquote

from icalendar import Calendar, Component

from agenda.publish.digest import DIGEST, OWNER, VOLATILE, verified, with_digest

# The characters vdirsyncer keeps in a file name; any other UID gets a hashed name.
_SAFE_NAME = re.compile(r"[A-Za-z0-9_.\-+@]+")

PropertyKey: TypeAlias = tuple[str, tuple[tuple[str, str], ...], str]
"""(NAME, sorted (PARAMETER, value) pairs, value as iCalendar text) of one property."""
ComponentKey: TypeAlias = "tuple[str | None, tuple[PropertyKey, ...], tuple[ComponentKey, ...]]"
Fingerprint: TypeAlias = tuple[ComponentKey, ...]


class Kind(Enum):
    CREATE = "created"
    UPDATE = "updated"
    UNCHANGED = "unchanged"
    DELETE = "deleted"


@dataclass(frozen=True)
class StoredEvent:
    """One calendar object resource found in the collection, read far enough to decide."""

    href: str
    etag: str | None
    uid: str
    owner: str | None  # its X-AGENDA-FORUM, None for other programs' events
    sequence: int
    data: bytes = field(repr=False)
    digest: str | None = None  # its X-AGENDA-DIGEST, when its text still hashes to it

    @cached_property
    def fingerprint(self) -> Fingerprint:
        """Parsed only when the digests cannot tell (read_stored parsed it already when there is no digest)."""
        return fingerprint(Calendar.from_ical(self.data))


@dataclass(frozen=True)
class PlannedEvent:
    uid: str
    forum_id: str
    data: bytes  # the whole calendar object resource as the exporter wrote it, with its digest
    sequence: int
    digest: str

    @cached_property
    def fingerprint(self) -> Fingerprint:
        """Parsed only when the digests cannot tell."""
        return fingerprint(Calendar.from_ical(self.data))


@dataclass(frozen=True)
class Action:
    kind: Kind
    uid: str
    href: str
    etag: str | None = None  # If-Match for UPDATE and DELETE
    body: bytes | None = None  # for CREATE and UPDATE


@dataclass(frozen=True)
class Conflict:
    """A planned UID already held by an event that is not this forum's: never touched."""

    uid: str
    href: str
    owner: str | None


@dataclass(frozen=True)
class Decision:
    actions: list[Action]
    conflicts: list[Conflict]


def _property_key(name: str, value: object) -> PropertyKey:
    params = getattr(value, "params", {})
    text = value.to_ical() if hasattr(value, "to_ical") else str(value)
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return name.upper(), tuple(sorted((k.upper(), str(v)) for k, v in params.items())), text


def _component_key(component: Component) -> ComponentKey:
    properties: list[PropertyKey] = []
    for name, value in component.items():
        if name.upper() in VOLATILE or name.upper() == DIGEST:  # a digest is of the content, not content
            continue
        for one in value if isinstance(value, list) else [value]:
            properties.append(_property_key(name, one))
    children = sorted(_component_key(child) for child in component.subcomponents)
    return component.name, tuple(sorted(properties)), tuple(children)


def fingerprint(calendar: Calendar) -> Fingerprint:
    """The events' content: every property and sub-component but the volatile ones, order-free.

    VTIMEZONEs are left out: the TZID of each time is in the events, and a
    server may rewrite the zone's rules without the event changing.
    """
    return tuple(sorted(_component_key(event) for event in calendar.walk("VEVENT")))


def _first_event(calendar: Calendar) -> Component | None:
    events = calendar.walk("VEVENT")
    return events[0] if events else None


def read_stored(href: str, etag: str | None, data: bytes) -> StoredEvent | None:
    """The stored object as the decision needs it; None when it holds no readable event (never ours).

    Its text is read first: one that still hashes to its own digest needs no parse.
    """
    known = verified(data)
    if known is not None:
        return StoredEvent(href, etag, known.uid, known.owner, known.sequence, data, known.digest)
    try:
        calendar = Calendar.from_ical(data)
        event = _first_event(calendar)
        if event is None or "UID" not in event:
            return None
        owner = event.get(OWNER)
        stored = StoredEvent(href, etag, str(event["UID"]), str(owner) if owner is not None else None,
                             int(event.get("SEQUENCE", 0)), data)
        stored.__dict__["fingerprint"] = fingerprint(calendar)  # parsed once, here: the cache of the property
        return stored
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def planned_resource(event: Component, written: bytes) -> PlannedEvent:
    """The decision's view of one event and its calendar as `event_resources` writes it."""
    data, digest = with_digest(written)
    return PlannedEvent(str(event["UID"]), str(event[OWNER]), data, int(event.get("SEQUENCE", 0)), digest)


def planned_event(calendar: Calendar) -> PlannedEvent:
    """The decision's view of one calendar from `event_calendars`, which always holds one event."""
    event = _first_event(calendar)
    if event is None:
        raise ValueError("an exported calendar holds no VEVENT")
    return planned_resource(event, cast(bytes, calendar.to_ical()))  # to_ical is unannotated


def same_content(stored: StoredEvent, planned: PlannedEvent) -> bool:
    """Equal digests say so from the text alone; otherwise the parsed contents are compared."""
    if stored.digest is not None and stored.digest == planned.digest:
        return True
    return stored.fingerprint == planned.fingerprint


def with_sequence(data: bytes, sequence: int) -> bytes:
    calendar = Calendar.from_ical(data)
    for event in calendar.walk("VEVENT"):
        event.pop("SEQUENCE", None)
        event.add("sequence", sequence)
    return cast(bytes, calendar.to_ical())  # icalendar leaves to_ical's return type unannotated


def new_href(collection_path: str, uid: str, taken: set[str]) -> str:
    """`<safe-name>.ics` in the collection; a hashed name when the UID has other characters or the name is taken."""
    name = uid if _SAFE_NAME.fullmatch(uid) else hashlib.sha1(uid.encode("utf-8")).hexdigest()
    href = f"{collection_path}{name}.ics"
    if unquote(href) in taken:
        href = f"{collection_path}{name}-{hashlib.sha1(uid.encode('utf-8')).hexdigest()[:12]}.ics"
    return href


def decide_one(stored: StoredEvent | None, planned: PlannedEvent | None, href: str) -> Action | Conflict:
    """The action for one UID, given the stored object at its address (or none) and the planned event (or none)."""
    if stored is not None and planned is not None and stored.owner != planned.forum_id:
        return Conflict(planned.uid, stored.href, stored.owner)
    if planned is None:
        if stored is None:
            raise ValueError("nothing stored and nothing planned")
        return Action(Kind.DELETE, stored.uid, stored.href, stored.etag)
    if stored is None:
        return Action(Kind.CREATE, planned.uid, href, body=planned.data)
    if same_content(stored, planned):
        return Action(Kind.UNCHANGED, planned.uid, stored.href, stored.etag)
    body = with_sequence(planned.data, max(planned.sequence, stored.sequence + 1))
    return Action(Kind.UPDATE, planned.uid, stored.href, stored.etag, body)


def decide(stored: Iterable[StoredEvent], planned: Iterable[PlannedEvent], forums: set[str],
           collection_path: str) -> Decision:
    """Create, update, leave or delete, so that the collection holds `planned` for `forums`.

    Only events whose owner is one of `forums` are updated or deleted; a
    planned UID held by anything else is a conflict and is left alone. Two
    stored copies of one of our events (an earlier, interrupted run on a
    lenient server) are made one again: the first by address is kept.
    """
    stored = sorted(stored, key=lambda s: s.href)
    planned = list(planned)
    by_uid: dict[str, list[StoredEvent]] = {}
    for item in stored:
        by_uid.setdefault(item.uid, []).append(item)
    taken = {unquote(s.href) for s in stored}
    actions: list[Action] = []
    conflicts: list[Conflict] = []
    for event in planned:
        found = by_uid.get(event.uid, [])
        ours = [s for s in found if s.owner == event.forum_id]
        if not ours and found:
            conflicts.append(Conflict(event.uid, found[0].href, found[0].owner))
            continue
        href = new_href(collection_path, event.uid, taken) if not ours else ours[0].href
        taken.add(unquote(href))
        outcome = decide_one(ours[0] if ours else None, event, href)
        if isinstance(outcome, Conflict):  # cannot happen: `ours` share the planned event's owner
            conflicts.append(outcome)
        else:
            actions.append(outcome)
        actions += [Action(Kind.DELETE, s.uid, s.href, s.etag) for s in ours[1:]]
    planned_uids = {e.uid for e in planned}
    actions += [Action(Kind.DELETE, s.uid, s.href, s.etag) for s in stored
                if s.owner in forums and s.uid not in planned_uids]
    return Decision(actions, conflicts)
