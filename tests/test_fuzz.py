"""Fuzzing the front door: mutated real forum files through the real CLI never crash.

Every run must end with exit 0, 1 or 2, no traceback and no "internal error",
within a bounded time (Hypothesis' deadline).
"""

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ENGLISH, SEED, run

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = [SEED, ENGLISH, FIXTURES / "documents" / "hostile.yaml",
           FIXTURES / "calendars" / "new-york-dst-end.yaml", FIXTURES / "formats" / "forum.json",
           FIXTURES / "formats" / "forum.toml"]
TEXTS = {path: path.read_bytes() for path in SOURCES}

JUNK = [b"\t", b"\x00", b"\xff\xfe", b"\xc3", b"&a [*a, *a]", b"*nope", b"!!python/object:os.system ''", b"{", b"]",
        b": :", b"- - -", b"\"", b"'", b"\r", b"#", b"<<: *a", b"[" * 80, b"---", b"...", b"?", b"|", b">",
        b"2023-02-30", b"25:61", b"-5m", b"fill", b"null", b"~", b"\xe2\x80\xae", b"\x1b[31m"]


@st.composite
def mutated(draw):
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
    result = None
    for status in (0, 1, 2):
        try:
            result = run(*args, exit_status=status)
            break
        except AssertionError as error:
            if "exit status" not in str(error):
                raise
    assert result is not None, f"agenda {' '.join(map(str, args))} ended with another exit status"
    assert "internal error" not in result.stderr, result.stderr


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
