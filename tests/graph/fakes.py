"""Stand-ins for time and tokens so retry and pacing decisions can be checked exactly."""

from __future__ import annotations

import threading

from desktop.cancel import CancelToken
from desktop.graph.errors import AuthenticationError, CancelledError

SECRET = "eyJ0eXAiOiJKV1QiLCJhbGciOi.SECRET-TOKEN-VALUE.c2lnbmF0dXJl"
FRESH_SECRET = "eyJ0eXAiOiJKV1QiLCJhbGciOi.FRESH-TOKEN-VALUE.c2lnbmF0dXJl"


class FakeClock:
    """Virtual time: ``sleep`` records the wait and moves time on at once."""

    def __init__(self) -> None:
        self.time = 1000.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self.time

    def sleep(self, seconds: float, cancel: CancelToken | None = None) -> None:
        if cancel is not None and cancel.cancelled:
            raise CancelledError("cancelled")
        with self._lock:
            self.sleeps.append(seconds)
            self.time += max(0.0, seconds)

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.time += seconds


class RefreshingToken:
    """Hands out ``SECRET`` until refreshed, then ``FRESH_SECRET``; counts refreshes."""

    def __init__(self, refresh_fails: bool = False) -> None:
        self.current = SECRET
        self.refreshes = 0
        self.refresh_fails = refresh_fails

    def token(self) -> str:
        return self.current

    def refresh(self) -> str:
        self.refreshes += 1
        if self.refresh_fails:
            raise AuthenticationError("InvalidAuthenticationToken", "Sign in again.", status=401)
        self.current = FRESH_SECRET
        return self.current
