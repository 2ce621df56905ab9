"""The forum file as a Pydantic model: what a programme is, with no notion of files or terminals.

Values are parsed here (durations, clock times, person references) so that
every later stage works with minutes, `time` objects and `Person`s. Anything
that is wrong in form is rejected here and becomes an `invalid-field`
finding at the value's position; anything that is wrong in substance
(overflows, overlaps, unknown people) is left to the checks.
"""

import re
from datetime import date, datetime, time
from enum import StrEnum
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

from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from agenda.core.codes import CHECK_CODES
from agenda.core.durations import (
    CLOCK_OR_RANGE_PATTERN,
    CLOCK_PATTERN,
    CLOCK_RANGE_PATTERN,
    MAX_MINUTES,
    clock_range,
    duration_pattern,
    parse_clock,
    parse_minutes,
)

SLUG = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
PEOPLE_KEY = r"^[^\W][\w.-]*$"
"""A people id: letters (Hangul included), digits, `-`, `_` and `.`, not starting with `.` or `-`."""
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"
_LINE_BREAK = r"[\n\r\u2028\u2029]"
_NOT_ONE_CLEAN_LINE = r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]"
"""Anything `_text` or `_line` refuses. These three are searched only in text that `str.isprintable`
does not pass (all they name is of Unicode's Other or a line or paragraph separator, which it never
passes): compiled then, once, by `re`, rather than at every start."""
MAX_REVISION = 2**31 - 1
"""The calendar SEQUENCE is a signed 32-bit integer (RFC 5545)."""
FIRST_YEAR, LAST_YEAR = 1900, 2999
"""Forum dates and `updated` stay in these years, so that every plan (up to 100,000 segments
of at most a week each) still fits in Python's dates and every calendar reader's."""


# The segment kinds, one per row of `agenda.core.kinds.KINDS` (a test holds the two together); a kind
# equals its name (`kind == "section"`). No docstring: it would become the schema's description.
class Kind(StrEnum):
    REGISTRATION = "registration"
    OPENING = "opening"
    REMARKS = "remarks"
    TRANSITION = "transition"
    PRESENTATION = "presentation"
    KEYNOTE = "keynote"
    PANEL = "panel"
    QA = "qa"
    BREAK = "break"
    CLOSING = "closing"
    OTHER = "other"
    SECTION = "section"
    PARALLEL = "parallel"
    DAY = "day"


def _text(value: Any) -> Any:
    """Trim surrounding white space; reject control characters, which break calendars and terminals.

    Lone surrogates (a broken JSON escape such as `\\udc00`) are refused too:
    no output encoding can write them.
    """
    if isinstance(value, str):
        value = value.strip()
        if value.replace("\n", "").replace("\t", "").isprintable():
            return value  # nearly always: nothing the search below could find
        bad = re.search(_CONTROL, value)
        if bad:
            if 0xD800 <= ord(bad.group()) <= 0xDFFF:
                raise PydanticCustomError("lone-surrogate", "lone surrogate",
                                          {"character": f"U+{ord(bad.group()):04X}", "position": bad.start() + 1})
            raise PydanticCustomError("control-character", "control character",
                                      {"character": f"U+{ord(bad.group()):04X}", "position": bad.start() + 1})
    return value


def _line(value: Any) -> Any:
    """One line of text: a title or name is one line in calendars, tables and file names."""
    if isinstance(value, str) and (value.isprintable() or not re.search(_NOT_ONE_CLEAN_LINE, value)):
        return value.strip()  # the common case; anything else is told apart below

    value = _text(value)
    if isinstance(value, str):
        bad = re.search(_LINE_BREAK, value)
        if bad:
            raise PydanticCustomError("line-break", "a line break in a one-line field", {"position": bad.start() + 1})
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
            raise PydanticCustomError("not-a-web-address", "not a web address", {"value": value})
    return value


def _year_in_range(day: date) -> None:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise PydanticCustomError("year-out-of-range", "the year is outside the years a forum may have",
                                  {"year": day.year, "first": FIRST_YEAR, "last": LAST_YEAR})


