"""The words of a change notice and of the organizer's index, in the forum's language.

A notice says what moved, before → after, and then the person's new times
in full, so that it can be read without the old programme at hand.
"""

import re
from datetime import date, datetime

from agenda.core.mail_addresses import AddressProblem, mail_address
from agenda.messages import catalogue
from agenda.messages.labels import Labels, labels_for
from agenda.core.part_changes import PartChange, PersonChanges
from agenda.core.parts import Part
from agenda.core.planner import Plan
from agenda.messages.notice_words import days_when, notice_words, part_date, role_word
from agenda.render.plan_markdown import escape, escape_block, lone_tilde
from agenda.core.zones import clock_text


def _moment(moment: datetime | None, day: date, labels: Labels, zone: bool = False) -> str:
    """A part's time on the clock of the file it comes from; the date too when it is not the forum's day,
    and the zone's name when the two versions keep different clocks."""
    if moment is None:
        return "—"
    clock = clock_text(moment)
    if zone and not clock.endswith(str(moment.tzname())):
        clock += f" {moment.tzname()}"
    return clock if moment.date() == day else f"{labels.long_date(moment.date())} {clock}"


def _span(plan: Plan, part: Part, labels: Labels) -> str:
    """`10:00~12:00 (120분)`; in a forum of several days with the part's date before it."""
    text: str = labels.time_range(part.start, part.end)  # on the clock of the file the part comes from
    if part.minutes is not None:
        text += f" ({labels.minutes(part.minutes)})"
    moment = part.start or part.end
    if plan.has_days and moment is not None:
        text = f"{part_date(labels, moment.date())} {text}"
    return text


def _room(plan: Plan, part: Part) -> str:
    """` · 국제회의장` after a part, when the file has rooms: in a programme of several, where to go."""
    return f" · {part.room}" if plan.rooms and part.room else ""


def forum_date(plan: Plan, labels: Labels) -> str:
    """The 일시 line's value: the forum's date and hours; in a forum of several days each day's own."""
    if plan.has_days:
        return days_when(labels, [(plan.local(day.start), plan.local(day.end)) for day in plan.days])
    return labels.when(plan.local(plan.window_start), plan.local(plan.window_end))


def change_line(change: PartChange, plan: Plan) -> str:
    """One change, e.g. `시작: 14:20 → 14:30`, or `취소: 14:45~15:00 (15분)`."""
    words, labels = notice_words(plan.language), labels_for(plan.language)
    label = words.changes[change.change]
    day = plan.local(plan.window_start).date()
    if change.change in ("start", "end"):
        zones = {str(t.tzinfo) for t in (change.before, change.after) if t is not None}
        return (f"{label}: {_moment(change.before, day, labels, len(zones) > 1)} → "
                f"{_moment(change.after, day, labels, len(zones) > 1)}")
    if change.change == "minutes":
        before = "—" if change.before is None else words.minutes.format(n=change.before)
        after = "—" if change.after is None else words.minutes.format(n=change.after)
        return f"{label}: {before} → {after}"
    if change.change in ("title", "room"):
        return f"{label}: {change.before or '—'} → {change.after or '—'}"
    return f"{label}: {_span(plan, change.part, labels)}"


def grouped(person: PersonChanges) -> list[tuple[Part, list[PartChange]]]:
    """Changes by part, in the order they were found."""
    groups: dict[tuple[str | None, str | None], tuple[Part, list[PartChange]]] = {}
    for change in person.changes:
        groups.setdefault(change.part.key, (change.part, []))[1].append(change)
    return list(groups.values())


def notice_subject(plan: Plan, first_release: bool = False) -> str:
    words = notice_words(plan.language)
    return (words.release_subject if first_release else words.subject).format(forum=plan.forum.title)


def signature(plan: Plan) -> list[str]:
    """The closing, then the forum's contact as the signature: who to ask, and how."""
    words = notice_words(plan.language)
    lines = [words.closing]
    contact = plan.forum.contact
    if contact is not None:
        lines += ["", words.signed.format(name=contact.name)]
        if contact.email:
            lines.append(f"{words.email}: {contact.email}")
        if contact.phone:
            lines.append(f"{words.phone}: {contact.phone}")
    return lines


