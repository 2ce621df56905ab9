"""The serve floor: a bare Starlette event-stream app doing the least `agenda serve` must do.

    python benchmarks/floor_stream.py PORT LOG SAMPLE

`GET /events` streams Server-Sent Events from a queue per client; `POST /mark`
appends one line to LOG, fsyncs it, and publishes one state to every stream,
then answers. A state is the bytes agenda sends (SAMPLE holds one of its
events: the `now` JSON on one line and the `line` event), with a counter in
it so that each state differs. No projection, no token, no watcher: what is left of
agenda's cost beside this is its own.
"""

import asyncio
import json
import os
import resource
import sys

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route

PORT, LOG = int(sys.argv[1]), sys.argv[2]
with open(sys.argv[3], encoding="utf-8") as sample:
    SAMPLE = sample.read()
queues: set[asyncio.Queue[str]] = set()
begun = 1


def event() -> str:
    return SAMPLE.replace('{"at": ', '{"mark": %d, "at": ' % begun, 1)


async def events(request: Request) -> StreamingResponse:
    queue: asyncio.Queue[str] = asyncio.Queue()
    queues.add(queue)

    async def stream():  # type: ignore[no-untyped-def]
        try:
            yield "retry: 2000\n\n" + event()
            while True:
                yield await queue.get()
        finally:
            queues.discard(queue)

    return StreamingResponse(stream(), media_type="text/event-stream")


def append(line: bytes) -> None:
    fd = os.open(LOG, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)


async def mark(request: Request) -> JSONResponse:
    global begun
    body = await request.body()
    await asyncio.to_thread(append, body + b"\n")
    begun += 1
    text = event()
    for queue in list(queues):
        queue.put_nowait(text)
    now = text.split("event: line", 1)[0]
    return JSONResponse({"said": "ok", "now": json.loads("".join(line[6:] for line in now.splitlines()
                                                                 if line.startswith("data: ")))})


soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
app = Starlette(routes=[Route("/events", events), Route("/mark", mark, methods=["POST"])])
uvicorn.run(app, host="127.0.0.1", port=PORT, log_level="warning", backlog=4096)
