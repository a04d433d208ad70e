"""Fixtures for the Graph client tests: a scripted server and clients with fast retries."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from desktop.graph.client import GraphClient
from desktop.graph.retry import RetryPolicy
from tests.graph.canned import CannedServer
from tests.graph.fakes import FakeClock, RefreshingToken


@pytest.fixture
def server() -> Iterator[CannedServer]:
    canned = CannedServer()
    yield canned
    canned.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def tokens() -> RefreshingToken:
    return RefreshingToken()


@pytest.fixture
def client(
    server: CannedServer, tokens: RefreshingToken, clock: FakeClock
) -> Iterator[GraphClient]:
    policy = RetryPolicy(max_attempts=4, max_total_wait=60.0, rng=random.Random(7))
    graph = GraphClient(server.base_url, tokens, retry=policy, clock=clock, read_timeout=5.0)
    yield graph
    graph.close()
