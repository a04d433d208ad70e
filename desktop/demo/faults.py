"""Fault injection and counters: latency, throttling, server faults, dropped connections and a
per-token write limit modelled on Graph's identity limits. Everything is off by default and can
be changed while the server runs (``tenant.faults.throttle_rate = 0.2``).

Where each switch applies:
- latency: every HTTP request, mounted routes included;
- page cost: every Graph GET answered 200 with a collection page, by its size (page_cost.py);
- 503/504 faults: every Graph HTTP request and, independently, every request inside a $batch;
  dropped connections only to whole HTTP requests (a drop after processing keeps the change);
- throttling and the write limit: every Graph request and every request inside a $batch, but
  not the ``POST /$batch`` envelope itself, which Graph answers 200 with per-request 429s;
- "apply, then drop" (``drop_after_apply`` for the next N, ``drop_after_apply_rate`` at random):
  write requests, a ``$batch`` carrying writes counting as one: everything in it is applied,
  then the connection closes without an answer, as when a network drops a reply;
- refused reads (``DemoTenant.refuse_reads(seconds)``): every GET, inside a $batch too, answers
  503 with a Retry-After of the time left, until the time is up; writes go through.

Decisions come from one RNG seeded from the tenant's seed, so a single-threaded run sees the same
faults every time; with concurrent clients the order of draws (and so the outcome) varies.
"""

from __future__ import annotations

import hashlib
import math
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, fields

# Kinds of server fault the fault switch can produce.
FAULT_503 = "503"
FAULT_503_RETRY_AFTER = "503-retry-after"
FAULT_504 = "504"
FAULT_DROP_BEFORE = "drop-before"  # close the socket before doing anything
FAULT_DROP_AFTER = "drop-after"  # apply the change, then close the socket without answering
ALL_FAULTS: tuple[str, ...] = (
    FAULT_503,
    FAULT_503_RETRY_AFTER,
    FAULT_504,
    FAULT_DROP_BEFORE,
    FAULT_DROP_AFTER,
)
DROP_FAULTS = (FAULT_DROP_BEFORE, FAULT_DROP_AFTER)


@dataclass
class Faults:
    """Switches read on every request; assign fields at any time."""

    latency_ms: float = 0.0
    # A collection page also costs time by its size and $select (page_cost.py), as on Graph;
    # off by default so tests and engine benchmarks are not slowed by it.
    page_cost: bool = False
    throttle_rate: float = 0.0
    # Mean Retry-After of a 429 in seconds; each answer jitters it by ±50 %, like Graph's 2.128.
    throttle_retry_after: float = 0.3
    fault_rate: float = 0.0
    fault_kinds: tuple[str, ...] = ALL_FAULTS
    fault_retry_after: float = 0.2
    # (writes, seconds): at most that many writes per sliding window, per bearer token.
    write_limit: tuple[int, float] | None = None
    # Apply the next this-many write requests (a $batch with writes is one), then drop the
    # connection before answering; and the same at random for this share of them.
    drop_after_apply: int = 0
    drop_after_apply_rate: float = 0.0
    # Reads answer 503 until this moment of the tenant's clock (see DemoTenant.refuse_reads).
    reads_refused_until: float = 0.0
    # Enforce Graph's resource-unit quota per app (by tenant size, throttling.py); off by
    # default so benchmarks of the engine's own speed are not capped by it.
    resource_unit_limit: bool = False
    # Send the identity throttle headers (x-ms-resource-unit, x-ms-throttle-*); field reports
    # say real answers often lack the percentage, so clients must also work without them.
    throttle_headers: bool = True

    def validate(self) -> None:
        if self.drop_after_apply < 0:
            raise ValueError("drop_after_apply must not be negative")
        for name in ("throttle_rate", "fault_rate", "drop_after_apply_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, got {value}")
        if self.latency_ms < 0 or self.throttle_retry_after < 0:
            raise ValueError("latency and Retry-After must not be negative")
        unknown = set(self.fault_kinds) - set(ALL_FAULTS)
        if unknown or not self.fault_kinds:
            raise ValueError(f"fault_kinds must be some of {', '.join(ALL_FAULTS)}")
        if self.write_limit is not None:
            count, seconds = self.write_limit
            if count < 1 or seconds <= 0:
                raise ValueError("write_limit needs at least 1 write per positive window")


_COUNTERS = ("http_requests", "batch_requests", "writes", "throttled", "faults", "dropped")


@dataclass
class Stats:
    """Thread-safe counters for tests and benchmarks.

    ``http_requests``: HTTP requests received; ``batch_requests``: inner $batch requests;
    ``writes``: PATCH/POST/DELETE performed (inner ones included; refused ones not);
    ``throttled``: 429 answers; ``faults``: injected 503/504/dropped connections, of which
    ``dropped`` closed the connection without an answer.
    """

    http_requests: int = 0
    batch_requests: int = 0
    writes: int = 0
    throttled: int = 0
    faults: int = 0
    dropped: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, counter: str, amount: int = 1) -> None:
        with self._lock:
            setattr(self, counter, getattr(self, counter) + amount)

    def reset(self) -> None:
        with self._lock:
            for name in _COUNTERS:
                setattr(self, name, 0)

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return {f.name: getattr(self, f.name) for f in fields(self) if f.name in _COUNTERS}


class WriteLimiter:
    """A sliding window of write times per token (tokens are kept only as hashes)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, deque[float]] = {}

    def reset(self) -> None:
        with self._lock:
            self._windows.clear()

    def acquire(self, token: str, limit: tuple[int, float]) -> float | None:
        """Record a write and return None, or return the seconds until a slot frees."""
        count, seconds = limit
        key = hashlib.sha256(token.encode()).hexdigest()
        now = self._clock()
        with self._lock:
            window = self._windows.setdefault(key, deque())
            while window and window[0] <= now - seconds:
                window.popleft()
            if len(window) >= count:
                # The oldest write leaves the window `seconds` after it happened.
                return max(0.001, window[len(window) - count] + seconds - now)
            window.append(now)
            return None

    def in_window(self, token: str, seconds: float) -> int:
        """How many of the token's writes are in the window now."""
        key = hashlib.sha256(token.encode()).hexdigest()
        now = self._clock()
        with self._lock:
            return sum(1 for sent in self._windows.get(key, ()) if sent > now - seconds)


class FaultDice:
    """The seeded RNG behind every fault decision."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(f"faults:{seed}")
        self._lock = threading.Lock()

    def chance(self, rate: float) -> bool:
        if rate <= 0.0:
            return False
        with self._lock:
            return self._rng.random() < rate

    def jitter(self, mean: float) -> float:
        with self._lock:
            return round(mean * self._rng.uniform(0.5, 1.5), 3)

    def pick(self, kinds: tuple[str, ...]) -> str:
        with self._lock:
            return self._rng.choice(kinds)


def format_retry_after(seconds: float) -> str:
    """Fractional seconds, as Graph sends them (e.g. ``2.128``), rounded up to the millisecond
    so a client that waits exactly this long is never early."""
    millis = math.ceil(round(seconds * 1000, 6))
    text = f"{millis / 1000:.3f}".rstrip("0").rstrip(".")
    return text or "0"
