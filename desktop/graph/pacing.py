"""Keeps writes under the service's write limit, shared by every thread using one client.

Graph limits writes per app and tenant (3,000 per 2.5 minutes, subject to change; see
docs/graph-facts.md, "Throttling and retries"), counted over a sliding window, and answers 429
with an honest ``Retry-After`` once the window is full. Hammering into that limit wastes
requests and, with several $batch calls in flight, turns one throttle into dozens. So the pacer:

* sends writes unlimited until the first 429 for a write (most runs never get there);
* then pauses every sender until ``Retry-After`` has passed;
* when the pause ends (by then the answers of writes that were in flight have arrived) it
  learns the window: the writes the service accepted in the burst that filled it are the
  limit N, and the span from the burst's first write to the end of the pause is the window S
  (an honest ``Retry-After`` points at the moment the oldest write leaves the window);
* from then on it keeps its own copy of that sliding window, seeded with the burst's writes,
  and lets a write (or a whole $batch) go only when the window has room, with a safety margin;
* it adapts like TCP (AIMD): a further 429 cuts the allowance, every window spent waiting for
  room without one raises it a little, so it follows a limit shared with other apps.

An administrator may also configure a known limit (N writes per S seconds); it starts as the
window, and a 429 still lowers it.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import deque
from dataclasses import dataclass

from desktop.cancel import CancelToken
from desktop.graph.clock import Clock, RealClock

log = logging.getLogger(__name__)

_DEFAULT_PAUSE = 2.0  # seconds, for a 429 that names no Retry-After
_HISTORY = 50_000  # accepted writes remembered for learning the window


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
    """Proof of a reservation: when ``count`` writes were allowed out, and under which
    setting of the pacer (``generation`` counts its cuts), so late 429s of writes sent before
    a cut do not cut again."""

    sent_at: float
    count: int
    generation: int = 0


class _SlidingWindow:
    """Our copy of the service's window: the send times of recent writes."""

    def __init__(self, writes: float, seconds: float, sent: list[float] | None = None) -> None:
        self.writes = writes
        self.seconds = seconds
        self.sent: deque[float] = deque(sorted(sent or ()))

    @property
    def capacity(self) -> int:
        return max(1, math.floor(self.writes))

    def reserve(self, start: float, count: int) -> float:
        """The earliest time from ``start`` at which ``count`` writes fit; records them."""
        sent = self.sent
        if sent:
            start = max(start, sent[-1])  # first come, first served keeps the deque sorted
        while sent and sent[0] <= start - self.seconds:
            sent.popleft()
        over = len(sent) + min(count, self.capacity) - self.capacity
        if over > 0:
            start = max(start, sent[over - 1] + self.seconds)
            for _ in range(over):
                sent.popleft()
        sent.extend([start] * count)
        return start


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
        self._window = _SlidingWindow(limit.writes, limit.seconds) if limit else None
        self._step = 0.0 if limit is None else max(1.0, limit.writes * increase)
        # A configured limit is known to be true: probing never goes above it.
        self._ceiling = float("inf") if limit is None else float(limit.writes)
        self._last_change = float("-inf")
        # (sent_at, writes accepted) as answers arrive, for learning the window.
        self._accepted: deque[tuple[float, int]] = deque(maxlen=_HISTORY)
        self._learning: tuple[float, PaceTicket] | None = None  # (throttled at, ticket)
        self._generation = 0
        self.pauses = 0

    @property
    def allowance(self) -> tuple[float, float] | None:
        """(writes, seconds) the pacer currently allows, or None while unlimited."""
        with self._lock:
            window = self._window
            return None if window is None else (window.writes, window.seconds)

    @property
    def rate(self) -> float | None:
        """The allowance as writes per second, or None while unlimited."""
        allowance = self.allowance
        return None if allowance is None else allowance[0] / allowance[1]

    def acquire(self, count: int = 1, cancel: CancelToken | None = None) -> PaceTicket:
        """Wait until ``count`` writes may be sent (one request, or one $batch's writes)."""
        count = max(1, count)
        with self._lock:
            now = self._clock.now()
            start = self._reserve(now, count)
            windowed = self._window is not None
        while True:
            now = self._clock.now()
            if start > now:
                self._clock.sleep(start - now, cancel)
                continue
            with self._lock:
                # A 429 seen by another sender while this one waited pauses it too.
                if self._paused_until > now:
                    start = self._paused_until
                    continue
                if self._learning is not None:
                    self._learn()
                if not windowed and self._window is not None:
                    # Reserved while unlimited, woken after the window was learned: queue up.
                    start = self._reserve(now, count)
                    windowed = True
                    continue
                return PaceTicket(start, count, self._generation)

    def _reserve(self, now: float, count: int) -> float:
        start = max(now, self._paused_until)
        window = self._window
        if window is None:
            return start
        start = window.reserve(start, count)
        if start > now and now - self._last_change >= window.seconds:
            # A full window spent waiting without a 429: probe upwards.
            window.writes = min(self._ceiling, window.writes + self._step)
            self._last_change = now
        return start

    def accepted(self, ticket: PaceTicket, count: int) -> None:
        """``count`` writes sent under ``ticket`` were accepted (not answered 429)."""
        if count > 0:
            with self._lock:
                if self._window is None:
                    self._accepted.append((ticket.sent_at, count))

    def throttled(self, ticket: PaceTicket, retry_after: float | None) -> None:
        """A write sent under ``ticket`` got 429: pause everyone and slow down."""
        wait = _DEFAULT_PAUSE if retry_after is None else retry_after
        with self._lock:
            now = self._clock.now()
            if self._paused_until <= now:
                self.pauses += 1
            self._paused_until = max(self._paused_until, now + wait)
            window = self._window
            if window is None:
                if self._learning is None:
                    self._learning = (now, ticket)
                return  # learned when the pause ends
            if ticket.generation < self._generation:
                return  # sent before the last cut, which already accounts for it
            self._generation += 1
            self._last_change = now
            window.writes = max(1.0, window.writes * self._decrease)
            log.info(
                "Write limit reached again: pausing %.3g s, then %d writes per %.3g s",
                wait,
                window.capacity,
                window.seconds,
            )

    def _learn(self) -> None:
        """The window from the burst that filled it (see the module docstring)."""
        assert self._learning is not None
        throttled_at, ticket = self._learning
        self._learning = None
        end = self._paused_until
        gap = max(end - throttled_at, 1.0)
        sends = sorted((s for s in self._accepted if s[0] <= throttled_at), reverse=True)
        accepted = 0
        first = ticket.sent_at
        burst: list[float] = []
        for sent_at, count in sends:
            if first - sent_at > gap:
                break  # an earlier, separate burst
            accepted += count
            first = min(first, sent_at)
            burst.extend([sent_at] * count)
        seconds = max(end - first, 1e-3)
        writes = max(1.0, self._margin * accepted)
        self._window = _SlidingWindow(writes, seconds, burst)
        self._generation += 1
        self._step = max(1.0, writes * self._increase)
        self._last_change = end
        self._accepted.clear()
        log.info(
            "Write limit reached: %d writes filled about %.3g s; allowing %d per window",
            accepted,
            seconds,
            self._window.capacity,
        )
