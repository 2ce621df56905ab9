"""The MC's script as Markdown: for reading on a screen, or pasting into the organizers' shared notes.

Everything from the file goes through the Markdown escaping of every other
Markdown output; the cues' brackets are the script's own. A block's one
tilde (`10:00~10:05`) stays bare, so that the script reads the same pasted
as plain text (agenda.render.plan_markdown.lone_tilde).
"""

from agenda.core.planner import Plan
from agenda.render.mc_script import Line, Script, mc_script
from agenda.render.plan_markdown import escape, lone_tilde


def _markdown_line(line: Line, script: Script) -> str:
    said = " ".join(f"[{escape(p.text)}]" if p.cue else escape(p.text) for p in line.pieces)
    who = {"mc": script.words.mc, "chair": script.words.chair}.get(line.speaker or "", "")
    lead = f"**{escape(line.when)}** " if line.when else ""
    return f"{lead}**{who}:** {said}" if who else f"{lead}{said}"


def script_markdown(plan: Plan, language: str | None = None) -> str:
    """The script as Markdown: a heading per segment with its time, a paragraph per thing said."""
    script = mc_script(plan, language)
    header = [f"**{escape(script.title)}**  "]
    if plan.forum.theme:
        header.append(f"{escape(plan.forum.theme)}  ")
    header += [f"{escape(label)}: {escape(value)}  " for label, value in script.details]
    out = [f"# {escape(script.words.heading)}", "", lone_tilde("\n".join(header))]  # one paragraph
    for block in script.blocks:
        out += ["", lone_tilde(f"## {escape(block.title)}" if block.heading or not block.when
                               else f"## {escape(block.when)} {escape(block.title)}")]
        for line in block.lines:
            out += ["", lone_tilde(_markdown_line(line, script))]
    return "\n".join(out) + "\n"
