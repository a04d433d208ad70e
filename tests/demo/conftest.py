"""Fixtures for the demo tenant's own tests."""

from __future__ import annotations

import pytest

from desktop.demo import DemoTenant
from tests.demo.support import Graph


@pytest.fixture
def graph(demo_tenant: DemoTenant) -> Graph:
    """A signed-in session on a fresh tenant that the test may change."""
    return Graph(demo_tenant)


@pytest.fixture
def graph_ro(demo_tenant_readonly: DemoTenant) -> Graph:
    """A signed-in session on the shared read-only tenant."""
    return Graph(demo_tenant_readonly)
