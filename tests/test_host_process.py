"""`main()` called in-process leaves its host as it found it: collector, environment, modules, excepthook.

The process settings a one-shot command wants (no cycle collector, no
Pydantic plugins, a stand-in for Pydantic's plugin loader, the exit-time
freeze) belong to `entry_point()`, whose process is agenda's own. A program
or a test suite that calls `main()` keeps its own.

The host is a fresh interpreter, so that what `main()` imports is new to it
and a stand-in module would show; the test suite's own process is checked too.
"""

import gc
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import BROKEN, ROOT, SEED, run

HOST = textwrap.dedent("""\
    import gc, io, json, os, sys

    gc.set_threshold(500, 7, 9)  # the host's own settings, not Python's defaults
    os.environ["AGENDA_HOST_ONLY"] = "kept"
    runs = json.loads(sys.argv[1])

    def state():
        return {"enabled": gc.isenabled(), "threshold": list(gc.get_threshold()),
                "frozen": gc.get_freeze_count(), "environ": dict(os.environ),
                "excepthook": sys.excepthook is sys.__excepthook__}

    def genuine(name, module):
        # imported from a file (or built in, or a namespace package), not made up in memory; only
        # the runtimes make a few in memory (Cython's shared module, typing's deprecated aliases)
        spec = getattr(module, "__spec__", None)
        if spec is None:
            return name in ("cython_runtime", "typing.io", "typing.re") or name.startswith("_cython_")
        if spec.origin in ("built-in", "frozen"):
            return True
        if spec.origin is None:
            return spec.submodule_search_locations is not None
        return os.path.exists(spec.origin) and getattr(module, "__file__", None) == spec.origin

    before, modules = state(), set(sys.modules)
    from agenda.cli import main

    statuses = []
    for args, environ in runs:
        statuses.append(int(main(args, stdout=io.StringIO(), stderr=io.StringIO(), environ=environ)))
    new = sorted(set(sys.modules) - modules)
    loader = sys.modules.get("pydantic.plugin._loader")
    print(json.dumps({"before": before, "after": state(), "statuses": statuses, "new": len(new),
                      "stand_ins": [name for name in new if not genuine(name, sys.modules[name])],
                      "loader": None if loader is None else getattr(loader, "__file__", "no file")}))
""")


def host_runs(tmp_path: Path, runs: list[tuple[list[str], dict[str, str] | None]]) -> dict:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    environment.pop("PYDANTIC_DISABLE_PLUGINS", None)
    done = subprocess.run([sys.executable, "-c", HOST, json.dumps(runs)], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path, env=environment)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_main_in_process_leaves_the_hosts_collector_environment_and_modules_as_they_were(tmp_path):
    korean = {"LANG": "ko_KR.UTF-8", "COLUMNS": "60", "NO_COLOR": "1"}
    report = host_runs(tmp_path, [
        (["validate", str(SEED)], None),
        (["plan", str(SEED), "--format", "json"], None),
        (["export", str(SEED), "-o", str(tmp_path / "seed.ics")], None),
        (["validate", str(BROKEN)], korean),  # findings, in a run with an environment of its own
        (["plan", "no-such-forum.yaml"], korean),  # an error
        (["plan", "--format", "nonsense", str(SEED)], None),  # a bad option
    ])
    assert report["statuses"] == [0, 0, 0, 1, 2, 2]  # every run really ran
    assert report["after"]["enabled"] is True
    assert report["after"]["threshold"] == [500, 7, 9]
    assert report["after"]["excepthook"] is True  # Typer's `__call__` would put its own in
    assert report["after"]["frozen"] == 0
    assert "PYDANTIC_DISABLE_PLUGINS" not in report["after"]["environ"]
    assert report["after"] == report["before"]
    assert report["new"] > 50  # agenda, Pydantic, Typer and the rest were imported for real ...
    assert report["stand_ins"] == []  # ... and none of them is a stand-in made in memory
    loader = report["loader"]
    assert loader is None or Path(loader).parent.name == "plugin" and Path(loader).name == "_loader.py"


def test_the_test_suite_runs_with_its_collector_on_and_its_environment_untouched():
    environ, threshold = dict(os.environ), gc.get_threshold()
    run("validate", SEED)
    run("plan", SEED, env={"LANG": "ko_KR.UTF-8"})
    assert gc.isenabled() and gc.get_threshold() == threshold
    assert dict(os.environ) == environ
    assert type(sys.modules["agenda.cli"]).__name__ == "module" and sys.modules["agenda.cli"].__spec__ is not None


def test_an_environment_refused_halfway_still_gives_the_host_its_own_back():
    """os.environ refuses a NUL: by then the host's variables were gone, and nothing put them back."""
    import io

    import pytest

    from agenda.cli import main

    before = dict(os.environ)
    with pytest.raises(ValueError):
        main(["--version"], stdout=io.StringIO(), environ={"PATH": "/bin", "AGENDA_BAD": "x\0y"})
    assert dict(os.environ) == before
