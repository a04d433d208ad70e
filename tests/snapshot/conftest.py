"""Snapshot tests: a demo tenant over real HTTP, a Windows-like keyring in memory (or none)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.open_tenant import OpenTenant, open_graph
from tests.auth.conftest import windows_keyring  # noqa: F401  (the in-memory keyring fixture)
from tests.demo_tenant import DemoTenantForTests


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def opened(demo_tenant: DemoTenantForTests, tmp_path: Path) -> Iterator[OpenTenant]:
    """The demo tenant opened as the window and the CLI open it, data in ``tmp_path``."""
    tenant = open_graph(demo_tenant.base_url, StaticToken("demo"), tmp_path / "data", "test")
    try:
        yield tenant
    finally:
        tenant.close()


@pytest.fixture
def elsewhere(demo_tenant: DemoTenantForTests) -> Iterator[GraphClient]:
    """Another client of the same tenant: changes 'made elsewhere'."""
    client = GraphClient(demo_tenant.base_url, StaticToken("another admin"))
    try:
        yield client
    finally:
        client.close()
