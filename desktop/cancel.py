"""A cancel token shared between the caller (a window, a CLI's SIGINT) and long-running work."""

from __future__ import annotations

import threading


class CancelToken:
    """Set once; long work checks it between units and never interrupts a request mid-flight."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; return True early if cancelled meanwhile."""
        return self._event.wait(seconds)
