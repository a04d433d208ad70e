"""A total deadline for one HTTP exchange, from connect to the answer's last byte.

``requests`` only bounds each wait between two bytes (the read timeout): a server that sends
a byte a second would be waited on for ever. A ``Deadline`` is a watchdog: when it expires it
shuts the exchange's socket down from outside, so the blocked read returns at once and the
caller reports a timeout. ``BoundedAdapter`` is the ``requests`` adapter that tells the
watchdog which connection the current thread is using.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import PoolManager, ProxyManager

# How often an expired watchdog looks again for a socket still being opened.
_RECHECK_SECONDS = 0.05
# Stopped deadlines are swept from the heap once there are this many and they are most of it.
_SWEEP_AT = 256

_local = threading.local()


class Deadline:
    """Armed for ``seconds``; when they pass, the watched connection's socket is shut down."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self.done = False
        self._connection: object | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        _WATCHDOG.arm(self, self.seconds)

    def watch(self, connection: object) -> None:
        with self._lock:
            self._connection = connection

    def stop(self) -> None:
        with self._lock:
            self.done = True
        _WATCHDOG.forget()

    def fire(self) -> None:
        """Called by the watchdog when the time is up."""
        with self._lock:
            if self.done:
                return
            self.expired = True
            connection = self._connection
            sock = getattr(connection, "sock", None) if connection is not None else None
        if sock is None:
            # Still resolving or connecting (or not yet given a connection): look again soon;
            # the connect timeout bounds that phase, this catches what follows it.
            _WATCHDOG.arm(self, _RECHECK_SECONDS)
            return
        with contextlib.suppress(OSError):
            # socket.socket's own shutdown, not SSLSocket's: that one tears down the TLS
            # object under the reading thread's feet instead of just ending the stream.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watchdog:
    """One thread that fires every deadline of the process when its time comes.

    A timer thread per exchange (``threading.Timer``) costs a thread start and its wake-ups for
    every request: the insight's sign-in listing alone makes over 800 requests. Here arming is
    a push onto a heap; the thread sleeps until the earliest deadline. Deadlines stopped before
    their time stay on the heap until they come up (or until they are most of it, then the
    heap is swept), so stopping one costs nothing but a counter.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Start from nothing (also in a forked child, which has none of the parent's threads)."""
        self._wake = threading.Condition(threading.Lock())
        self._heap: list[tuple[float, int, Deadline]] = []
        self._order = itertools.count()  # equal times never compare the deadlines themselves
        self._stopped = 0  # stopped deadlines still on the heap (roughly: swept in bulk)
        self._thread: threading.Thread | None = None

    def arm(self, deadline: Deadline, seconds: float) -> None:
        due = time.monotonic() + seconds
        with self._wake:
            heapq.heappush(self._heap, (due, next(self._order), deadline))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="graph-deadlines", daemon=True
                )
                self._thread.start()
            if self._heap[0][2] is deadline:
                self._wake.notify()  # sooner than what the thread sleeps for

    def forget(self) -> None:
        with self._wake:
            self._stopped += 1
            if self._stopped > _SWEEP_AT and self._stopped * 2 > len(self._heap):
                self._heap = [entry for entry in self._heap if not entry[2].done]
                heapq.heapify(self._heap)
                self._stopped = 0

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._heap and self._heap[0][2].done:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._stopped = 0
                    self._wake.wait()
                    continue
                due, _, deadline = self._heap[0]
                left = due - time.monotonic()
                if left > 0:
                    self._wake.wait(left)
                    continue
                heapq.heappop(self._heap)
            deadline.fire()  # outside the lock: it may arm a recheck


_WATCHDOG = _Watchdog()


if hasattr(os, "register_at_fork"):  # not on Windows, which does not fork
    os.register_at_fork(after_in_child=_WATCHDOG.reset)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """Arm a deadline for the exchanges the current thread makes inside the block."""
    watchdog = Deadline(seconds)
    previous = getattr(_local, "deadline", None)
    _local.deadline = watchdog
    watchdog.start()
    try:
        yield watchdog
    finally:
        watchdog.stop()
        _local.deadline = previous


def _watch(connection: object) -> None:
    current: Deadline | None = getattr(_local, "deadline", None)
    if current is not None:
        current.watch(connection)


class _WatchedHTTPPool(HTTPConnectionPool):
    def _get_conn(self, timeout: float | None = None) -> Any:
        connection = super()._get_conn(timeout)
        _watch(connection)
        return connection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    def _get_conn(self, timeout: float | None = None) -> Any:
        connection = super()._get_conn(timeout)
        _watch(connection)
        return connection


_POOLS = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class BoundedAdapter(HTTPAdapter):
    """An ``HTTPAdapter`` whose connections a ``deadline`` block can cut off."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _POOLS

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> ProxyManager | PoolManager:
        manager: ProxyManager | PoolManager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = _POOLS
        return manager
