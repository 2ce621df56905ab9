"""The two validators editors and CI put in front of the forum file's JSON Schema: check-jsonschema and ajv.

check-jsonschema reads patterns as ECMAScript (via regress) and asserts formats; ajv compiles
them as unicode `RegExp`s. A pattern valid in Python alone (`\\"`) loads in neither, so the
tests run both on the schema as `agenda schema` prints it and as committed.
ajv lives outside the repository, in AGENDA_NODE_TOOLS (default ~/.cache/agenda-node), where
.ci/run installs it: `npm install --prefix ~/.cache/agenda-node ajv@8 ajv-formats@3`.
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from calendar_tools import need

NODE_TOOLS = Path(os.environ.get("AGENDA_NODE_TOOLS") or Path.home() / ".cache" / "agenda-node")
AJV_SCRIPT = Path(__file__).resolve().parent / "ajv_validate.js"


def check_jsonschema(schema: Path, *instances: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema as a user runs it: default regex variant (ECMAScript, unicode), formats asserted."""
    tool = Path(sys.executable).with_name("check-jsonschema")
    need(tool.exists(), "check-jsonschema is not installed (pip install -e '.[test]')")
    return subprocess.run([str(tool), "--schemafile", str(schema), *map(str, instances)],
                          capture_output=True, text=True, timeout=120)


@dataclass
class AjvResult:
    schema_error: str | None
    strict_warnings: list[str]
    errors: dict[str, list[str] | None]


def ajv(schema: Path, *instances: Path) -> AjvResult:
    """Compile SCHEMA with ajv's draft 2020-12 class and validate each JSON instance."""
    modules = NODE_TOOLS / "node_modules"
    need(shutil.which("node") is not None and (modules / "ajv").is_dir() and (modules / "ajv-formats").is_dir(),
         f"ajv is not installed in {NODE_TOOLS} (npm install --prefix {NODE_TOOLS} ajv@8 ajv-formats@3)")
    done = subprocess.run(["node", str(AJV_SCRIPT), str(schema), *map(str, instances)], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "NODE_PATH": str(modules)})
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    return AjvResult(out["schema"], out["strict"], out["instances"])


def ecmascript_unicode_errors(patterns: list[str]) -> dict[str, str]:
    """Each pattern that `new RegExp(p, "u")` refuses, with node's reason."""
    need(shutil.which("node") is not None, "node is not installed (.ci/run installs npm, which brings it)")
    script = ("const out = {}; for (const p of JSON.parse(require('fs').readFileSync(0, 'utf8'))) {"
              " try { new RegExp(p, 'u'); } catch (e) { out[p] = e.message; } }"
              " process.stdout.write(JSON.stringify(out));")
    done = subprocess.run(["node", "-e", script], input=json.dumps(patterns), capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    result: dict[str, str] = json.loads(done.stdout)
    return result
