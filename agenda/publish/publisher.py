"""Run the sync decision against a CalDAV server, counting what was done so a cut-off run can say so.

Everything is read with one REPORT before anything is written. A write that
meets 412 (someone changed the object since the read) re-reads that one
object, decides again and tries once more. A change the server refuses (a
4xx, a second 412) is kept with its event and the others are still tried;
only a failure that no next request would escape (no connection, the login
refused, the server failing) stops the run. Running again after a stop
finishes the job: the next read finds what the first run wrote, by UID, and
does not write it twice. A server whose ETags are weak (`W/"..."`, which
If-Match never matches) is written to after a fresh read of the one object
shows it unchanged since the listing. Addresses the server
names outside the collection are never followed; they are kept in the
outcome, so that the command line can warn once.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from agenda.core.errors import AgendaError
from agenda.export.ics import event_resources
from agenda.core.planner import Plan
from agenda.publish.caldav_client import CalDavClient, DavError, Failure, PreconditionFailed, display_url, is_weak
from agenda.publish.credentials import Login
from agenda.publish.sync import Action, Conflict, Kind, PlannedEvent, decide, decide_one, planned_resource, read_stored


@dataclass(frozen=True)
class Refusal:
    """A change the server did not make; the other events were still tried."""

    kind: Kind
    uid: str
    error: DavError


@dataclass
class Outcome:
    counts: Counter[Kind] = field(default_factory=Counter)
    written: bool = False  # whether any request that writes succeeded
    outside: list[str] = field(default_factory=list)  # hrefs the server named outside the collection, ignored
    refused: list[Refusal] = field(default_factory=list)
    weak_etags: bool = False  # some change was written after a fresh read instead of If-Match (said once)


class PublishError(AgendaError):
    """The run stopped; `outcome` says what was already done."""

    def __init__(self, error: DavError, outcome: Outcome):
        super().__init__(str(error))
        self.error = error  # a reason and typed arguments, worded by the command line
        self.outcome = outcome


def stops_the_run(error: DavError) -> bool:
    """No connection, or a server failing or refusing the login: the next request would fare no better."""
    if error.failure is Failure.STATUS:
        return error.status is not None and (error.status == 401 or error.status >= 500)
    return error.failure not in (Failure.NO_ETAG, Failure.TAKEN_OVER, Failure.CHANGED_AGAIN, Failure.OUTSIDE)


def planned_events(plans: list[Plan], segments: bool, alarm: timedelta | None = None,
                   language: str | None = None) -> list[PlannedEvent]:
    now = datetime.now(timezone.utc).replace(microsecond=0)  # DTSTAMP of what is written; never compared
    return [planned_resource(event, data) for event, data in event_resources(plans, now, segments, alarm, language)]


def _conflicts(conflicts: list[Conflict], url: str) -> DavError:
    return DavError(Failure.CONFLICTS, url=display_url(url),
                    conflicts=tuple((c.uid, c.href, c.owner) for c in conflicts))


def _body(action: Action) -> bytes:
    """What a CREATE or UPDATE writes; `decide_one` always gives them one."""
    if action.body is None:
        raise ValueError(f"{action.kind.name} of {action.uid} carries no body")
    return action.body


def _same_weak(one: str | None, other: str | None) -> bool:
    """The weak comparison of RFC 9110 §8.8.3.2: equal opaque tags, W/ or not."""
    def tag(etag: str | None) -> str | None:
        return etag.strip().removeprefix("W/") if etag is not None else None
    return tag(one) is not None and tag(one) == tag(other)


def _apply(client: CalDavClient, action: Action, outcome: Outcome) -> None:
    if action.kind is Kind.CREATE:
        client.create(action.href, _body(action))
        return
    etag = action.etag
    if etag is None or is_weak(etag):
        # No ETag listed, or a weak one that If-Match never matches: read the object now. A strong ETag read now
        # makes the write conditional as usual; a weak one is written to without If-Match, once the fresh read
        # shows the event unchanged since it was listed (a change meanwhile is decided again, as after a 412).
        current = client.get(action.href)
        if current is None:
            raise PreconditionFailed(Failure.STATUS, status=412, href=action.href)  # gone: decided again
        if etag is None and current.etag is None:
            raise DavError(Failure.NO_ETAG, url=display_url(client.collection_url), href=action.href, uid=action.uid)
        if etag is None and not is_weak(current.etag):
            etag = current.etag
        elif etag is not None and not _same_weak(current.etag, etag):
            raise PreconditionFailed(Failure.STATUS, status=412, href=action.href)  # changed since: decided again
        else:
            outcome.weak_etags = True
            etag = None
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
        raise DavError(Failure.TAKEN_OVER, url=display_url(client.collection_url), href=action.href,
                       uid=stored.uid)
    if planned is None and (stored is None or stored.owner not in forums):
        return None  # to be deleted, and someone else deleted it or took it over: leave it
    again = decide_one(stored, planned, action.href)
    if isinstance(again, Conflict):
        raise _conflicts([again], client.collection_url)
    return again


def _write(client: CalDavClient, action: Action, planned: PlannedEvent | None, forums: set[str],
           outcome: Outcome) -> Action | None:
    try:
        _apply(client, action, outcome)
        return action
    except PreconditionFailed:
        again = _after_412(client, action, planned, forums)
        if again is None or again.kind is Kind.UNCHANGED:
            return again
        try:
            _apply(client, again, outcome)
        except PreconditionFailed as error:
            raise DavError(Failure.CHANGED_AGAIN, method=error.method, url=error.url, status=412,
                           status_line=error.status_line, server_message=error.server_message,
                           href=action.href) from None
        return again


def publish(plans: list[Plan], url: str, login: Login, segments: bool = False, dry_run: bool = False,
            before_write: Callable[[Action], None] | None = None, alarm: timedelta | None = None,
            language: str | None = None) -> Outcome:
    """Make the collection at `url` hold exactly these plans' events; `before_write` is a hook for tests.

    A change the server refuses is kept in `refused` and the rest are still
    tried; a failure that stops every request (no connection, the login
    refused, a server failing) ends the run with PublishError.
    """
    outcome = Outcome()
    try:
        client = CalDavClient(url, login.user, login.password)
    except DavError as error:
        raise PublishError(error, outcome) from None
    try:
        planned = planned_events(plans, segments, alarm, language)
        listing = client.calendar_objects()
        outcome.outside = listing.outside
        stored = [s for s in (read_stored(o.href, o.etag, o.data) for o in listing.objects) if s]
        forums = {p.forum_id for p in plans}
        decision = decide(stored, planned, forums, client.collection_path)
        if decision.conflicts:
            raise _conflicts(decision.conflicts, client.collection_url)
        by_uid = {event.uid: event for event in planned}
        for action in decision.actions:
            done: Action | None = action  # what was actually done, after any 412; None when nothing was left to do
            if action.kind is not Kind.UNCHANGED and not dry_run:
                if before_write is not None:
                    before_write(action)
                planned_one = by_uid.get(action.uid) if action.kind is not Kind.DELETE else None
                try:
                    done = _write(client, action, planned_one, forums, outcome)
                except DavError as error:
                    if stops_the_run(error):
                        raise
                    outcome.refused.append(Refusal(action.kind, action.uid, error))
                    continue
            if done is not None:
                outcome.counts[done.kind] += 1
                outcome.written |= done.kind is not Kind.UNCHANGED and not dry_run
    except DavError as error:
        raise PublishError(error, outcome) from None
    finally:
        client.close()
    return outcome
