"""The monthly billing audit: for every tenant (or a chosen set), licensed users per package,
seats bought against assigned, and the waste. One ``.xlsx`` (a summary sheet and one sheet per
tenant) and one CSV per tenant, to check each customer's invoice.

Tenants are read in parallel with the overview's road (``reading.py``), so the audit's numbers
are the overview's. A tenant that cannot be read is on the summary with its reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from desktop.catalog import sku_name
from desktop.csv_export import PLAIN, SpreadsheetStyle, csv_export, spreadsheet_text
from desktop.graph.errors import CancelledError
from desktop.graph.records import User
from desktop.insight.summary import PackageSummary
from desktop.paths import safe_file_part
from desktop.private_files import create_private_dirs, create_private_file
from desktop.tenants.overview import Connect, Status, failed_row
from desktop.tenants.parallel import DEFAULT_WORKERS, for_each_tenant
from desktop.tenants.reading import read_tenant
from desktop.tenants.records import KnownTenant

SUMMARY_SHEET = "Summary"
USER_COLUMNS = ("Package", "Part number", "User principal name", "Display name", "Department",
                "Account enabled", "Assigned")  # fmt: skip
PACKAGE_COLUMNS = ("Package", "Part number", "Seats bought", "Seats assigned", "Free",
                   "Price/month", "Cost/month", "Waste/month", "Currency")  # fmt: skip
CSV_COLUMNS = ("Package", "Part number", "Seats bought", "Seats assigned", "User principal name",
               "Display name", "Department", "Account enabled", "Assigned")  # fmt: skip
SUMMARY_COLUMNS = ("Tenant", "Tenant id", "Status", "Reason", "Licensed users",
                   "Seats bought", "Seats assigned", "Free", "Cost/month", "Waste/month",
                   "Currency", "Sheet")  # fmt: skip
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_MAX = 31  # Excel's limit on a sheet name


@dataclass(frozen=True, slots=True)
class LicensedUser:
    part_number: str
    package: str
    user_principal_name: str
    display_name: str
    department: str
    account_enabled: bool
    assigned: str  # "direct", "group" or "direct and group"


@dataclass(frozen=True, slots=True)
class TenantAudit:
    tenant: KnownTenant
    status: Status
    reason: str = ""
    packages: tuple[PackageSummary, ...] = ()
    users: tuple[LicensedUser, ...] = field(default=())

    @property
    def licensed_users(self) -> int:
        return len({u.user_principal_name.lower() for u in self.users})


def _how(user: User, sku_id: str) -> str:
    direct = user.direct_license(sku_id) is not None
    group = bool(user.groups_granting(sku_id))
    return "direct and group" if direct and group else ("group" if group else "direct")


def audit_tenant(
    tenant: KnownTenant,
    connect: Connect,
    *,
    root: Path | None = None,
    now: datetime | None = None,
) -> TenantAudit:
    try:
        client = connect(tenant)
    except Exception as exc:
        row = failed_row(tenant, exc)
        return TenantAudit(tenant, row.status, row.reason)
    try:
        reading = read_tenant(tenant, client, root=root, now=now)
    except CancelledError:
        raise
    except Exception as exc:  # one tenant's failure is its own line, never the others'
        row = failed_row(tenant, exc)
        return TenantAudit(tenant, row.status, row.reason)
    finally:
        client.close()
    packages = tuple(reading.packages)
    names = {p.sku_id: sku_name(p.sku_id, p.part_number) for p in packages}
    users: list[LicensedUser] = []
    for package in packages:
        holders = [u for u in reading.snapshot.users if package.sku_id in u.sku_ids]
        holders.sort(key=lambda u: u.user_principal_name.lower())
        users.extend(
            LicensedUser(
                package.part_number,
                names[package.sku_id],
                u.user_principal_name,
                u.display_name or "",
                u.department or "",
                u.account_enabled,
                _how(u, package.sku_id),
            )
            for u in holders
        )
    return TenantAudit(tenant, Status.OK, "", packages, tuple(users))


def run_audit(
    tenants: Sequence[KnownTenant],
    connect: Connect,
    *,
    root: Path | None = None,
    workers: int = DEFAULT_WORKERS,
    on_tenant: Callable[[TenantAudit], None] | None = None,
) -> list[TenantAudit]:
    return for_each_tenant(
        tenants, lambda t: audit_tenant(t, connect, root=root), workers=workers, on_done=on_tenant
    )


# -- files ---------------------------------------------------------------------------------


def sheet_title(name: str, used: set[str]) -> str:
    """A sheet name Excel accepts, unique in the workbook."""
    base = _SHEET_FORBIDDEN.sub(" ", name).strip().strip("'") or "Tenant"
    title, number = base[:_SHEET_MAX], 2
    while title.lower() in used:
        suffix = f" ({number})"
        title, number = base[: _SHEET_MAX - len(suffix)] + suffix, number + 1
    used.add(title.lower())
    return title


def _amount(package: PackageSummary, which: str) -> float | None:
    money = {"price": package.price, "cost": package.monthly_cost, "waste": package.monthly_waste}
    found = money[which]
    return None if found is None else float(found.amount)


def _currency(package: PackageSummary) -> str:
    return package.price.currency if package.price else ""


def write_audit_xlsx(
    audits: Sequence[TenantAudit], path: Path, generated_at: datetime | None = None
) -> Path:
    from openpyxl import Workbook  # only when asked for: the rest of the app never needs it

    moment = (generated_at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    book = Workbook()
    summary: Any = book.active
    summary.title = SUMMARY_SHEET
    summary.append(["Billing audit", moment.replace(tzinfo=None)])
    summary["B1"].number_format = "yyyy-mm-dd hh:mm"
    summary.append([])
    summary.append(list(SUMMARY_COLUMNS))
    used = {SUMMARY_SHEET.lower()}
    for audit in audits:
        sheet_name = ""
        if audit.status is Status.OK:
            sheet_name = sheet_title(audit.tenant.label, used)
            _tenant_sheet(book.create_sheet(sheet_name), audit)
        currencies = sorted({_currency(p) for p in audit.packages if p.price}) or [""]
        for currency in currencies:
            priced = [p for p in audit.packages if _currency(p) == currency]
            summary.append(
                [
                    spreadsheet_text(audit.tenant.label),
                    audit.tenant.tenant_id,
                    audit.status.value,
                    spreadsheet_text(audit.reason),
                    audit.licensed_users if audit.status is Status.OK else None,
                    sum(p.total for p in audit.packages),
                    sum(p.assigned for p in audit.packages),
                    sum(p.free for p in audit.packages),
                    sum(_amount(p, "cost") or 0.0 for p in priced) if currency else None,
                    sum(_amount(p, "waste") or 0.0 for p in priced) if currency else None,
                    currency,
                    sheet_name,
                ]
            )
    summary.freeze_panes = "A4"
    create_private_file(path)
    book.save(path)
    return path


def _tenant_sheet(sheet: Any, audit: TenantAudit) -> None:
    sheet.append([spreadsheet_text(audit.tenant.label), audit.tenant.tenant_id])
    sheet.append([])
    sheet.append(list(PACKAGE_COLUMNS))
    for package in audit.packages:
        sheet.append(
            [
                spreadsheet_text(sku_name(package.sku_id, package.part_number)),
                package.part_number,
                package.total,
                package.assigned,
                package.free,
                _amount(package, "price"),
                _amount(package, "cost"),
                _amount(package, "waste"),
                _currency(package),
            ]
        )
    sheet.append([])
    sheet.append(list(USER_COLUMNS))
    for user in audit.users:
        sheet.append(
            [
                spreadsheet_text(user.package),
                user.part_number,
                spreadsheet_text(user.user_principal_name),
                spreadsheet_text(user.display_name),
                spreadsheet_text(user.department),
                user.account_enabled,
                user.assigned,
            ]
        )


def audit_csv_path(folder: Path, tenant: KnownTenant) -> Path:
    return folder / f"{safe_file_part(tenant.label)}-{safe_file_part(tenant.tenant_id)}.csv"


def write_audit_csvs(
    audits: Sequence[TenantAudit], folder: Path, style: SpreadsheetStyle = PLAIN
) -> list[Path]:
    """One CSV per tenant that could be read: a row per licensed user and package (a package
    nobody holds gets one row without a user), so seats bought vs assigned travel along.
    Cells are separated as ``style``'s spreadsheet reads them, like every CSV report."""
    create_private_dirs(folder)
    written: list[Path] = []
    for audit in audits:
        if audit.status is not Status.OK:
            continue
        path = audit_csv_path(folder, audit.tenant)
        by_part: dict[str, list[LicensedUser]] = {}
        for user in audit.users:
            by_part.setdefault(user.part_number, []).append(user)
        with csv_export(path, style=style) as writer:
            writer.writerow(CSV_COLUMNS)
            for package in audit.packages:
                head = [sku_name(package.sku_id, package.part_number), package.part_number,
                        package.total, package.assigned]  # fmt: skip
                holders = by_part.get(package.part_number, [])
                if not holders:
                    writer.writerow([*head, "", "", "", "", ""])
                for u in holders:
                    writer.writerow([*head, u.user_principal_name, u.display_name, u.department,
                                     u.account_enabled, u.assigned])  # fmt: skip
        written.append(path)
    return written
