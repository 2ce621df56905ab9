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

from pydantic import (
    BaseModel,
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from agenda.durations import CLOCK_PATTERN, MAX_MINUTES, duration_pattern, parse_clock, parse_minutes

SLUG = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
PEOPLE_KEY = r"^[^\W][\w.-]*$"
"""A people id: letters (Hangul included), digits, `-`, `_` and `.`, not starting with `.` or `-`."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
MAX_REVISION = 2**31 - 1
"""The calendar SEQUENCE is a signed 32-bit integer (RFC 5545)."""
FIRST_YEAR, LAST_YEAR = 1900, 2999
"""Forum dates and `updated` stay in these years, so that every plan (up to 100,000 segments
of at most a week each) still fits in Python's dates and every calendar reader's."""


class Kind(str, Enum):
    REGISTRATION = "registration"
    OPENING = "opening"
    REMARKS = "remarks"
    TRANSITION = "transition"
    PRESENTATION = "presentation"
    PANEL = "panel"
    QA = "qa"
    BREAK = "break"
    CLOSING = "closing"
    OTHER = "other"


def _text(value: Any) -> Any:
    """Trim surrounding white space; reject control characters, which break calendars and terminals.

    Lone surrogates (a broken JSON escape such as `\\udc00`) are refused too:
    no output encoding can write them.
    """
    if isinstance(value, str):
        value = value.strip()
        bad = _CONTROL.search(value)
        if bad:
            what = "lone surrogate" if 0xD800 <= ord(bad.group()) <= 0xDFFF else "control character"
            raise ValueError(f"{what} U+{ord(bad.group()):04X} at position {bad.start() + 1}; remove it")
    return value


def _line(value: Any) -> Any:
    """One line of text: a title or name is one line in calendars, tables and file names."""
    value = _text(value)
    if isinstance(value, str):
        bad = _LINE_BREAK.search(value)
        if bad:
            raise ValueError(f"a line break at position {bad.start() + 1}; this field is one line "
                             f"(only description and note may have several)")
    return value


def _web_address(value: Any) -> Any:
    """An http(s) address: it becomes a link in calendars and pages, where `javascript:` would run."""
    value = _line(value)
    if isinstance(value, str):
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(value)
        except ValueError:
            parts = None
        if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc \
                or any(c.isspace() for c in value):
            raise ValueError(f"{value!r} is not a web address; write it as https://example.org/page")
    return value


def _year_in_range(day: date) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"the year {day.year} is outside {FIRST_YEAR}-{LAST_YEAR}; check the date")


def _moment(value: Any) -> Any:
    if isinstance(value, datetime):
        _year_in_range(value)
    return value


def _date(value: Any) -> Any:
    if isinstance(value, datetime):
        raise ValueError(f"{value!r} is a date and time; write the date alone, e.g. 2023-12-13")
    if isinstance(value, date):
        _year_in_range(value)
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            _year_in_range(day)
            return day
    raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2023-12-13")


def _zone(value: Any) -> Any:
    from agenda.zones import check_zone_name

    return check_zone_name(value)


def _minutes_schema(signs: str, lowest: int) -> dict:
    """A duration in JSON Schema, from the parser's own grammar (agenda/durations.py).

    Lengths (`duration`, `each`) take no minus sign there: a negative length is
    an error either way, and an editor should say so at once.
    """
    return {"anyOf": [{"type": "integer", "minimum": lowest, "maximum": MAX_MINUTES},
                      {"type": "string", "pattern": duration_pattern(signs)}],
            "description": "Minutes: 15m, 1h, 1h30m, 90 or PT15M; at most a week"}


MINUTES_SCHEMA = _minutes_schema("+-", -MAX_MINUTES)
LENGTH_SCHEMA = _minutes_schema("+", 1)
BOUND_SCHEMA = _minutes_schema("+", 0)
LINE_PATTERN = r"^\s*[^\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]*\s*$"
TEXT_PATTERN = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f]*$"
DATE_PATTERN = (r"^\s*(19|2[0-9])[0-9]{2}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-9])"
                r"|(?:0[13-9]|1[0-2])-30|(?:0[13578]|1[02])-31)\s*$")
"""A date in the accepted years; 29 February of a year that is not a leap year gets past it."""

Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string", "pattern": TEXT_PATTERN})]
"""Free text that may run over several lines (description, note)."""
Line = Annotated[str, BeforeValidator(_line), WithJsonSchema({"type": "string", "pattern": LINE_PATTERN})]
WebAddress = Annotated[str, BeforeValidator(_web_address),
                       WithJsonSchema({"type": "string", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+\S*$",
                                       "description": "An http or https address."})]
Clock = Annotated[time, BeforeValidator(parse_clock),
                  WithJsonSchema({"type": "string", "pattern": CLOCK_PATTERN,
                                  "description": "A time of day, HH:MM"})]
Day = Annotated[date, BeforeValidator(_date),
                WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN})]
Minutes = Annotated[int, BeforeValidator(parse_minutes), WithJsonSchema(MINUTES_SCHEMA)]
Length = Annotated[int, BeforeValidator(parse_minutes), WithJsonSchema(LENGTH_SCHEMA)]
"""A duration that must be positive (the zero-duration check says why, in validate)."""
Bound = Annotated[int, BeforeValidator(parse_minutes), WithJsonSchema(BOUND_SCHEMA)]


_DATED_END = re.compile(r"\s*(\d{4}-\d{2}-\d{2})[Tt ](\d{1,2}:\d{2}(?::\d{2})?)\s*")


def _end(value: Any) -> Any:
    """`HH:MM` on the forum's day, or a date and time for a forum that runs past midnight.

    Writing the date says "past midnight" on purpose; a bare `end` at or before
    `start` is then almost always a typo (the end-before-start check).
    """
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise ValueError(f"{value!r} has a UTC offset; write the forum's local time, e.g. 2024-05-21 01:00")
        return value
    if isinstance(value, str):
        dated = _DATED_END.fullmatch(value)
        if dated:
            return datetime.combine(_date(dated.group(1)), parse_clock(dated.group(2)))
    try:
        return parse_clock(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a time of day; write it as HH:MM, e.g. 16:00, or with its date "
                         f"past midnight, e.g. 2024-05-21 01:00") from None


_DATE_CORE = DATE_PATTERN.removeprefix(r"^\s*").removesuffix(r"\s*$")
_CLOCK_CORE = CLOCK_PATTERN.removeprefix(r"^\s*")
EndTime = Annotated[Union[datetime, time], BeforeValidator(_end),
                    WithJsonSchema({"type": "string",
                                    "pattern": r"^\s*(?:" + _DATE_CORE + r"[Tt ])?" + _CLOCK_CORE,
                                    "description": "HH:MM, or YYYY-MM-DD HH:MM past midnight"})]

def _revision(value: int) -> int:
    if not 0 <= value <= MAX_REVISION:
        raise ValueError(f"{value} is outside 0-{MAX_REVISION}, the calendar's SEQUENCE range; "
                         f"count published changes 0, 1, 2, ... (not a date)")
    return value


Revision = Annotated[int, AfterValidator(_revision),
                     WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAX_REVISION})]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Person(_Strict):
    name: Line = Field(min_length=1, description="The person's name as printed.")
    affiliation: Line | None = Field(None, description="Organisation the person speaks for.")
    title: Line | None = Field(None, description="The person's position, e.g. 대표 or Director.")


def _person_id(value: Any) -> Any:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{value!r} is not a person; give a people id or {{name: ..., affiliation: ...}}")
    return _line(value)


def _people_key(value: Any) -> Any:
    if isinstance(value, str) and not re.fullmatch(PEOPLE_KEY, value):
        raise ValueError(f"{value!r} is not a people id; use letters, digits, -, _ and . "
                         f"(not first), e.g. kim-minsu or 김민수")
    return value


PeopleKey = Annotated[str, BeforeValidator(_people_key)]
PEOPLE_KEY_SCHEMA = (r"^[^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x9f\s]"
                     r"[^\x00-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x9f\s]*$")
"""PEOPLE_KEY for JSON Schema, whose `\\w` is ASCII only: exact in ASCII, any letter beyond it."""


def _mapping_or_other(mapping_tag: str, other_tag: str):
    return Discriminator(lambda v: mapping_tag if isinstance(v, (dict, BaseModel)) else other_tag)


PersonRef = Annotated[
    Union[Annotated[Person, Tag("person")], Annotated[str, BeforeValidator(_person_id), Tag("id")]],
    _mapping_or_other("person", "id"),
]
"""A person: an id from `people`, or an inline {name, affiliation, title}."""


class Flexible(_Strict):
    """A segment the planner sizes: at least `min`, at most `max` minutes."""

    min: Bound = Field(0, description="Fewest minutes.")
    max: Bound | None = Field(None, description="Most minutes; absent means as many as the window leaves.")

    @model_validator(mode="after")
    def _bounds(self) -> "Flexible":
        if self.max is not None and self.max < self.min:
            raise ValueError(f"max ({self.max}m) is less than min ({self.min}m)")
        return self


def _fill(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() == "fill":
        return {}
    return value


SegmentDuration = Annotated[
    Annotated[
        Union[Annotated[Flexible, Tag("flexible")], Annotated[Length, Tag("minutes")]],
        _mapping_or_other("flexible", "minutes"),
    ],
    BeforeValidator(_fill),
    WithJsonSchema({
        "anyOf": [
            LENGTH_SCHEMA,
            {"type": "string", "pattern": r"^\s*[Ff][Ii][Ll][Ll]\s*$"},
            {"type": "object", "additionalProperties": False,
             "properties": {"min": BOUND_SCHEMA, "max": BOUND_SCHEMA}},
        ],
        "description": "Minutes, {min, max} (flexible), or fill",
    }),
]


class Series(_Strict):
    title: Line = Field(description="The series' title; the calendar is named after it.")
    number: int | None = Field(None, description="This forum's place in the series.")


class Forum(_Strict):
    id: Annotated[str, Field(pattern=SLUG)] | None = Field(None, description="Slug from which stable calendar UIDs are built.")
    title: Line = Field(min_length=1, description="The forum's title.")
    theme: Line | None = Field(None, description="Subtitle or theme.")
    series: Series | None = Field(None, description="The series this forum belongs to.")
    organizer: Line | None = Field(None, description="Who holds the forum.")
    venue: Line | None = Field(None, description="Where; becomes the calendar LOCATION.")
    url: WebAddress | None = Field(None, description="A page about the forum.")
    description: Text | None = Field(None, description="Free text about the forum.")
    date: Day = Field(description="The day, YYYY-MM-DD.")
    start: Clock = Field(description="Start of the window, HH:MM.")
    end: EndTime | None = Field(None, description="End of the window, HH:MM, or a date and time past "
                                                  "midnight (or give duration).")
    duration: Length | None = Field(None, description="Length of the window (or give end).")
    timezone: Annotated[str, BeforeValidator(_zone)] = Field(description="IANA time zone name, e.g. Asia/Seoul.")
    language: Literal["ko", "en"] = Field("ko", description="Language of labels, default titles and dates.")
    mc: PersonRef | None = Field(None, description="The MC (진행 사회).")
    moderator: PersonRef | None = Field(None, description="The moderator (좌장).")
    revision: Revision = Field(default=0, description="Rises with each published change; the calendar SEQUENCE.")
    updated: Annotated[datetime, AfterValidator(_moment)] | None = Field(None, description="When the programme last changed; the calendar DTSTAMP.")

    @model_validator(mode="after")
    def _one_end(self) -> "Forum":
        if self.end is None and self.duration is None:
            raise ValueError("the window needs an end: give end (HH:MM) or duration (e.g. 120m)")
        if self.end is not None and self.duration is not None:
            raise ValueError("give end or duration, not both")
        if isinstance(self.end, datetime):
            from agenda.durations import MAX_MINUTES

            length = self.end - datetime.combine(self.date, self.start)
            if length.total_seconds() > MAX_MINUTES * 60:
                raise ValueError(f"end {self.end:%Y-%m-%d %H:%M} is more than a week after the start; "
                                 f"a forum lasts at most a week")
        return self


class Item(_Strict):
    title: Line = Field(min_length=1, description="What happens.")
    duration: Length | None = Field(None, description="Minutes; timed items run one after another from the segment's start.")
    speaker: PersonRef | None = Field(None, description="The one speaker (a people id or inline person).")
    speakers: list[PersonRef] = Field([], description="Several speakers.")
    note: Text | None = Field(None, description="Free text, shown in the notes column.")


class Segment(_Strict):
    kind: Kind = Field(description="What sort of segment this is.")
    title: Line | None = Field(None, description="Defaults to the kind's label in the output language.")
    id: Annotated[str, Field(pattern=SLUG)] | None = Field(None, description="Keeps the segment's calendar UID stable.")
    duration: SegmentDuration | None = Field(None, description="Minutes, or {min, max}, or fill.")
    each: Length | None = Field(None, description="Minutes per speaker.")
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
            raise ValueError(
                f"the {self.kind.value} segment has no length: give duration, each, until, or items with durations"
            )
        if self.each is not None and not self.all_speakers:
            raise ValueError("each is minutes per speaker, but the segment has no speakers")
        if self.each is not None and isinstance(self.duration, Flexible):
            raise ValueError("each fixes the length; drop it or give a fixed duration")
        if self.at is not None and self.until is not None and self.duration is not None:
            raise ValueError("at, until and duration all fix the length; give two of them")
        return self

    @property
    def all_speakers(self) -> list:
        return ([self.speaker] if self.speaker is not None else []) + list(self.speakers)


class Rules(_Strict):
    require: list[Kind] = Field([], description="Segment kinds that must be present.")
    allow_slack: Minutes = Field(default=0, description="Unscheduled minutes at the end tolerated without the slack warning.")
    ignore: list[str] = Field([], description="Check codes to skip.")

    @field_validator("ignore")
    @classmethod
    def _known_codes(cls, codes: list[str]) -> list[str]:
        from agenda.checks.registry import ALL_CODES

        for code in codes:
            if code not in ALL_CODES:
                raise ValueError(f"{code!r} is not a check code; the codes are: {', '.join(sorted(ALL_CODES))}")
        return codes


class ForumFile(_Strict):
    """One forum: its window, its people and its programme."""

    forum: Forum = Field(description="The event: title, day, window and time zone.")
    people: dict[PeopleKey, Person] = Field({}, description="Roster: id -> person.")
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
