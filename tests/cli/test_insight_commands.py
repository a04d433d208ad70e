"""``license-desk insights | reclaim | restore | subscriptions | prices`` against a demo tenant."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.demo.example_prices import EXAMPLE_PRICES
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.insight.findings import FindingKind
from desktop.insight.prices import PriceBook
from desktop.insight.report import build_report, report_json
from desktop.insight.snapshot import read_snapshot
from tests.cli.conftest import Runner
from tests.cli.test_json_output import powershell_reads
from tests.demo_tenant import DemoTenantForTests as DemoTenant


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setattr("desktop.insight.storage.app_data_dir", lambda: folder)
    return folder


def engine_report(tenant: DemoTenant) -> dict[str, object]:
    with GraphClient(tenant.base_url, StaticToken("engine")) as client:
        snapshot = read_snapshot(client)
    return report_json(build_report(snapshot, PriceBook.from_mapping(EXAMPLE_PRICES)))


def test_insights_json_is_the_engines_report(cli: Runner, demo_tenant: DemoTenant) -> None:
    result = cli("insights", "--json")
    assert result.code == 0, result.err
    printed = powershell_reads(result)  # ASCII like every --json (Polish names escaped)
    expected = engine_report(demo_tenant)
    printed.pop("generatedAt")
    expected.pop("generatedAt")
    assert printed == expected
    assert printed["schemaVersion"] == 1 and printed["activitySource"] == "signInActivity"
    kinds = {f["kind"] for f in printed["findings"]}
    assert kinds == {k.value for k in FindingKind}
    finding = printed["findings"][0]
    for key in ("userPrincipalName", "kind", "skuPartNumbers", "lastSignInDateTime", "source",
                "monthlyCost"):  # fmt: skip
        assert key in finding
    for key in ("skuPartNumber", "total", "assigned", "inactive", "free", "monthlyCost",
                "monthlyWaste"):  # fmt: skip
        assert key in printed["packages"][0]
    waste = sum(p["monthlyWaste"] or 0 for p in printed["packages"])
    assert round(waste, 2) == printed["totals"]["monthlyWaste"][0]["amount"]


def test_insights_summary_says_the_source_and_the_totals(cli: Runner) -> None:
    result = cli("insights", "--inactive-days", "60")
    assert result.code == 0, result.err
    assert "Last activity from: sign-in activity; inactive after 60 days" in result.out
    assert "Monthly waste: " in result.out and " PLN" in result.out
    assert "Without a price (not counted): SHAREPOINTSTORAGE" not in result.out  # unused


def test_without_p1_the_summary_names_the_usage_report(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    demo_tenant.insight.premium = False
    demo_tenant.insight.concealed_names = True
    result = cli("insights")
    assert result.code == 0, result.err
    assert "no Microsoft Entra ID P1 or P2" in result.out
    assert "The usage report hides user names" in result.out
    assert "Last activity from: none" in result.out


@pytest.mark.parametrize("days", ["0", "x", "99999"])
def test_bad_inactive_days_is_bad_input(cli: Runner, days: str) -> None:
    with pytest.raises(SystemExit) as exited:
        cli("insights", "--inactive-days", days)
    assert exited.value.code == 2


def test_csv_and_xlsx_exports_open_with_numbers_and_dates(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    expected = engine_report(demo_tenant)
    findings = expected["findings"]
    assert isinstance(findings, list)
    target = tmp_path / "waste.csv"
    assert cli("insights", "--csv", str(target)).code == 0
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == len(findings)
    assert {r["Finding"] for r in rows} == {k.value for k in FindingKind}
    with (tmp_path / "waste-packages.csv").open(encoding="utf-8-sig", newline="") as stream:
        packages = list(csv.DictReader(stream))
    assert {p["Package"] for p in packages} >= {"ENTERPRISEPACK", "SPB"}

    book_path = tmp_path / "waste.xlsx"
    assert cli("insights", "--xlsx", str(book_path)).code == 0
    book = load_workbook(book_path)
    assert book.sheetnames == ["Summary", "Findings", "Packages", "Renewals", "Departments"]
    sheet = book["Findings"]
    header = [c.value for c in sheet[1]]
    cost = header.index("Monthly cost")
    last = header.index("Last activity")
    data = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(data) == len(findings)
    assert any(isinstance(r[cost], float | int) for r in data)
    assert any(isinstance(r[last], datetime) for r in data)
    packages_sheet = book["Packages"]
    totals = [r[1] for r in packages_sheet.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(t, int) for t in totals)
    renewals = book["Renewals"]
    assert any(r[-1] is True for r in renewals.iter_rows(min_row=2, values_only=True))


def test_pdf_is_one_page_through_the_program(cli: Runner, tmp_path: Path, qapp: object) -> None:
    # The test session's QApplication first: otherwise the PDF writer starts a QGuiApplication
    # that outlives this test, and every later widget test aborts the whole run.
    target = tmp_path / "summary.pdf"
    result = cli("insights", "--pdf", str(target))
    assert result.code == 0, result.err
    content = target.read_bytes()
    assert content.startswith(b"%PDF")
    assert (
        content.count(b"/Type /Page\n")
        + content.count(b"/Type /Page\r")
        + content.count(b"/Type /Page ")
        + content.count(b"/Type /Page>")
        + content.count(b"/Type /Page/")
        == 1
    )


def test_prices_set_list_export_import_and_bad_input(
    cli: Runner, tmp_path: Path, data_folder: Path
) -> None:
    listed = cli("prices", "list")
    assert listed.code == 0 and "ENTERPRISEPACK" in listed.out and "97.00" in listed.out
    assert "SHAREPOINTSTORAGE" in listed.out and "no price" in listed.out
    assert cli("prices", "set", "ENTERPRISEPACK", "101,5", "--currency", "pln").code == 0
    assert "101.50" in cli("prices", "list").out
    exported = tmp_path / "prices.csv"
    assert cli("prices", "export", str(exported)).code == 0
    assert "ENTERPRISEPACK,101.50,PLN" in exported.read_text(encoding="utf-8-sig").replace('"', "")
    assert cli("prices", "remove", "ENTERPRISEPACK").code == 0
    assert cli("prices", "remove", "ENTERPRISEPACK").code == 2
    insight = json.loads(cli("insights", "--json").out)
    assert "ENTERPRISEPACK" in insight["totals"]["unpricedSkuPartNumbers"]
    assert cli("prices", "import", str(exported)).code == 0
    assert "101.50" in cli("prices", "list").out

    bad = tmp_path / "bad.csv"
    bad.write_text("skuPartNumber,monthlyPrice,currency\nSPB,twelve,PLN\n", encoding="utf-8")
    refused = cli("prices", "import", str(bad))
    assert refused.code == 2 and "line 2: 'twelve' is not an amount" in refused.err
    assert "Traceback" not in refused.err
    unknown = cli("prices", "set", "NOPE", "1", "--currency", "PLN")
    assert unknown.code == 2 and "no package NOPE" in unknown.err
    assert cli("prices", "set", "SPB", "-3", "--currency", "PLN").code == 2
    assert list(data_folder.glob("tenants/*/prices.csv"))


def test_subscriptions_json_says_reduce_before_renewal(cli: Runner) -> None:
    result = cli("subscriptions", "--json")
    assert result.code == 0, result.err
    found = {s["skuPartNumber"]: s for s in json.loads(result.out)["subscriptions"]}
    assert [p for p, s in found.items() if s["reduceBeforeRenewal"]] == ["ENTERPRISEPACK"]
    assert found["FLOW_FREE"]["estimatedTerm"] == "trial"
    table = cli("subscriptions")
    assert "reduce before renewal" in table.out and "annual (estimated)" in table.out


def test_reclaim_dry_run_then_apply_then_restore_and_undo(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    users = demo_tenant.store.users_page("1", (), 0, 1_000_000)
    before = {str(r[2]): demo_tenant.store.user_licenses(str(r[2])) for r in users}
    findings = engine_report(demo_tenant)["findings"]
    assert isinstance(findings, list)
    overlaps = [f for f in findings if f["kind"] == "overlap"]
    saving = sum(f["monthlyCost"] for f in overlaps)
    dry = cli("reclaim", "--kind", "overlap", "--dry-run")
    assert dry.code == 0, dry.err
    assert f"Reclaim frees {len(overlaps)} licenses worth {saving:.2f} PLN a month" in dry.out
    assert "Dry run" in dry.out
    assert {str(r[2]): demo_tenant.store.user_licenses(str(r[2])) for r in users} == before

    done = cli("reclaim", "--kind", "overlap", "--yes")
    assert done.code == 0, done.err
    run_id = next(w for line in done.out.splitlines() if line.startswith("Run ")
                  for w in [line.split()[1].rstrip(":")])  # fmt: skip
    after = {str(r[2]): demo_tenant.store.user_licenses(str(r[2])) for r in users}
    changed = [u for u in before if after[u] != before[u]]
    assert sorted(changed) == sorted(f["userPrincipalName"] for f in overlaps)
    assert all(set(after[u]) < set(before[u]) for u in changed)

    restored = cli("restore", run_id, changed[0], "--yes")
    assert restored.code == 0, restored.err
    assert demo_tenant.store.user_licenses(changed[0]) == before[changed[0]]
    assert demo_tenant.store.user_licenses(changed[1]) == after[changed[1]]
    nobody = cli("restore", run_id, "nobody@bursztynlogistyka.pl", "--yes")
    assert nobody.code != 0 and "nothing to restore" in nobody.err
    # After one user's restore, undo still takes back the rest.
    assert cli("undo", run_id, "--yes").code == 0
    assert {str(r[2]): demo_tenant.store.user_licenses(str(r[2])) for r in users} == before
    again = cli("restore", run_id, changed[1], "--yes")
    assert again.code == 2 and "already undone" in again.err


def test_keep_marks_leave_a_user_and_a_package_out_until_removed(cli: Runner) -> None:
    first = json.loads(cli("insights", "--json").out)["findings"]
    blocked = next(f["userPrincipalName"] for f in first if f["kind"] == "blocked")
    assert cli("keep", "add", "--user", blocked.upper(), "--note", "urlop do maja").code == 0
    assert cli("keep", "add", "--package", "ENTERPRISEPACK").code == 0
    listed = cli("keep", "list").out
    assert "urlop do maja" in listed and "ENTERPRISEPACK" in listed
    kept = json.loads(cli("insights", "--json").out)["findings"]
    assert blocked not in {f["userPrincipalName"] for f in kept}
    assert all("ENTERPRISEPACK" not in f["skuPartNumbers"] for f in kept)
    assert cli("keep", "remove", "--user", blocked).code == 0
    assert cli("keep", "remove", "--user", blocked).code == 2
    again = json.loads(cli("insights", "--json").out)["findings"]
    assert blocked in {f["userPrincipalName"] for f in again}


def test_reclaim_warns_that_waiting_group_members_take_the_freed_seats(cli: Runner) -> None:
    dry = cli("reclaim", "--dry-run")
    assert dry.code == 0, dry.err
    assert (
        "Warning: 2 group members waiting for Microsoft 365 Business Standard will take the "
        "freed seats: undoing this later may find none free"
    ) in dry.out
    # An inherited license is reclaimed by leaving the group, saying what else goes with it.
    assert "comes from the group" not in dry.out
    assert "remove from the group 'Licencje – " in dry.out
    assert "which the group 'Licencje – " in dry.out
    # The saving heads the preview, before what stays, the warnings and the plan's lines.
    lines = dry.out.splitlines()
    first = next(i for i, line in enumerate(lines) if not line.startswith("Note: "))
    assert lines[first].startswith("Reclaim frees ") and lines[first].endswith(" a month")
    assert first < next(i for i, line in enumerate(lines) if line.startswith("Warning: "))
