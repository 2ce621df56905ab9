"""The forum file as a Pydantic model: what a programme is, with no notion of files or terminals.

Values are parsed here (durations, clock times, person references) so that
every later stage works with minutes, `time` objects and `Person`s. Anything
that is wrong in form is rejected here and becomes an `invalid-field`
finding at the value's position; anything that is wrong in substance
(overflows, overlaps, unknown people) is left to the checks.
"""

import re
from datetime import date, datetime, time
from enum import Enum
from typing import Annotated, Any, Literal, Union
from zoneinfo import ZoneInfo

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
    WithJsonSchema,
    model_validator,
)

from pydantic_core import PydanticCustomError

from agenda.codes import CHECK_CODES
from agenda.durations import parse_clock, parse_minutes
from agenda.kinds import KINDS

SLUG = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


Kind = Enum("Kind", {name.upper(): name for name in KINDS}, type=str)  # type: ignore[misc]  # members come from KINDS
"""The segment kinds, one per row of `agenda.kinds.KINDS`."""


def _text(value: Any) -> Any:
    """Trim surrounding white space; reject control characters, which break calendars and terminals."""
    if isinstance(value, str):
        value = value.strip()
        bad = _CONTROL.search(value)
        if bad:
            raise PydanticCustomError("control-character", "control character",
                                      {"character": f"U+{ord(bad.group()):04X}", "position": bad.start() + 1})
    return value


def _date(value: Any) -> Any:
    if isinstance(value, datetime):
        raise PydanticCustomError("date-and-time", "a date and time, not a date", {"value": value.isoformat()})
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("not-a-date", "not a date", {"value": _shown(value)})


def _shown(value: Any) -> str | int | None:
    """The wrong value as an argument of a finding: text and numbers as they are, anything else as text."""
    return value if isinstance(value, (str, int)) or value is None else repr(value)


def _zone(value: Any) -> Any:
    """An IANA name, with a did-you-mean when it is not one; a ZoneInfo passes as it is."""
    from agenda.zones import check_zone_name

    return value if isinstance(value, ZoneInfo) else check_zone_name(value)


_DURATION_PATTERN = (r"^\s*[+-]?\s*(\d+|\d+\s*h(\s*\d+\s*m(in)?)?|\d+\s*m(in)?"
                     r"|[Pp](\d+[Dd])?([Tt](\d+[Hh])?(\d+[Mm])?(\d+[Ss])?)?)\s*$")
MINUTES_SCHEMA = {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": _DURATION_PATTERN}],
                  "description": "Minutes: 15m, 1h, 1h30m, 90 or PT15M"}

Text = Annotated[str, BeforeValidator(_text)]
Clock = Annotated[time, BeforeValidator(parse_clock),
                  WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}:\d{2}(:\d{2})?$",
                                  "description": "A time of day, HH:MM"})]
