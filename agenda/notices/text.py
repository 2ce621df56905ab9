"""The words of a change notice and of the organizer's index, in the forum's language.

A notice says what moved, before → after, and then the person's new times
in full, so that it can be read without the old programme at hand.
"""

import re
from datetime import date, datetime

from agenda.messages.labels import Labels, labels_for
from agenda.core.part_changes import PartChange, PersonChanges
from agenda.core.parts import Part
from agenda.core.planner import Plan
from agenda.messages.notice_words import notice_words, role_word
from agenda.render.plan_markdown import escape, escape_block
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
    text: str = labels.time_range(part.start, part.end)  # on the clock of the file the part comes from
    if part.minutes is not None:
        text += f" ({labels.minutes(part.minutes)})"
    return text


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


def notice_subject(plan: Plan) -> str:
    return notice_words(plan.language).subject.format(forum=plan.forum.title)


def notice_body(person: PersonChanges, plan: Plan) -> str:
    words, labels = notice_words(plan.language), labels_for(plan.language)
    lines = [words.greeting.format(name=person.person.name), "",
             words.intro.format(forum=plan.forum.title), "",
             f"{words.date}: {labels.when(plan.local(plan.window_start), plan.local(plan.window_end))}"]
    if plan.forum.venue:
        lines.append(f"{words.venue}: {plan.forum.venue}")
    lines += ["", words.changed_heading]
    for part, changes in grouped(person):
        lines.append(f"- {part.title} ({role_word(words, part.role, part.kind)})")
        lines += [f"  {change_line(change, plan)}" for change in changes]
    lines += ["", words.new_times_heading]
    current = [part for part in (person.new.parts if person.new else []) if part.start is not None]
    for part in current:
        mark = f" — {words.cancelled}" if part.cancelled else ""
        lines.append(f"- {_span(plan, part, labels)} {part.title} ({role_word(words, part.role, part.kind)}){mark}")
    if not any(not part.cancelled for part in current):
        lines.append(words.no_parts_left)
    lines += ["", words.attachment, ""]
    return "\n".join(lines)


_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+")


def _address(email: str) -> str:
    """A plain address as Markdown's own <address> link; any other (a `javascript:` that passes as an
    address, a bidi override) escaped as text."""
    return f"<{email}>" if _PLAIN_ADDRESS.fullmatch(email) else escape(f"<{email}>")


def index_markdown(people: list[PersonChanges], plan: Plan, old_revision: int, files: dict[str, str]) -> str:
    """The organizer's checklist: who is told and why, who has no address, who was left out.

    It is Markdown, read in a viewer that renders it: every text from the file goes through the one escape
    that the other Markdown outputs use (at the start of a list item, the one that also keeps `# `, `1. `
    or `- ` from starting a heading or a list)."""
    words = notice_words(plan.language)
    lines = [f"# {words.index_title.format(forum=escape(plan.forum.title))}", ""]
    if plan.forum.revision <= old_revision:
        lines += [words.index_revision_warning.format(old=old_revision, new=plan.forum.revision), ""]
    changed = [p for p in people if p.changes]

    def section(title: str, members: list[PersonChanges]) -> None:
        lines.extend([f"## {title}", ""])
        for person in members:
            address = f" {_address(person.person.email)}" if person.person.email else ""
            lines.append(f"- {escape_block(person.person.name)}{address}: `{files[person.key]}`")
            for part, changes in grouped(person):
                lines.append(f"  - {escape_block(part.title)} — "
                             + "; ".join(escape(change_line(c, plan)) for c in changes))
        if not members:
            lines.append(f"- {words.index_nobody}")
        lines.append("")

    section(words.index_notified, [p for p in changed if p.person.email])
    section(words.index_no_address, [p for p in changed if not p.person.email])
    lines.extend([f"## {words.index_unchanged}", ""])
    unchanged = [p.person.name for p in people if not p.changes]
    lines.append(f"- {', '.join([escape_block(unchanged[0])] + [escape(name) for name in unchanged[1:]])}"
                 if unchanged else f"- {words.index_nobody}")
    return "\n".join(lines) + "\n"
