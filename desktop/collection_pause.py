"""Python's cyclic garbage collector paused while a bulk read builds records that will live on.

Reading 100,000 users makes about 400,000 container objects, and all of them survive. CPython
runs a full collection each time the surviving objects have grown by a quarter, and each one
walks all of them again: about a dozen walks during the read, all finding nothing, since
nothing read can be garbage yet. ``tests/benchmarks/bench_insights.py`` measured this at about a
fifth of a plain listing's time and a quarter of the insight read's. During a pause, reference
counting still frees everything that is dropped; only reference cycles wait for the pause to end,
and it ends with the read.

Pauses may nest and overlap: the window can list users while insight reads. They are counted.
The collector runs again when the last pause ends, and only if it was running when the first
began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pauses:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open = 0
        self._resume = False

    def begin(self) -> None:
        with self._lock:
            if self._open == 0:
                self._resume = gc.isenabled()
                gc.disable()
            self._open += 1

    def end(self) -> None:
        with self._lock:
            self._open -= 1
            if self._open == 0 and self._resume:
                gc.enable()


_PAUSES = _Pauses()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (see the module's docstring)."""
    _PAUSES.begin()
    try:
        yield
    finally:
        _PAUSES.end()