Day = Annotated[date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
Minutes = Annotated[int, BeforeValidator(parse_minutes), WithJsonSchema(MINUTES_SCHEMA)]
Zone = Annotated[ZoneInfo, BeforeValidator(_zone), PlainSerializer(str, return_type=str),
                 WithJsonSchema({"type": "string"})]
"""A zone the planner can use as it is; written out (JSON, schema) as its IANA name."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _email(value: Any) -> Any:
    """A loose check: one address, no spaces or line breaks (a newline here would forge mail headers)."""
    value = _text(value)
    if isinstance(value, str) and not re.fullmatch(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+", value):
        raise ValueError(f"{value!r} is not an email address; write it as name@example.org")
    return value


EMAIL_SCHEMA = {"type": "string", "pattern": r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$",
                "description": "Where notices go; never printed in the programme, calendars or live pages."}


class Person(_Strict):
    name: Text = Field(min_length=1, description="The person's name as printed.")
    affiliation: Text | None = Field(None, description="Organisation the person speaks for.")
    title: Text | None = Field(None, description="The person's position, e.g. 대표 or Director.")
    email: Annotated[str, BeforeValidator(_email), WithJsonSchema(EMAIL_SCHEMA)] | None = Field(
        None, description="Where notices of changes go; never shown in the programme or calendars.")


def _person_id(value: Any) -> Any:
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError("not-a-person", "not a person", {"value": _shown(value)})
    return value


def _mapping_or_other(mapping_tag: str, other_tag: str):
    return Discriminator(lambda v: mapping_tag if isinstance(v, (dict, BaseModel)) else other_tag)


PersonRef = Annotated[
    Union[Annotated[Person, Tag("person")], Annotated[str, BeforeValidator(_person_id), Tag("id")]],
    _mapping_or_other("person", "id"),
]
"""A person: an id from `people`, or an inline {name, affiliation, title}."""


class Flexible(_Strict):
    """A segment the planner sizes: at least `min`, at most `max` minutes."""

    min: Minutes = Field(0, description="Fewest minutes.")
    max: Minutes | None = Field(None, description="Most minutes; absent means as many as the window leaves.")

    @model_validator(mode="after")
    def _bounds(self) -> "Flexible":
        if self.max is not None and self.max < self.min:
            raise PydanticCustomError("max-below-min", "max is less than min", {"min": self.min, "max": self.max})
        return self


def _fill(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() == "fill":
        return {}
    return value


SegmentDuration = Annotated[
    Annotated[
        Union[Annotated[Flexible, Tag("flexible")], Annotated[Minutes, Tag("minutes")]],
        _mapping_or_other("flexible", "minutes"),
    ],
    BeforeValidator(_fill),
    WithJsonSchema({
        "anyOf": [
            MINUTES_SCHEMA,
            {"const": "fill"},
            {"type": "object", "additionalProperties": False,
             "properties": {"min": MINUTES_SCHEMA, "max": MINUTES_SCHEMA}},
        ],
        "description": "Minutes, {min, max} (flexible), or fill",
    }),
]


class Series(_Strict):
    title: Text = Field(description="The series' title; the calendar is named after it.")
    number: int | None = Field(None, description="This forum's place in the series.")


class Forum(_Strict):
    id: Annotated[str, Field(pattern=SLUG)] | None = Field(None, description="Slug from which stable calendar UIDs are built.")
    title: Text = Field(min_length=1, description="The forum's title.")
    theme: Text | None = Field(None, description="Subtitle or theme.")
    series: Series | None = Field(None, description="The series this forum belongs to.")
    organizer: Text | None = Field(None, description="Who holds the forum.")
    venue: Text | None = Field(None, description="Where; becomes the calendar LOCATION.")
    url: Text | None = Field(None, description="A page about the forum.")
    description: Text | None = Field(None, description="Free text about the forum.")
    date: Day = Field(description="The day, YYYY-MM-DD.")
    start: Clock = Field(description="Start of the window, HH:MM.")
    end: Clock | None = Field(None, description="End of the window, HH:MM (or give duration).")
    duration: Minutes | None = Field(None, description="Length of the window (or give end).")
    timezone: Zone = Field(description="IANA time zone name, e.g. Asia/Seoul.")
    language: Literal["ko", "en"] = Field("ko", description="Language of labels, default titles and dates.")
    mc: PersonRef | None = Field(None, description="The MC (진행 사회).")
    moderator: PersonRef | None = Field(None, description="The moderator (좌장).")
    revision: int = Field(default=0, ge=0, description="Rises with each published change; the calendar SEQUENCE.")
    updated: datetime | None = Field(None, description="When the programme last changed; the calendar DTSTAMP.")

    @model_validator(mode="after")
    def _one_end(self) -> "Forum":
        if self.end is None and self.duration is None:
            raise PydanticCustomError("no-end", "the window needs an end")
        if self.end is not None and self.duration is not None:
            raise PydanticCustomError("end-and-duration", "give end or duration, not both")
        return self


class Item(_Strict):
    id: Annotated[str, Field(pattern=SLUG)] | None = Field(
        None, description="Keeps the item's calendar UIDs stable; default: its position, from 1.")
    title: Text = Field(min_length=1, description="What happens.")
    duration: Minutes | None = Field(None, description="Minutes; timed items run one after another from the segment's start.")
    speaker: PersonRef | None = Field(None, description="The one speaker (a people id or inline person).")
    speakers: list[PersonRef] = Field([], description="Several speakers.")
    note: Text | None = Field(None, description="Free text, shown in the notes column.")


class Segment(_Strict):
    kind: Kind = Field(description="What sort of segment this is.")
    title: Text | None = Field(None, description="Defaults to the kind's label in the output language.")
    id: Annotated[str, Field(pattern=SLUG)] | None = Field(None, description="Keeps the segment's calendar UID stable.")
    duration: SegmentDuration | None = Field(None, description="Minutes, or {min, max}, or fill.")
    each: Minutes | None = Field(None, description="Minutes per speaker.")
    at: Clock | None = Field(None, description="Fixed start time, HH:MM.")
    until: Clock | None = Field(None, description="Fixed end time, HH:MM.")
    speakers: list[PersonRef] = Field([], description="Speakers, in order (people ids or inline persons).")
    speaker: PersonRef | None = Field(None, description="The one speaker.")
    moderator: PersonRef | None = Field(None, description="Who chairs this segment (좌장).")
    mc: PersonRef | None = Field(None, description="Who hosts this segment (사회).")
    items: list[Item] = Field([], description="Sub-items such as 국민의례, 축사, 인사말.")
    note: Text | None = Field(None, description="Shown in the notes column.")
    status: Literal["confirmed", "cancelled"] = Field("confirmed", description="A cancelled segment keeps its place and time.")

    @model_validator(mode="after")
    def _has_length(self) -> "Segment":
        timed_items = any(i.duration is not None for i in self.items)
        if self.duration is None and self.each is None and self.until is None and not timed_items:
            raise PydanticCustomError("no-length", "the segment has no length", {"kind": self.kind.value})
        if self.each is not None and not self.all_speakers:
            raise PydanticCustomError("each-without-speakers", "each without speakers")
        if self.each is not None and isinstance(self.duration, Flexible):
            raise PydanticCustomError("each-and-flexible", "each with a flexible duration")
        if self.at is not None and self.until is not None and self.duration is not None:
            raise PydanticCustomError("overdetermined", "at, until and duration all fix the length")
        return self

    @property
    def all_speakers(self) -> list:
        return ([self.speaker] if self.speaker is not None else []) + list(self.speakers)


def _check_code(code: str) -> str:
    if code not in CHECK_CODES:
        raise PydanticCustomError("unknown-code", "not a check code",
                                  {"value": code, "choices": tuple(sorted(CHECK_CODES))})
    return code


CheckCode = Annotated[str, AfterValidator(_check_code),
                      WithJsonSchema({"type": "string", "enum": list(CHECK_CODES)})]


class Rules(_Strict):
    require: list[Kind] = Field([], description="Segment kinds that must be present.")
    allow_slack: Minutes = Field(default=0, description="Unscheduled minutes at the end tolerated without the slack warning.")
    ignore: list[CheckCode] = Field([], description="Check codes to skip.")


class ForumFile(_Strict):
    """One forum: its window, its people and its programme."""

    forum: Forum = Field(description="The event: title, day, window and time zone.")
    people: dict[str, Person] = Field({}, description="Roster: id -> person.")
    program: list[Segment] = Field(description="The segments, in order.")
    rules: Rules = Field(default_factory=Rules, description="Checks this file asks for or waives.")


MODEL_FOR_KEY: dict[str, type[BaseModel]] = {
    "forum": Forum,
    "series": Series,
    "people": Person,
    "speakers": Person,
    "speaker": Person,
    "mc": Person,
    "moderator": Person,
    "program": Segment,
    "items": Item,
    "duration": Flexible,
    "rules": Rules,
}
"""Which model a mapping under a given key is, for did-you-mean on unknown keys."""
