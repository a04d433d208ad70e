"""HTTP/1.1 transport of the demo tenant: a threaded server with keep-alive on loopback.

Turns each HTTP request into a ``Request`` for the tenant's pipeline and writes back its
``Response``, or closes the connection without a word when the pipeline says ``DROP``.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import sys
import threading
import time
import uuid
from collections.abc import Callable
from http.server import ThreadingHTTPServer

from desktop.demo.answer_head import head_bytes, http_date
from desktop.demo.host_check import MISDIRECTED, host_allowed
from desktop.demo.request_head import FastHeadHandler
from desktop.demo.router import Headers, Request, Response

log = logging.getLogger(__name__)


class Drop:
    """Answer nothing and close the connection (an injected network fault)."""


DROP = Drop()


class LoopbackHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], handle: Callable[[Request], Response | Drop]
    ) -> None:
        self.handle = handle
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _RequestHandler)

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up mid-answer are normal (timeouts, killed processes, our own
        dropped-connection faults); anything else is logged, never printed with a request."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return
        log.error("demo tenant connection failed", exc_info=error)

    def track(self, connection: socket.socket, *, open_: bool) -> None:
        with self._connections_lock:
            if open_:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def close_all(self) -> None:
        """Close idle keep-alive connections so their threads end with the server."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _RequestHandler(FastHeadHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so pooled clients reuse connections
    server: LoopbackHTTPServer
    timeout = 120  # idle keep-alive connections are closed after two minutes
    _headers_buffer: list[bytes]  # BaseHTTPRequestHandler's head being put together (_send)

    def setup(self) -> None:
        super().setup()
        # Headers and body leave in separate writes; without this, Nagle's algorithm and the
        # client's delayed ACK add ~40 ms to every keep-alive request.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.track(self.connection, open_=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, open_=False)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the server must never print tokens or bodies

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _read_chunked(self) -> bytes:
        """A ``Transfer-Encoding: chunked`` body, read to the end so keep-alive stays in step."""
        parts: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # trailer fields
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline()  # the CRLF after each chunk

    def _serve(self) -> None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            body = self._read_chunked()
        else:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length > 0 else b""
        path, _, query = self.path.partition("?")
        host = self.headers.get("Host")
        listen_host, port = str(self.server.server_address[0]), int(self.server.server_address[1])
        if not host_allowed(host, port, listen_host):
            self._send(Response.json(MISDIRECTED, _misdirected(port)), request_id=None)
            return
        request = Request(
            method=self.command,
            path=path,
            raw_query=query,
            headers=Headers(dict(self.headers.items())),
            body=body,
            root_url=f"http://{host}",
            request_id=str(uuid.uuid4()),
        )
        outcome = self.server.handle(request)
        if isinstance(outcome, Drop):
            self.close_connection = True
            return
        self._send(outcome, request.request_id, request.client_request_id)

    def date_time_string(self, timestamp: float | None = None) -> str:
        return http_date(time.time() if timestamp is None else timestamp)

    def _send(
        self, outcome: Response, request_id: str | None, client_request_id: str | None = None
    ) -> None:
        """What send_response, send_header per field and end_headers would send, in one write:
        a page costs one system call and wakes the client once, which counts when a listing is
        hundreds of small pages (120 users each with signInActivity)."""
        status = outcome.status
        self.log_request(status)
        headers = dict(outcome.headers)
        if request_id is not None:
            headers.setdefault("request-id", request_id)
            headers.setdefault("client-request-id", client_request_id or request_id)
        fields = [
            ("Server", self.version_string()),
            ("Date", self.date_time_string()),
            *headers.items(),
            ("Content-Length", str(len(outcome.body))),
        ]
        for name, value in fields:  # send_header's rule
            if name.lower() == "connection":
                if value.lower() == "close":
                    self.close_connection = True
                elif value.lower() == "keep-alive":
                    self.close_connection = False
        body = outcome.body if self.command != "HEAD" else b""
        if self.request_version == "HTTP/0.9":  # no head at all: the body alone
            if body:
                self.wfile.write(body)
            return
        reason = self.responses[status][0] if status in self.responses else ""
        head = head_bytes(f"{self.protocol_version} {status:d} {reason}\r\n", fields)
        waiting = getattr(self, "_headers_buffer", [])  # nothing, unless a 100 Continue left some
        self._headers_buffer = [*waiting, head + body]
        self.flush_headers()


def _misdirected(port: int) -> dict[str, object]:
    return {
        "error": {
            "code": "MisdirectedRequest",
            "message": (
                "The demo tenant answers only requests addressed to this computer: "
                f"Host 127.0.0.1:{port}, localhost:{port} or [::1]:{port}."
            ),
        }
    }
