"""The loopback redirect of browser sign-in: a one-shot web server on 127.0.0.1 that receives
the authorization code (``response_mode=form_post``, or a query string) and can be cancelled.

MSAL's own ``acquire_token_interactive`` blocks without a way to stop it from another thread,
so License Desk drives the same auth-code-with-PKCE flow itself through MSAL's
``initiate_auth_code_flow`` / ``acquire_token_by_auth_code_flow`` and this receiver.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from desktop.auth.errors import SignInCancelledError, SignInTimedOutError
from desktop.cancel import CancelToken

PAGE_DONE = (
    b"<!doctype html><meta charset='utf-8'><title>License Desk</title>"
    b"<p>Signed in. You can close this tab and return to License Desk.</p>"
)
PAGE_FAILED = (
    b"<!doctype html><meta charset='utf-8'><title>License Desk</title>"
    b"<p>Sign-in did not complete. Return to License Desk for details.</p>"
)
CANCEL_CHECK_SECONDS = 0.2


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    expected_state = ""
    response: dict[str, str] | None = None
    arrived: threading.Event


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # some platforms answer with a query string
        self._accept(dict(parse_qsl(urlsplit(self.path).query)))

    def do_POST(self) -> None:  # response_mode=form_post
        length = int(self.headers.get("Content-Length") or 0)
        self._accept(dict(parse_qsl(self.rfile.read(length).decode("utf-8"))))

    def _accept(self, fields: dict[str, str]) -> None:
        is_answer = "code" in fields or "error" in fields
        state = self.server.expected_state
        if not is_answer or not state or fields.get("state") != state:
            # A favicon request, a stale tab or a forged request: not ours, keep waiting.
            self._reply(404, PAGE_FAILED)
            return
        self._reply(200, PAGE_DONE if "code" in fields else PAGE_FAILED)
        self.server.response = fields
        self.server.arrived.set()

    def _reply(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: request lines carry the authorization code."""


class LoopbackReceiver:
    """Listen on 127.0.0.1 at a free port until the browser brings the answer back."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.arrived = threading.Event()
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="sign-in-redirect", daemon=True
        )
        self._thread.start()

    @property
    def redirect_uri(self) -> str:
        # Entra accepts any port on http://localhost for public clients (RFC 8252).
        return f"http://localhost:{self._server.server_address[1]}"

    def expect(self, state: str) -> None:
        """Accept only answers carrying ``state``; call before opening the browser, which may
        answer before ``wait`` starts."""
        self._server.expected_state = state

    def wait(self, *, cancel: CancelToken | None, timeout: float) -> dict[str, str]:
        deadline = time.monotonic() + timeout
        while not self._server.arrived.wait(CANCEL_CHECK_SECONDS):
            if cancel is not None and cancel.cancelled:
                raise SignInCancelledError()
            if time.monotonic() > deadline:
                raise SignInTimedOutError()
        assert self._server.response is not None
        return self._server.response

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> LoopbackReceiver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