def notice_body(person: PersonChanges, plan: Plan, first_release: bool = False, invitations: bool = False) -> str:
    """What changed and the person's new times; for the first release, their whole part."""
    words, labels = notice_words(plan.language), labels_for(plan.language)
    lines = [words.greeting.format(name=person.person.name), "",
             (words.release_intro if first_release else words.intro).format(forum=plan.forum.title), "",
             f"{words.date}: {forum_date(plan, labels)}"]
    if plan.forum.venue:
        lines.append(f"{words.venue}: {plan.forum.venue}")
    if not first_release:
        lines += ["", words.changed_heading]
        for part, changes in grouped(person):
            lines.append(f"- {part.title} ({role_word(words, part.role, part.kind)}){_room(plan, part)}")
            lines += [f"  {change_line(change, plan)}" for change in changes]
    lines += ["", words.release_heading if first_release else words.new_times_heading]
    current = person.new.parts if person.new else []
    for part in current:
        mark = f" — {words.cancelled}" if part.cancelled else ""
        span = f"{_span(plan, part, labels)} " if part.start or part.end else ""  # `until` alone: ~10:30
        lines.append(f"- {span}{part.title} ({role_word(words, part.role, part.kind)}){_room(plan, part)}{mark}")
    if not any(not part.cancelled for part in current):
        lines.append(words.no_parts_left)
    lines.append("")
    if invitations:
        lines.append(words.invitations_follow)
    lines += [words.release_attachment if first_release else words.attachment, "", *signature(plan), ""]
    return "\n".join(lines)


def invitation_subject(part: Part, plan: Plan, cancel: bool) -> str:
    words = notice_words(plan.language)
    return (words.cancel_subject if cancel else words.invite_subject).format(part=part.title, forum=plan.forum.title)


def invitation_body(person: PersonChanges, part: Part, plan: Plan, cancel: bool) -> str:
    """The words beside one invitation's calendar, for a reader whose mail shows no calendar."""
    words, labels = notice_words(plan.language), labels_for(plan.language)
    lines = [words.greeting.format(name=person.person.name), "",
             (words.cancel_intro if cancel else words.invite_intro).format(forum=plan.forum.title), "",
             f"{part.title} ({role_word(words, part.role, part.kind)})"]
    if part.start is not None and part.end is not None:
        when = labels.when(part.start, part.end)
        lines.append(f"{words.date}: {when}" + (f" ({labels.minutes(part.minutes)})" if part.minutes else ""))
    if plan.forum.venue:
        lines.append(f"{words.venue}: {plan.forum.venue}")
    return "\n".join([*lines, "", *signature(plan), ""])


_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+")


def _address(email: str) -> str:
    """A plain address as Markdown's own <address> link; any other (a `javascript:` that passes as an
    address, a bidi override) escaped as text."""
    return f"<{email}>" if _PLAIN_ADDRESS.fullmatch(email) else escape(f"<{email}>")


def index_markdown(people: list[PersonChanges], plan: Plan, old_revision: int | None,
                   files: dict[str, list[str]]) -> str:
    """The organizer's checklist: who is told and why, who has no address, who was left out.

    It is Markdown, read in a viewer that renders it: every text from the file goes through the one escape
    that the other Markdown outputs use (at the start of a list item, the one that also keeps `# `, `1. `
    or `- ` from starting a heading or a list). `old_revision` is None for the first release (`--all`);
    `files` are each person's drafts, their notice first."""
    words, labels = notice_words(plan.language), labels_for(plan.language)
    first_release = old_revision is None
    title = words.release_index_title if first_release else words.index_title
    lines = [f"# {title.format(forum=escape(plan.forum.title))}", ""]
    if old_revision is not None and plan.forum.revision <= old_revision:
        lines += [words.index_revision_warning.format(old=old_revision, new=plan.forum.revision), ""]
    changed = [p for p in people if p.changes]
    messages = catalogue(plan.language)

    def mailable(person: PersonChanges) -> bool:
        return person.person.email is not None and not isinstance(mail_address(person.person.email), AddressProblem)

    def section(title: str, members: list[PersonChanges]) -> None:
        lines.extend([f"## {title}", ""])
        for person in members:
            email = person.person.email
            found = mail_address(email) if email else None
            address = f" {_address(email)}" if email and not isinstance(found, AddressProblem) else ""
            why = (f" ({escape(messages.unmailable(repr(email), found.value))})"
                   if isinstance(found, AddressProblem) else "")
            named = ", ".join(f"`{name}`" for name in files[person.key])
            lines.append(f"- {escape_block(person.person.name)}{address}: {named}{why}")
            for part, changes in grouped(person):
                said = (_span(plan, part, labels) + _room(plan, part) if first_release
                        else "; ".join(change_line(c, plan) for c in changes))
                lines.append(lone_tilde(f"  - {escape_block(part.title)}" + (f" — {escape(said)}" if said else "")))
        if not members:
            lines.append(f"- {words.index_nobody}")
        lines.append("")

    section(words.index_notified, [p for p in changed if mailable(p)])
    section(words.index_no_address, [p for p in changed if not mailable(p)])
    lines.extend([f"## {words.release_index_left_out if first_release else words.index_unchanged}", ""])
    unchanged = [p.person.name for p in people if not p.changes]
    lines.append(f"- {', '.join([escape_block(unchanged[0])] + [escape(name) for name in unchanged[1:]])}"
                 if unchanged else f"- {words.index_nobody}")
    return "\n".join(lines) + "\n"
