"""The client's bounds against hostile servers: deadline, size cap, no retries that cannot help.

Each hostile server would, without the bound under test, end up giving a complete answer (or
keep the client busy until the server's own lifetime ends): so a missing bound fails the test
instead of passing it slowly.
"""

from __future__ import annotations

import random
import socket
import threading
from collections.abc import Iterator

import pytest

from desktop.graph.client import GraphClient
from desktop.graph.errors import (
    AnswerTooLargeError,
    BadAddressError,
    ConnectionFailedError,
    GraphError,
    MalformedTokenError,
    ThrottledError,
)
from desktop.graph.records import AssignedLicense
from desktop.graph.retry import RetryPolicy
from desktop.graph.tokens import StaticToken
from tests.graph.canned import Canned, CannedServer, envelope
from tests.graph.fakes import FakeClock, RefreshingToken
from tests.graph.hostile import HostileServer, dribble, flood, stall

ORG = {"value": [{"id": "t1", "displayName": "Contoso", "verifiedDomains": []}]}
ORG_BODY = b'{"value":[{"id":"t1","displayName":"Contoso","verifiedDomains":[]}]}'
POLICY = RetryPolicy(max_attempts=4, max_total_wait=60.0, rng=random.Random(3))


def answer(body: bytes, extra: bytes = b"") -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + extra
        + b"Content-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )


@pytest.fixture
def hostile() -> Iterator[list[HostileServer]]:
    servers: list[HostileServer] = []
    yield servers
    for server in servers:
        server.close()


def client_for(
    url: str,
    clock: FakeClock,
    *,
    read_timeout: float = 5.0,
    deadline: float = 30.0,
    max_answer_bytes: int = 64 * 1024 * 1024,
) -> GraphClient:
    return GraphClient(
        url,
        RefreshingToken(),
        retry=POLICY,
        clock=clock,
        read_timeout=read_timeout,
        deadline=deadline,
        max_answer_bytes=max_answer_bytes,
    )


@pytest.mark.parametrize("part", ["headers", "body"])
def test_a_server_sending_a_byte_at_a_time_hits_the_total_deadline(
    hostile: list[HostileServer], clock: FakeClock, part: str
) -> None:
    # 0.05 s between bytes is well inside the read timeout; the whole answer takes ~4 s.
    full = answer(ORG_BODY)
    head_end = full.index(b"\r\n\r\n") + 4
    if part == "headers":
        server = HostileServer(dribble(full, 0.05))
    else:
        head, body = full[:head_end], full[head_end:]

        def behave(conn: socket.socket, stop: threading.Event) -> None:
            conn.sendall(head)
            dribble(body, 0.05)(conn, stop)

        server = HostileServer(behave)
    hostile.append(server)
    with (
        client_for(server.base_url, clock, read_timeout=5.0, deadline=0.5) as graph,
        pytest.raises(ConnectionFailedError, match=r"no complete answer within 0\.5 s") as err,
    ):
        graph.get_organization()
    assert err.value.maybe_sent is True
    assert server.connections == 1  # a timeout is told, not retried
    assert clock.sleeps == []


def test_a_server_that_never_answers_is_waited_on_once(
    hostile: list[HostileServer], clock: FakeClock
) -> None:
    server = HostileServer(stall)
    hostile.append(server)
    with (
        client_for(server.base_url, clock, read_timeout=0.3) as graph,
        pytest.raises(ConnectionFailedError, match=r"no answer within 0\.3 s"),
    ):
        graph.update_user("u1", {"usageLocation": "PL"})
    assert server.connections == 1


def test_a_write_that_timed_out_says_it_may_have_been_applied(
    hostile: list[HostileServer], clock: FakeClock
) -> None:
    server = HostileServer(stall)
    hostile.append(server)
    with (
        client_for(server.base_url, clock, read_timeout=0.3) as graph,
        pytest.raises(ConnectionFailedError) as caught,
    ):
        graph.assign_license("u1", [AssignedLicense("sku-1")], [])
    assert caught.value.maybe_sent is True


def test_an_answer_declared_too_large_is_refused_before_reading(
    hostile: list[HostileServer], clock: FakeClock
) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 314572800\r\n\r\n"
    server = HostileServer(flood(head, total=8 * 1024 * 1024))
    hostile.append(server)
    with (
        client_for(server.base_url, clock, max_answer_bytes=1024 * 1024) as graph,
        pytest.raises(AnswerTooLargeError, match="larger than 1 MB"),
    ):
        graph.get_organization()
    assert server.connections == 1


