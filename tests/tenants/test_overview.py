"""The cross-tenant overview over the multi-tenant demo (real HTTP): every customer, each
flagged for what needs action, in parallel, one failure never hiding the others."""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.demo.customers import CustomerState
from desktop.demo.multi_tenant import DemoTenants
from desktop.graph.client import GraphClient
from desktop.tenants.overview import Attention, Status, TenantRow, build_overview
from desktop.tenants.records import KnownTenant, TenantKind
from desktop.tenants.settings import TenantSettings, save_settings
from tests.tenants.support import partner_reach


def _rows(demo: DemoTenants, root: Path, **options: object) -> dict[str, TenantRow]:
    reach = partner_reach(demo)
    rows = build_overview(reach.registry.tenants, reach.client_for, root=root, **options)  # type: ignore[arg-type]
    return {row.tenant.tenant_id: row for row in rows}


def test_the_partner_sees_every_customer_and_what_needs_action(
    partner_demo: DemoTenants, tmp_path: Path
) -> None:
    rows = _rows(partner_demo, tmp_path)
    assert set(rows) == {t.tenant_id for t in partner_demo.all}

    def attention(state: CustomerState) -> list[Attention]:
        return rows[partner_demo.by_state(state).tenant_id].attention

    assert Attention.OUT_OF_SEATS in attention(CustomerState.OUT_OF_SEATS)
    assert Attention.WASTE in attention(CustomerState.WASTE)
    assert Attention.IN_GRACE in attention(CustomerState.GRACE)
    assert Attention.NO_LICENSE_WRITES in attention(CustomerState.READ_ONLY)
    assert attention(CustomerState.HEALTHY) == []
    for state in (CustomerState.WASTE, CustomerState.GRACE, CustomerState.HEALTHY):
        assert Attention.OUT_OF_SEATS not in attention(state)
    healthy = rows[partner_demo.by_state(CustomerState.HEALTHY).tenant_id]
    assert healthy.status is Status.OK and healthy.refreshed_at is not None
    store = partner_demo.by_state(CustomerState.HEALTHY).store
    assert healthy.users == store.count_users()
    basic = next(p for p in healthy.packages if p.part_number == "O365_BUSINESS_ESSENTIALS")
    assert basic.total - basic.assigned == basic.free > 0
    assert healthy.monthly_cost["PLN"] > healthy.monthly_waste["PLN"] > 0
    grace = rows[partner_demo.by_state(CustomerState.GRACE).tenant_id]
    assert any(u.part_number == "SPB" and u.in_grace for u in grace.upcoming)


def test_one_tenant_without_consent_says_so_and_hides_no_other(
    partner_demo: DemoTenants, tmp_path: Path
) -> None:
    refused = partner_demo.by_state(CustomerState.HEALTHY).tenant_id
    partner_demo.refuse_tokens.add(refused)
    try:
        rows = _rows(partner_demo, tmp_path)
    finally:
        partner_demo.refuse_tokens.clear()
    assert rows[refused].status is Status.NO_ACCESS
    assert "AADSTS65001" in rows[refused].reason
    assert rows[refused].attention == [Attention.NO_ACCESS]
    others = [row for tenant_id, row in rows.items() if tenant_id != refused]
    assert len(others) == 5 and all(row.status is Status.OK for row in others)


def test_an_unexpected_failure_is_that_tenants_error_row(
    partner_demo: DemoTenants, tmp_path: Path
) -> None:
    reach = partner_reach(partner_demo)
    broken = partner_demo.customers[1].tenant_id

    def connect(tenant: KnownTenant) -> GraphClient:
        if tenant.tenant_id == broken:
            raise RuntimeError("boom")
        return reach.client_for(tenant)

    rows = build_overview(reach.registry.tenants, connect, root=tmp_path)
    statuses = {row.tenant.tenant_id: row.status for row in rows}
    assert statuses.pop(broken) is Status.ERROR
    assert set(statuses.values()) == {Status.OK}


