"""One insight report (findings, package and department sums, renewals) and its stable JSON.

``report_json`` is the shape ``license-desk insights --json`` prints, documented in
``docs/insights-json.md``; fields are only ever added, never renamed or removed, within a
``schemaVersion``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

from desktop.collection_pause import collection_paused
from desktop.insight.findings import DEFAULT_INACTIVE_DAYS, Finding, Findings, find
from desktop.insight.holdings import Holdings
from desktop.insight.keep import KeepList
from desktop.insight.money import Money
from desktop.insight.prices import PriceBook
from desktop.insight.records import SnapshotNote, TenantSnapshot
from desktop.insight.renewals import Renewal, renewals
from desktop.insight.summary import Summary, summarise

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class InsightReport:
    snapshot: TenantSnapshot
    findings: Findings
    summary: Summary
    renewals: list[Renewal]

    @property
    def notes(self) -> list[SnapshotNote]:
        return self.snapshot.notes


@collection_paused()  # the findings live on: collecting finds nothing
def build_report(
    snapshot: TenantSnapshot,
    prices: PriceBook,
    keep: KeepList | None = None,
    *,
    inactive_days: int = DEFAULT_INACTIVE_DAYS,
) -> InsightReport:
    holdings = Holdings.of(snapshot.users)  # one pass over the users, for both
    findings = find(
        snapshot, prices=prices, keep=keep, inactive_days=inactive_days, holdings=holdings
    )
    return InsightReport(
        snapshot,
        findings,
        summarise(snapshot, findings, prices, holdings),
        renewals(snapshot.subscriptions, snapshot.skus, snapshot.taken_at),
    )


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def number(amount: Decimal | None) -> float | None:
    return None if amount is None else float(amount)


def amounts(values: Sequence[Money] | dict[str, Decimal]) -> list[dict[str, Any]]:
    pairs = values.items() if isinstance(values, dict) else ((m.currency, m.amount) for m in values)
    return [{"amount": float(amount), "currency": currency} for currency, amount in pairs]


def single(values: Sequence[Money]) -> tuple[float | None, str | None]:
    """(amount, currency) when there is exactly one currency, else (None, None)."""
    if len(values) != 1:
        return None, None
    return float(values[0].amount), values[0].currency


def finding_json(finding: Finding) -> dict[str, Any]:
    cost, currency = single(finding.monthly_cost)
    activity = finding.activity
    inherited = {sku for sku, _groups in finding.inherited}
    return {
        "userPrincipalName": finding.user_principal_name,
        "displayName": finding.display_name,
        "department": finding.department,
        "kind": finding.kind.value,
        "skuPartNumbers": list(finding.part_numbers),
        "lastSignInDateTime": iso(activity.moment) if activity else None,
        "source": activity.source.value if activity else None,
        "evidenceField": activity.field if activity else None,
        "daysInactive": finding.days_inactive,
        "createdDateTime": iso(finding.created),
        "coveredBy": finding.covered_by,
        "inheritedSkuPartNumbers": [
            part for sku, part in zip(finding.sku_ids, finding.part_numbers, strict=True)
            if sku in inherited
        ],
        "seats": finding.seats,
        "monthlyCost": cost,
        "currency": currency,
        "monthlyCosts": amounts(finding.monthly_cost),
        "unpricedSkuPartNumbers": list(finding.unpriced),
    }  # fmt: skip


def report_json(report: InsightReport) -> dict[str, Any]:
    summary = report.summary
    return {
        "schemaVersion": SCHEMA_VERSION,
        "generatedAt": iso(report.snapshot.taken_at),
        "tenantId": report.snapshot.tenant_id,
        "inactiveDays": report.findings.inactive_days,
        "activitySource": report.findings.source.value if report.findings.source else None,
        "notes": [note.value for note in report.notes],
        "totals": {
            "monthlyCost": amounts(summary.monthly_cost),
            "monthlyWaste": amounts(summary.monthly_waste),
            "unpricedSkuPartNumbers": summary.unpriced,
        },
        "findings": [finding_json(f) for f in report.findings.findings],
        "packages": [
            {
                "skuPartNumber": p.part_number,
                "skuId": p.sku_id,
                "total": p.total,
                "assigned": p.assigned,
                "inactive": p.inactive,
                "free": p.free,
                "monthlyPrice": number(p.price.amount) if p.price else None,
                "monthlyCost": number(p.monthly_cost.amount) if p.monthly_cost else None,
                "monthlyWaste": number(p.monthly_waste.amount) if p.monthly_waste else None,
                "currency": p.price.currency if p.price else None,
            }
            for p in summary.packages
        ],
        "departments": [
            {
                "department": d.department or None,
                "monthlyCost": amounts(d.monthly_cost),
                "monthlyWaste": amounts(d.monthly_waste),
            }
            for d in summary.departments
        ],
    }


def renewal_json(renewal: Renewal) -> dict[str, Any]:
    sub = renewal.subscription
    return {
        "id": sub.id,
        "skuId": sub.sku_id,
        "skuPartNumber": sub.sku_part_number,
        "status": sub.status,
        "totalLicenses": sub.total_licenses,
        "isTrial": sub.is_trial,
        "createdDateTime": iso(sub.created),
        "nextLifecycleDateTime": iso(sub.next_lifecycle),
        "daysToRenewal": renewal.days_to_renewal,
        "estimatedTerm": renewal.term.value,
        "unusedSeats": renewal.unused_seats,
        "reduceBeforeRenewal": renewal.reduce_before_renewal,
    }
