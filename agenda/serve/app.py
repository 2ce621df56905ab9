"""The HTTP side of `agenda serve`: routes, the token check, and the security headers.

Starlette gives routing, streaming and request parsing; uvicorn serves it
(see server.py). Only `POST /mark` changes anything, and only with the token.
"""

import json
import re
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.datastructures import MutableHeaders
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from agenda.day.marks import ImpossibleMark, MarkKind
from agenda.day.loader import is_rehearsal_log
from agenda.day.projection import DayState, room_view
from agenda.day.recording import Press, record_mark
from agenda.day.times import parse_moment
from agenda.core.errors import AgendaError, UsageError
from agenda.core.planner import Plan
from agenda.messages.usage import usage_sentence
from agenda.render.day_json import now_json as now_text
from agenda.render.day_text import mark_text
from agenda.messages.day_words import day_words, impossible_text, warning_text
from agenda.serve.hosts import HostCheck
from agenda.serve.limits import MAX_HEADER_BYTES, MAX_STREAMS, HeaderLimit
from agenda.messages.stage_words import STAGE_WORDS
from agenda.serve.bodies import BadBody, json_object
from agenda.serve.live import LiveDay, Snapshot
from agenda.serve.pages import control_page, programme_page, stage_page
from agenda.messages.server_words import SERVER_WORDS
from agenda.serve.speaker import BadMessage, next_message
from agenda.serve.token import authorized

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                                "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
MAX_BODY = 4096
_FIELDS = {"mark", "segment", "at", "expect", "id", "note", "room"}
_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")
T = TypeVar("T")