def test_tenants_are_read_at_once_but_never_more_than_the_pool(
    partner_demo: DemoTenants, tmp_path: Path
) -> None:
    reach = partner_reach(partner_demo)
    workers = 3
    together = threading.Barrier(workers, timeout=60)  # only passes with 3 reading at once
    lock = threading.Lock()
    running = [0, 0]  # now, most

    def connect(tenant: KnownTenant) -> GraphClient:
        with lock:
            running[0] += 1
            running[1] = max(running[1], running[0])
        try:
            if tenant.tenant_id in {t.tenant_id for t in partner_demo.all[:workers]}:
                together.wait()
        finally:
            with lock:
                running[0] -= 1
        return reach.client_for(tenant)

    rows = build_overview(reach.registry.tenants, connect, root=tmp_path, workers=workers)
    assert running[1] == workers
    assert all(row.status is Status.OK for row in rows)


def test_excluded_packages_leave_the_row(partner_demo: DemoTenants, tmp_path: Path) -> None:
    tenant = partner_demo.by_state(CustomerState.OUT_OF_SEATS)
    excluded = frozenset({"O365_BUSINESS_ESSENTIALS", "O365_BUSINESS_PREMIUM"})
    save_settings(tenant.tenant_id, TenantSettings(None, excluded), tmp_path)
    row = _rows(partner_demo, tmp_path)[tenant.tenant_id]
    parts = {p.part_number for p in row.packages}
    assert "O365_BUSINESS_ESSENTIALS" not in parts and "ENTERPRISEPACK" in parts
    assert Attention.OUT_OF_SEATS not in row.attention


@pytest.mark.parametrize("workers", [1])
def test_one_after_another_gives_the_same_rows(
    partner_demo: DemoTenants, tmp_path: Path, workers: int
) -> None:
    serial = _rows(partner_demo, tmp_path, workers=workers)
    parallel = _rows(partner_demo, tmp_path)
    for tenant_id, row in parallel.items():
        assert serial[tenant_id].packages == row.packages
        assert serial[tenant_id].monthly_waste == row.monthly_waste


def _row(waste: str, cost: str, percent: int | None = None) -> TenantRow:
    options = {} if percent is None else {"waste_alert_percent": percent}
    return TenantRow(
        KnownTenant("t", "T", TenantKind.CUSTOMER),
        Status.OK,
        monthly_cost={"PLN": Decimal(cost)},
        monthly_waste={"PLN": Decimal(waste)},
        **options,  # type: ignore[arg-type]
    )


def test_much_waste_is_half_the_monthly_cost_unless_the_tenant_says_otherwise() -> None:
    assert Attention.WASTE in _row("50.00", "100.00").attention
    assert Attention.WASTE not in _row("49.99", "100.00").attention
    assert Attention.WASTE in _row("20.00", "100.00", percent=20).attention
    assert Attention.WASTE not in _row("19.99", "100.00", percent=20).attention
    assert Attention.WASTE not in _row("0", "0", percent=1).attention  # nothing bought


def test_a_tenants_own_waste_alert_over_http(partner_demo: DemoTenants, tmp_path: Path) -> None:
    healthy = partner_demo.by_state(CustomerState.HEALTHY).tenant_id
    wasteful = partner_demo.by_state(CustomerState.WASTE).tenant_id
    before = _rows(partner_demo, tmp_path)
    share = before[healthy].monthly_waste["PLN"] / before[healthy].monthly_cost["PLN"]
    assert Decimal("0.2") <= share < Decimal("0.5")  # some waste, not much by default
    assert Attention.WASTE not in before[healthy].attention
    save_settings(healthy, TenantSettings(waste_alert_percent=20), tmp_path)
    save_settings(wasteful, TenantSettings(waste_alert_percent=95), tmp_path)
    after = _rows(partner_demo, tmp_path)
    assert Attention.WASTE in after[healthy].attention
    assert Attention.WASTE not in after[wasteful].attention
    assert after[healthy].monthly_waste == before[healthy].monthly_waste  # only the flag moved