def _moment(value: Any) -> Any:
    if isinstance(value, datetime):
        _year_in_range(value)
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date(value: Any) -> Any:
    if isinstance(value, datetime):
        raise PydanticCustomError("date-and-time", "a date and time, not a date", {"value": value.isoformat()})
    if isinstance(value, date):
        _year_in_range(value)
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            _year_in_range(day)
            return day
    raise PydanticCustomError("not-a-date", "not a date", {"value": _shown(value)})


def _shown(value: Any) -> str | int | None:
    """The wrong value as an argument of a finding: text and numbers as they are, anything else as text."""
    return value if isinstance(value, (str, int)) or value is None else repr(value)


def _zone(value: Any) -> Any:
    """An IANA name, with a did-you-mean when it is not one; a ZoneInfo passes as it is."""
    from agenda.core.zones import check_zone_name

    return value if isinstance(value, ZoneInfo) else check_zone_name(value)


def _minutes_schema(signs: str, lowest: int) -> dict[str, Any]:
    """A duration in JSON Schema, from the parser's own grammar (agenda/core/durations.py).

    Lengths (`duration`, `each`) take no minus sign there: a negative length is
    an error either way, and an editor should say so at once.
    """
    return {"anyOf": [{"type": "integer", "minimum": lowest, "maximum": MAX_MINUTES},
                      {"type": "string", "pattern": duration_pattern(signs)}],
            "description": "Minutes: 15m, 1h, 1h30m, 90, PT15M, 30 min, 30분 or 1시간 30분; at most a week"}


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
NamedLine = Annotated[str, BeforeValidator(_line),
                      WithJsonSchema({"type": "string", "pattern": LINE_PATTERN, "minLength": 1})]
"""A one-line text that must say something (a title, a name): the schema refuses "" as validate does."""
WebAddress = Annotated[str, BeforeValidator(_web_address),
                       WithJsonSchema({"type": "string", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+\S*$",
                                       "description": "An http or https address."})]
Clock = Annotated[time, BeforeValidator(parse_clock),
                  WithJsonSchema({"type": "string", "pattern": CLOCK_PATTERN,
                                  "description": "A time of day, HH:MM"})]
ClockOrRange = Annotated[time, BeforeValidator(parse_clock),
                         WithJsonSchema({"type": "string", "pattern": CLOCK_OR_RANGE_PATTERN,
                                         "description": "A start time, HH:MM, or a slot, 12:00~13:00"})]
"""`at` in the schema: a range is split into `at` and `until` before the field is read (Segment._range)."""
Day = Annotated[date, BeforeValidator(_date),
                WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN})]
Minutes = Annotated[int, BeforeValidator(parse_minutes), WithJsonSchema(MINUTES_SCHEMA)]
Length = Annotated[int, BeforeValidator(parse_minutes), WithJsonSchema(LENGTH_SCHEMA)]
"""A duration that must be positive (the zero-duration check says why, in validate)."""
Bound = Annotated[int, BeforeValidator(parse_minutes), WithJsonSchema(BOUND_SCHEMA)]
Zone = Annotated[ZoneInfo, BeforeValidator(_zone), PlainSerializer(str, return_type=str),
                 WithJsonSchema({"type": "string"})]
"""A zone the planner can use as it is; written out (JSON, schema) as its IANA name."""


_DATED_END = r"\s*(\d{4}-\d{2}-\d{2})[Tt ](\d{1,2}:\d{2}(?::\d{2})?)\s*"
"""Searched only in an end with a date's dash (`re` compiles it then, once)."""


