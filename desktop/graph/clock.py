"""Time for the client: real by default, replaceable so retry and pacing logic can be tested
without waiting."""

from __future__ import annotations

import threading
import time
from typing import Protocol

from desktop.cancel import CancelToken
from desktop.graph.errors import CancelledError


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale."""
        ...

    def sleep(self, seconds: float, cancel: CancelToken | None = None) -> None:
        """Wait ``seconds``; raise ``CancelledError`` as soon as ``cancel`` is set."""
        ...


class RealClock:
    """``time.monotonic`` and interruptible waits. ``close()`` wakes every sleeper, so closing
    a client does not leave threads waiting out a long Retry-After."""

    def __init__(self) -> None:
        self._closed = threading.Event()

    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float, cancel: CancelToken | None = None) -> None:
        if seconds <= 0:
            self._check(cancel)
            return
        if cancel is None:
            interrupted = self._closed.wait(seconds)
        else:
            # Wake for either the cancel token or close(); poll the second in short steps
            # because a thread can only block on one Event.
            deadline = time.monotonic() + seconds
            interrupted = False
            while not interrupted:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                interrupted = cancel.wait(min(left, 0.25)) or self._closed.is_set()
        if interrupted:
            self._check(cancel)

    def _check(self, cancel: CancelToken | None) -> None:
        if cancel is not None and cancel.cancelled:
            raise CancelledError("Stopped: the work was cancelled.")
        if self._closed.is_set():
            raise CancelledError("Stopped: the connection to Microsoft Graph was closed.")

    def close(self) -> None:
        self._closed.set()
