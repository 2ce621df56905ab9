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
    import agenda.export.output_files

    out = tmp_path / "forum.ics"
    out.write_bytes(OLD)

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(agenda.export.output_files.os, "fsync", disk_full)
    result = run("export", SEED, "-o", out, "--lang", "en", exit_status=2)
    assert "cannot be written: No space left on device" in result.stderr
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_an_interrupt_while_writing_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    import agenda.export.output_files

    out = tmp_path / "forum.html"
    out.write_bytes(OLD)

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(agenda.export.output_files.os, "replace", interrupted)
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
    result = run("export", SEED, "-o", out, "--lang", "en", exit_status=2)
    assert f"the folder {out.parent} does not exist" in result.stderr


def test_init_writes_safely_too(tmp_path, monkeypatch):
    import agenda.export.output_files

    path = tmp_path / "forum.yaml"
    path.write_text("mine", encoding="utf-8")
    monkeypatch.setattr(agenda.export.output_files.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    run("init", path, "--force", "--date", "2024-01-01", exit_status=2)
    assert path.read_text(encoding="utf-8") == "mine" and leftovers(tmp_path) == []


def test_an_unknown_suffix_asks_for_a_format(tmp_path):
    result = run("export", SEED, "-o", tmp_path / "forum.docx", exit_status=2)
    assert "cannot tell the format from .docx" in result.stderr


def test_a_symlink_at_the_target_stays_and_its_target_is_replaced(tmp_path):
    real = tmp_path / "published" / "forum.ics"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "forum.ics"
    link.symlink_to(real)
    run("export", SEED, "-o", link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0")
    assert leftovers(real.parent) == [] and leftovers(tmp_path) == []


def test_a_fifo_at_the_target_is_written_to_not_replaced(tmp_path):
    import stat
    import threading

    fifo = tmp_path / "forum.ics"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    run("export", SEED, "-o", fifo)
    reader.join(timeout=10)
    assert received and received[0].startswith(b"BEGIN:VCALENDAR\r\n")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_character_device_at_the_target_is_written_to_not_replaced(tmp_path):
    import stat

    null = tmp_path / "null.ics"
    try:
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a second /dev/null
    except (PermissionError, OSError):
        pytest.skip("creating a device needs root")
    try:
        with open(null, "wb") as probe:
            probe.write(b"x")
    except OSError:
        pytest.skip("devices cannot be opened here (nodev)")
    run("export", SEED, "-o", null)
    assert stat.S_ISCHR(os.stat(null).st_mode) and leftovers(tmp_path) == []


def test_dev_stdout_is_standard_output_even_as_a_pipe(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "agenda", "export", str(SEED), "-o", "/dev/stdout", "-f", "ics"],
                          capture_output=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"BEGIN:VCALENDAR\r\n") and done.stdout.endswith(b"END:VCALENDAR\r\n")


def test_the_old_files_owner_group_and_mode_are_kept(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("giving a file to another owner needs root")
    out = tmp_path / "forum.ics"
    out.write_bytes(OLD)
    os.chown(out, 1234, 5678)
    os.chmod(out, 0o604)
    run("export", SEED, "-o", out)
    info = out.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (1234, 5678, 0o604)


def test_a_hard_link_keeps_the_old_content_because_the_file_is_replaced_whole(tmp_path):
    """The documented choice: an atomic replace matters more than keeping hard links."""
    out = tmp_path / "forum.ics"
    out.write_bytes(OLD)
    os.link(out, tmp_path / "other-name.ics")
    run("export", SEED, "-o", out)
    assert (tmp_path / "other-name.ics").read_bytes() == OLD
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0")


@pytest.mark.parametrize("signal_name, status", [("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_signal_mid_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch, signal_name, status):
    import signal

    import agenda.export.output_files

    out = tmp_path / "forum.ics"
    out.write_bytes(OLD)
    before = signal.getsignal(getattr(signal, signal_name))

    def killed(fd):
        os.kill(os.getpid(), getattr(signal, signal_name))

    monkeypatch.setattr(agenda.export.output_files.os, "fsync", killed)
    result = run("export", SEED, "-o", out, exit_status=status)
    assert result.stderr.endswith(f"agenda: {signal_name} 신호를 받아 멈췄습니다\n")  # the file is Korean
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []
    assert signal.getsignal(getattr(signal, signal_name)) == before  # the handler is put back
