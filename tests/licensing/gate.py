"""Holding the demo tenant's write batches, to stop a run at a known point without sleeps."""

from __future__ import annotations

import json
import threading

from desktop.demo import DemoTenant, Request


class WriteGate:
    """Lets the first ``open_batches`` write $batch calls through, holds the rest until
    ``release()``; the held ones are then applied although their client is long gone."""

    def __init__(self, tenant: DemoTenant, open_batches: int) -> None:
        self._handle = tenant.handle
        self._open = open_batches
        self._released = threading.Event()
        self._lock = threading.Condition()
        self.held = 0
        self.finished_held = 0
        tenant.handle = self.handle  # type: ignore[method-assign]

    def handle(self, request: Request):  # type: ignore[no-untyped-def]
        if not _is_write_batch(request):
            return self._handle(request)
        with self._lock:
            hold = self._open <= 0
            self._open -= 1
            self.held += hold
        if not hold:
            return self._handle(request)
        self._released.wait()
        try:
            return self._handle(request)
        finally:
            with self._lock:
                self.finished_held += 1
                self._lock.notify_all()

    def release_and_wait(self) -> None:
        self._released.set()
        with self._lock:
            self._lock.wait_for(lambda: self.finished_held == self.held)

    def release(self) -> None:
        self._released.set()


def _is_write_batch(request: Request) -> bool:
    if request.method != "POST" or not request.path.endswith("/$batch"):
        return False
    entries = json.loads(request.body or b"{}").get("requests", [])
    return any(e.get("method", "GET").upper() != "GET" for e in entries)