def _end(value: Any) -> Any:
    """`HH:MM` on the forum's day, or a date and time for a forum that runs past midnight.

    Writing the date says "past midnight" on purpose; a bare `end` at or before
    `start` is then almost always a typo (the end-before-start check).
    """
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise PydanticCustomError("end-with-offset", "an end with a UTC offset", {"value": value.isoformat()})
        return value
    if isinstance(value, str):
        dated = re.fullmatch(_DATED_END, value) if "-" in value else None
        if dated:
            return datetime.combine(_date(dated.group(1)), parse_clock(dated.group(2)))
    try:
        return parse_clock(value)
    except ValueError:
        raise PydanticCustomError("not-an-end-time", "not a time of day", {"value": _shown(value)}) from None


_DATE_CORE = DATE_PATTERN.removeprefix(r"^\s*").removesuffix(r"\s*$")
_CLOCK_CORE = CLOCK_PATTERN.removeprefix(r"^\s*")
EndTime = Annotated[Union[datetime, time], BeforeValidator(_end),
                    WithJsonSchema({"type": "string",
                                    "pattern": r"^\s*(?:" + _DATE_CORE + r"[Tt ])?" + _CLOCK_CORE,
                                    "description": "HH:MM, or YYYY-MM-DD HH:MM past midnight"})]


def _revision(value: int) -> int:
    if not 0 <= value <= MAX_REVISION:
        raise PydanticCustomError("revision-out-of-range", "outside the calendar's SEQUENCE range",
                                  {"value": value, "limit": MAX_REVISION})
    return value


Revision = Annotated[int, AfterValidator(_revision),
                     WithJsonSchema({"type": "integer", "minimum": 0, "maximum": MAX_REVISION})]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# Default factories as plain functions: Pydantic reads each factory's signature (does it take the
# data?), and a builtin's (`list`, `dict`) is parsed from its text signature with the tokenizer,
# whose first use compiles a large pattern (about 2.5 ms of every start, against 0.01 ms here).
def _no_entries() -> list[Any]:
    return []


def _no_keys() -> dict[Any, Any]:
    return {}


# The `"` stays unescaped: `\"` is fine in Python but an invalid escape in an ECMAScript `u` regex,
# and editors' validators (ajv, check-jsonschema) read the schema's patterns as ECMAScript.
EMAIL_PATTERN = r'^[^@\s<>,;"]+@[^@\s<>,;"]+\.[^@\s<>,;"]+$'


def _email(value: Any) -> Any:
    """A loose check: one address, no spaces or line breaks (a newline here would forge mail headers)."""
    value = _text(value)
    if isinstance(value, str) and not re.fullmatch(EMAIL_PATTERN, value):
        raise PydanticCustomError("not-an-email", "not an email address", {"value": value})
    return value


EMAIL_SCHEMA = {"type": "string", "pattern": EMAIL_PATTERN,
                "description": "Where notices go; never printed in the programme, calendars or live pages."}


PHONE_PATTERN = r"^\s*\+?[0-9(][0-9 ()./-]*[0-9]\s*$"
"""Digits with the marks people write between them: 02-788-1234, +82 2 788 1234, (02) 788.1234."""


def _phone(value: Any) -> Any:
    """A telephone number a reader can dial: it ends every notice's signature."""
    value = _line(value)
    if isinstance(value, str) and not re.fullmatch(PHONE_PATTERN, value):
        raise PydanticCustomError("not-a-phone-number", "not a telephone number", {"value": value})
    return value


class Contact(_Strict):
    """Who answers questions about the forum: the signature of notices, the ORGANIZER of invitations."""

    name: NamedLine = Field(min_length=1, description="A person or an office, e.g. 토론회 사무국.")
    email: Annotated[str, BeforeValidator(_email), WithJsonSchema({
        "type": "string", "pattern": EMAIL_PATTERN,
        "description": "Where questions and replies to invitations go; signs every notice."})] | None = Field(
        None, description="Where questions and replies to invitations go; signs every notice.")
    phone: Annotated[str, BeforeValidator(_phone), WithJsonSchema({
        "type": "string", "pattern": PHONE_PATTERN, "description": "A telephone number, e.g. 02-788-1234."})] \
        | None = Field(None, description="A telephone number, e.g. 02-788-1234.")


