"""Small hostile servers on 127.0.0.1, written on raw sockets: they dribble, stall, flood.

Every loop is bounded and the server stops by itself after ``lifetime`` seconds, so a client
that fails to give up can make a test fail, never hang.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable

Behaviour = Callable[[socket.socket, threading.Event], None]


def read_request(conn: socket.socket) -> bytes:
    """The request head (and any body the buffer already holds); bounded."""
    data = b""
    conn.settimeout(5)
    with contextlib.suppress(OSError):
        while b"\r\n\r\n" not in data and len(data) < 1_000_000:
            chunk = conn.recv(65536)
            if not chunk:
                break
            data += chunk
    return data


class HostileServer:
    def __init__(self, behaviour: Behaviour, *, lifetime: float = 30.0) -> None:
        self.behaviour = behaviour
        self.connections = 0
        self.requests: list[bytes] = []
        self.stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._deadline = time.monotonic() + lifetime
        self.port = self._listener.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1.0"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set() and time.monotonic() < self._deadline:
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()
        self.stop.set()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            self.requests.append(read_request(conn))
            with contextlib.suppress(OSError):
                self.behaviour(conn, self.stop)

    def close(self) -> None:
        self.stop.set()
        self._thread.join(timeout=5)
        self._listener.close()


def dribble(payload: bytes, every: float) -> Behaviour:
    """Send ``payload`` one byte at a time, ``every`` seconds apart."""

    def behave(conn: socket.socket, stop: threading.Event) -> None:
        for byte in payload:
            if stop.wait(every):
                return
            conn.sendall(bytes([byte]))

    return behave


def stall(conn: socket.socket, stop: threading.Event) -> None:
    """Say nothing until the server stops."""
    stop.wait()


def flood(head: bytes, total: int, chunk: int = 65536) -> Behaviour:
    """Send ``head`` then ``total`` bytes of JSON-looking filler as fast as the client reads."""

    def behave(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(head)
        filler = b" " * chunk
        sent = 0
        while sent < total and not stop.is_set():
            conn.sendall(filler)
            sent += chunk

    return behave
