"""A tiny HTTP server on 127.0.0.1 that answers from a script, for shapes the demo tenant
never produces on purpose (HTML pages, cut-off JSON, dropped connections)."""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Canned:
    status: int = 200
    body: Any = None  # bytes as-is, str as text, anything else as JSON
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False  # close the connection without answering

    def payload(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode()
        return json.dumps(self.body).encode()


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


Responder = Callable[[Seen], Canned]


def envelope(code: str, message: str, request_id: str | None = "req-1") -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if request_id:
        error["innerError"] = {"request-id": request_id, "date": "2024-01-01T00:00:00"}
    return {"error": error}


class CannedServer:
    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self._script: deque[Canned] = deque()
        self.responder: Responder | None = None
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                seen = Seen(
                    self.command, self.path, dict(self.headers.items()), self.rfile.read(length)
                )
                canned = server._next(seen)
                if canned.drop:
                    self.close_connection = True
                    return
                payload = canned.payload()
                self.send_response(canned.status)
                headers = {"Content-Type": "application/json", **canned.headers}
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PATCH = do_DELETE = _answer  # noqa: N815 (http.server names)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        self.base_url = f"http://127.0.0.1:{self._httpd.server_address[1]}/v1.0"

    def script(self, *answers: Canned) -> None:
        with self._lock:
            self._script.extend(answers)

    def _next(self, seen: Seen) -> Canned:
        with self._lock:
            self.seen.append(seen)
            if self._script:
                return self._script.popleft()
        if self.responder is not None:
            return self.responder(seen)
        return Canned(500, envelope("TestScriptEmpty", "The test script has no more answers."))

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
