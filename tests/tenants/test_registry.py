"""The tenant registry: discovery over the demo, finding by id or name, remembered owner-only;
each tenant's settings; tokens per tenant."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from desktop.demo.multi_tenant import DemoTenants
from desktop.graph.tokens import StaticToken
from desktop.tenants.errors import TenantAccessError, TenantNotFoundError
from desktop.tenants.records import TenantKind
from desktop.tenants.registry import load_registry, save_registry
from desktop.tenants.settings import (
    DEFAULT_WASTE_ALERT_PERCENT,
    SettingsError,
    TenantSettings,
    load_settings,
    save_settings,
)
from desktop.tenants.tokens import HomeOnly
from tests.tenants.support import partner_reach


def test_discovery_lists_the_home_tenant_then_its_customers(partner_demo: DemoTenants) -> None:
    registry = partner_reach(partner_demo).registry
    assert registry.home is not None
    assert registry.home.tenant_id == partner_demo.partner.tenant_id
    customers = [t for t in registry.tenants if t.kind is TenantKind.CUSTOMER]
    assert {t.tenant_id for t in customers} == {t.tenant_id for t in partner_demo.customers}
    assert [t.label for t in customers] == sorted(t.label for t in customers)


def test_find_by_id_name_or_unique_part(partner_demo: DemoTenants) -> None:
    registry = partner_reach(partner_demo).registry
    bakery = partner_demo.customers[0]
    assert registry.find(bakery.tenant_id.upper()).tenant_id == bakery.tenant_id
    assert registry.find("piekarnia mazur").tenant_id == bakery.tenant_id
    assert registry.find("Piekar").tenant_id == bakery.tenant_id
    with pytest.raises(TenantNotFoundError, match="Known tenants"):
        registry.find("Nobody Ltd")
    with pytest.raises(TenantNotFoundError, match="several"):
        registry.find("a")  # in most names
    assert [t.label for t in registry.choose(["Apteka", "Piekarnia", "apteka"])] == [
        "Apteka Zielona",
        "Piekarnia Mazur",
    ]


def test_the_registry_is_remembered_owner_only(partner_demo: DemoTenants, tmp_path: Path) -> None:
    registry = partner_reach(partner_demo).registry
    path = save_registry(registry, tmp_path)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = load_registry(tmp_path)
    assert again.tenants == registry.tenants
    assert again.home == registry.home
    path.write_text("not json", encoding="utf-8")
    assert load_registry(tmp_path).tenants == ()


def test_settings_round_trip_and_a_broken_file_says_what_to_do(tmp_path: Path) -> None:
    assert load_settings("t1", tmp_path) == TenantSettings()
    save_settings("t1", TenantSettings("pl", frozenset({"flow_free"})), tmp_path)
    loaded = load_settings("t1", tmp_path)
    assert loaded.excludes("FLOW_FREE") and not loaded.excludes("SPB")
    assert loaded.waste_alert_percent == DEFAULT_WASTE_ALERT_PERCENT == 50
    path = save_settings("t2", TenantSettings(), tmp_path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(SettingsError, match="fix or delete it"):
        load_settings("t2", tmp_path)


def test_the_waste_alert_is_a_percentage_kept_per_tenant(tmp_path: Path) -> None:
    path = save_settings("t1", TenantSettings(waste_alert_percent=20), tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["wasteAlertPercent"] == 20
    assert load_settings("t1", tmp_path).waste_alert_percent == 20
    assert load_settings("t2", tmp_path).waste_alert_percent == DEFAULT_WASTE_ALERT_PERCENT
    for bad in (0, 101, "ten", True, None):
        path.write_text(json.dumps({"wasteAlertPercent": bad}), encoding="utf-8")
        with pytest.raises(SettingsError, match="wasteAlertPercent must be a number from 1 to 100"):
            load_settings("t1", tmp_path)


def test_a_fixed_token_reaches_its_own_tenant_only() -> None:
    home = StaticToken("t")
    tokens = HomeOnly(home, "home-id")
    assert tokens.for_tenant("home-id") is home
    with pytest.raises(TenantAccessError, match="license-desk login"):
        tokens.for_tenant("customer-id")
