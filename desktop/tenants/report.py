"""The overview's stable words and numbers: the ``tenants --json`` document (schema in
docs/cli-json.schema.json, ``tenantsOverview``) and the flat rows the window exports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.csv_export import PLAIN, SpreadsheetStyle, csv_export
from desktop.insight.money import Money
from desktop.tenants.overview import TenantRow


def amounts_json(amounts: dict[str, Decimal]) -> dict[str, str]:
    """Per currency, as strings (exact decimals, never floats)."""
    return {currency: f"{amount:.2f}" for currency, amount in amounts.items()}


def _money(money: Money | None) -> dict[str, str] | None:
    return None if money is None else {"amount": f"{money.amount:.2f}", "currency": money.currency}


def row_json(row: TenantRow) -> dict[str, Any]:
    return {
        "tenantId": row.tenant.tenant_id,
        "displayName": row.tenant.display_name,
        "kind": row.tenant.kind.value,
        "status": row.status.value,
        "reason": row.reason or None,
        "users": row.users,
        "packages": [
            {
                "skuPartNumber": p.part_number,
                "skuId": p.sku_id,
                "name": p.name,
                "family": p.family,
                "total": p.total,
                "assigned": p.assigned,
                "free": p.free,
                "monthlyWaste": _money(p.monthly_waste),
            }
            for p in row.packages
        ],
        "monthlyCost": amounts_json(row.monthly_cost),
        "monthlyWaste": amounts_json(row.monthly_waste),
        "assignmentErrors": row.assignment_errors,
        "renewals": [
            {
                "skuPartNumber": u.part_number,
                "status": u.status,
                "renewsOn": u.renews_on.isoformat() if u.renews_on else None,
                "daysToRenewal": u.days,
                "inGrace": u.in_grace,
                "reduceBeforeRenewal": u.reduce_before_renewal,
            }
            for u in row.upcoming
        ],
        "attention": [a.value for a in row.attention],
        "mayWriteLicenses": row.may_write_licenses,
        "refreshedAt": row.refreshed_at.isoformat() if row.refreshed_at else None,
    }


def overview_json(rows: list[TenantRow], note: str = "") -> dict[str, Any]:
    return {"tenants": [row_json(r) for r in rows], "note": note or None}


def seats_text(row: TenantRow) -> str:
    """'Microsoft 365 Business 26/27 (1 free); ...': seats used of bought per family."""
    return "; ".join(f"{f.family} {f.assigned}/{f.total} ({f.free} free)" for f in row.families)


def amounts_text(amounts: dict[str, Decimal]) -> str:
    return ", ".join(f"{amount:.2f} {currency}" for currency, amount in amounts.items())


def upcoming_text(row: TenantRow) -> str:
    parts = []
    for u in row.upcoming:
        when = u.renews_on.isoformat() if u.renews_on else "?"
        parts.append(f"{u.part_number} {'grace ends' if u.in_grace else 'renews'} {when}")
    return "; ".join(parts)


OVERVIEW_CSV_COLUMNS = ("Tenant", "Tenant id", "Status", "Reason", "Needs action",
                        "Seats used/bought", "Waste/month", "Cost/month", "Assignment errors",
                        "Within 30 days", "Last refreshed")  # fmt: skip


def write_overview_csv(rows: list[TenantRow], path: Path, style: SpreadsheetStyle = PLAIN) -> Path:
    """The overview as the window shows it (the rows shown, in their order), owner-only, its
    cells separated as ``style``'s spreadsheet reads them, like every CSV report."""
    with csv_export(path, style=style) as writer:
        writer.writerow(OVERVIEW_CSV_COLUMNS)
        for row in rows:
            writer.writerow(
                [
                    row.tenant.label,
                    row.tenant.tenant_id,
                    row.status.value,
                    row.reason,
                    ", ".join(a.value for a in row.attention),
                    seats_text(row),
                    amounts_text(row.monthly_waste),
                    amounts_text(row.monthly_cost),
                    row.assignment_errors,
                    upcoming_text(row),
                    row.refreshed_at.isoformat() if row.refreshed_at else "",
                ]
            )
    return path