class Person(_Strict):
    name: NamedLine = Field(min_length=1, description="The person's name as printed.")
    affiliation: Line | None = Field(None, description="Organisation the person speaks for.")
    title: Line | None = Field(None, description="The person's position, e.g. 대표 or Director.")
    honorific: Line | None = Field(
        None, description="How the MC addresses them aloud (호칭), e.g. 의원: 이개호 의원님. The script only; "
                          "name plates, the programme and the booklet print name and title.")
    email: Annotated[str, BeforeValidator(_email), WithJsonSchema(EMAIL_SCHEMA)] | None = Field(
        None, description="Where notices of changes go; never shown in the programme or calendars.")


def _person_id(value: Any) -> Any:
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError("not-a-person", "not a person", {"value": _shown(value)})
    return _line(value)


_PEOPLE_KEY = re.compile(PEOPLE_KEY)
"""Compiled once: every roster key is matched against it (`re.fullmatch` looks the pattern up on each call)."""


def _people_key(value: Any) -> Any:
    if isinstance(value, str) and not _PEOPLE_KEY.fullmatch(value):
        raise PydanticCustomError("not-a-people-id", "not a people id", {"value": value})
    return value


PeopleKey = Annotated[str, BeforeValidator(_people_key)]
PEOPLE_KEY_SCHEMA = (r"^[^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x9f\s]"
                     r"[^\x00-\x2c\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x9f\s]*$")
"""PEOPLE_KEY for JSON Schema, whose `\\w` is ASCII only: exact in ASCII, any letter beyond it."""


def _mapping_or_other(mapping_tag: str, other_tag: str) -> Discriminator:
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
            raise PydanticCustomError("max-below-min", "max is less than min", {"min": self.min, "max": self.max})
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


HOST_ROLES = ("host", "organizer", "sponsor", "supporter")
"""The order in which a programme credits its hosts: 주최, 주관, 후원, 협찬."""


class Host(_Strict):
    """One credit line on the programme: who hosts, organizes, sponsors or supports the forum."""

    role: Literal["host", "organizer", "sponsor", "supporter"] = Field(
        description="host (주최), organizer (주관), sponsor (후원) or supporter (협찬).")
    name: NamedLine = Field(min_length=1, description="The organisation or person credited.")


PART_NAME = r"^[A-Za-z0-9][A-Za-z0-9._-]*(?::[^\s:]+)?$"
"""A part as the day names it: a segment id, or `SEGMENT:ITEM` (ids hold no `:`)."""


def _part_name(value: Any) -> Any:
    if not isinstance(value, str) or not re.fullmatch(PART_NAME, value):
        raise PydanticCustomError("not-a-part-name", "not a part name", {"value": _shown(value)})
    return value


PartName = Annotated[str, BeforeValidator(_part_name), WithJsonSchema({"type": "string", "pattern": PART_NAME})]


def _material_path(value: Any) -> Any:
    """A PDF beside the forum file: one line, ending in .pdf (whether it exists is asked when printing)."""
    value = _line(value)
    if isinstance(value, str) and not value.lower().endswith(".pdf"):
        raise PydanticCustomError("not-a-pdf-path", "not a path to a PDF", {"value": value})
    return value


MaterialPath = Annotated[str, BeforeValidator(_material_path),
                         WithJsonSchema({"type": "string", "pattern": r"^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*\.[Pp][Dd][Ff]\s*$",
                                         "description": "A PDF, relative to the forum file."})]
class Room(_Strict):
    """A room of the venue: tracks and segments name it by its key in `forum.rooms`."""

    name: NamedLine = Field(min_length=1, description="The room's name as printed (제2회의실).")
    capacity: int | None = Field(None, ge=0, description="Seats; printed nowhere yet, kept for the organiser.")


