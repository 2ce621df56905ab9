"""The MC's script (사회자 시나리오) as a printed page: A4, large type to read from at a lectern.

The words are agenda.render.mc_script's; here is only markup. Each segment
starts with its time; what the MC says and what the 좌장 says are told
apart at a glance (a label and a rule at the left), cues are grey and in
brackets, and neither a heading nor a thing said is left alone at a page's end.
"""

from datetime import datetime
from html import escape

from agenda.core.planner import Plan
from agenda.export.paper_style import page
from agenda.render.mc_script import Line, Script, mc_script

STYLE = """
@page { size: A4; margin: 16mm 18mm; }
body { font-size: 13pt; line-height: 1.6; max-width: 174mm; margin: 0 auto; padding: 6mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
.forum-title { font-size: 14pt; font-weight: bold; margin: 0; }
.theme { font-size: 12pt; margin: 1mm 0 0; padding: 0; border: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 4mm; font-size: 11pt; margin: 2mm 0 6mm; }
dt { font-weight: bold; } dd { margin: 0; }
section { margin: 0 0 6mm; }
h2 { font-size: 14pt; border-bottom: 2px solid #1a1a1a; margin: 0 0 2mm; padding-bottom: 1mm; break-after: avoid; }
h2 .when { font-variant-numeric: tabular-nums; margin-right: 3mm; }
h2.part { border-bottom-width: 4px; font-size: 16pt; }
p { margin: 0 0 2mm; padding-left: 3mm; border-left: 3px solid transparent; break-inside: avoid; }
p.mc { border-left-color: #1a1a1a; } p.chair { border-left-color: #7b7b7b; }
.who { font-weight: bold; margin-right: 2mm; } .at { font-variant-numeric: tabular-nums; color: #4d4d4d; }
.cue { color: #595959; font-size: 11pt; white-space: nowrap; }
@media print { body { padding: 0; max-width: none; } }
"""


def _line(line: Line, script: Script) -> str:
    said = " ".join(f'<span class="cue">[{escape(p.text)}]</span>' if p.cue else escape(p.text) for p in line.pieces)
    who = {"mc": script.words.mc, "chair": script.words.chair}.get(line.speaker or "", "")
    lead = f'<span class="at">{escape(line.when)}</span> ' if line.when else ""
    label = f'<span class="who">{escape(who)}</span>' if who else ""
    return f'<p class="{line.speaker or "cue-line"}">{lead}{label}{said}</p>'


def script_html(plan: Plan, language: str | None = None) -> str:
    script = mc_script(plan, language)
    out = [f"<header><h1>{escape(script.words.heading)}</h1>",
           f'<p class="forum-title">{escape(script.title)}</p>',
           *([f'<p class="theme">{escape(plan.forum.theme)}</p>'] if plan.forum.theme else []),  # as in the Markdown
           "<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in script.details) + "</dl>",
           "</header>", "<main>"]
    for block in script.blocks:
        if block.heading:
            out.append(f'<h2 class="part">{escape(block.title)}</h2>')
            out += [_line(line, script) for line in block.lines]  # a day's welcome, a 부 opened by the MC
            continue
        out.append(f'<section><h2><span class="when">{escape(block.when)}</span>{escape(block.title)}</h2>')
        out += [_line(line, script) for line in block.lines]
        out.append("</section>")
    out.append("</main>")
    title = f"{script.words.heading} · {script.title}"
    return page(language or plan.language, title, STYLE, "\n".join(out))


def script_pdf(plan: Plan, when: datetime, language: str | None = None) -> bytes:
    from agenda.export.pdf import print_html

    return print_html(script_html(plan, language), when)
