"""``license-desk tenants``, ``--tenant`` and ``audit`` over real HTTP against the multi-tenant
demo, as a partner's script runs them (the partner's fixed token, the demo's authorities)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desktop import numbers
from desktop.demo.customers import CustomerState
from desktop.demo.multi_tenant import DemoTenants
from tests.cli.conftest import Result
from tests.cli.json_schema_check import validate
from ui.launcher import main

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "cli-json.schema.json").read_text("utf-8")
)
Run = Callable[..., Result]


@pytest.fixture
def run(
    partner_demo: DemoTenants,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Run:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    for name in ("LICENSE_DESK_GRAPH_URL", "LICENSE_DESK_TOKEN", "LICENSE_DESK_JOURNAL"):
        monkeypatch.delenv(name, raising=False)
    token = partner_demo.token_for(partner_demo.partner.tenant_id)

    def invoke(*args: str, before: tuple[str, ...] = ()) -> Result:
        argv = [*before, *args, "--graph-url", partner_demo.base_url, "--token", token]
        code = main(argv)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


def _by_id(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["tenantId"]: t for t in document["tenants"]}


def test_tenants_json_lists_every_tenant_with_what_needs_action(
    run: Run, partner_demo: DemoTenants
) -> None:
    result = run("tenants", "--json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    validate(document, SCHEMA, "tenantsOverview")
    tenants = _by_id(document)
    assert set(tenants) == {t.tenant_id for t in partner_demo.all}
    partner = tenants[partner_demo.partner.tenant_id]
    assert partner["kind"] == "home" and partner["displayName"] == "Chmura Partner sp. z o.o."
    for state, flag in (
        (CustomerState.OUT_OF_SEATS, "out of seats"),
        (CustomerState.WASTE, "waste"),
        (CustomerState.GRACE, "in grace"),
        (CustomerState.READ_ONLY, "no license writes"),
    ):
        assert flag in tenants[partner_demo.by_state(state).tenant_id]["attention"], state
    healthy = tenants[partner_demo.by_state(CustomerState.HEALTHY).tenant_id]
    assert healthy["status"] == "ok" and healthy["attention"] == []
    store = partner_demo.by_state(CustomerState.HEALTHY).store
    for package in healthy["packages"]:
        sku = store.sku_by_part(package["skuPartNumber"])
        assert package["total"] == sku.enabled + sku.warning + sku.suspended
        assert package["free"] == max(0, package["total"] - package["assigned"])


def test_a_tenant_without_consent_is_its_own_row_and_exit_1(
    run: Run, partner_demo: DemoTenants
) -> None:
    refused = partner_demo.by_state(CustomerState.GRACE).tenant_id
    partner_demo.refuse_tokens.add(refused)
    try:
        result = run("tenants", "--json")
    finally:
        partner_demo.refuse_tokens.clear()
    assert result.code == 1
    tenants = _by_id(json.loads(result.out))
    assert tenants[refused]["status"] == "no access"
    assert "AADSTS65001" in tenants[refused]["reason"]
    assert sum(t["status"] == "ok" for t in tenants.values()) == 5


def test_tenants_table_names_each_tenant_and_its_flags(run: Run) -> None:
    result = run("tenants")
    assert result.code == 0, result.err
    for name in ("Chmura Partner", "Piekarnia Mazur", "Kancelaria Wrona", "Apteka Zielona"):
        assert name in result.out
    assert "out of seats" in result.out and "grace ends" in result.out


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_global_tenant_option_opens_that_customer(
    run: Run, partner_demo: DemoTenants, where: str
) -> None:
    customer = partner_demo.by_state(CustomerState.WASTE)
    option = ("--tenant", "kancelaria")
    result = (
        run("skus", "--json", before=option)
        if where == "before"
        else run("skus", "--json", *option)
    )
    assert result.code == 0, result.err
    parts = {s["skuPartNumber"]: s for s in json.loads(result.out)}
    basic = customer.store.sku_by_part("O365_BUSINESS_ESSENTIALS")
    assert parts["O365_BUSINESS_ESSENTIALS"]["total"] == basic.enabled


def test_an_unknown_tenant_is_one_line_and_exit_2(run: Run) -> None:
    result = run("skus", "--tenant", "Nobody Ltd")
    assert result.code == 2
    assert "No tenant called 'Nobody Ltd'" in result.err
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1


def test_a_change_goes_to_the_chosen_customer_and_roles_are_graphs_to_refuse(
    run: Run, partner_demo: DemoTenants
) -> None:
    read_only = partner_demo.by_state(CustomerState.READ_ONLY)
    upn = str(read_only.store.query("SELECT upn FROM users WHERE rowid = 3")[0][0])
    result = run("assign", "--users", upn, "--add", "FLOW_FREE", "--yes",
                 "--tenant", "Biuro Rachunkowe Lis")  # fmt: skip
    assert result.code == 1
    assert "Insufficient privileges to complete the operation." in result.out + result.err
    assert "FLOW_FREE" not in {
        read_only.store.sku(s).part_number  # type: ignore[union-attr]
        for s in read_only.store.user_licenses(upn)
    }


def test_audit_writes_a_workbook_and_a_csv_per_tenant(
    run: Run, partner_demo: DemoTenants, tmp_path: Path
) -> None:
    book_path, folder = tmp_path / "audit.xlsx", tmp_path / "csv"
    result = run("audit", "--xlsx", str(book_path), "--csv-dir", str(folder))
    assert result.code == 0, result.err
    book = load_workbook(book_path)
    assert book.sheetnames[0] == "Summary"
    assert len(book.sheetnames) == 1 + len(partner_demo.all)
    summary = list(book["Summary"].iter_rows(min_row=4, values_only=True))
    by_id = {row[1]: row for row in summary}
    healthy = partner_demo.by_state(CustomerState.HEALTHY)
    row = by_id[healthy.tenant_id]
    assert row[2] == "ok"
    licensed = healthy.store.scalar("SELECT COUNT(DISTINCT user_rowid) FROM direct_licenses")
    assert row[4] >= licensed  # direct holders, and those licensed through groups
    sheet = book[row[11]]
    cells = [row[:7] for row in sheet.iter_rows(values_only=True)]
    header = cells.index(("Package", "Part number", "User principal name", "Display name",
                          "Department", "Account enabled", "Assigned"))  # fmt: skip
    holders = {c[2] for c in cells[header + 1 :]}
    assert len(holders) == row[4]
    files = sorted(folder.glob("*.csv"))
    assert len(files) == len(partner_demo.all)
    mine = next(f for f in files if healthy.tenant_id in f.name)
    with mine.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert {line["User principal name"] for line in lines if line["User principal name"]} == holders


def test_audit_of_chosen_tenants_and_bad_input(run: Run, tmp_path: Path) -> None:
    book_path = tmp_path / "two.xlsx"
    result = run("audit", "--tenants", "Piekarnia", "Apteka", "--xlsx", str(book_path))
    assert result.code == 0, result.err
    assert load_workbook(book_path).sheetnames == ["Summary", "Piekarnia Mazur", "Apteka Zielona"]
    missing = run("audit", "--xlsx", str(tmp_path / "nowhere" / "a.xlsx"))
    assert missing.code == 2 and "folder does not exist" in missing.err
    unknown = run("audit", "--tenants", "Nobody", "--xlsx", str(book_path))
    assert unknown.code == 2 and "No tenant called 'Nobody'" in unknown.err


def test_history_of_a_customer_uses_the_remembered_tenants(
    run: Run, partner_demo: DemoTenants, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("tenants", "--json").code == 0
    code = main(["history", "--tenant", "Piekarnia", "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert json.loads(captured.out) == []
    missing = main(["history", "--tenant", "Nobody", "--json"])
    assert missing == 2


def test_audit_csvs_are_separated_as_the_locales_spreadsheet_reads_them(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Like every CSV report: a Polish spreadsheet expects ';' between cells (the locale's
    decimal mark is a comma), a script under C gets ','."""
    polish = {"thousands_sep": "\u00a0", "grouping": [3, 0], "decimal_point": ","}
    plain = {"thousands_sep": "", "grouping": [], "decimal_point": "."}
    for conventions, delimiter in ((polish, ";"), (plain, ",")):
        monkeypatch.setattr(numbers, "_conventions", lambda c=conventions: c)
        folder = tmp_path / f"csv{delimiter}"
        args = ("audit", "--tenants", "Piekarnia", "--xlsx", str(tmp_path / "a.xlsx"))
        result = run(*args, "--csv-dir", str(folder))
        assert result.code == 0, result.err
        (written,) = folder.glob("*.csv")
        with written.open(encoding="utf-8-sig", newline="") as handle:
            header, first = list(csv.reader(handle, delimiter=delimiter))[:2]
        assert header[:4] == ["Package", "Part number", "Seats bought", "Seats assigned"]
        assert first[2].isdigit() and first[3].isdigit()  # counts stay plain numbers
