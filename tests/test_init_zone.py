"""`agenda init` starts from the machine's zone and says so, instead of writing UTC silently."""

import subprocess
import sys
from pathlib import Path

import pytest

from agenda.new_file.machine_zone import machine_zone
from helpers import ROOT, run


def init(tmp_path: Path, *args: str, env: dict | None = None) -> tuple[str, str]:
    target = tmp_path / "forum.yaml"
    result = run("init", target, *args, env=env)
    zone_line = next(line for line in target.read_text(encoding="utf-8").splitlines() if "timezone:" in line)
    return zone_line.strip(), result.stderr


def test_english_file_takes_the_machine_zone_and_says_so(tmp_path):
    line, said = init(tmp_path, "--lang", "en", env={"TZ": "Europe/Berlin"})
    assert line == "timezone: Europe/Berlin"
    assert "timezone: Europe/Berlin, this machine's zone; use --timezone ZONE if the forum is elsewhere\n" in said


@pytest.mark.parametrize("tz", ["UTC", "Etc/UTC", ":UTC"])
def test_a_utc_machine_gets_utc_with_a_word_on_how_to_change_it(tmp_path, tz):
    line, said = init(tmp_path, "--lang", "en", env={"TZ": tz})
    assert line == "timezone: UTC"
    assert "because this machine is set to UTC; give the forum's own zone with --timezone ZONE" in said


def test_an_unknown_machine_zone_is_said_to_be_unknown(tmp_path):
    line, said = init(tmp_path, "--lang", "en", env={"TZ": "KST-9"})
    assert line == "timezone: UTC"
    assert "this machine's zone cannot be told" in said and "--timezone ZONE" in said


def test_an_explicit_zone_needs_no_note(tmp_path):
    line, said = init(tmp_path, "--lang", "en", "--timezone", "America/Chicago", env={"TZ": "Europe/Berlin"})
    assert line == "timezone: America/Chicago"
    assert "timezone" not in said


def test_a_korean_file_starts_in_seoul_and_says_so_in_korean(tmp_path):
    line, said = init(tmp_path, env={"TZ": "Europe/Berlin"})
    assert line == "timezone: Asia/Seoul"
    assert said.startswith("시간대: Asia/Seoul (한국어 파일의 기본값). 다른 곳에서 열리면 --timezone으로 바꾸세요")


def test_machine_zone_reads_the_localtime_link_then_etc_timezone(tmp_path):
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/America/Sao_Paulo")
    named = tmp_path / "timezone"
    named.write_text("Asia/Seoul\n", encoding="utf-8")
    assert machine_zone({}, link, named) == "America/Sao_Paulo"
    assert machine_zone({}, tmp_path / "absent", named) == "Asia/Seoul"
    assert machine_zone({"TZ": "/usr/share/zoneinfo/Pacific/Auckland"}, link, named) == "Pacific/Auckland"
    assert machine_zone({}, tmp_path / "absent", tmp_path / "absent") is None


def test_init_without_a_terminal_never_waits_for_input(tmp_path):
    done = subprocess.run([sys.executable, "-m", "agenda", "init", str(tmp_path / "forum.yaml"), "--lang", "en"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60, cwd=ROOT,
                          env={"PATH": "/usr/bin:/bin", "TZ": "Asia/Tokyo"})
    assert done.returncode == 0, done.stderr
    assert "timezone: Asia/Tokyo, this machine's zone" in done.stderr
