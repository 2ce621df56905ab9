"""The one console every terminal output of the programme is printed through.

A title may hold a bidi override (the file format keeps them, for text that
really mixes directions): printed as it is, it turns the rest of a table row
around, and a C1 control would drive the terminal. Rich draws every table,
clock and report as segments; this console writes each segment of text
through `agenda.render.inert.shown` on its way out, so no renderer can forget to.
"""

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment
from rich.text import Text

from agenda.render.inert import shown


class InertConsole(Console):
    """Rich's console, with every text segment (never its own cursor and colour codes) made visible text.

    Strings are never Rich markup or emoji codes here: a title `[x](javascript:…)` or `[bold red]` is
    printed as written, not swallowed as a style.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        kwargs.setdefault("emoji", False)
        super().__init__(*args, **kwargs)

    def render_str(self, text: str, *args: Any, **kwargs: Any) -> "Text":
        """A string cell, escaped before it is measured, so that the table's columns line up."""
        return super().render_str(shown(text), *args, **kwargs)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            segment if segment.control else Segment(shown(segment.text), segment.style)
            for segment in buffer)
