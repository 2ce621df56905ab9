"""The JSON Schema and `agenda validate` agree on single values, wherever JSON Schema can express the rule.

Each case changes one value of a clean forum and runs the result through
both. Wrong values must fail both; right values must pass both (validate
may still warn or find the plan wrong, but not the value's form).
"""

import copy
import json

import jsonschema
import pytest

from agenda.loading.analysis import analyze_text
from agenda.core.findings import INVALID_FIELD
from agenda.loading.schema import forum_schema

CLEAN = {
    "forum": {"id": "f", "title": "T", "date": "2024-05-02", "start": "10:00", "end": "12:00",
              "timezone": "Asia/Seoul", "language": "en"},
    "people": {"ann": {"name": "Ann"}},
    "program": [{"kind": "presentation", "duration": "20m", "speaker": "ann"},
                {"kind": "qa", "duration": {"min": "10m"}}],
}


class _Remove:
    """The key is removed; named alike in every process, so that two workers collect the same tests."""

    def __repr__(self) -> str:
        return "REMOVE"


REMOVE = _Remove()

WRONG = [
    (("forum", "start"), "25:00"), (("forum", "start"), "10:60"), (("forum", "start"), "9h"),
    (("forum", "end"), "24:00"), (("forum", "end"), "2024-13-01 01:00"),
    (("forum", "timezone"), "Mars/Olympus_Mons"), (("forum", "timezone"), "localtime"),
    (("forum", "timezone"), "right/Asia/Seoul"),
    (("program", 0, "duration"), -10), (("program", 0, "duration"), "-10m"), (("program", 0, "duration"), 0),
    (("program", 0, "duration"), "10m30"), (("program", 0, "duration"), "an hour"),
    (("program", 0, "duration"), "1d"), (("program", 0, "duration"), 10081), (("program", 0, "duration"), "P1M"),
    (("forum", "duration"), "2h"),  # with end: both
    (("forum", "end"), REMOVE),  # neither end nor duration
    (("rules",), {"ignore": ["no-such-check"]}),
    (("program", 1), {"kind": "panel", "each": "10m"}),  # each without speakers
    (("forum", "date"), "2024-02-30"), (("forum", "date"), "2024-04-31"), (("forum", "date"), "0001-01-01"),
    (("forum", "date"), "9999-12-31"), (("forum", "date"), "2024-5-2"),
    (("forum", "title"), "a\nb"), (("forum", "title"), ""), (("forum", "url"), "javascript:alert(1)"),
    (("forum", "url"), "https://"),
    (("forum", "revision"), 2**31), (("forum", "revision"), -1),
    (("people",), {"-ann": {"name": "Ann"}}), (("people",), {"a b": {"name": "Ann"}}),
    (("people",), {"a\u001b": {"name": "Ann"}}),
    (("program", 0, "kind"), "keynote-speech"), (("program", 0, "duraton"), "20m"),
    (("program", 0, "title"), "x\u0007"),
    (("program", 0, "duration"), "30 분s"), (("program", 0, "duration"), "1시간 30m"),
    (("program", 0, "duration"), "1시간반"), (("program", 0, "duration"), "30mins"),
    (("program", 0, "at"), "12:00~"), (("program", 0, "at"), "12:00~25:00"), (("program", 0, "at"), "2pm-3pm"),
    (("program", 0), {"kind": "presentation", "at": "10:00~10:20", "until": "10:20", "speaker": "ann"}),
    (("program", 0), {"kind": "presentation", "at": "10:00~10:20", "duration": {"min": "10m"}, "speaker": "ann"}),
    (("forum", "contact"), {"email": "office@example.org"}),  # a contact has a name
    (("forum", "contact"), {"name": "사무국", "email": "office at example.org"}),
    (("forum", "contact"), {"name": "사무국", "phone": "내선 12"}), (("forum", "contact"), {"name": "A", "phone": "-"}),
    (("forum", "contact"), {"name": "A", "fax": "02-788-1234"}),
]
RIGHT = [
    (("program", 0, "duration"), "1H"), (("program", 0, "duration"), "1h30M"), (("program", 0, "duration"), "90 MIN"),
    (("program", 0, "duration"), "PT15M"), (("program", 0, "duration"), "pt1h"), (("program", 0, "duration"), 15),
    (("program", 0, "duration"), "+15m"), (("program", 0, "duration"), " 15m "), (("program", 0, "duration"), "FILL"),
    (("program", 0, "duration"), "PT120S"), (("program", 0, "duration"), "1 h 30 min"),
    (("forum", "start"), "9:05"), (("forum", "start"), "09:05:30"), (("forum", "end"), "23:59"),
    (("forum", "end"), "2024-05-03 01:00"), (("forum", "end"), "2024-05-03T01:00"),
    (("forum", "timezone"), "UTC"), (("forum", "timezone"), "America/Argentina/Buenos_Aires"),
    (("forum", "date"), "2024-02-29"), (("forum", "revision"), 2**31 - 1),
    (("forum", "title"), "  padded  "), (("forum", "description"), "one\ntwo"),
    (("forum", "url"), "https://example.org/a?b=c#d"), (("forum", "url"), "HTTP://EXAMPLE.ORG"),
    (("people",), {"김민수": {"name": "Ann"}, "ann": {"name": "A"}, "a.b_c-1": {"name": "B"}}),
    (("rules",), {"ignore": ["slack", "end-before-start"], "allow_slack": "-5m"}),
    (("program", 1), {"kind": "panel", "each": "10m", "speakers": ["ann"]}),
    (("program", 1), {"kind": "qa", "duration": {"min": 0, "max": "1h"}}),
    (("program", 0, "duration"), "30분"), (("program", 0, "duration"), "1시간"),
    (("program", 0, "duration"), "1시간 30분"), (("program", 0, "duration"), " 1 시간30 분 "),
    (("program", 0, "duration"), "30 min"), (("program", 1, "duration"), {"min": "10분", "max": "1시간"}),
    (("program", 0), {"kind": "presentation", "at": "10:00~10:20", "speaker": "ann"}),
    (("program", 0), {"kind": "presentation", "at": "10:00 - 10:20", "duration": "20분", "speaker": "ann"}),
    (("program", 0), {"kind": "presentation", "at": "10:00–10:20", "duration": 20, "speaker": "ann"}),
    (("program", 0), {"kind": "presentation", "at": "10:00～10:20", "speaker": "ann"}),
    (("forum", "contact"), {"name": "토론회 사무국", "email": "office@example.org", "phone": "02-788-1234"}),
    (("forum", "contact"), {"name": "Office", "phone": "+82 2 788 1234"}), (("forum", "contact"), {"name": "A",
                                                                                   "phone": "(02) 788.1234"}),
]
NOT_EXPRESSIBLE = [  # validate rejects these; JSON Schema cannot say so (see agenda/loading/schema.py)
    (("program", 1), {"kind": "qa", "duration": {"min": "30m", "max": "10m"}}),  # min above max
    (("forum", "date"), "2023-02-29"),  # not a leap year
    (("program", 0, "duration"), "PT90S"), (("program", 0, "duration"), "PT10M30S"),  # not whole minutes
    (("program", 0), {"kind": "presentation", "at": "10:00~10:20", "duration": "25m", "speaker": "ann"}),  # disagree
]


