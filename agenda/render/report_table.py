"""The report as a table in the terminal, laid out as the plan's is: no word broken, no time squeezed.

Left to Rich, a table wider than the terminal shrinks every column alike:
the titles lose their ends behind an ellipsis ("발제: AI 시대의 정 …", a
skipped panelist's name with them), times are cut ("13:30–14:…"), and on
a narrow terminal the first column goes altogether. Here the statuses,
times, minutes and differences keep their widths, and the titles are broken
at spaces to what is left; only a word wider than all that is left folds.
Where even that does not fit, the table drops its box for plain spacing.
"""

from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from agenda.render.line_breaks import wrap_at_spaces

_RIGHT = (3, 5)  # the minutes columns


class ReportTable:
    """Headings and rows of cells, the first column the part's title, laid out for the console's width."""

    def __init__(self, headings: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.headings = list(headings)
        self.rows = [list(row) for row in rows]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        count = len(self.headings)
        fixed = [max(cell_len(text) for text in [self.headings[k], *(row[k] for row in self.rows)])
                 for k in range(1, count)]
        titles = [self.headings[0], *(row[0] for row in self.rows)]
        widest_word = max([1] + [cell_len(word) for title in titles for word in title.split()])
        longest = max(cell_len(line) for title in titles for line in title.splitlines() or [""])
        boxed = options.max_width - (3 * count + 1) - sum(fixed) >= widest_word
        room = options.max_width - ((3 * count + 1) if boxed else 2 * (count - 1)) - sum(fixed)
        width = max(1, min(longest, room))
        table = Table(box=box.HEAVY_HEAD if boxed else None, padding=(0, 1) if boxed else (0, 1, 0, 0),
                      expand=False, show_edge=boxed)
        table.add_column(self.headings[0], width=width, overflow="fold")
        for k, heading in enumerate(self.headings[1:], start=1):
            table.add_column(heading, width=fixed[k - 1], no_wrap=True, justify="right" if k in _RIGHT else "left")
        for row in self.rows:
            table.add_row(Text("\n".join(wrap_at_spaces(row[0], width))), *row[1:])
        for line in console.render_lines(table, options, pad=False):  # no line ends in spaces
            yield from _rstripped(line)
            yield Segment.line()


def _rstripped(line: list[Segment]) -> list[Segment]:
    """The line without the spaces that pad its last cells (a boxed line ends in its border and keeps it)."""
    kept = list(line)
    while kept and not kept[-1].text.rstrip(" "):
        kept.pop()
    if kept:
        last = kept[-1]
        kept[-1] = Segment(last.text.rstrip(" "), last.style, last.control)
    return kept
