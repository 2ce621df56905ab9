"""The JSON Schema of the forum file, generated from the model so it can never drift from it."""

import json



def forum_schema() -> dict:
    from agenda.model import ForumFile

    schema = ForumFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "agenda forum file",
        **schema,
    }


def schema_json() -> str:
    return json.dumps(forum_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