class Forum(_Strict):
    id: Annotated[str, Field(pattern=SLUG)] | None = Field(None, description="Slug from which stable calendar UIDs are built.")
    title: NamedLine = Field(min_length=1, description="The forum's title.")
    spoken_title: Line | None = Field(
        None, description="The title as the MC says it aloud (the script's opening and closing), e.g. "
                          "‘모두의 AI: 정책과 전략’ 제2차 연속토론회. Default: the title without bracketed glosses.")
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
    timezone: Zone = Field(description="IANA time zone name, e.g. Asia/Seoul.")
    language: Literal["ko", "en"] = Field("ko", description="Language of labels, default titles and dates.")
    mc: PersonRef | None = Field(None, description="The MC (진행 사회).")
    moderator: PersonRef | None = Field(None, description="The moderator (좌장).")
    revision: Revision = Field(default=0, description="Rises with each published change; the calendar SEQUENCE.")
    updated: Annotated[datetime, AfterValidator(_moment)] | None = Field(None, description="When the programme last changed; the calendar DTSTAMP.")
    hosts: list[Host] = Field(
        default_factory=_no_entries, json_schema_extra={"default": []}, description="Credits: {role: host|organizer|sponsor|supporter, name}.")
    contact: Contact | None = Field(None, description="Who answers questions: {name, email, phone}; signs notices.")
    guests: list[PersonRef] = Field(
        default_factory=_no_entries, json_schema_extra={"default": []},
        description="내빈: people ids or inline persons, in the order the MC introduces them; never re-ordered.")
    materials: dict[PartName, MaterialPath] = Field(
        default_factory=_no_keys, json_schema_extra={"default": {}},
        description="PDFs for the booklet (자료집), by part name (a segment id, or segment:item as on the day): "
                    "path.pdf, relative to the file.")
    rooms: dict[Annotated[str, Field(pattern=SLUG)], Room] | None = Field(
        None, description="The venue's rooms: id -> {name, capacity}, in printed order.")

    @model_validator(mode="after")
    def _one_end(self) -> "Forum":
        if self.end is None and self.duration is None:
            raise PydanticCustomError("no-end", "the window needs an end")
        if self.end is not None and self.duration is not None:
            raise PydanticCustomError("end-and-duration", "give end or duration, not both")
        if isinstance(self.end, datetime):
            length = self.end - datetime.combine(self.date, self.start)
            if length.total_seconds() > MAX_MINUTES * 60:
                raise PydanticCustomError("end-too-late", "more than a week after the start",
                                          {"end": f"{self.end:%Y-%m-%d %H:%M}", "limit": MAX_MINUTES})
        return self

    def credits(self) -> list[tuple[str, list[str]]]:
        """(role, names) in the order programmes print them; `organizer` is the first host, each name once."""
        named = ([Host(role="host", name=self.organizer)] if self.organizer else []) + list(self.hosts)
        grouped = [(role, list(dict.fromkeys(h.name for h in named if h.role == role))) for role in HOST_ROLES]
        return [(role, names) for role, names in grouped if names]


class Item(_Strict):
    id: Annotated[str, Field(pattern=SLUG)] | None = Field(
        None, description="Keeps the item's calendar UIDs stable; default: its position, from 1.")
    title: NamedLine = Field(min_length=1, description="What happens.")
    duration: Length | None = Field(None, description="Minutes; timed items run one after another from the segment's start.")
    speaker: PersonRef | None = Field(None, description="The one speaker (a people id or inline person).")
    speakers: list[PersonRef] = Field(
        default_factory=_no_entries, json_schema_extra={"default": []}, description="Several speakers.")
    note: Text | None = Field(None, description="Free text, shown in the notes column.")
    script: Text | None = Field(None, description="What the MC says for this item, replacing the script's template.")
    kind: Kind | None = Field(None, description="What the item is (a presentation inside a panel); names its people's role.")


_SECTION_TAKES_NOTHING = ("duration", "each", "at", "until", "gap_before", "speaker", "mc", "room",
                          "date", "start", "end")
