"""Load on `agenda serve`: 200 open event streams, marks posted meanwhile, latencies printed.

    python benchmarks/serve_streams.py [--streams 200] [--marks 20]

Starts the installed command on a free 127.0.0.1 port in rehearsal mode,
opens the streams, then for each mark measures (a) how long `POST /mark`
takes to answer and (b) how long until every stream has the new state;
last, marks appended by `agenda mark` in another process, and how long
until every stream has them. Targets: answers within 1 s, every page
within 2 s. Everything stays on this machine and ends by itself.
"""

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "examples" / "ai-party-forum-2023-12-13.yaml"
_SCRIPT = Path(sys.executable).with_name("agenda")
AGENDA = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "agenda"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Stream:
    def __init__(self) -> None:
        self.states: list[tuple[float, int]] = []  # (arrival, number of marks in force)
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self, port: int) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", port)
        self.writer.write(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        await self.writer.drain()

    async def read(self) -> None:
        assert self.reader is not None
        data: list[str] = []
        async for raw in self.reader:
            line = raw.decode("utf-8").rstrip("\r\n")
            if line.startswith("data: "):
                data.append(line[6:])
            elif line == "" and data:
                text = "\n".join(data)
                data = []
                if text.startswith("{"):
                    state = json.loads(text)
                    done = sum(1 for s in state["segments"] if s["status"] in ("done", "running"))
                    self.states.append((time.perf_counter(), done))


async def post_mark(port: int, token: str) -> float:
    body = json.dumps({"mark": "next"}).encode()
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST /mark HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 b"Authorization: Bearer " + token.encode() + b"\r\nConnection: close\r\n"
                 b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    await writer.drain()
    status = await reader.readline()
    await reader.read()
    writer.close()
    if b" 200 " not in status:
        raise SystemExit(f"POST /mark answered {status!r}")
    return time.perf_counter() - started


async def all_have(streams: list[Stream], count: int, since: float, limit: float = 10.0) -> float:
    """Seconds from `since` until every stream has a state with `count` segments begun."""
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        arrivals = [next((t for t, n in s.states if n >= count and t >= since), None) for s in streams]
        if all(a is not None for a in arrivals):
            return max(arrivals) - since
        await asyncio.sleep(0.005)
    raise SystemExit(f"not every stream had the state within {limit} s")


def figures(name: str, values: list[float], target: float) -> bool:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    verdict = "ok" if max(values) <= target else "OVER TARGET"
    print(f"{name:<38} median {statistics.median(values) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   "
          f"max {max(values) * 1000:7.1f} ms   (target <= {target * 1000:.0f} ms) {verdict}")
    return max(values) <= target


async def measure(port: int, token: str, forum: Path, log: Path, streams_wanted: int, marks: int) -> bool:
    streams = [Stream() for _ in range(streams_wanted)]
    await asyncio.gather(*(s.open(port) for s in streams))
    readers = [asyncio.create_task(s.read()) for s in streams]
    await all_have(streams, 0, 0.0)
    print(f"{streams_wanted} event streams open")
    answers, fan_out, from_cli = [], [], []
    begun = 1  # the registration counts as done from the start
    for _ in range(marks):
        since = time.perf_counter()
        answers.append(await post_mark(port, token))
        begun += 1
        fan_out.append(await all_have(streams, begun, since))
    for n in range(3):
        since = time.perf_counter()
        done = await asyncio.create_subprocess_exec(*AGENDA, "mark", str(forum), "undo", "--log", str(log),
                                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        await done.wait()
        begun -= 1
        from_cli.append(await all_have(streams, begun, since))
    for task in readers:
        task.cancel()
    ok = figures("POST /mark answered", answers, 1.0)
    ok &= figures(f"a posted mark on all {streams_wanted} streams", fan_out, 2.0)
    ok &= figures(f"`agenda mark` on all {streams_wanted} streams", from_cli, 2.0)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--streams", type=int, default=200)
    parser.add_argument("--marks", type=int, default=5, help="marks posted (the seed has 6 segments to run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        forum = Path(tmp) / "forum.yaml"
        forum.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
        log = Path(tmp) / "marks.jsonl"
        port = free_port()
        server = subprocess.Popen([*AGENDA, "serve", str(forum), "--port", str(port), "--at", "14:00",
                                   "--log", str(log)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        try:
            token = ""
            assert server.stdout is not None
            for raw in server.stdout:
                line = raw.decode().strip()
                if re.fullmatch(r"[A-Za-z0-9_-]{22,}", line):
                    token = line
                    break
            deadline = time.monotonic() + 20
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise SystemExit("the server did not start")
                    time.sleep(0.05)
            ok = asyncio.run(measure(port, token, forum, log, args.streams, args.marks))
        finally:
            server.terminate()
            server.wait(timeout=15)
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