def test_an_endless_answer_is_cut_at_the_cap_while_streaming(
    hostile: list[HostileServer], clock: FakeClock
) -> None:
    # No Content-Length: the body ends only when the connection closes, after 8 MB.
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
    server = HostileServer(flood(head, total=8 * 1024 * 1024))
    hostile.append(server)
    with (
        client_for(server.base_url, clock, max_answer_bytes=1024 * 1024) as graph,
        pytest.raises(AnswerTooLargeError, match="stopped reading"),
    ):
        graph.get_organization()


def test_an_answer_under_the_cap_is_read_whole(server: CannedServer, clock: FakeClock) -> None:
    server.script(Canned(200, ORG))
    with client_for(server.base_url, clock, max_answer_bytes=len(ORG_BODY) + 10) as graph:
        assert graph.get_organization().display_name == "Contoso"


def test_a_refused_connection_fails_at_once_naming_the_cause(clock: FakeClock) -> None:
    dead = HostileServer(stall)
    dead.close()  # the port is now closed: connecting is refused
    with (
        client_for(dead.base_url, clock) as graph,
        pytest.raises(ConnectionFailedError, match="refused the connection") as caught,
    ):
        graph.list_skus()
    assert clock.sleeps == []  # no retry, no backoff
    assert "Check the address" in str(caught.value)
    assert caught.value.maybe_sent is False


def test_an_unknown_host_fails_at_once_without_asking_dns(clock: FakeClock) -> None:
    with (
        client_for("https://graph.example.invalid/v1.0", clock) as graph,
        pytest.raises(ConnectionFailedError, match="name is unknown"),
    ):
        graph.list_skus()
        assert graph.stats.requests_sent == 0
    assert clock.sleeps == []


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("ftp://graph.microsoft.com/v1.0", "uses ftp://"),
        ("graph.microsoft.com/v1.0", "uses no scheme"),
        ("https:///v1.0", "names no server"),
        ("http://graph.microsoft.com/v1.0", "plain http:// to another computer"),
        ("http://127.0.0.1:99999/v1.0", "not a valid URL"),
    ],
)
def test_an_unusable_address_is_refused_before_anything_is_sent(url: str, words: str) -> None:
    with pytest.raises(BadAddressError, match=words):
        GraphClient(url, StaticToken("t"))


@pytest.mark.parametrize(
    ("token", "words"),
    [
        ("abc\r\nX-Injected: 1", "a line break at position 4"),
        ("zażółć", "non-ASCII character 'ż' at position 3"),
        ("abc\x00", "control character"),
        ("", "empty"),
    ],
)
def test_a_malformed_token_fails_at_once_and_nothing_is_sent(
    server: CannedServer, token: str, words: str
) -> None:
    with (
        GraphClient(server.base_url, StaticToken(token), retry=POLICY) as graph,
        pytest.raises(MalformedTokenError, match=words),
    ):
        graph.list_skus()
    assert server.seen == []


@pytest.mark.parametrize("status", [500, 502])
def test_server_errors_other_than_503_and_504_are_not_retried(
    server: CannedServer, clock: FakeClock, status: int
) -> None:
    server.script(Canned(status, envelope("generalException", "boom")), Canned(200, ORG))
    with (
        client_for(server.base_url, clock) as graph,
        pytest.raises(GraphError) as caught,
    ):
        graph.get_organization()
    assert caught.value.status == status
    assert len(server.seen) == 1


@pytest.mark.parametrize("status", [429, 503, 504])
def test_throttling_statuses_are_retried(
    server: CannedServer, clock: FakeClock, status: int
) -> None:
    server.script(Canned(status, envelope("x", "later"), {"Retry-After": "1"}), Canned(200, ORG))
    with client_for(server.base_url, clock) as graph:
        assert graph.get_organization().display_name == "Contoso"
    assert len(server.seen) == 2


def test_throttling_past_the_budget_still_ends(server: CannedServer, clock: FakeClock) -> None:
    server.script(*[Canned(503, envelope("x", "later"), {"Retry-After": "1"})] * 4)
    with (
        client_for(server.base_url, clock) as graph,
        pytest.raises(ThrottledError),
    ):
        graph.get_organization()
    assert len(server.seen) == 4
