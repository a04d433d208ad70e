"""Graph's identity throttle headers, read for the pacer (docs/graph-facts.md, "Throttling and
retries"). Both are optional: field reports say the percentage is often missing, so every use
of them has a fallback that works on Retry-After alone.

- ``x-ms-throttle-limit-percentage``: the share of the app's limit in use (0.8 to 1.8), sent only
  above 0.8. Its number format is not documented: the precision is taken from the digits sent.
- ``x-ms-throttle-information`` on a 429: why, e.g. ``WriteLimitExceeded``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.graph.retry import header

LIMIT_PERCENTAGE = "x-ms-throttle-limit-percentage"
THROTTLE_INFORMATION = "x-ms-throttle-information"
WRITE_LIMIT_EXCEEDED = "WriteLimitExceeded"
RESOURCE_UNIT_LIMIT_EXCEEDED = "ResourceUnitLimitExceeded"


@dataclass(frozen=True, slots=True)
class LimitShare:
    """``value`` as sent; the true share lies between ``value - resolution`` and
    ``value + resolution`` (the header may be rounded or cut to its digits)."""

    value: float
    resolution: float

    @property
    def upper(self) -> float:
        return self.value + self.resolution

    @property
    def lower(self) -> float:
        """The true share is above this (the header may also be rounded to its digits)."""
        return self.value - self.resolution


def limit_share(headers: Mapping[str, str] | None) -> LimitShare | None:
    text = (header(headers, LIMIT_PERCENTAGE) or "").strip()
    try:
        value = float(text)
    except ValueError:
        return None
    if not math.isfinite(value) or value <= 0:
        return None
    _, dot, decimals = text.partition(".")
    resolution = 10.0 ** -len(decimals) if dot else 1.0
    return LimitShare(value, resolution)


def throttle_reason(headers: Mapping[str, str] | None) -> str | None:
    reason = (header(headers, THROTTLE_INFORMATION) or "").strip()
    return reason or None


def counts_as_write_limit(reason: str | None, *, unnamed: bool) -> bool:
    """Whether a write's 429 says the write limit is full. A named reason decides; a 429 that
    names none is judged by the caller's own evidence (``unnamed``)."""
    if reason is None:
        return unnamed
    return reason.lower() == WRITE_LIMIT_EXCEEDED.lower()