SECTION_SCHEMA: dict[str, Any] = {
    "if": {"properties": {"kind": {"const": "section"}}, "required": ["kind"]},
    "then": {
        "required": ["title"],
        "properties": {"title": {"type": "string", "pattern": r"\S"},
                       "speakers": {"type": "array", "maxItems": 0}, "items": {"type": "array", "maxItems": 0},
                       **{key: {"type": "null"} for key in _SECTION_TAKES_NOTHING}},
    },
}
"""What Segment._is_heading enforces, for editors: a section has a title and takes no time and no people."""
RANGE_SCHEMA: dict[str, Any] = {
    "if": {"properties": {"at": {"type": "string", "pattern": CLOCK_RANGE_PATTERN}}, "required": ["at"]},
    "then": {"properties": {"until": {"type": "null"}, "duration": {"anyOf": [{"type": "null"}, LENGTH_SCHEMA]}}},
}
"""What Segment._range enforces, for editors: a range is the end too, so no `until` and no flexible
duration beside it (a fixed duration that disagrees is left to validate: JSON Schema cannot subtract)."""


class Segment(_Strict):
    model_config = ConfigDict(json_schema_extra={"allOf": [SECTION_SCHEMA, RANGE_SCHEMA]})

    kind: Kind = Field(description="What sort of segment this is.")
    title: Line | None = Field(None, description="Defaults to the kind's label in the output language.")
    id: Annotated[str, Field(pattern=SLUG)] | None = Field(None, description="Keeps the segment's calendar UID stable.")
    duration: SegmentDuration | None = Field(None, description="Minutes, or {min, max}, or fill.")
    each: Length | None = Field(None, description="Minutes per speaker.")
    at: ClockOrRange | None = Field(None, description="Fixed start time, HH:MM; or start and end, 12:00~13:00.")
    until: Clock | None = Field(None, description="Fixed end time, HH:MM.")
    speakers: list[PersonRef] = Field(
        default_factory=_no_entries, json_schema_extra={"default": []}, description="Speakers, in order (people ids or inline persons).")
    speaker: PersonRef | None = Field(None, description="The one speaker.")
    moderator: PersonRef | None = Field(None, description="Who chairs this segment (좌장).")
    mc: PersonRef | None = Field(None, description="Who hosts this segment (사회).")
    items: list[Item] = Field(
        default_factory=_no_entries, json_schema_extra={"default": []}, description="Sub-items such as 국민의례, 축사, 인사말.")
    note: Text | None = Field(None, description="Shown in the notes column.")
    script: Text | None = Field(None, description="What the MC says for this segment, replacing the script's template.")
    status: Literal["confirmed", "cancelled"] = Field("confirmed", description="A cancelled segment keeps its place and time.")
    gap_before: Minutes | None = Field(
        None, description="Idle minutes before this segment that are intended (a pause the `at` makes); no gap warning up to them.")
    room: Line | None = Field(None, description="Where: a key of forum.rooms (default: the first room).")
    tracks: list["Track"] = Field(
        default_factory=_no_entries, json_schema_extra={"default": []},
        description="A parallel block's tracks, side by side: {room, title?, moderator?, id?, program}.")
    date: Day | None = Field(None, description="A day heading's date (default: the day after the previous day).")
    start: Clock | None = Field(None, description="A day heading's window start (default: the forum's).")
    end: EndTime | None = Field(None, description="A day heading's window end (default: the forum's).")

    @model_validator(mode="before")
    @classmethod
    def _range(cls, data: Any) -> Any:
        """`at: 12:00~13:00`, a slot as every Korean programme prints it, is `at` and `until` together.

        A `duration` beside it must say the same length, and is then dropped:
        the range already fixes the length, and keeping all three would be the
        `overdetermined` of a file that wrote them separately. Errors point at
        the value that is wrong (the range, a second `until`, the duration).
        It runs before the fields, not around them: it only rewrites the
        mapping, and a wrapper cost every segment of every file a second call.
        """
        if not isinstance(data, dict):
            return data
        written = data.get("at")
        try:
            ends = clock_range(written)
            if ends is None:
                return data
            start, end = parse_clock(ends[0]), parse_clock(ends[1])
        except PydanticCustomError as error:
            raise _at("at", error, written) from None
        if data.get("until") is not None:
            raise _at("until", PydanticCustomError("range-and-until", "the range already ends the segment",
                                                   {"range": written}), data["until"])
        data = {**data, "at": ends[0], "until": ends[1]}
        duration = data.get("duration")
        if duration is not None:
            span = (end.hour * 60 + end.minute - start.hour * 60 - start.minute) % (24 * 60)
            if isinstance(duration, dict) or (isinstance(duration, str) and duration.strip().lower() == "fill"):
                raise _at("duration", PydanticCustomError("range-and-flexible", "the range fixes the length",
                                                          {"range": written, "span": span}), duration)
            try:
                minutes = parse_minutes(duration)
            except ValueError:
                return data  # the duration's own finding says what is wrong with it
            if minutes != span:
                raise _at("duration", PydanticCustomError(
                    "range-mismatch", "the range and the duration disagree",
                    {"range": written, "span": span, "minutes": minutes}), duration)
            del data["duration"]
        return data

    @model_validator(mode="after")
    def _has_length(self) -> "Segment":
        if self.kind == "section":
            return self._is_heading()
        if self.kind == "day":
            return self._is_day()
        if self.date is not None or self.start is not None or self.end is not None:
            day_keys = [key for key in ("date", "start", "end") if getattr(self, key) is not None]
            raise PydanticCustomError("day-keys", "date, start and end belong to a day heading",
                                      {"keys": ", ".join(day_keys)})
        if self.kind == "parallel":
            return self._is_block()
        if self.tracks:
            raise PydanticCustomError("tracks-outside-parallel", "tracks belong to a parallel block",
                                      {"kind": self.kind.value})
        if self.duration is None and self.each is None and self.until is None \
                and not any(i.duration is not None for i in self.items):
            raise PydanticCustomError("no-length", "the segment has no length", {"kind": self.kind.value})
        if self.each is not None and not self.all_speakers:
            raise PydanticCustomError("each-without-speakers", "each without speakers")
        if self.each is not None and isinstance(self.duration, Flexible):
            raise PydanticCustomError("each-and-flexible", "each with a flexible duration")
        if self.at is not None and self.until is not None and self.duration is not None:
            raise PydanticCustomError("overdetermined", "at, until and duration all fix the length")
        return self

    def _is_heading(self) -> "Segment":
        """A section only names what follows: it has a title and nothing that takes time or people
        (but a moderator, 좌장 of the segments under it)."""
        if not self.title:
            raise PydanticCustomError("section-without-title", "a section needs a title")
        timed = {"duration": self.duration, "each": self.each, "at": self.at, "until": self.until,
                 "gap_before": self.gap_before, "room": self.room, "date": self.date, "start": self.start,
                 "end": self.end, "tracks": self.tracks or None}
        people = {"speaker": self.speaker, "speakers": self.speakers or None,
                  "mc": self.mc, "items": self.items or None}
        extra = [key for key, value in (timed | people).items() if value is not None]
        if extra:
            raise PydanticCustomError("section-takes-nothing", "a section takes no time and no people",
                                      {"keys": ", ".join(extra)})
        return self

    def _is_day(self) -> "Segment":
        """A day heading starts a day: its date and window, and nothing that takes time or people."""
        taken = {"each": self.each, "at": self.at, "until": self.until, "gap_before": self.gap_before,
                 "room": self.room, "speaker": self.speaker, "speakers": self.speakers or None,
                 "moderator": self.moderator, "mc": self.mc, "items": self.items or None,
                 "tracks": self.tracks or None}
        extra = [key for key, value in taken.items() if value is not None]
        if isinstance(self.duration, Flexible):
            extra.insert(0, "duration")
        if extra:
            raise PydanticCustomError("day-takes-nothing", "a day heading takes no people and no segment's time",
                                      {"keys": ", ".join(extra)})
        if self.end is not None and self.duration is not None:
            raise PydanticCustomError("end-and-duration", "give end or duration, not both")
        return self

    def _is_block(self) -> "Segment":
        """A parallel block is its tracks: their programs hold the people, it holds the time."""
        if not self.tracks:
            raise PydanticCustomError("parallel-without-tracks", "a parallel block needs tracks")
        taken = {"each": self.each, "until": self.until, "room": self.room, "speaker": self.speaker,
                 "speakers": self.speakers or None, "moderator": self.moderator, "mc": self.mc,
                 "items": self.items or None,
                 "duration": self.duration if isinstance(self.duration, Flexible) else None}
        extra = [key for key, value in taken.items() if value is not None]
        if extra:
            raise PydanticCustomError("parallel-takes-tracks", "a parallel block's people and rooms are its tracks'",
                                      {"keys": ", ".join(extra)})
        return self

    @property
    def all_speakers(self) -> list[PersonRef]:
        return ([self.speaker] if self.speaker is not None else []) + list(self.speakers)


