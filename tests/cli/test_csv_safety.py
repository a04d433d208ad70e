"""``users --csv`` writes a hostile display name so a spreadsheet shows it as text."""

from __future__ import annotations

import csv
import stat
import sys
from pathlib import Path

from desktop.demo import DemoTenant
from tests.cli.conftest import Runner
from tests.licensing.conftest import connect

FORMULA = '=HYPERLINK("http://evil.example/","click")'


def test_users_csv_defuses_formulas_and_is_private(
    cli: Runner, tmp_path: Path, demo_tenant: DemoTenant
) -> None:
    with connect(demo_tenant) as client:
        victim = client.list_users()[0]
        client.update_user(victim.id, {"displayName": FORMULA})
    target = tmp_path / "users.csv"
    assert cli("users", "--csv", str(target)).code == 0
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig", newline="")))
    row = next(r for r in rows if r["userPrincipalName"] == victim.user_principal_name)
    assert row["displayName"] == "'" + FORMULA
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
