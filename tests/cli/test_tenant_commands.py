"""``skus`` and ``users``: what scripts and people read."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from desktop.demo import DemoTenant
from tests.cli.conftest import Runner
from tests.licensing.conftest import connect


def test_skus_table_is_aligned_and_json_has_the_numbers(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    table = cli("skus")
    assert table.code == 0
    lines = table.out.splitlines()
    header = lines[0]
    assert header.split() == ["NAME", "PART", "NUMBER", "TOTAL", "ASSIGNED", "FREE", "STATUS"]
    free_column_end = header.index("FREE") + len("FREE")
    flow_line = next(line for line in lines if " FLOW_FREE " in line)
    assert flow_line.startswith("Microsoft Power Automate Free")
    assert (
        flow_line[:free_column_end]
        .rstrip()
        .endswith(str(10_000 - demo_tenant.consumed_units("FLOW_FREE")))
    )

    data = json.loads(cli("skus", "--json").out)
    by_part = {s["skuPartNumber"]: s for s in data}
    assert by_part["O365_BUSINESS_PREMIUM"]["free"] == 0
    assert by_part["SHAREPOINTSTORAGE"]["appliesTo"] == "Company"
    usable = [s for s in data if s["status"] != "Suspended"]
    assert all(s["free"] == s["total"] - s["assigned"] for s in usable)
    # A suspended package counts the seats it has (suspended ones), none of them free: the
    # same "8 / 13" as the window's card, not "0 total" beside 8 assigned.
    (suspended,) = [s for s in data if s["status"] == "Suspended"]
    assert suspended["total"] >= suspended["assigned"] > 0 and suspended["free"] == 0


def test_users_filters_and_outputs(cli: Runner, tmp_path: Path, demo_tenant: DemoTenant) -> None:
    client = connect(demo_tenant)
    expected = {u.user_principal_name for u in client.list_users() if not u.assigned_licenses}
    client.close()
    unlicensed = json.loads(cli("users", "--json", "--filter", "unlicensed").out)
    assert {u["userPrincipalName"] for u in unlicensed} == expected != set()
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    holders = json.loads(cli("users", "--json", "--sku", "office 365 e3").out)
    assert holders and all(any(x["skuId"] == e3 for x in u["licenses"]) for u in holders)
    blocked = json.loads(cli("users", "--json", "--filter", "blocked").out)
    assert blocked and all(u["accountEnabled"] is False for u in blocked)

    target = tmp_path / "users.csv"
    written = cli("users", "--csv", str(target), "--filter", "licensed")
    assert written.code == 0
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    assert written.out.startswith(f"Wrote {len(rows)} user(s)")
    assert all(r["licenses"] for r in rows)


def test_unknown_sku_name_is_bad_input_with_suggestions(cli: Runner) -> None:
    result = cli("users", "--sku", "Office 365 E33")
    assert result.code == 2
    assert "Did you mean" in result.err and "Office 365 E3" in result.err
