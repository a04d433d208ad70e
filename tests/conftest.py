"""Shared fixtures. Qt runs offscreen; every backend is a demo tenant on 127.0.0.1."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.demo_tenant import DemoTenantForTests

# CI must be repeatable: the same examples every run. Locally Hypothesis explores freely.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# -- demo tenant ----------------------------------------------------------------------------------


@pytest.fixture
def demo_tenant() -> Iterator[DemoTenantForTests]:
    """A fresh demo tenant per test: 60 users, seed 1, in memory, stopped afterwards."""
    tenant = DemoTenantForTests.start(users=60, seed=1)
    try:
        yield tenant
    finally:
        tenant.stop()


@pytest.fixture(scope="session")
def demo_tenant_readonly() -> Iterator[DemoTenantForTests]:
    """One demo tenant for the whole session. Read-only: never change it from a test."""
    tenant = DemoTenantForTests.start(users=60, seed=1)
    try:
        yield tenant
    finally:
        tenant.stop()
