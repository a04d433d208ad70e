"""When and how long to wait before sending a failed request again."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

# Statuses Graph uses for "slow down / try later"; they carry Retry-After when Graph knows.
THROTTLE_STATUSES = frozenset({429, 503, 504})
# Transient server failures worth another try after a backoff.
SERVER_RETRY_STATUSES = frozenset({500, 502})


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try. Both limits apply: ``max_attempts`` sends in all, and no more than
    ``max_total_wait`` seconds spent waiting between them."""

    max_attempts: int = 7
    max_total_wait: float = 180.0
    base_delay: float = 0.5
    max_delay: float = 30.0
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def backoff(self, retry_number: int) -> float:
        """Exponential backoff with full jitter (uniform between 0 and the cap), so many
        clients that failed together do not come back together. ``retry_number`` counts
        from 1."""
        cap = min(self.max_delay, self.base_delay * 2 ** (retry_number - 1))
        return self.rng.uniform(0, cap)


class RetryBudget:
    """The allowance of one logical request (including all its retries)."""

    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy
        self.attempts = 0
        self.waited = 0.0

    def record_attempt(self) -> None:
        self.attempts += 1

    def next_wait(self, retry_after: float | None) -> float | None:
        """Seconds to wait before the next attempt, or None when the budget is spent."""
        if self.attempts >= self.policy.max_attempts:
            return None
        wait = retry_after if retry_after is not None else self.policy.backoff(self.attempts)
        if self.waited + wait > self.policy.max_total_wait:
            return None
        self.waited += wait
        return wait


def header(headers: Mapping[str, str] | None, name: str) -> str | None:
    """A header by case-insensitive name (batch inner headers are plain dicts)."""
    if not headers:
        return None
    value = headers.get(name)
    if value is not None:
        return value
    wanted = name.lower()
    for key, candidate in headers.items():
        if key.lower() == wanted:
            return candidate
    return None


def parse_retry_after(value: object, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After value: delta-seconds (Graph sends fractions like "2.128") or
    an HTTP date. None when absent or unreadable; negative values count as 0."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return max(0.0, float(value))
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)
