"""`agenda diff` output: text for the terminal, JSON for scripts, Markdown for a pull request or a notice."""

import json
from dataclasses import asdict

from agenda.changes import Change
from agenda.i18n import labels_for
from agenda.planner import Plan
from agenda.render.plan_markdown import escape


def _describe(change: Change, minutes_word) -> str:
    if change.change in ("moved", "window", "cancelled", "restored"):
        return f"{change.before} → {change.after}"
    if change.change == "resized":
        return f"{minutes_word(int(change.before))} → {minutes_word(int(change.after))}"
    if change.change == "renamed":
        return f"{change.before} → {change.after}"
    if change.change == "added":
        return change.after or ""
    if change.change == "removed":
        return change.before or ""
    parts = [f"+{name}" for name in change.detail.get("added", [])]
    parts += [f"−{name}" for name in change.detail.get("removed", [])]
    return ", ".join(parts)


def changes_text(changes: list[Change], plan: Plan) -> str:
    if not changes:
        return "no changes\n"
    labels = labels_for(plan.language)
    width = max(len(c.change) for c in changes)
    lines = [f"{c.change:<{width}}  {c.title}: {_describe(c, labels.minutes)}" for c in changes]
    return "\n".join(lines) + f"\n{len(changes)} change{'s' if len(changes) != 1 else ''}\n"


def changes_json(changes: list[Change], plan: Plan) -> str:
    return json.dumps({"changes": [asdict(c) for c in changes]}, ensure_ascii=False, indent=2) + "\n"


def changes_markdown(changes: list[Change], plan: Plan) -> str:
    labels = labels_for(plan.language)
    lines = [f"### {escape(plan.forum.title)}", ""]
    if not changes:
        return "\n".join(lines + ["No changes.", ""])
    lines += ["| change | segment | what |", "|---|---|---|"]
    lines += [f"| {c.change} | {escape(c.title)} | {escape(_describe(c, labels.minutes))} |" for c in changes]
    return "\n".join(lines) + "\n"
