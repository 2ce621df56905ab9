"""The fenced examples of the README and docs/, read the one way every documentation test reads them.

A block is the lines between an opening fence (```console, ```yaml, …) and a
bare closing one; an HTML comment on the line just above it is its marker:
`<!-- file: NAME -->` (the block is that file, for the page's console examples),
`<!-- checked-by: test_x.py::test_name -->` (that test runs the example).
"""

import re
from dataclasses import dataclass
from pathlib import Path

from helpers import ROOT

CONTRACT = ROOT / "docs" / "FORMAT.md"
"""The shared contract, copied byte for byte: its examples are the contract's, not this project's pages."""

PAGES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md",
         *sorted(page for page in (ROOT / "docs").glob("*.md") if page != CONTRACT)]
MARKER = re.compile(r"^<!-- (.+?) -->$")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, from 1
    language: str
    marker: str | None
    body: str

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    found: list[Block] = []
    lines = page.read_text(encoding="utf-8").split("\n")
    opening: tuple[int, str, str | None] | None = None
    body: list[str] = []
    for number, line in enumerate(lines, start=1):
        if opening is None and line.startswith("```"):
            above = MARKER.match(lines[number - 2]) if number > 1 else None
            opening, body = (number, line[3:].strip(), above.group(1) if above else None), []
        elif opening is not None and line == "```":
            found.append(Block(page, opening[0], opening[1], opening[2], "".join(f"{text}\n" for text in body)))
            opening = None
        elif opening is not None:
            body.append(line)
    assert opening is None, f"{page.name}:{opening[0]}: a fence that never closes"
    return found


def checked_by(page: Path, test: str) -> Block:
    """The one console block of PAGE that says TEST (`test_x.py::test_name`) runs it."""
    [block] = [block for block in blocks(page) if block.marker == f"checked-by: {test}"]
    assert block.language == "console"
    return block
