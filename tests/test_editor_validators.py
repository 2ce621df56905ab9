"""The forum file's JSON Schema in the validators editors and CI use: check-jsonschema and ajv (issue 26)."""

import json
import re
from pathlib import Path

import pytest

from agenda.core.model import EMAIL_PATTERN
from agenda.loading import read_document
from helpers import EXAMPLES, ROOT, SEED, run
from schema_validators import ajv, check_jsonschema, ecmascript_unicode_errors

COMMITTED = ROOT / "schema" / "forum.schema.json"
GOOD_EMAIL = ("{name: 이연희,", "{name: 이연희, email: lee.yeonhee+forum@example.org,")
QUOTED_EMAIL = ("{name: 이연희,", "{name: 이연희, email: '\"lee\"@example.org',")


def patterns(node: object) -> list[str]:
    """Every regular expression in a schema: `pattern` values and `patternProperties` keys."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                found.append(value)
            elif key == "patternProperties" and isinstance(value, dict):
                found.extend(value)
            found.extend(patterns(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(patterns(value))
    return found


@pytest.fixture(params=["printed", "committed"])
def schema_file(request, tmp_path) -> Path:
    if request.param == "committed":
        return COMMITTED
    path = tmp_path / "printed.schema.json"
    path.write_text(run("schema").stdout, encoding="utf-8")
    return path


def forum(tmp_path: Path, name: str, change: tuple[str, str]) -> Path:
    text = SEED.read_text(encoding="utf-8")
    assert change[0] in text
    path = tmp_path / name
    path.write_text(text.replace(*change, 1), encoding="utf-8")
    return path


def as_json(path: Path, tmp_path: Path) -> Path:
    """The data agenda reads (YAML 1.2) as JSON, for ajv, which reads no YAML."""
    out = tmp_path / (path.stem + ".json")
    out.write_text(json.dumps(read_document(str(path)).data, ensure_ascii=False), encoding="utf-8")
    return out


def good_and_bad(tmp_path: Path) -> tuple[list[Path], Path]:
    good = [*sorted(EXAMPLES.glob("*.yaml")), forum(tmp_path, "with-email.yaml", GOOD_EMAIL)]
    return good, forum(tmp_path, "quoted-email.yaml", QUOTED_EMAIL)


def test_every_schema_pattern_is_a_python_and_an_ecmascript_unicode_regex():
    found = sorted(set(patterns(json.loads(run("schema").stdout))))
    assert any("@" in pattern for pattern in found)  # the email pattern, the one that once held `\"`
    for pattern in found:
        re.compile(pattern)
    assert ecmascript_unicode_errors(found) == {}


def test_the_ecmascript_check_refuses_the_escaped_quote_of_old():
    """Guards the guard: the old email pattern is what ajv refused with `Invalid escape`."""
    old = r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+$"
    assert "Invalid escape" in ecmascript_unicode_errors([old]).get(old, "")


def test_validate_agrees_with_the_schema_on_both_emails(tmp_path):
    good, bad = good_and_bad(tmp_path)
    run("validate", good[-1])
    assert "invalid-field" in run("validate", "--format", "json", bad, exit_status=1).stdout


def test_check_jsonschema_loads_the_schema_and_accepts_the_examples(schema_file, tmp_path):
    good, bad = good_and_bad(tmp_path)
    accepted = check_jsonschema(schema_file, *good)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "ok -- validation done" in accepted.stdout


def test_check_jsonschema_rejects_a_quoted_email(schema_file, tmp_path):
    _, bad = good_and_bad(tmp_path)
    refused = check_jsonschema(schema_file, bad)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "'\"lee\"@example.org' does not match" in refused.stdout


def test_ajv_loads_the_schema_and_accepts_the_examples_and_rejects_a_quoted_email(schema_file, tmp_path):
    good, bad = good_and_bad(tmp_path)
    good_json = [as_json(path, tmp_path) for path in good]
    result = ajv(schema_file, *good_json, as_json(bad, tmp_path))
    assert result.schema_error is None
    assert result.strict_warnings == []
    refused = {Path(name).name: errors for name, errors in result.errors.items() if errors}
    assert list(refused) == ["quoted-email.json"]
    assert f"/people/lee-yeonhee/email must match pattern \"{EMAIL_PATTERN}\"" in refused["quoted-email.json"]
