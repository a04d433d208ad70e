"""A cancel token shared between the caller (a window, a CLI's SIGINT) and long-running work."""

from __future__ import annotations

import threading
import time


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


class EitherCancel(CancelToken):
    """Cancelled when its own ``cancel()`` is called or when the ``outer`` token is: work that
    can be stopped both by the caller and by its own failure or end."""

    def __init__(self, outer: CancelToken | None) -> None:
        super().__init__()
        self._outer = outer

    @property
    def cancelled(self) -> bool:
        return super().cancelled or (self._outer is not None and self._outer.cancelled)

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; return True early if either token is cancelled (the outer
        one is seen within a tenth of a second: a thread can block on one event only)."""
        end = time.monotonic() + seconds
        while not self.cancelled:
            left = end - time.monotonic()
            if left <= 0:
                return False
            super().wait(min(left, 0.1))
        return True
