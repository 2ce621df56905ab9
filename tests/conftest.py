"""What every test module shares: the one fixtures root, as a constant (for parametrize lists) and a fixture."""

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
"""tests/fixtures: forum files grouped by what they exercise (calendars, day, documents, malformed, ...)."""


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
