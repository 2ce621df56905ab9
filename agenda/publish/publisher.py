"""Run the sync decision against a CalDAV server, counting what was done so a cut-off run can say so.

Everything is read with one REPORT before anything is written. A write that
meets 412 (someone changed the object since the read) re-reads that one
object, decides again and tries once more; a second 412 stops the run.
Running again after any stop finishes the job: the next read finds what the
first run wrote, by UID, and does not write it twice. Addresses the server
names outside the collection are never followed; they are kept in the
outcome, so that the command line can warn once.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from agenda.core.errors import AgendaError
from agenda.export.ics import event_calendars
from agenda.core.planner import Plan
from agenda.publish.caldav_client import CalDavClient, DavError, PreconditionFailed, display_url
from agenda.publish.credentials import Login
from agenda.publish.sync import Action, Conflict, Kind, PlannedEvent, decide, decide_one, planned_event, read_stored


@dataclass
class Outcome:
    counts: Counter[Kind] = field(default_factory=Counter)
    written: bool = False  # whether any request that writes succeeded
    outside: list[str] = field(default_factory=list)  # hrefs the server named outside the collection, ignored


class PublishError(AgendaError):
    """The run stopped; `outcome` says what was already done."""

    def __init__(self, error: DavError, outcome: Outcome):
        super().__init__(str(error))
        self.error = error  # for the command line to word it, when it has words of its own for it
        self.outcome = outcome


def planned_events(plans: list[Plan], segments: bool) -> list[PlannedEvent]:
    now = datetime.now(timezone.utc).replace(microsecond=0)  # DTSTAMP of what is written; never compared
    return [planned_event(calendar) for calendar in event_calendars(plans, now, segments)]


def _conflict_message(conflict: Conflict, url: str) -> str:
    owner = f"forum {conflict.owner!r}" if conflict.owner else "another program (no X-AGENDA-FORUM)"
    return (f"{conflict.uid} is already in {display_url(url)} at {conflict.href}, put there by {owner}; "
            "it is left alone: delete it there, or give this forum or segment another id")


def _body(action: Action) -> bytes:
    """What a CREATE or UPDATE writes; `decide_one` always gives them one."""
    if action.body is None:
        raise ValueError(f"{action.kind.name} of {action.uid} carries no body")
    return action.body


def _apply(client: CalDavClient, action: Action) -> None:
    if action.kind is Kind.CREATE:
        client.create(action.href, _body(action))
    elif action.kind in (Kind.UPDATE, Kind.DELETE):
        etag = action.etag
        if etag is None:  # a server that listed no ETag: read it now, so the write is still conditional
            current = client.get(action.href)
            if current is None:
                raise PreconditionFailed(f"{action.href} is gone", 412)  # decided again from the fresh read
            if current.etag is None:
                raise DavError(f"{display_url(client.collection_url)}: the server gives no ETag for {action.href}, "
                               "so it cannot be changed without risking someone else's change; change it by hand")
            etag = current.etag
        if action.kind is Kind.UPDATE:
            client.replace(action.href, etag, _body(action))
        else:
            client.delete(action.href, etag)


def _after_412(client: CalDavClient, action: Action, planned: PlannedEvent | None,
               forums: set[str]) -> Action | None:
    """Decide again from a fresh read of the one object; None when there is nothing left to do."""
    current = client.get(action.href)
    stored = read_stored(current.href, current.etag, current.data) if current is not None else None
    if stored is not None and stored.uid != action.uid:
        raise DavError(f"{display_url(client.collection_url)}: {action.href} now holds another event "
                       f"({stored.uid}); run the same command again")
    if planned is None and (stored is None or stored.owner not in forums):
        return None  # to be deleted, and someone else deleted it or took it over: leave it
    again = decide_one(stored, planned, action.href)
    if isinstance(again, Conflict):
        raise DavError(_conflict_message(again, client.collection_url))
    return again


def _write(client: CalDavClient, action: Action, planned: PlannedEvent | None, forums: set[str]) -> Action | None:
    try:
        _apply(client, action)
        return action
    except PreconditionFailed:
        again = _after_412(client, action, planned, forums)
        if again is None or again.kind is Kind.UNCHANGED:
            return again
        try:
            _apply(client, again)
        except PreconditionFailed as error:
            raise DavError(f"{error}: the event changed again while being written; "
                           "run the same command again") from None
        return again


def publish(plans: list[Plan], url: str, login: Login, segments: bool = False, dry_run: bool = False,
            before_write: Callable[[Action], None] | None = None) -> Outcome:
    """Make the collection at `url` hold exactly these plans' events; `before_write` is a hook for tests."""
    outcome = Outcome()
    try:
        client = CalDavClient(url, login.user, login.password)
    except DavError as error:
        raise PublishError(error, outcome) from None
    try:
        planned = planned_events(plans, segments)
        listing = client.calendar_objects()
        outcome.outside = listing.outside
        stored = [s for s in (read_stored(o.href, o.etag, o.data) for o in listing.objects) if s]
        forums = {p.forum_id for p in plans}
        decision = decide(stored, planned, forums, client.collection_path)
        if decision.conflicts:
            raise DavError("; ".join(_conflict_message(c, client.collection_url) for c in decision.conflicts))
        by_uid = {event.uid: event for event in planned}
        for action in decision.actions:
            done: Action | None = action  # what was actually done, after any 412; None when nothing was left to do
            if action.kind is not Kind.UNCHANGED and not dry_run:
                if before_write is not None:
                    before_write(action)
                planned_one = by_uid.get(action.uid) if action.kind is not Kind.DELETE else None
                done = _write(client, action, planned_one, forums)
            if done is not None:
                outcome.counts[done.kind] += 1
                outcome.written |= done.kind is not Kind.UNCHANGED and not dry_run
    except DavError as error:
        raise PublishError(error, outcome) from None
    finally:
        client.close()
    return outcome
