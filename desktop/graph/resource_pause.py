"""One pause for all of a client's requests after Graph says the app's resource units are
spent (a 429 with ``x-ms-throttle-information: ResourceUnitLimitExceeded``).

That budget is shared by every request of the app in the tenant, reads and writes alike
(docs/graph-facts.md, "Throttling and retries"), so once one request hears it is spent, the
others would only collect 429s of their own until its Retry-After has passed. A 429 that names
no reason stays the business of its own request (it may be one request throttled under load).
"""

from __future__ import annotations

import threading

from desktop.cancel import CancelToken
from desktop.graph.clock import Clock
from desktop.graph.throttle_signals import RESOURCE_UNIT_LIMIT_EXCEEDED

_DEFAULT_PAUSE = 2.0  # seconds, when the 429 names no Retry-After


def names_resource_units(reason: str | None) -> bool:
    return reason is not None and reason.lower() == RESOURCE_UNIT_LIMIT_EXCEEDED.lower()


class ResourcePause:
    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._until = float("-inf")

    def hold(self, retry_after: float | None) -> None:
        """Nobody sends until ``retry_after`` seconds from now."""
        wait = _DEFAULT_PAUSE if retry_after is None else retry_after
        with self._lock:
            self._until = max(self._until, self._clock.now() + wait)

    def wait(self, cancel: CancelToken | None = None) -> None:
        while True:
            with self._lock:
                left = self._until - self._clock.now()
            if left <= 0:
                return
            self._clock.sleep(left, cancel)
