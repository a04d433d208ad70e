"""The window's export writes formulas as text, like every other export."""

from __future__ import annotations

import csv
from pathlib import Path

from desktop.csv_export import SpreadsheetStyle
from tests.ui.factories import make_user
from ui.flows.csv_commands import export_users
from ui.models.naming import LicenseNaming


def test_window_export_defuses_formulas(tmp_path: Path) -> None:
    target = tmp_path / "users.csv"
    users = [
        make_user(1, name='=HYPERLINK("http://evil.example/","click")', department="@SUM(A1)"),
        make_user(2, name="Anna Nowak", department="-Sales"),
    ]
    assert export_users(target, users, LicenseNaming(), SpreadsheetStyle(";", ",")) == 2
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig", newline=""), delimiter=";"))
    assert rows[0]["displayName"] == '\'=HYPERLINK("http://evil.example/","click")'
    assert rows[0]["department"] == "'@SUM(A1)"
    assert rows[1]["displayName"] == "Anna Nowak"
    assert rows[1]["department"] == "'-Sales"
