"""Per-package and per-department sums of what licenses cost and what the findings waste.

The one place costs are added up: per package ``monthlyCost`` is price x seats bought and
``monthlyWaste`` the sum of the findings' cost for that package, so the packages' waste adds
up to the findings' total. Sums are kept per currency; packages without a price are listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop.insight.findings import USER_KINDS, Finding, FindingKind, Findings
from desktop.insight.money import Money, totals
from desktop.insight.prices import PriceBook
from desktop.insight.records import TenantSnapshot


@dataclass(frozen=True, slots=True)
class PackageSummary:
    sku_id: str
    part_number: str
    total: int
    assigned: int
    inactive: int  # holders with a blocked / never / inactive finding on this package
    free: int
    price: Money | None
    monthly_cost: Money | None  # None: no price
    monthly_waste: Money | None


@dataclass(frozen=True, slots=True)
class DepartmentSummary:
    department: str
    monthly_cost: dict[str, Decimal]
    monthly_waste: dict[str, Decimal]


@dataclass(frozen=True, slots=True)
class Summary:
    packages: list[PackageSummary]
    departments: list[DepartmentSummary]
    monthly_cost: dict[str, Decimal]
    monthly_waste: dict[str, Decimal]
    unpriced: list[str]  # part numbers in use or in findings that have no price


def _share(finding: Finding, part: str, price: Money | None) -> Money | None:
    """What one finding wastes on one of its packages."""
    if price is None or part not in finding.part_numbers:
        return None
    return price.times(finding.seats if finding.kind is FindingKind.UNASSIGNED else 1)


def summarise(snapshot: TenantSnapshot, findings: Findings, prices: PriceBook) -> Summary:
    packages: list[PackageSummary] = []
    unpriced: set[str] = set()
    for sku in snapshot.skus:
        if sku.applies_to != "User" and not sku.total:
            continue
        part = sku.sku_part_number
        price = prices.price(part)
        inactive = sum(
            1
            for f in findings.findings
            if f.kind in (FindingKind.BLOCKED, FindingKind.NEVER, FindingKind.INACTIVE)
            and part in f.part_numbers
        )
        shares = [s for f in findings.findings if (s := _share(f, part, price)) is not None]
        waste = (
            Money(sum((s.amount for s in shares), Decimal(0)), price.currency) if price else None
        )
        if price is None and (
            sku.consumed_units or any(part in f.part_numbers for f in findings.findings)
        ):
            unpriced.add(part)
        packages.append(
            PackageSummary(
                sku_id=sku.sku_id,
                part_number=part,
                total=sku.total,
                assigned=sku.consumed_units,
                inactive=inactive,
                free=sku.free,
                price=price,
                monthly_cost=price.times(sku.total) if price else None,
                monthly_waste=waste,
            )
        )
    return Summary(
        packages=packages,
        departments=_departments(snapshot, findings, prices),
        monthly_cost=totals(p.monthly_cost for p in packages if p.monthly_cost),
        monthly_waste=totals(m for f in findings.findings for m in f.monthly_cost),
        unpriced=sorted(unpriced),
    )


def _departments(
    snapshot: TenantSnapshot, findings: Findings, prices: PriceBook
) -> list[DepartmentSummary]:
    parts = {sku.sku_id: sku.sku_part_number for sku in snapshot.skus}
    cost: dict[str, list[Money]] = {}
    for user in snapshot.users:
        name = user.department or ""
        for sku_id in user.sku_ids:
            price = prices.price(parts.get(sku_id, sku_id))
            if price is not None:
                cost.setdefault(name, []).append(price)
    waste: dict[str, list[Money]] = {}
    for finding in findings.findings:
        if finding.kind in USER_KINDS:
            waste.setdefault(finding.department or "", []).extend(finding.monthly_cost)
    names = sorted(set(cost) | set(waste))
    return [
        DepartmentSummary(name, totals(cost.get(name, [])), totals(waste.get(name, [])))
        for name in names
    ]
