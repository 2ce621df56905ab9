"""The JSON Schema of the forum file, generated from the model so it can never drift from it.

It rejects every single value that `agenda validate` rejects as
`invalid-field` where JSON Schema can say so: durations and clock times by
the parser's own grammar, zone names and check codes as enums, `end` or
`duration` (one of them), `each` with speakers. What it cannot express is
left to `validate`: `min` above `max` (JSON Schema cannot compare two
values), a `duration` that is not the length of the `at` range beside it
(nor subtract two times), 29 February in a year that is not a leap year, a
duration whose ISO seconds are not whole minutes, a people id with a non-letter outside
ASCII (patterns have no Unicode classes everywhere), the years of `updated`.
"""

from typing import Any


def forum_schema() -> dict[str, Any]:
    from agenda.checks.registry import ALL_CODES
    from agenda.core.model import ForumFile
    from agenda.core.zones import zone_names

    schema = ForumFile.model_json_schema()
    definitions = schema["$defs"]
    from agenda.core.model import PART_NAME, PEOPLE_KEY_SCHEMA

    people = schema["properties"]["people"]
    people.pop("patternProperties", None)
    people["additionalProperties"] = {"$ref": "#/$defs/Person"}
    people["propertyNames"] = {"pattern": PEOPLE_KEY_SCHEMA}
    materials = definitions["Forum"]["properties"]["materials"]  # as for people: a bad key is an error too
    (path,) = materials.pop("patternProperties").values()
    materials["additionalProperties"] = path
    materials["propertyNames"] = {"pattern": PART_NAME}
    definitions["Forum"]["properties"]["timezone"]["enum"] = sorted(zone_names())
    definitions["Rules"]["properties"]["ignore"]["items"] = {"type": "string", "enum": sorted(ALL_CODES)}
    present = {"not": {"type": "null"}}
    forum = definitions["Forum"]
    forum["oneOf"] = [
        {"required": ["end"], "properties": {"end": present},
         "not": {"required": ["duration"], "properties": {"duration": present}}},
        {"required": ["duration"], "properties": {"duration": present},
         "not": {"required": ["end"], "properties": {"end": present}}},
    ]
    definitions["Segment"]["dependentSchemas"] = {"each": {"anyOf": [
        {"properties": {"each": {"type": "null"}}},
        {"required": ["speaker"], "properties": {"speaker": present}},
        {"required": ["speakers"], "properties": {"speakers": {"type": "array", "minItems": 1}}},
    ]}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "agenda forum file",
        **schema,
    }

