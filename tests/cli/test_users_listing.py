"""``license-desk users``: the window's columns in ``--json`` and ``--csv``, and ``--filter`` for
each of the window's quick filters (the same predicate the window uses)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from desktop.commands.tenant import USER_FILTERS
from desktop.commands.user_columns import CSV_COLUMNS
from desktop.demo import DemoTenant
from desktop.user_filters import QuickFilterKind, quick_filter_test
from tests.cli.conftest import Runner
from tests.cli.tenant_picks import pick, users_of
from tests.licensing.conftest import connect


def group_names(tenant: DemoTenant, ids: list[str]) -> dict[str, str]:
    client = connect(tenant)
    try:
        return client.group_names(ids)
    finally:
        client.close()


def test_json_has_the_windows_columns_and_where_each_license_comes_from(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    (inheritor,) = pick(
        demo_tenant, lambda u: any(s.inherited for s in u.license_assignment_states)
    )
    group_id = next(s.assigned_by_group for s in inheritor.license_assignment_states if s.inherited)
    assert group_id is not None
    name = group_names(demo_tenant, [group_id])[group_id]
    assert name != group_id  # the demo group has a real name to show

    data = json.loads(cli("users", "--json").out)
    row = next(r for r in data if r["userPrincipalName"] == inheritor.user_principal_name)
    assert row["department"] == inheritor.department
    assert row["jobTitle"] == inheritor.job_title
    assert row["signIn"] == ("allowed" if inheritor.account_enabled else "blocked")
    assert "onPremisesSyncEnabled" in row and row["onPremisesSyncEnabled"] is None
    inherited = [lic for lic in row["licenses"] if lic["inheritedFrom"]]
    assert {"id": group_id, "name": name} in inherited[0]["inheritedFrom"]
    direct_only = [
        lic for r in data for lic in r["licenses"] if lic["direct"] and not lic["inheritedFrom"]
    ]
    assert direct_only, "some licenses are assigned directly"


def test_csv_has_the_windows_columns(cli: Runner, demo_tenant: DemoTenant, tmp_path: Path) -> None:
    (inheritor,) = pick(
        demo_tenant, lambda u: any(s.inherited for s in u.license_assignment_states)
    )
    group_id = next(s.assigned_by_group for s in inheritor.license_assignment_states if s.inherited)
    name = group_names(demo_tenant, [group_id or ""])[group_id or ""]
    target = tmp_path / "users.csv"
    assert cli("users", "--csv", str(target)).code == 0
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    mine = next(r for r in rows if r["userPrincipalName"] == inheritor.user_principal_name)
    assert f"({name})" in mine["inheritedLicenses"]
    assert mine["department"] == (inheritor.department or "")
    assert mine["signIn"] in {"allowed", "blocked"}
    assert len(rows) == len(users_of(demo_tenant))


# "not-activated" shows people from the list, not the tenant's users: tests/cli/test_people.py.
@pytest.mark.parametrize("name", [f for f in USER_FILTERS if f != "not-activated"])
def test_each_quick_filter_shows_whom_the_window_shows(
    cli: Runner, demo_tenant: DemoTenant, name: str
) -> None:
    kind = QuickFilterKind("problems" if name == "errors" else name)
    test = quick_filter_test(kind)
    assert test is not None
    expected = sorted(u.user_principal_name for u in users_of(demo_tenant) if test(u))
    shown = [
        r["userPrincipalName"] for r in json.loads(cli("users", "--json", "--filter", name).out)
    ]
    assert sorted(shown) == expected
    assert 0 < len(expected) < len(users_of(demo_tenant))  # the filter really filters


def test_every_window_quick_filter_has_a_cli_filter() -> None:
    # ALL is no filter and PACKAGE is --sku; every other kind must be a --filter choice.
    others = set(QuickFilterKind) - {QuickFilterKind.ALL, QuickFilterKind.PACKAGE}
    assert {k.value for k in others} <= set(USER_FILTERS)


def test_package_filter_and_quick_filter_combine(cli: Runner, demo_tenant: DemoTenant) -> None:
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    expected = sorted(
        u.user_principal_name
        for u in users_of(demo_tenant)
        if e3 in u.sku_ids and not u.account_enabled
    )
    result = cli("users", "--json", "--filter", "blocked", "--sku", "ENTERPRISEPACK")
    assert sorted(r["userPrincipalName"] for r in json.loads(result.out)) == expected
    assert expected


def test_bad_sku_is_one_line(cli: Runner) -> None:
    result = cli("users", "--sku", "NO_SUCH_LICENSE")
    assert result.code == 2 and "NO_SUCH_LICENSE" in result.err and "Traceback" not in result.err
