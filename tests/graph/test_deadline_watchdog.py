"""The deadlines of every exchange share one watchdog thread, and each still fires on time.

A ``Deadline`` shuts its connection's socket down when it expires (the reading thread then
returns at once); these tests watch a socket pair's end instead of an HTTP connection, and
wait on that socket (bounded), never on the clock.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from desktop.graph.deadline import Deadline, deadline

WAIT = 5.0  # seconds a test waits for what should happen in a fraction of that


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    ours, theirs = socket.socketpair()
    ours.settimeout(WAIT)
    yield ours, theirs
    ours.close()
    theirs.close()


def is_shut_down(sock: socket.socket) -> bool:
    """True once the watchdog shut ``sock`` down (its read ends); False if data still flows."""
    return sock.recv(1) == b""


def test_an_expired_deadline_shuts_its_connection_down(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    ours, _ = pair
    with deadline(0.05) as watchdog:
        watchdog.watch(SimpleNamespace(sock=ours))
        assert is_shut_down(ours)  # blocks until the watchdog acts (or WAIT passes)
    assert watchdog.expired


def test_a_deadline_stopped_in_time_never_fires(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    ours, theirs = pair
    with deadline(0.05) as early:
        early.watch(SimpleNamespace(sock=ours))
    later_ours, later_theirs = socket.socketpair()
    later_ours.settimeout(WAIT)
    with later_ours, later_theirs, deadline(0.2) as later:
        later.watch(SimpleNamespace(sock=later_ours))
        assert is_shut_down(later_ours)  # so the first deadline's time has passed too
    theirs.sendall(b"x")
    assert ours.recv(1) == b"x"  # still open
    assert not early.expired


def test_one_thread_serves_thousands_of_deadlines_and_loses_none(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    ours, _ = pair
    live = Deadline(0.3)
    live.watch(SimpleNamespace(sock=ours))
    live.start()
    try:
        for _ in range(3000):  # enough stopped deadlines for the heap to be swept
            with deadline(60.0):
                pass
        watchdogs = [t for t in threading.enumerate() if t.name == "graph-deadlines"]
        assert len(watchdogs) == 1
        assert is_shut_down(ours)
        assert live.expired
    finally:
        live.stop()


def test_a_connection_still_opening_is_looked_at_again(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    ours, _ = pair
    connection = SimpleNamespace(sock=None)
    watchdog = Deadline(0.01)
    watchdog.watch(connection)
    watchdog.start()
    try:
        limit = time.monotonic() + WAIT
        while not watchdog.expired and time.monotonic() < limit:
            time.sleep(0.01)  # the deadline expires with no socket to shut down yet
        assert watchdog.expired
        connection.sock = ours  # the socket appears after the deadline: it is shut at once
        assert is_shut_down(ours)
    finally:
        watchdog.stop()
