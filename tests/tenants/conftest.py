"""The multi-tenant demo shared by the tenants tests (read-only use unless a test resets)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.demo.multi_tenant import DemoTenants


@pytest.fixture(scope="module")
def partner_demo() -> Iterator[DemoTenants]:
    """A partner (12 users) and five customers: out of seats, much waste, in grace,
    read-only for the partner, healthy."""
    with DemoTenants.start(5, partner_users=12, sizes=(20, 45, 15, 25, 30)) as demo:
        yield demo
