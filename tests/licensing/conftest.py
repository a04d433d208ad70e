"""Fixtures for engine tests over real HTTP against the demo tenant."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.records import User
from desktop.graph.tokens import StaticToken
from desktop.licensing.controller import LicenseController

UserState = tuple[bool, str | None, frozenset[tuple[str, frozenset[str]]]]


def connect(tenant: DemoTenant) -> GraphClient:
    return GraphClient(tenant.base_url, StaticToken("demo-token"))


@pytest.fixture
def graph(demo_tenant: DemoTenant) -> Iterator[GraphClient]:
    client = connect(demo_tenant)
    yield client
    client.close()


@pytest.fixture
def controller(demo_tenant: DemoTenant, tmp_path: Path) -> Iterator[LicenseController]:
    opened = LicenseController(connect(demo_tenant), tmp_path / "journal.sqlite3")
    yield opened
    opened.close()


def state(user: User) -> UserState:
    """What undo must restore exactly: sign-in, usage location, direct licenses with apps off."""
    direct = frozenset(
        (lic.sku_id, frozenset(lic.disabled_plans))
        for lic in (user.direct_license(s) for s in user.sku_ids)
        if lic is not None
    )
    return (user.account_enabled, user.usage_location, direct)


def pick(users: list[User], test: Callable[[User], bool], count: int = 1) -> list[User]:
    found = [u for u in users if test(u)]
    assert len(found) >= count, "the demo seed no longer has such users"
    return found[:count]


def by_upn(users: list[User]) -> dict[str, User]:
    return {u.user_principal_name.lower(): u for u in users}