class SecurityHeaders:
    """Adds the headers to every response; plain ASGI, so event streams pass through untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers.append(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


class LastResort:
    """A request that fails inside the server answers 500 with one line, and the server logs one line.

    Never a traceback on the desk's terminal, and the server keeps running for
    every other page; the same promise the command line makes. The same
    failure again is counted, not said again (failures.py).
    """

    def __init__(self, app: ASGIApp, report: Callable[[str, str], None], refusal: str) -> None:
        self.app = app
        self.report = report
        self.refusal = refusal  # the 500 body, in the desk's language

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception as error:  # the last resort: say it in one line and go on serving
            where = f"{scope.get('method', '')} {scope.get('path', '')}"
            self.report(f"{where} {type(error).__name__}", f"{where} failed: {type(error).__name__}: {error}")
            if scope["type"] == "http" and not started:
                await JSONResponse({"error": self.refusal}, status_code=500)(scope, receive, send)


class BadMark(BadBody):
    """A request body that is not a mark: 400, with what to send instead (ServerWords.bad_mark words `reason`)."""


def parse_mark(body: bytes) -> tuple[Press, str | None]:
    """The press a body asks for, and its `at` (None: the server's clock)."""
    data = json_object(body, _FIELDS, BadMark)
    kinds = [kind.value for kind in MarkKind]
    if data.get("mark") not in kinds:
        raise BadMark("unknown-mark", kinds=", ".join(kinds))
    for name in ("segment", "at", "expect", "id", "note", "room"):
        if data.get(name) is not None and not isinstance(data[name], str):
            raise BadMark("not-a-text", field=name)
    key = data.get("id")
    if key is not None and not _KEY.fullmatch(key):
        raise BadMark("bad-id")
    press = Press(MarkKind(data["mark"]), data.get("segment"), data.get("expect"), key, data.get("note"),
                  data.get("room"))
    return press, data.get("at")


def room_json(plan: Plan, state: DayState, text: str, room: str | None) -> str:
    """`/now.json?room=ID`: the day as that room follows it (its track's parts while its block runs)."""
    return text if room is None else now_text(room_view(state, room))


class Unreadable(Exception):
    """The marks log cannot be read just now: 503, said in the desk's language."""


async def _read(live: LiveDay, call: Callable[[], T]) -> T:
    try:
        return await run_in_threadpool(call)
    except AgendaError as error:  # the log is a folder, unreadable, or the file table is full
        raise Unreadable(live.unreadable(error)) from None
    except OSError as error:
        raise Unreadable(live.unreadable(error)) from None


async def _snapshot(live: LiveDay) -> Snapshot:
    """The day now: the cached projection if the log and the second are unchanged, else one made in a thread."""
    cached = live.cached()
    return cached if cached is not None else await _read(live, live.snapshot)


def _close(headers: dict[str, str] | None = None) -> dict[str, str]:
    """A refusal ends its connection, so a flood of them does not hold descriptors."""
    return {"Connection": "close", **(headers or {})}


def create_app(live: LiveDay, token: str, listen: str = "127.0.0.1", stream_cap: int = MAX_STREAMS) -> Starlette:
    words = SERVER_WORDS[live.language]
    stage_words = STAGE_WORDS[live.language]

    async def unreadable(request: Request, error: Exception) -> Response:
        return JSONResponse({"error": words.log_unreadable.format(said=str(error))}, status_code=503,
                            headers=_close({"Retry-After": "2"}))

    def page(render: Any, rooms: bool = False) -> Any:
        """A page; the stage and the desk may follow one room (`?room=ID`), refused like /events if unknown."""
        async def endpoint(request: Request) -> Response:
            room = request.query_params.get("room") if rooms else None
            refused = unknown_room(room)
            if refused is not None:
                return refused
            snapshot = await _snapshot(live)
            if room is None:
                return HTMLResponse(render(snapshot.state, live.language, live.rehearsal))
            return HTMLResponse(render(snapshot.state, live.language, live.rehearsal, room=room))
        return endpoint

    def unknown_room(room: str | None) -> Response | None:
        """A `room` the file does not have: 400, naming the rooms it has."""
        if room is None or room in live.plan.rooms:
            return None
        return JSONResponse({"error": words.bad_mark["unknown-room"].format(
            room=repr(room), rooms=", ".join(live.plan.rooms) or "-")}, status_code=400)

    async def now_json(request: Request) -> Response:
        room = request.query_params.get("room")
        refused = unknown_room(room)
        if refused is not None:
            return refused
        snapshot = await _snapshot(live)
        return Response(room_json(live.plan, snapshot.state, snapshot.json, room), media_type="application/json")

    async def events(request: Request) -> Response:
        # one stream for every page (one broadcast per change): a room's page reads `rooms[ID]` off each state
        refused = unknown_room(request.query_params.get("room"))
        if refused is not None:
            return refused
        if live.streams >= stream_cap:
            live.report("streams-full", words.streams_full_said.format(cap=stream_cap))
            return JSONResponse({"error": words.streams_full.format(cap=stream_cap)}, status_code=503,
                                headers=_close({"Retry-After": "5"}))
        queue = live.subscribe()
        try:
            first = (await _snapshot(live)).event + live.message_events()
        except BaseException:
            live.unsubscribe(queue)
            raise

        async def stream() -> AsyncIterator[str]:
            try:
                yield "retry: 2000\n\n" + first
                while True:
                    chunk = await queue.get()
                    if chunk is None:
                        return
                    yield chunk
            finally:
                live.unsubscribe(queue)

        return StreamingResponse(stream(), media_type="text/event-stream",
                                 headers={"X-Accel-Buffering": "no"})

    async def mark(request: Request) -> Response:
        if not authorized(request.headers.get("authorization"), token):
            return JSONResponse({"error": words.token_needed}, status_code=403)
        body = b""
        try:
            async for chunk in request.stream():  # read no further than the bound, however much is announced
                body += chunk
                if len(body) > MAX_BODY:
                    return JSONResponse({"error": words.body_too_large.format(limit=MAX_BODY)}, status_code=400,
                                        headers=_close())
        except ClientDisconnect:  # gone, or closed for sending too slowly (limits.py): nobody to answer
            return Response(status_code=400)
        try:
            press, at_text = parse_mark(body)
        except BadMark as bad:
            return JSONResponse({"error": words.bad_mark[bad.reason].format(**bad.arguments)}, status_code=400)
        refused_room = unknown_room(press.room)
        if refused_room is not None:
            return refused_room
        try:
            at = parse_moment(at_text, live.plan) if at_text is not None else None
        except ValueError as error:
            why = UsageError("not-a-moment", value=at_text or "", problem=getattr(error, "reason", ""))
            return JSONResponse({"error": usage_sentence(why.reason, why.arguments, live.language)}, status_code=400)
        try:
            recorded = await run_in_threadpool(record_mark, live.plan, live.log, press, at, live.clock,
                                               is_rehearsal_log(live.log))
        except ImpossibleMark as why:
            said = impossible_text(why.reason, why.details, live.language)
            refused: dict[str, object] = {"error": day_words(live.language).nothing_appended.format(why=said)}
            if why.reason == "expect-stale":  # the state as it is, so the desk shows what it missed
                state, text = await _read(live, live.state)
                refused["now"] = json.loads(room_json(live.plan, state, text, press.room))
            return JSONResponse(refused, status_code=409)
        except UsageError as error:  # the marks log cannot be written: said in the desk's language
            return JSONResponse({"error": usage_sentence(error.reason, error.arguments, live.language)},
                                status_code=503)
        except AgendaError as error:
            return JSONResponse({"error": live.unreadable(error)}, status_code=503)
        snapshot = await _read(live, live.snapshot)
        live.broadcast(snapshot)  # once: the watcher sees the same log and stays quiet
        answer: dict[str, object] = {"said": mark_text(live.plan, recorded.mark, recorded.withdrawn),
                                     "now": json.loads(room_json(live.plan, snapshot.state, snapshot.json,
                                                                 press.room))}
        if recorded.warnings:
            answer["warnings"] = [warning_text(w, live.language) for w in recorded.warnings]
        return JSONResponse(answer)

    async def message(request: Request) -> Response:
        if not authorized(request.headers.get("authorization"), token):
            return JSONResponse({"error": stage_words.message_token}, status_code=403)
        body = b""
        try:
            async for chunk in request.stream():
                body += chunk
                if len(body) > MAX_BODY:
                    return JSONResponse({"error": stage_words.message_refused["too-large"].format(limit=MAX_BODY)},
                                        status_code=400, headers=_close())
        except ClientDisconnect:
            return Response(status_code=400)
        try:
            shown = next_message(live.message, body)
        except BadMessage as bad:
            return JSONResponse({"error": stage_words.message_refused[bad.reason].format(**bad.arguments)},
                                status_code=400)
        refused_room = unknown_room(shown.room)
        if refused_room is not None:
            return refused_room
        live.say(shown)
        answer = {"said": stage_words.message_sent, "text": shown.text, "flash": shown.flash,
                  "blackout": shown.blackout, **({"room": shown.room} if shown.room is not None else {})}
        return JSONResponse(answer)

    static = StaticFiles(packages=[("agenda.serve", "static")])
    routes = [
        Route("/", page(programme_page)),
        Route("/stage", page(stage_page, rooms=True)),
        Route("/control", page(control_page, rooms=True)),
        Route("/now.json", now_json),
        Route("/events", events),
        Route("/mark", mark, methods=["POST"]),
        Route("/message", message, methods=["POST"]),
        Mount("/static", static, name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={Unreadable: unreadable},
                    middleware=[Middleware(LastResort, report=live.report, refusal=words.could_not_answer), Middleware(SecurityHeaders),
                                Middleware(HostCheck, listen=listen, refusal=lambda hosts: words.wrong_host.format(
                                    hosts=hosts)),
                                Middleware(HeaderLimit, refusal=words.headers_too_large.format(limit=MAX_HEADER_BYTES))])
    # `/static` -> `/static/` would be an absolute Location built from the Host header; no page needs it.
    app.router.redirect_slashes = False
    return app
