"""A template saved in one tenant creates new users in two other tenants of the multi-tenant demo
over real HTTP through the command line, with each tenant's own token and with the partner's
connection and ``--tenant``: package and app ids are the same everywhere. A customer out of
seats is told so in the preview, and nothing is sent.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.demo.customers import CustomerState
from desktop.demo.multi_tenant import DemoTenants
from desktop.demo.server import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.records import Sku, User
from desktop.graph.tokens import StaticToken
from desktop.templates.store import TemplateStore
from tests.cli.conftest import Result
from ui.launcher import main

BASIC = "O365_BUSINESS_ESSENTIALS"


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoTenants]:
    with DemoTenants.start(5, partner_users=16, sizes=(30,)) as started:
        yield started


@pytest.fixture(autouse=True)
def app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "data"))
    for name in ("LICENSE_DESK_GRAPH_URL", "LICENSE_DESK_TOKEN", "LICENSE_DESK_JOURNAL"):
        monkeypatch.delenv(name, raising=False)


Run = Callable[..., Result]


@pytest.fixture
def run(
    demo: DemoTenants,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Run:
    """``run(tenant, *args)``: the command line with ``tenant``'s own token and journal."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))

    def invoke(tenant: DemoTenant, *args: str) -> Result:
        journal = tmp_path / f"journal-{tenant.tenant_id}.sqlite3"
        connection = ["--graph-url", demo.base_url, "--token", demo.token_for(tenant.tenant_id)]
        code = main([*args, *connection, "--journal", str(journal)])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


def client_of(demo: DemoTenants, tenant: DemoTenant) -> GraphClient:
    return GraphClient(demo.base_url, StaticToken(demo.token_for(tenant.tenant_id)))


def users(demo: DemoTenants, tenant: DemoTenant) -> list[User]:
    with client_of(demo, tenant) as client:
        return client.list_users()


def domain(tenant: DemoTenant) -> str:
    return tenant.store.query("SELECT name FROM domains WHERE is_default = 1")[0][0]


def basic_user(demo: DemoTenants, tenant: DemoTenant) -> User:
    """An enabled user holding Business Basic alone (directly): the template's source."""
    parts = {s.sku_id: s.part_number for s in tenant.store.skus()}
    return next(
        u for u in users(demo, tenant)
        if u.account_enabled and [parts[lic.sku_id] for lic in u.direct_licenses] == [BASIC]
    )  # fmt: skip


def test_a_template_creates_new_users_in_two_customer_tenants(demo: DemoTenants, run: Run) -> None:
    partner = demo.partner
    source = basic_user(demo, partner)
    saved = run(partner, "templates", "save", "--from-user", source.user_principal_name, "Basic PL",
                "--usage-location", "PL")  # fmt: skip
    assert saved.code == 0, saved.err
    template = TemplateStore().get("Basic PL")
    wanted = {(lic.sku_id, lic.disabled_plans) for lic in template.licenses}

    targets = [demo.by_state(CustomerState.WASTE), demo.by_state(CustomerState.HEALTHY)]
    for number, tenant in enumerate(targets, 1):
        upn = f"nowa.osoba{number}@{domain(tenant)}"
        created = run(tenant, "user", "create", "--upn", upn, "--name", f"Nowa Osoba {number}",
                      "--template", "Basic PL", "--yes")  # fmt: skip
        assert created.code == 0, created.err
        user = next(u for u in users(demo, tenant) if u.user_principal_name == upn)
        held = {(lic.sku_id, tuple(sorted(lic.disabled_plans))) for lic in user.direct_licenses}
        assert held == wanted and user.usage_location == "PL"
        others = [t for t in demo.all if t is not tenant]
        assert all(t.store.user(upn) is None for t in others), "only the token's tenant"

    full = demo.by_state(CustomerState.OUT_OF_SEATS)
    free = {s.sku_id: s.free for s in _skus(demo, full)}
    assert free[template.licenses[0].sku_id] <= 0, "the out-of-seats customer is full"
    upn = f"nikt@{domain(full)}"
    refused = run(full, "user", "create", "--upn", upn, "--name", "Nikt", "--template", "Basic PL",
                  "--yes")  # fmt: skip
    assert refused.code == 2
    assert "seat" in refused.out and "Microsoft 365 Business Basic" in refused.out
    assert full.store.user(upn) is None


def _skus(demo: DemoTenants, tenant: DemoTenant) -> list[Sku]:
    with client_of(demo, tenant) as client:
        return client.list_skus()


def test_the_partner_creates_users_from_a_template_in_two_customers_with_tenant(
    demo: DemoTenants, run: Run
) -> None:
    """The partner's own connection and ``--tenant NAME``: one sign-in, two customers."""
    partner = demo.partner
    source = basic_user(demo, partner)
    saved = run(partner, "templates", "save",
                "--from-user", source.user_principal_name, "Basic")  # fmt: skip
    assert saved.code == 0, saved.err
    for state in (CustomerState.WASTE, CustomerState.HEALTHY):
        tenant = demo.by_state(state)
        upn = f"z.partnera@{domain(tenant)}"
        created = run(partner, "user", "create", "--upn", upn, "--name", "Z Partnera",
                      "--template", "Basic", "--usage-location", "PL",
                      "--tenant", demo.display_name(tenant.tenant_id), "--yes")  # fmt: skip
        assert created.code == 0, created.err
        after = next(u for u in users(demo, tenant) if u.user_principal_name == upn)
        assert {(lic.sku_id, lic.disabled_plans) for lic in after.direct_licenses} == {
            (lic.sku_id, lic.disabled_plans) for lic in source.direct_licenses
        }
        assert partner.store.user(upn) is None