def changed(path, value) -> dict:
    data = copy.deepcopy(CLEAN)
    target = data
    for part in path[:-1]:
        target = target[part]
    if value is REMOVE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def schema_accepts(data) -> bool:
    return VALIDATOR.is_valid(data)


def form_is_valid(data) -> bool:
    findings = analyze_text(json.dumps(data), "case.json").findings
    return not any(f.code == INVALID_FIELD for f in findings)


def fails_validate(data) -> bool:
    return not analyze_text(json.dumps(data), "case.json").valid


SCHEMA = forum_schema()
VALIDATOR = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
"""Checked against its metaschema once, here: `jsonschema.validate` would check it again on every call."""
VALIDATOR.check_schema(SCHEMA)


def test_the_clean_forum_passes_both():
    assert schema_accepts(CLEAN) and not fails_validate(CLEAN)


@pytest.mark.parametrize("path, value", WRONG, ids=repr)
def test_a_wrong_value_fails_both(path, value):
    data = changed(path, value)
    assert fails_validate(data), "validate accepts it"
    assert not schema_accepts(data), "the schema accepts it"


@pytest.mark.parametrize("path, value", RIGHT, ids=repr)
def test_a_right_value_passes_both(path, value):
    data = changed(path, value)
    assert form_is_valid(data), analyze_text(json.dumps(data), "case.json").findings
    assert schema_accepts(data)


@pytest.mark.parametrize("path, value", NOT_EXPRESSIBLE, ids=repr)
def test_what_the_schema_cannot_express_is_left_to_validate(path, value):
    data = changed(path, value)
    assert fails_validate(data) and schema_accepts(data)
