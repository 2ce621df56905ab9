"""A real terminal for tests: a command run in tmux at a given size, keys sent, the pane captured."""

import os
import shlex
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")


class Terminal:
    def __init__(self, tmp_path: Path, command: str, width: int = 90, height: int = 30):
        self.socket = f"agenda-test-{os.getpid()}-{tmp_path.name}"
        self.exit_file = tmp_path / "exit-status"
        script = f"{command}; echo $? > {shlex.quote(str(self.exit_file))}"
        env = {**os.environ, "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT)}
        for name in ("NO_COLOR", "COLUMNS", "LINES"):  # the pane's size is tmux's (an xdist worker has COLUMNS=80)
            env.pop(name, None)
        self.tmux("new-session", "-d", "-s", "desk", "-x", str(width), "-y", str(height), "bash", "-c", script, env=env)

    def tmux(self, *args, env=None) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True,
                              env=env, timeout=30).stdout

    def pane(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "desk")

    def wait_for(self, text: str, timeout: float = 10) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.pane()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the pane shows:\n{self.pane()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "desk", *keys)

    def exit_status(self, timeout: float = 10) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exit_file.exists() and self.exit_file.read_text().strip():
                return int(self.exit_file.read_text())
            time.sleep(0.1)
        raise AssertionError(f"the command did not end; the pane shows:\n{self.pane()}")

    def agenda_pid(self) -> int:
        shell = int(self.tmux("list-panes", "-t", "desk", "-F", "#{pane_pid}").strip())
        children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
        return int(children[0])

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)
