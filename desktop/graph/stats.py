"""Counters the client keeps for benchmarks, tests and the log: how hard it worked."""

from __future__ import annotations

import threading
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class GraphStats:
    requests_sent: int = 0  # HTTP requests put on the wire, retries included
    throttled: int = 0  # 429 answers received, inner $batch answers included
    retries: int = 0  # requests (outer or inner) sent again after a failure
    write_pauses: int = 0  # times the write pacer stopped every sender after a 429
    connection_failures: int = 0  # dropped connections and timeouts
    lost_answers: int = 0  # writes whose answer was lost (never re-sent by the client)


class StatsCounter:
    """Thread-safe accumulation; ``snapshot()`` gives a consistent copy."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stats = GraphStats()

    def add(self, **increments: int) -> None:
        with self._lock:
            current = self._stats
            self._stats = replace(
                current, **{name: getattr(current, name) + n for name, n in increments.items()}
            )

    def snapshot(self) -> GraphStats:
        with self._lock:
            return self._stats


STAT_NAMES = tuple(f.name for f in fields(GraphStats))
