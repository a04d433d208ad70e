"""Fixtures for insight: a demo tenant and a Graph client on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from tests.demo_tenant import DemoTenantForTests as DemoTenant


@pytest.fixture
def client(demo_tenant: DemoTenant) -> Iterator[GraphClient]:
    with GraphClient(demo_tenant.base_url, StaticToken("insight")) as graph:
        yield graph
