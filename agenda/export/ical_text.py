"""A component's bytes as icalendar's `to_ical()` writes them, without its fold where no fold can happen.

icalendar writes every content line (name, parameters, escaped value) and
then folds it to 75 octets one character at a time, in Python, though most
lines are shorter and come out as they went in: that walk was a third of
the writing of a republish's 200 events. Here icalendar still writes each
line; a line under 75 octets is taken as it is, and a longer one goes
through icalendar's own fold (its rule keeps escapes whole across a fold).
"""

from collections.abc import Hashable
from functools import lru_cache

from icalendar import Component

FOLD_AT = 75
"""Octets: icalendar folds a line whose octets reach this many, and leaves a shorter one as it is."""


def ical_bytes(component: Component, written_before: dict[tuple[str, object], tuple[bytes, object]] | None = None
               ) -> bytes:
    """The same bytes as `component.to_ical()` (properties in icalendar's sorted order).

    `written_before` keeps each line once written, by property name and value
    object (the object is kept with it, so its id stays its own): events that
    share a value object (shared_value) have its line written once for all.
    """
    lines = {} if written_before is None else written_before
    written = []
    for name, value in component.property_items():
        key = (name, value if isinstance(value, (bytes, str)) else id(value))
        line = lines.get(key)
        if line is None:
            content = component.content_line(name, value)
            text = content.encode("utf-8")
            line = lines[key] = (text if len(text) < FOLD_AT else content.to_ical(), value)
        written.append(line[0])
    return b"\r\n".join(written) + b"\r\n"


@lru_cache(maxsize=256)
def shared_value(name: str, value: Hashable) -> object:
    """`value` as icalendar's `add` encodes it for property `name`, one object for equal values.

    Every event of a forum carries the same DTSTAMP, SEQUENCE, X-AGENDA-FORUM,
    STATUS and the like; encoded once and shared, each is also written once
    (ical_bytes). Shared objects are never changed after.
    """
    holder = Component()
    holder.add(name, value)
    return holder[name]
