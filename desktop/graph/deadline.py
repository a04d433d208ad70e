"""A total deadline for one HTTP exchange, from connect to the answer's last byte.

``requests`` only bounds each wait between two bytes (the read timeout): a server that sends
a byte a second would be waited on for ever. A ``Deadline`` is a watchdog: when it expires it
shuts the exchange's socket down from outside, so the blocked read returns at once and the
caller reports a timeout. ``BoundedAdapter`` is the ``requests`` adapter that tells the
watchdog which connection the current thread is using.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.poolmanager import PoolManager, ProxyManager

# How often an expired watchdog looks again for a socket still being opened.
_RECHECK_SECONDS = 0.05

_local = threading.local()


class Deadline:
    """Armed for ``seconds``; when they pass, the watched connection's socket is shut down."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._connection: object | None = None
        self._lock = threading.Lock()
        self._done = False
        self._timer: threading.Timer | None = None

    def start(self) -> None:
        self._schedule(self.seconds)

    def watch(self, connection: object) -> None:
        with self._lock:
            self._connection = connection

    def stop(self) -> None:
        with self._lock:
            self._done = True
            timer = self._timer
        if timer is not None:
            timer.cancel()

    def _schedule(self, seconds: float) -> None:
        timer = threading.Timer(seconds, self._fire)
        timer.daemon = True
        with self._lock:
            if self._done:
                return
            self._timer = timer
        timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.expired = True
            connection = self._connection
            sock = getattr(connection, "sock", None) if connection is not None else None
        if sock is None:
            # Still resolving or connecting (or not yet given a connection): look again soon;
            # the connect timeout bounds that phase, this catches what follows it.
            self._schedule(_RECHECK_SECONDS)
            return
        with contextlib.suppress(OSError):
            # socket.socket's own shutdown, not SSLSocket's: that one tears down the TLS
            # object under the reading thread's feet instead of just ending the stream.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


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
