"""Every file agenda writes appears whole or not at all, and a failed export leaves the old one as it was."""

import os

import pytest

from helpers import SEED, run

OLD = b"BEGIN:VCALENDAR\r\nthe calendar subscribers have now\r\nEND:VCALENDAR\r\n"


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_export_replaces_the_file_whole(tmp_path):
    out = tmp_path / "forum.ics"
    out.write_bytes(OLD)
    os.chmod(out, 0o640)
    run("export", SEED, "-o", out)
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0")
    assert oct(out.stat().st_mode & 0o777) == "0o640"  # the old file's permissions are kept
    assert leftovers(tmp_path) == []


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    import agenda.output_files

    out = tmp_path / "forum.ics"
    out.write_bytes(OLD)

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(agenda.output_files.os, "fsync", disk_full)
    result = run("export", SEED, "-o", out, exit_status=2)
    assert "cannot be written: No space left on device" in result.stderr
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_an_interrupt_while_writing_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    import agenda.output_files

    out = tmp_path / "forum.html"
    out.write_bytes(OLD)

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(agenda.output_files.os, "replace", interrupted)
    run("export", SEED, "-o", out, exit_status=130)
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_a_failing_exporter_never_touches_the_target(tmp_path, monkeypatch):
    import agenda.export.ics

    out = tmp_path / "forum.ics"
    out.write_bytes(OLD)
    monkeypatch.setattr(agenda.export.ics, "calendar_bytes", lambda *a, **k: 1 / 0)
    result = run("export", SEED, "-o", out, exit_status=2)
    assert "internal error" in result.stderr
    assert out.read_bytes() == OLD and leftovers(tmp_path) == []


@pytest.mark.parametrize("suffix", [".ics", ".html", ".md", ".csv", ".json"])
def test_a_missing_folder_is_a_clear_error(tmp_path, suffix):
    out = tmp_path / "no" / "such" / f"forum{suffix}"
    result = run("export", SEED, "-o", out, exit_status=2)
    assert f"the folder {out.parent} does not exist" in result.stderr


def test_init_writes_safely_too(tmp_path, monkeypatch):
    import agenda.output_files

    path = tmp_path / "forum.yaml"
    path.write_text("mine", encoding="utf-8")
    monkeypatch.setattr(agenda.output_files.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    run("init", path, "--force", "--date", "2024-01-01", exit_status=2)
    assert path.read_text(encoding="utf-8") == "mine" and leftovers(tmp_path) == []


def test_an_unknown_suffix_asks_for_a_format(tmp_path):
    result = run("export", SEED, "-o", tmp_path / "forum.docx", exit_status=2)
    assert "cannot tell the format from .docx" in result.stderr
