"""Fuzzing the front door: mutated real forum files through the real CLI never crash.

Every run must end with exit 0, 1 or 2, no traceback and no "internal error",
within a bounded time (Hypothesis' deadline).
"""

import random
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from helpers import ENGLISH, SEED, run

SOURCES = [SEED, ENGLISH, FIXTURES / "documents" / "hostile.yaml",
           FIXTURES / "calendars" / "new-york-dst-end.yaml", FIXTURES / "formats" / "forum.json",
           FIXTURES / "formats" / "forum.toml"]
TEXTS = {path: path.read_bytes() for path in SOURCES}

JUNK = [b"\t", b"\x00", b"\xff\xfe", b"\xc3", b"&a [*a, *a]", b"*nope", b"!!python/object:os.system ''", b"{", b"]",
        b": :", b"- - -", b"\"", b"'", b"\r", b"#", b"<<: *a", b"[" * 80, b"---", b"...", b"?", b"|", b">",
        b"2023-02-30", b"25:61", b"-5m", b"fill", b"null", b"~", b"\xe2\x80\xae", b"\x1b[31m",
        # values that once ended in "internal error" (issue 10)
        b"99999999h", b"1.0e+308", b"0001-01-01", b"9999-12-31", b"1" * 4301, b'"\\udc00"', b'"a\\nb"',
        b"202405010930", b'"guest\\u007f"', b"javascript:alert(1)", b"localtime", b"right/UTC",
        b"2024-05-21 01:00", b"\x1b]52;c;aGk=\x07", b"PT10M30S", b"1H", b"13:00", b"-1"]


@st.composite
def mutated(draw):
    return mutate(draw)


def mutate(draw):
    """A real forum file with one to four lines deleted, repeated, swapped, cut, re-indented or given junk."""
    source = draw(st.sampled_from(SOURCES))
    lines = TEXTS[source].split(b"\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        n = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "junk", "cut", "value", "indent"]))
        if action == "delete":
            del lines[n]
        elif action == "duplicate":
            lines.insert(n, lines[n])
        elif action == "swap":
            m = draw(st.integers(0, len(lines) - 1))
            lines[n], lines[m] = lines[m], lines[n]
        elif action == "junk":
            at = draw(st.integers(0, len(lines[n])))
            lines[n] = lines[n][:at] + draw(st.sampled_from(JUNK)) + lines[n][at:]
        elif action == "cut":
            lines[n] = lines[n][: draw(st.integers(0, len(lines[n])))]
        elif action == "value" and b":" in lines[n]:
            key = lines[n].split(b":", 1)[0]
            lines[n] = key + b": " + draw(st.sampled_from(JUNK + [b"0", b"-1", b"99999", b"[]", b"{}", b"true"]))
        elif action == "indent":
            lines[n] = b" " * draw(st.integers(1, 5)) + lines[n]
    return source.suffix, b"\n".join(lines)


FUZZ = settings(max_examples=200, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow,
                                                                                         HealthCheck.function_scoped_fixture])


def run_anything(*args) -> None:
    """The CLI may refuse, but only with exit 1 or 2 and a message, never a crash."""
    result = run(*args, exit_status=None)
    printed = result.stdout_bytes.decode("utf-8", "replace") + result.stderr
    assert "internal error" not in printed, printed


@pytest.mark.slow
@FUZZ
@given(case=mutated())
def test_mutated_files_through_validate_plan_and_export(case, tmp_path_factory):
    suffix, data = case
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"mutated{suffix}"
    path.write_bytes(data)
    run_anything("validate", path)
    run_anything("plan", path, "--format", "json")
    run_anything("plan", path, "--timeline")
    run_anything("export", path, "-o", folder / "out.ics", "--segments", "--force")
    run_anything("export", path, "-o", folder / "out.html", "--force")


@pytest.mark.slow
@settings(max_examples=100, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_random_bytes(data, tmp_path_factory):
    path = tmp_path_factory.mktemp("bytes") / "random.yaml"
    path.write_bytes(data)
    run_anything("validate", path)


def test_alias_bomb_is_refused_with_a_clear_message():
    result = run("validate", FIXTURES / "malformed" / "alias-bomb.yaml", exit_status=2)
    assert "more than 100000 values made by expanding aliases (*name)" in result.stdout


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"forum:\n  title: " + b"x" * (2 * 1024 * 1024) + b"\n")
    assert "forum files are limited to 1 MiB" in run("plan", path, exit_status=2).stderr


class _Draw:
    """Hypothesis' `draw` for `mutate`, from a seeded random generator: thousands of cases, no shrinking cost."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def __call__(self, strategy):
        kind, args = strategy
        return self.random.choice(args) if kind == "choice" else self.random.randint(*args)


def _fast_strategies(monkeypatch):
    monkeypatch.setattr(st, "sampled_from", lambda values: ("choice", list(values)))
    monkeypatch.setattr(st, "integers", lambda low, high: ("integer", (low, high)))


CASES = 2000
EXPORT_EVERY = 5
SHARE = 250
"""The cases in one test: 2,000 in eight shares, so that two workers share them."""


@pytest.mark.slow
@pytest.mark.parametrize("first", range(0, CASES, SHARE))
def test_a_few_thousand_mutated_files_never_end_in_internal_error(first, tmp_path, monkeypatch):
    """2,000 seeded mutations through the real entry point: validate and plan each, export every fifth
    to every format. Any "internal error" (stdout or stderr) fails, and names the case to replay."""
    _fast_strategies(monkeypatch)
    formats = ["ics", "html", "csv", "md", "json"]
    for case in range(first, first + SHARE):
        suffix, data = mutate(_Draw(case))
        path = tmp_path / f"case-{case}{suffix}"
        path.write_bytes(data)
        try:
            run_anything("validate", path)
            run_anything("plan", path, "--format", "json")
            if case % EXPORT_EVERY == 0:
                for extension in formats:
                    run_anything("export", path, "-o", tmp_path / f"out.{extension}", "--segments", "--force")
        except AssertionError as error:
            raise AssertionError(f"case {case} ({path}):\n{data[:2000]!r}\n{error}") from None
        path.unlink()
