"""The checks: one module per finding code, each a small function over a Plan.

Every check module fits the `Check` protocol: a CODE, a SEVERITY, and
`check(plan)` yielding where (a `Location` with a model path) and what (typed
arguments: minutes, instants, titles, ids). The driver stamps them with the
code and severity, the loader's positions turn paths into file:line:column,
and the message catalogue turns the arguments into words. Checks know
nothing of files, terminals or languages. Every time on a plan is an
instant in UTC, so checks compare times with `<` and `>` as they are:
that compares instants, never wall clocks.
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from agenda.core.findings import Arguments, Location, Severity

if TYPE_CHECKING:
    from agenda.core.planner import Plan

Problem = tuple[Location, Arguments]


class Check(Protocol):
    CODE: str
    SEVERITY: Severity

    def check(self, plan: "Plan") -> Iterator[Problem]: ...
