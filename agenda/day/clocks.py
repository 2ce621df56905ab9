"""The clocks the day runs by: the wall clock, or a rehearsal's, which starts at a chosen time.

`run` and `serve` both take one of these, and tests pass their own; nothing
else in the day's code reads the time.
"""

import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

Clock = Callable[[], datetime]


def wall_clock() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def rehearsal_clock(start: datetime, ticks: Callable[[], float] = time.monotonic) -> Clock:
    """A clock that starts at `start` and runs at the real pace, for trying the day the evening before."""
    origin = ticks()

    def clock() -> datetime:
        return start + timedelta(seconds=int(ticks() - origin))

    return clock