def _at(key: str, error: PydanticCustomError, value: Any) -> ValidationError:
    """An error at one key of the mapping being validated: a model validator's own errors point at the
    mapping, and a finding should point at the value to fix."""
    details: InitErrorDetails = {"type": error, "loc": (key,), "input": value}
    return ValidationError.from_exception_data("Segment", [details])
class Track(_Strict):
    """One room's program inside a parallel block, planned from the block's start."""

    id: Annotated[str, Field(pattern=SLUG)] | None = Field(
        None, description="Keeps its moderator's calendar UIDs stable; default <block id>.<room id>.")
    room: Line = Field(description="A key of forum.rooms.")
    title: Line | None = Field(None, description="The track's title (분과 1: 측정).")
    moderator: PersonRef | None = Field(None, description="Who chairs the track (좌장).")
    program: list[Segment] = Field(min_length=1, description="The track's segments, in order.")

    @model_validator(mode="after")
    def _flat(self) -> "Track":
        nested = [seg.kind.value for seg in self.program if seg.kind in ("parallel", "day")]
        if nested:
            raise PydanticCustomError("nested-in-track", "a track holds no day heading and no parallel block",
                                      {"kind": nested[0]})
        return self


def _check_code(code: str) -> str:
    if code not in CHECK_CODES:
        raise PydanticCustomError("unknown-code", "not a check code",
                                  {"value": code, "choices": tuple(sorted(CHECK_CODES))})
    return code


