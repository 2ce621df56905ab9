"""Lines broken at spaces only, measured in terminal cells.

Rich breaks a line at spaces too, but folds a word wider than its column
mid-word, which for Korean splits a word such as "디지털미디어네트워크" in
two. These helpers never split a word: a word wider than the line stays
whole, and the caller sizes its columns so that none is.
"""

import re

from rich.cells import cell_len


def wrap_at_spaces(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells, broken only at spaces; a word wider than that stays whole."""
    lines = []
    for paragraph in text.splitlines() or [""]:
        lines += [piece.strip() for piece in _divide(paragraph, breaks(paragraph, width, width))]
    return lines


def breaks(line: str, first: int, rest: int) -> list[int]:
    """Where the continuation lines start: before a word, never inside one.

    The first line holds `first` cells, the others `rest`.
    """
    found: list[int] = []
    start = 0
    for word in re.finditer(r"\S+", line):
        width = rest if found else first
        if word.start() > start and cell_len(line[start:word.end()]) > width:
            found.append(word.start())
            start = word.start()
    return found


def _divide(line: str, offsets: list[int]) -> list[str]:
    edges = [0, *offsets, len(line)]
    return [line[a:b] for a, b in zip(edges, edges[1:])]


def fold(text: str, width: int, indent: str = "  ") -> str:
    """Each line of `text` broken at spaces to `width` cells, continuation lines indented.

    For messages on a terminal narrower than they are: the terminal would
    fold them at its edge, mid-word ("있습" / "니다").
    """
    folded = []
    for line in text.split("\n"):
        pieces = _divide(line, breaks(line, width, width - cell_len(indent)))
        folded.append("\n".join([pieces[0].rstrip()] + [indent + piece.strip() for piece in pieces[1:]]))
    return "\n".join(folded)
