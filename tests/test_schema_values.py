"""Every value the schema allows plans, renders and exports: a finding or a clean run, never an internal error.

Values are drawn from the schema's own patterns (`st.from_regex` on the
patterns `agenda schema` publishes), so widening a pattern widens the test.
"""

import json
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agenda.checks.registry import ALL_CODES
from agenda.loading.schema import forum_schema
from agenda.core.zones import zone_names
from helpers import run

SCHEMA = forum_schema()
DEFS = SCHEMA["$defs"]
ZONES = sorted(zone_names())


def unwrap(schema: dict) -> dict:
    """An optional field's own schema, without the `null` Pydantic adds beside it."""
    options = [option for option in schema.get("anyOf", []) if option.get("type") != "null"]
    return unwrap(options[0]) if len(options) == 1 and "anyOf" in schema else schema


def pattern_of(schema: dict) -> str:
    schema = unwrap(schema)
    if "pattern" in schema:
        return schema["pattern"]
    return next(option["pattern"] for option in schema["anyOf"] if option.get("type") == "string")


def matching(schema: dict):
    return st.from_regex(pattern_of(schema), fullmatch=True)


def minutes(schema: dict):
    schema = unwrap(schema)
    number = next(option for option in schema["anyOf"] if option.get("type") == "integer")
    return st.one_of(st.integers(number["minimum"], number["maximum"]), matching(schema))


FORUM = DEFS["Forum"]["properties"]
SEGMENT = DEFS["Segment"]["properties"]
LENGTH = SEGMENT["each"]
LINE = matching(FORUM["title"])
TEXT = matching(FORUM["description"])
PEOPLE_KEY = st.from_regex(SCHEMA["properties"]["people"]["propertyNames"]["pattern"], fullmatch=True)
KINDS = DEFS["Kind"]["enum"]


@st.composite
def people_and_refs(draw):
    keys = draw(st.lists(PEOPLE_KEY, max_size=4, unique=True))
    people = {key: {"name": draw(LINE.filter(str.strip)), **({"affiliation": draw(LINE)} if draw(st.booleans()) else {})}
              for key in keys}
    inline = st.builds(lambda name: {"name": name}, LINE.filter(str.strip))
    refs = st.one_of(st.sampled_from(keys), inline) if keys else inline
    return people, refs


@st.composite
def segments(draw, refs):
    segment = {"kind": draw(st.sampled_from(KINDS))}
    form = draw(st.sampled_from(["duration", "flexible", "fill", "each", "until", "items"]))
    if form == "duration":
        segment["duration"] = draw(minutes(LENGTH))
    elif form == "flexible":
        bound = DEFS["Flexible"]["properties"]["min"] if "Flexible" in DEFS else \
            unwrap(SEGMENT["duration"])["anyOf"][2]["properties"]["min"]
        segment["duration"] = {"min": draw(minutes(bound))}
        if draw(st.booleans()):
            segment["duration"]["max"] = draw(minutes(bound))
    elif form == "fill":
        segment["duration"] = "fill"
    elif form == "each":
        segment["each"] = draw(minutes(LENGTH))
        segment["speakers"] = draw(st.lists(refs, min_size=1, max_size=3))
    elif form == "until":
        segment["until"] = draw(matching(SEGMENT["until"]))
    else:
        segment["items"] = [{"title": draw(LINE.filter(str.strip)), "duration": draw(minutes(LENGTH)),
                             **({"note": draw(TEXT)} if draw(st.booleans()) else {})}
                            for _ in range(draw(st.integers(1, 3)))]
    if draw(st.integers(0, 4)) == 0:
        segment["at"] = draw(matching(SEGMENT["at"]))
    if draw(st.booleans()):
        segment["title"] = draw(LINE.filter(str.strip))
    if draw(st.integers(0, 3)) == 0:
        segment["speaker"] = draw(refs)
    if draw(st.integers(0, 9)) == 0:
        segment["status"] = "cancelled"
    return segment


@st.composite
def forum_files(draw):
    people, refs = draw(people_and_refs())
    forum = {"id": "schema-values", "title": draw(LINE.filter(str.strip)),
             "date": draw(matching(FORUM["date"])), "start": draw(matching(FORUM["start"])),
             "timezone": draw(st.sampled_from(ZONES)), "language": draw(st.sampled_from(["ko", "en"])),
             "revision": draw(st.integers(0, FORUM["revision"]["maximum"]))}
    if draw(st.booleans()):
        forum["end"] = draw(matching(FORUM["end"]))
    else:
        forum["duration"] = draw(minutes(LENGTH))
    for key in ("theme", "venue", "organizer"):
        if draw(st.integers(0, 3)) == 0:
            forum[key] = draw(LINE)
    if draw(st.integers(0, 3)) == 0:
        forum["url"] = draw(matching(FORUM["url"]))
    if draw(st.integers(0, 3)) == 0:
        forum["description"] = draw(TEXT)
    if draw(st.integers(0, 3)) == 0:
        forum["series"] = {"title": draw(LINE.filter(str.strip)), "number": draw(st.integers(-2**40, 2**40))}
    if draw(st.integers(0, 3)) == 0:
        moment = draw(st.datetimes(datetime(1900, 1, 2), datetime(2999, 12, 30)))
        forum["updated"] = (moment + timedelta(0)).isoformat()
    if people and draw(st.booleans()):
        forum["mc"] = draw(refs)
    rules = {"ignore": draw(st.lists(st.sampled_from(sorted(ALL_CODES)), max_size=3)),
             "allow_slack": draw(minutes(DEFS["Rules"]["properties"]["allow_slack"]))}
    program = draw(st.lists(segments(refs), min_size=1, max_size=6))
    return {"forum": forum, "people": people, "program": program, "rules": rules}


@pytest.mark.slow
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.filter_too_much, HealthCheck.data_too_large])
@given(data=forum_files())
def test_every_value_the_schema_allows_goes_through_every_command(data, tmp_path_factory):
    folder = tmp_path_factory.mktemp("schema-values")
    path = folder / "forum.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    commands = [("validate", path), ("plan", path), ("plan", path, "--format", "json", "--timeline"),
                ("plan", path, "--format", "markdown")]
    commands += [("export", path, "-o", folder / f"out.{ext}", "--segments", "--force")
                 for ext in ("ics", "html", "csv", "md", "json")]
    for command in commands:
        result = run(*command, exit_status=None)
        printed = result.stdout_bytes.decode("utf-8", "replace") + result.stderr
        assert "internal error" not in printed, (command, json.dumps(data, ensure_ascii=False)[:3000], printed)
