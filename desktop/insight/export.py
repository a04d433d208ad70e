"""Insight reports as files: CSV (findings, plus the per-package summary beside it) and Excel.

Both go through the spreadsheet-safe text rule of ``desktop/csv_export.py`` and are owner-only.
In the ``.xlsx`` every part has its own sheet, amounts and counts are numbers and dates are
dates, so the file sorts and sums as people expect.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from desktop.csv_export import PLAIN, SpreadsheetStyle, csv_export, spreadsheet_text
from desktop.insight.report import InsightReport, renewal_json, report_json
from desktop.private_files import create_private_file

FINDING_COLUMNS: tuple[tuple[str, str], ...] = (
    ("userPrincipalName", "User"),
    ("displayName", "Name"),
    ("department", "Department"),
    ("kind", "Finding"),
    ("skuPartNumbers", "Packages"),
    ("lastSignInDateTime", "Last activity"),
    ("source", "Source"),
    ("daysInactive", "Days inactive"),
    ("coveredBy", "Covered by"),
    ("inheritedSkuPartNumbers", "From a group"),
    ("seats", "Seats"),
    ("monthlyCost", "Monthly cost"),
    ("currency", "Currency"),
    ("unpricedSkuPartNumbers", "Without a price"),
)
PACKAGE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("skuPartNumber", "Package"),
    ("total", "Total"),
    ("assigned", "Assigned"),
    ("inactive", "Inactive"),
    ("free", "Free"),
    ("monthlyPrice", "Monthly price"),
    ("monthlyCost", "Monthly cost"),
    ("monthlyWaste", "Monthly waste"),
    ("currency", "Currency"),
)
RENEWAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("skuPartNumber", "Package"),
    ("status", "Status"),
    ("totalLicenses", "Seats"),
    ("unusedSeats", "Unused seats"),
    ("isTrial", "Trial"),
    ("estimatedTerm", "Term (estimated)"),
    ("nextLifecycleDateTime", "Renews or ends"),
    ("daysToRenewal", "Days to go"),
    ("reduceBeforeRenewal", "Reduce before renewal"),
)
_DATE_FIELDS = frozenset({"lastSignInDateTime", "createdDateTime", "nextLifecycleDateTime"})


def packages_csv_path(path: Path) -> Path:
    """Where ``--csv FILE`` puts the per-package summary: ``FILE-packages.csv`` beside it."""
    return path.with_name(f"{path.stem}-packages{path.suffix or '.csv'}")


def _flat(value: Any) -> Any:
    return ";".join(value) if isinstance(value, list) else value


def write_csv(report: InsightReport, path: Path, style: SpreadsheetStyle = PLAIN) -> list[Path]:
    """The findings at ``path``, the per-package summary beside it; numbers as ``style``'s
    spreadsheet reads them."""
    data = report_json(report)
    with csv_export(path, style=style) as writer:
        writer.writerow(label for _key, label in FINDING_COLUMNS)
        for finding in data["findings"]:
            writer.writerow(_flat(finding[key]) for key, _label in FINDING_COLUMNS)
    packages = packages_csv_path(path)
    with csv_export(packages, style=style) as writer:
        writer.writerow(label for _key, label in PACKAGE_COLUMNS)
        for package in data["packages"]:
            writer.writerow(package[key] for key, _label in PACKAGE_COLUMNS)
    return [path, packages]


def _excel_value(key: str, value: Any) -> Any:
    """Numbers stay numbers, timestamps become dates (Excel has no time zones: UTC)."""
    if value is None:
        return None
    if key in _DATE_FIELDS and isinstance(value, str):
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return moment.astimezone(timezone.utc).replace(tzinfo=None)
    if isinstance(value, list):
        return spreadsheet_text(";".join(str(v) for v in value))
    if isinstance(value, str):
        return spreadsheet_text(value)
    return value


def write_xlsx(report: InsightReport, path: Path) -> Path:
    from openpyxl import Workbook  # only when asked for: the rest of the app never needs it

    data = report_json(report)
    book = Workbook()
    summary = book.active
    summary.title = "Summary"
    summary.append(["Generated", _excel_value("lastSignInDateTime", data["generatedAt"])])
    summary.append(["Inactive after (days)", data["inactiveDays"]])
    summary.append(["Activity source", data["activitySource"] or "none"])
    for total in data["totals"]["monthlyCost"]:
        summary.append(["Monthly cost", total["amount"], total["currency"]])
    for total in data["totals"]["monthlyWaste"]:
        summary.append(["Monthly waste", total["amount"], total["currency"]])
    for part in data["totals"]["unpricedSkuPartNumbers"]:
        summary.append(["Without a price", spreadsheet_text(part)])
    for note in data["notes"]:
        summary.append(["Note", note])
    _sheet(book, "Findings", FINDING_COLUMNS, data["findings"])
    _sheet(book, "Packages", PACKAGE_COLUMNS, data["packages"])
    renewals = [renewal_json(r) for r in report.renewals]
    _sheet(book, "Renewals", RENEWAL_COLUMNS, renewals)
    departments = book.create_sheet("Departments")
    departments.append(["Department", "Monthly cost", "Monthly waste", "Currency"])
    for entry in data["departments"]:
        currencies = {a["currency"] for a in entry["monthlyCost"] + entry["monthlyWaste"]}
        name = spreadsheet_text(entry["department"] or "")
        for currency in sorted(currencies):
            cost = _in(entry["monthlyCost"], currency)
            waste = _in(entry["monthlyWaste"], currency)
            departments.append([name, cost, waste, currency])
    create_private_file(path)
    book.save(path)
    return path


Columns = tuple[tuple[str, str], ...]


def _sheet(book: Any, title: str, columns: Columns, rows: list[dict[str, Any]]) -> None:
    sheet = book.create_sheet(title)
    sheet.append([label for _key, label in columns])
    for row in rows:
        sheet.append([_excel_value(key, row.get(key)) for key, _label in columns])
    for index, (key, _label) in enumerate(columns, start=1):
        if key in _DATE_FIELDS:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "yyyy-mm-dd hh:mm"
        elif key.startswith("monthly"):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "#,##0.00"
    sheet.freeze_panes = "A2"


def _in(amounts: list[dict[str, Any]], currency: str) -> float:
    return next((a["amount"] for a in amounts if a["currency"] == currency), 0.0)
