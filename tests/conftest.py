"""What every test module shares: the one fixtures root, Hypothesis' fixed profile, and the order of the run.

The suite runs on three workers (pytest-xdist, `addopts` in pyproject.toml).
Every test writes only under its own temporary folder (or its module's, for a server that a
module's refusal tests share) and starts its servers on free ports, so the workers never meet.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

FIXTURES = Path(__file__).resolve().parent / "fixtures"
"""tests/fixtures: forum files grouped by what they exercise (calendars, day, documents, malformed, ...)."""

settings.register_profile("agenda", derandomize=True, print_blob=True)
settings.load_profile("agenda")
"""Property tests draw the same examples on every run (a fixed count each, `max_examples`), so a
failure is found again by the next run, and a run that passes today passes tomorrow."""


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def forum(tmp_path: Path) -> Path:
    """A copy of the seed forum that a test may mark, serve or change (a module may define its own)."""
    from helpers import SEED

    copy = tmp_path / "forum.yaml"
    copy.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


@pytest.fixture
def server(forum: Path, tmp_path: Path):
    """A real `agenda serve` of `forum` on a free port; it must stop cleanly, with no traceback."""
    from live_server import LiveServer

    live = LiveServer(forum, tmp_path / "marks.jsonl")
    yield live
    assert live.stop() == 0, live.stderr()
    assert "Traceback" not in live.stderr()


@pytest.fixture(scope="module")
def refusing_server(tmp_path_factory: pytest.TempPathFactory):
    """One `agenda serve` of the seed for a module's tests that send it only what it must refuse: nothing
    they send changes it, so each asserts that its log is still not there, and one start serves them all."""
    from helpers import SEED
    from live_server import LiveServer

    folder = tmp_path_factory.mktemp("refusing")
    forum = folder / "forum.yaml"
    forum.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    live = LiveServer(forum, folder / "marks.jsonl")
    yield live
    assert live.stop() == 0, live.stderr()
    assert "Traceback" not in live.stderr()
    assert not live.log.exists()


_HYPOTHESIS_HOME = "AGENDA_TEST_HYPOTHESIS_HOME"


def pytest_configure(config: pytest.Config) -> None:
    """Hypothesis' caches go to a temporary folder of this run, not to .hypothesis in the checkout; it goes
    when the run ends. The workers share the run's folder (they inherit it from the process that starts
    them), so the table of what UTF-8 can encode, 1.3 s to build, is built once, not once a worker."""
    folder = os.environ.get(_HYPOTHESIS_HOME)
    if folder is None:
        folder = tempfile.mkdtemp(prefix="agenda-hypothesis-")
        os.environ[_HYPOTHESIS_HOME] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
        config.add_cleanup(lambda: os.environ.pop(_HYPOTHESIS_HOME, None))
    set_hypothesis_home_dir(folder)


HEAVY = ("waits", "slow", "caldav", "browser")
"""Marks of the tests that take seconds: they are handed out first, so that no worker is left
with one of them when the others have finished. Those that wait on the clock go first of all: they
hold a worker for seconds but hardly use a core, which the other workers' CPU-heavy tests then fill."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def weight(item: pytest.Item) -> int:
        marks = {mark.name for mark in item.iter_markers()}
        return next((rank for rank, name in enumerate(HEAVY) if name in marks), len(HEAVY))

    items.sort(key=weight)  # stable: within a weight, the files' own order
