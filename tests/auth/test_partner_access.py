"""A partner's overview asks for its own permission (the customers' list,
DelegatedAdminRelationship.Read.All, beside insight's reads): signed in to browse, `tenants`
and `audit` stop before reading with the login hint, then read after `login --access
partner`."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.auth import scopes as graph_scopes
from desktop.demo import permissions
from desktop.tenants.connection import partner_scopes
from tests.auth.demo_identity import SignInWorld
from tests.auth.test_write_scopes import Run, login, run

__all__ = ["run"]  # a fixture, imported for pytest

HINT = (
    "License Desk has no permission to list your customers and read their tenants yet: run "
    "`license-desk login --access partner` and try again."
)


def test_the_overview_needs_the_customers_list_and_insights_reads() -> None:
    wanted = set(partner_scopes())
    assert "DelegatedAdminRelationship.Read.All" in wanted
    assert set(graph_scopes.normalise(graph_scopes.INSIGHT)) <= wanted
    needed = permissions.needs("GET", "/v1.0/tenantRelationships/delegatedAdminCustomers")
    assert needed is not None and needed.allowed(["DelegatedAdminRelationship.Read.All"])
    assert not needed.allowed(graph_scopes.INSIGHT)


def test_cli_tenants_signed_in_to_browse_stops_with_the_hint_then_reads_after_login(
    world: SignInWorld, run: Run, tmp_path: Path
) -> None:
    login(world, run)  # --access browse, the default
    url = world.tenant.base_url
    code, out, err = run("tenants", "--json", "--graph-url", url)
    assert code == 2 and out == ""
    assert HINT in err
    code, _out, err = run("audit", "--xlsx", str(tmp_path / "a.xlsx"), "--graph-url", url)
    assert code == 2 and HINT in err
    assert not (tmp_path / "a.xlsx").exists()

    login(world, run, "--access", "partner")
    code, out, err = run("tenants", "--json", "--graph-url", url)
    assert code == 0, err
    tenants = json.loads(out)["tenants"]
    assert [(t["tenantId"], t["kind"], t["status"]) for t in tenants] == [
        (world.tenant.tenant_id, "home", "ok")
    ]
