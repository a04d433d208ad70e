"""Keeps writes under the service's write limit, shared by every thread using one client.

Graph limits writes per app and tenant (GRAPH_FACTS: 3,000 per 2.5 minutes, subject to change),
counted over a sliding window, and answers 429 with an honest ``Retry-After`` once the window is
full. Hammering into that limit wastes requests and, with several $batch calls in flight, turns
one throttle into dozens. So the pacer:

* sends writes unlimited until the first 429 for a write (most runs never get there);
* then pauses every sender until ``Retry-After`` has passed;
* learns a rate from that moment: the writes of the burst that filled the window, over the
  span from the burst's first write to when the window frees up (first send + window length
  is what an honest ``Retry-After`` points at), with a safety margin;
* afterwards adapts like TCP (AIMD): a further 429 cuts the rate, every window-length spent
  saturated without one raises it a little, so it follows a limit shared with other apps.

An administrator may also configure a known limit (N writes per S seconds), enforced as a
sliding window before any 429 is seen.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from dataclasses import dataclass

from desktop.cancel import CancelToken
from desktop.graph.clock import Clock, RealClock

log = logging.getLogger(__name__)

_MIN_RATE = 0.05  # writes per second: never stall completely on a bad estimate
_DEFAULT_PAUSE = 2.0  # seconds, for a 429 that names no Retry-After
_HISTORY = 50_000  # reservations remembered for learning the rate


@dataclass(frozen=True, slots=True)
class WriteLimit:
    """A known write limit: ``writes`` per sliding window of ``seconds``."""

    writes: int
    seconds: float

    def __post_init__(self) -> None:
        if self.writes < 1 or self.seconds <= 0:
            raise ValueError("A write limit needs at least 1 write per a positive time span.")


@dataclass(frozen=True, slots=True)
class PaceTicket:
    """Proof of a reservation: when ``count`` writes were allowed out."""

    sent_at: float
    count: int


class WritePacer:
    def __init__(
        self,
        limit: WriteLimit | None = None,
        *,
        clock: Clock | None = None,
        margin: float = 0.9,
        decrease: float = 0.7,
        increase: float = 0.05,
    ) -> None:
        self.limit = limit
        self._clock = clock or RealClock()
        self._margin = margin
        self._decrease = decrease
        self._increase = increase
        self._lock = threading.Lock()
        self._paused_until = float("-inf")
        self._rate: float | None = None  # writes per second once learned; None = unlimited
        self._step = 0.0  # additive increase per window, fixed at the first estimate
        self._window = 1.0  # learned window length, paces the additive increase
        self._next_free = float("-inf")
        self._last_cut = float("-inf")
        self._last_raise = float("-inf")
        self._limit_window: deque[float] = deque()
        self._history: deque[tuple[float, int]] = deque(maxlen=_HISTORY)
        self.pauses = 0

    @property
    def rate(self) -> float | None:
        """The learned rate in writes per second, or None while writes are unlimited."""
        with self._lock:
            return self._rate

    def acquire(self, count: int = 1, cancel: CancelToken | None = None) -> PaceTicket:
        """Wait until ``count`` writes may be sent (one request, or one $batch's writes)."""
        count = max(1, count)
        with self._lock:
            now = self._clock.now()
            start = max(now, self._paused_until)
            if self._rate is not None:
                start = self._pace(now, start, count)
            if self.limit is not None:
                start = self._within_limit(start, count)
            self._history.append((start, count))
        while True:
            now = self._clock.now()
            if start > now:
                self._clock.sleep(start - now, cancel)
                continue
            with self._lock:
                # A 429 seen by another sender while this one waited pauses it too.
                paused_until = self._paused_until
            if paused_until <= now:
                return PaceTicket(start, count)
            start = paused_until

    def _pace(self, now: float, start: float, count: int) -> float:
        rate = self._rate
        assert rate is not None
        start = max(start, self._next_free)
        saturated = start > now
        if saturated and now - max(self._last_cut, self._last_raise) >= self._window:
            self._rate = rate = rate + self._step
            self._last_raise = now
        self._next_free = start + count / rate
        return start

    def _within_limit(self, start: float, count: int) -> float:
        limit = self.limit
        assert limit is not None
        window = self._limit_window
        if window:
            start = max(start, window[-1])  # first come, first served keeps the deque sorted
        while window and window[0] <= start - limit.seconds:
            window.popleft()
        over = len(window) + min(count, limit.writes) - limit.writes
        if over > 0:
            start = max(start, window[over - 1] + limit.seconds)
            for _ in range(over):
                window.popleft()
        window.extend([start] * count)
        return start

    def throttled(self, ticket: PaceTicket, retry_after: float | None) -> None:
        """A write sent under ``ticket`` got 429: pause everyone and slow down."""
        wait = _DEFAULT_PAUSE if retry_after is None else retry_after
        with self._lock:
            now = self._clock.now()
            if self._paused_until <= now:
                self.pauses += 1
            self._paused_until = max(self._paused_until, now + wait)
            self._next_free = max(self._next_free, self._paused_until)
            if ticket.sent_at <= self._last_cut:
                return  # sent before the last adjustment, which already accounts for it
            self._last_cut = now
            if self._rate is None:
                self._rate = self._learn(ticket, now, wait)
                self._step = self._rate * self._increase
            else:
                self._rate = max(_MIN_RATE, self._rate * self._decrease)
            log.info(
                "Write limit reached: pausing writes %.3g s, then about %.3g writes/s",
                wait,
                self._rate,
            )

    def _learn(self, ticket: PaceTicket, now: float, wait: float) -> float:
        """Rate from the burst that filled the window (see the module docstring)."""
        accepted = 0
        first = ticket.sent_at
        gap = max(wait, 1.0)
        for sent_at, count in reversed(self._history):
            if sent_at >= ticket.sent_at:
                continue  # sent with or after the throttled write: not known to be accepted
            if first - sent_at > gap:
                break  # an earlier, separate burst
            accepted += count
            first = sent_at
        window = max(wait, now + wait - first)
        self._window = window
        if accepted == 0:
            return max(_MIN_RATE, self._margin * ticket.count / window)
        return max(_MIN_RATE, self._margin * accepted / window)
