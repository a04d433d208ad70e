"""A plan is bound to the tenant it was checked (previewed) on: apply refuses any other."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.demo.multi_tenant import DemoTenants
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.licensing.builders import remove_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.errors import WrongTenantError

ControllerFor = Callable[[str], LicenseController]


@pytest.fixture
def controller_for(partner_demo: DemoTenants, tmp_path: Path) -> Iterator[ControllerFor]:
    """A controller connected to a tenant of the demo, each with its own journal; closed after."""
    opened: list[LicenseController] = []

    def connect(tenant_id: str) -> LicenseController:
        token = StaticToken(partner_demo.token_for(tenant_id))
        client = GraphClient(partner_demo.base_url, token)
        opened.append(LicenseController(client, tmp_path / f"journal-{len(opened)}.sqlite3"))
        return opened[-1]

    yield connect
    for controller in opened:
        controller.close()


def _licensed_user(demo: DemoTenants, tenant_id: str) -> tuple[str, str]:
    """A user of the tenant with a direct license: (upn, sku id)."""
    store = demo.tenant(tenant_id).store
    rowid, sku_id = store.query("SELECT user_rowid, sku_id FROM direct_licenses LIMIT 1")[0]
    upn = store.query("SELECT upn FROM users WHERE rowid = ?", (rowid,))[0][0]
    return str(upn), str(sku_id)


def test_a_plan_checked_for_one_customer_is_refused_by_another(
    partner_demo: DemoTenants, controller_for: ControllerFor
) -> None:
    first, second = partner_demo.customers[0].tenant_id, partner_demo.customers[4].tenant_id
    upn, sku_id = _licensed_user(partner_demo, first)
    here, there = controller_for(first), controller_for(second)
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


def test_a_connection_that_read_nothing_yet_still_refuses(
    partner_demo: DemoTenants, controller_for: ControllerFor
) -> None:
    first, second = partner_demo.customers[0].tenant_id, partner_demo.customers[2].tenant_id
    upn, sku_id = _licensed_user(partner_demo, first)
    here, fresh = controller_for(first), controller_for(second)
    checked = here.check(remove_plan([upn], [sku_id]))
    with pytest.raises(WrongTenantError):
        fresh.apply(checked)
    assert fresh.tenant_id == second
