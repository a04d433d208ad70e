"""Finding demo users that fit a test, and reading what a ``--json`` change reported."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from desktop.demo import DemoTenant
from desktop.graph.records import User
from tests.cli.conftest import Result
from tests.licensing.conftest import connect


def users_of(tenant: DemoTenant) -> list[User]:
    client = connect(tenant)
    try:
        return client.list_users()
    finally:
        client.close()


def find(tenant: DemoTenant, upn: str) -> User | None:
    return next((u for u in users_of(tenant) if u.user_principal_name.lower() == upn.lower()), None)


def pick(tenant: DemoTenant, test: Callable[[User], bool], count: int = 1) -> list[User]:
    found = [u for u in users_of(tenant) if test(u)][:count]
    assert len(found) == count, "the demo tenant's seed no longer has such users"
    return found


def direct_parts(tenant: DemoTenant, user: User) -> dict[str, tuple[str, ...]]:
    """Direct licenses by part number, with the apps turned off (sorted)."""
    names = {tenant.sku_id(p): p for p in _part_numbers(tenant)}
    return {names[lic.sku_id]: tuple(sorted(lic.disabled_plans)) for lic in user.direct_licenses}


def _part_numbers(tenant: DemoTenant) -> list[str]:
    client = connect(tenant)
    try:
        return [s.sku_part_number for s in client.list_skus()]
    finally:
        client.close()


def document(result: Result) -> dict[str, Any]:
    data = json.loads(result.out)
    assert isinstance(data, dict)
    return data


def applied_run(result: Result) -> str:
    """The run id of a ``--json`` change that was applied in full."""
    assert result.code == 0, result.err
    data = document(result)
    assert data["status"] == "applied" and data["run"]["failed"] == 0, data
    return str(data["run"]["runId"])
