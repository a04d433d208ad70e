"""A plan is bound to the tenant it was checked (previewed) on: apply refuses any other."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.demo.multi_tenant import DemoTenants
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.licensing.builders import remove_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.errors import WrongTenantError


def _controller(demo: DemoTenants, tenant_id: str, journal: Path) -> LicenseController:
    client = GraphClient(demo.base_url, StaticToken(demo.token_for(tenant_id)))
    return LicenseController(client, journal)


def _licensed_user(demo: DemoTenants, tenant_id: str) -> tuple[str, str]:
    """A user of the tenant with a direct license: (upn, sku id)."""
    store = demo.tenant(tenant_id).store
    rowid, sku_id = store.query("SELECT user_rowid, sku_id FROM direct_licenses LIMIT 1")[0]
    upn = store.query("SELECT upn FROM users WHERE rowid = ?", (rowid,))[0][0]
    return str(upn), str(sku_id)


def test_a_plan_checked_for_one_customer_is_refused_by_another(
    partner_demo: DemoTenants, tmp_path: Path
) -> None:
    first, second = partner_demo.customers[0].tenant_id, partner_demo.customers[4].tenant_id
    upn, sku_id = _licensed_user(partner_demo, first)
    here = _controller(partner_demo, first, tmp_path / "a.sqlite3")
    there = _controller(partner_demo, second, tmp_path / "b.sqlite3")
    try:
        checked = here.check(remove_plan([upn], [sku_id]))
        assert checked.tenant_id == first
        assert checked.can_apply
        there.load_tenant()
        with pytest.raises(WrongTenantError) as refused:
            there.apply(checked)
        assert first in str(refused.value) and second in str(refused.value)
        assert there.history() == [], "nothing was journaled or sent"
        still = partner_demo.tenant(first).store.user_licenses(upn)
        assert sku_id in still
    finally:
        here.close()
        there.close()


def test_a_connection_that_read_nothing_yet_still_refuses(
    partner_demo: DemoTenants, tmp_path: Path
) -> None:
    first, second = partner_demo.customers[0].tenant_id, partner_demo.customers[2].tenant_id
    upn, sku_id = _licensed_user(partner_demo, first)
    here = _controller(partner_demo, first, tmp_path / "a.sqlite3")
    fresh = _controller(partner_demo, second, tmp_path / "b.sqlite3")
    try:
        checked = here.check(remove_plan([upn], [sku_id]))
        with pytest.raises(WrongTenantError):
            fresh.apply(checked)
        assert fresh.tenant_id == second
    finally:
        here.close()
        fresh.close()
