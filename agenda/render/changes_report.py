"""`agenda diff` output: text for the terminal, JSON for scripts, Markdown for a pull request or a notice.

A change holds instants (on the clock of the file each side comes from) and
minutes; here they become words of the chosen language.
"""

from datetime import date, datetime
from typing import Any

from agenda.core.changes import Change, Value
from agenda.messages.labels import Labels, labels_for
from agenda.render.inert import json_text
from agenda.core.planner import Plan
from agenda.render.plan_markdown import escape
from agenda.core.zones import clock_text


def _hm(moment: datetime | None, day: date, with_date: bool = False) -> str:
    """A time as its own file's clock read it (a change of zone shows each side in its zone); a time on a
    later day than the forum's date carries (+1), as the programme writes it."""
    if moment is None:
        return ""
    if with_date:
        return f"{moment:%Y-%m-%d} {clock_text(moment)}"
    later = (moment.date() - day).days
    return clock_text(moment) + (f"({later:+d})" if later else "")


def _value(change: Change, value: Value, plan: Plan, labels: Labels) -> str:
    """One side of a change in words; an empty string where the side has nothing."""
    if isinstance(value, tuple):
        start, end = value
        if change.change == "window":  # the date is written; the end counts days from its own start
            return f"{_hm(start, plan.forum.date, True)}–{_hm(end, start.date() if start else plan.forum.date)}"
        return f"{_hm(start, plan.forum.date)}–{_hm(end, plan.forum.date)}"
    if change.change == "renamed":
        return labels.title(value if isinstance(value, str) else None, change.kind or "other")
    if isinstance(value, int):
        return labels.minutes(value)
    if value is None:
        return "—" if change.change == "resized" else ""
    return value


def _describe(change: Change, plan: Plan, labels: Labels) -> str:
    before, after = (_value(change, v, plan, labels) for v in (change.before, change.after))
    if change.change == "added":
        return after
    if change.change == "removed":
        return before
    if change.change == "people":
        parts = [f"+{name}" for name in change.detail.get("added", [])]
        parts += [f"−{name}" for name in change.detail.get("removed", [])]
        return ", ".join(parts)
    return f"{before} → {after}"


def _title(change: Change, labels: Labels) -> str:
    return change.title or "" if change.kind is None else labels.title(change.title, change.kind)


def changes_text(changes: list[Change], plan: Plan, language: str | None = None) -> str:
    labels = labels_for(language or plan.language)
    if not changes:
        return labels.no_changes + "\n"
    width = max(len(c.change) for c in changes)
    lines = [f"{c.change:<{width}}  {_title(c, labels)}: {_describe(c, plan, labels)}" for c in changes]
    return "\n".join(lines) + f"\n{labels.changes(len(changes))}\n"


def _json_value(change: Change, value: Value, plan: Plan, labels: Labels) -> str | None:
    if value is None and change.change != "renamed":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _value(change, value, plan, labels)


def changes_json(changes: list[Change], plan: Plan, language: str | None = None) -> str:
    labels = labels_for(language or plan.language)
    entries: list[dict[str, Any]] = [
        {"change": c.change, "segment": c.segment, "title": _title(c, labels),
         "before": _json_value(c, c.before, plan, labels), "after": _json_value(c, c.after, plan, labels),
         "detail": c.detail}
        for c in changes
    ]
    return json_text({"changes": entries}) + "\n"


def changes_markdown(changes: list[Change], plan: Plan, language: str | None = None) -> str:
    labels = labels_for(language or plan.language)
    lines = [f"### {escape(plan.forum.title)}", ""]
    if not changes:
        return "\n".join(lines + [labels.no_changes_markdown, ""])
    lines += ["| change | segment | what |", "|---|---|---|"]
    lines += [f"| {c.change} | {escape(_title(c, labels))} | {escape(_describe(c, plan, labels))} |"
              for c in changes]
    return "\n".join(lines) + "\n"
