"""The Host check: the server answers only to the names it was started for (421 otherwise).

Without it, a web page on another site can point its own name at 127.0.0.1
(DNS rebinding) and read the programme and the stream from the visitor's
browser. Such a request carries the attacker's name in `Host`, so a name
outside the list is refused. Starlette's TrustedHostMiddleware answers 400
and may redirect to a `www.` name; the right answer is 421 (Misdirected
Request) in the forum's language, and nothing built from the header.
"""

import ipaddress
import json
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

LOCAL_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARDS = ("0.0.0.0", "::", "[::]", "")


def bracketed(host: str) -> str:
    """An IPv6 address as it appears in a Host header."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def host_name(header: str) -> str | None:
    """`Host: name[:port]` -> the lower-case name, or None when the header is not of that form."""
    header = header.strip().lower()
    if header.startswith("["):
        name, _, rest = header.partition("]")
        name += "]"
    else:
        name, _, rest = header.partition(":")
        rest = ":" + rest if rest else ""
    if rest and not (rest.startswith(":") and rest[1:].isdigit() and len(rest) <= 6):
        return None
    return name or None


def _is_address(name: str, address: str) -> bool:
    try:
        return ipaddress.ip_address(name.strip("[]")) == ipaddress.ip_address(address)
    except ValueError:
        return False


class HostCheck:
    """Plain ASGI, so event streams pass through untouched."""

    def __init__(self, app: ASGIApp, listen: str, refusal: Callable[[str], str]) -> None:
        self.app = app
        self.names = {name.lower() for name in (*LOCAL_NAMES, bracketed(listen)) if name not in WILDCARDS}
        self.refusal = refusal(self._shown(listen))
        self.any_local_address = listen in WILDCARDS

    @staticmethod
    def _shown(listen: str) -> str:
        names = [*LOCAL_NAMES]
        if listen not in WILDCARDS and bracketed(listen).lower() not in names:
            names.append(bracketed(listen))
        return ", ".join(names)

    def allowed(self, scope: Scope) -> bool:
        headers = [value for name, value in scope.get("headers", []) if name == b"host"]
        if len(headers) != 1:
            return False
        name = host_name(headers[0].decode("latin-1"))
        if name is None:
            return False
        if name in self.names:
            return True
        # Listening on every address: phones open it by this machine's address on the network.
        # A rebinding page sends its own name, never an address, so an address literal is safe,
        # as long as it is the address this connection actually reached.
        server = scope.get("server")
        return self.any_local_address and server is not None and _is_address(name, str(server[0]))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.allowed(scope):
            await self.app(scope, receive, send)
            return
        body = json.dumps({"error": self.refusal}, ensure_ascii=False).encode("utf-8")
        await send({"type": "http.response.start", "status": 421,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
