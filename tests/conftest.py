"""Shared fixtures. Qt runs offscreen; every backend is a demo tenant on 127.0.0.1."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# -- demo tenant (owned by the demo tenant work package) -----------------------------------------

from collections.abc import Iterator

import pytest

from desktop.demo import DemoTenant


@pytest.fixture
def demo_tenant() -> Iterator[DemoTenant]:
    """A fresh demo tenant per test: 60 users, seed 1, in memory, stopped afterwards."""
    tenant = DemoTenant.start(users=60, seed=1)
    try:
        yield tenant
    finally:
        tenant.stop()


@pytest.fixture(scope="session")
def demo_tenant_readonly() -> Iterator[DemoTenant]:
    """One demo tenant for the whole session. Read-only: never change it from a test."""
    tenant = DemoTenant.start(users=60, seed=1)
    try:
        yield tenant
    finally:
        tenant.stop()
