"""Where in the file a value came from.

Positions are looked up only when a finding needs one, so a valid file pays
nothing for them beyond keeping its parse tree.
"""

from agenda.core.findings import Path


class SourceMap:
    """Positions of values in one file; this base knows none, so everything is at 1:1."""

    def position(self, path: Path, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at `path`, or of its key when `key`.

        A path that goes deeper than the file does resolves to its deepest
        existing ancestor, so every finding gets a position.
        """
        return (1, 1)


NoPositions = SourceMap
