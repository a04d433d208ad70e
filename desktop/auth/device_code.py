"""Device-code sign-in: show a code and a link, then wait while the person enters the code in
any browser. The window shows ``user_code`` and ``verification_uri`` with a copy button.

The polling loop is ours rather than MSAL's so that cancelling takes effect at once: MSAL's
loop sleeps a second at a time and only looks at ``flow["expires_at"]`` (which ``cancel()``
also zeroes, as MSAL documents).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import msal

from desktop.auth.errors import SignInCancelledError, SignInTimedOutError
from desktop.cancel import CancelToken

RETRY_ERRORS = ("authorization_pending", "slow_down")

T = TypeVar("T")


class DeviceCodeSignIn(Generic[T]):
    def __init__(
        self,
        app: msal.PublicClientApplication,
        flow: dict[str, Any],
        finish: Callable[[dict[str, Any]], T],
    ) -> None:
        self._app = app
        # MSAL's single poll loops without pause on an interval below 1 (``range(0)``).
        flow["interval"] = max(1, int(flow.get("interval", 5)))
        self._flow = flow
        self._finish = finish
        self._cancelled = threading.Event()

    @property
    def user_code(self) -> str:
        return str(self._flow["user_code"])

    @property
    def verification_uri(self) -> str:
        return str(self._flow["verification_uri"])

    @property
    def message(self) -> str:
        """The identity platform's own instruction (localized by it), ready to show."""
        return str(self._flow.get("message", ""))

    @property
    def expires_at(self) -> float:
        return float(self._flow.get("expires_at", 0))

    def cancel(self) -> None:
        """Stop waiting; safe to call from any thread, before or during ``wait``."""
        self._flow["expires_at"] = 0
        self._cancelled.set()

    def wait(self, cancel: CancelToken | None = None) -> T:
        """Block until the code is entered (then return what ``finish`` makes of it), declined,
        expired (``SignInTimedOutError``) or cancelled (``SignInCancelledError``)."""
        deadline = self.expires_at
        while True:
            if self._cancelled.is_set() or (cancel is not None and cancel.cancelled):
                raise SignInCancelledError()
            result = self._app.acquire_token_by_device_flow(
                self._flow, exit_condition=lambda flow: True
            )
            if result.get("error") not in RETRY_ERRORS:
                return self._finish(result)
            if time.time() >= deadline:
                raise SignInTimedOutError()
            interval = float(self._flow.get("interval", 5))
            if self._wait_or_cancel(interval, cancel):
                raise SignInCancelledError()

    def _wait_or_cancel(self, seconds: float, cancel: CancelToken | None) -> bool:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self._cancelled.wait(min(left, 0.2)):
                return True
            if cancel is not None and cancel.cancelled:
                return True
        return False