CheckCode = Annotated[str, AfterValidator(_check_code),
                      WithJsonSchema({"type": "string", "enum": list(CHECK_CODES)})]


class Rules(_Strict):
    require: list[Kind] = Field(
        default_factory=_no_entries, json_schema_extra={"default": []}, description="Segment kinds that must be present.")
    allow_slack: Minutes = Field(default=0, description="Unscheduled minutes at the end tolerated without the slack warning.")
    ignore: list[CheckCode] = Field(
        default_factory=_no_entries, json_schema_extra={"default": []}, description="Check codes to skip.")


def _no_rules() -> "Rules":
    return Rules()


class ForumFile(_Strict):
    """One forum: its window, its people and its programme."""

    forum: Forum = Field(description="The event: title, day, window and time zone.")
    people: dict[PeopleKey, Person] = Field(
        default_factory=_no_keys, json_schema_extra={"default": {}}, description="Roster: id -> person.")
    program: list[Segment] = Field(description="The segments, in order.")
    rules: Rules = Field(default_factory=_no_rules, description="Checks this file asks for or waives.")


MODEL_FOR_KEY: dict[str, type[BaseModel]] = {
    "forum": Forum,
    "hosts": Host,
    "contact": Contact,
    "guests": Person,
    "series": Series,
    "people": Person,
    "speakers": Person,
    "speaker": Person,
    "mc": Person,
    "moderator": Person,
    "program": Segment,
    "items": Item,
    "tracks": Track,
    "rooms": Room,
    "duration": Flexible,
    "rules": Rules,
}
"""Which model a mapping under a given key is, for did-you-mean on unknown keys."""
