"""Per-package and per-department sums of what licenses cost and what the findings waste.

The one place costs are added up: per package ``monthlyCost`` is price x seats bought and
``monthlyWaste`` the sum of the findings' cost for that package, so the packages' waste adds
up to the findings' total. Sums are kept per currency; packages without a price are listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop.insight.findings import USER_KINDS, FindingKind, Findings
from desktop.insight.money import Money, counted_totals, totals
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


_JUDGED = (FindingKind.BLOCKED, FindingKind.NEVER, FindingKind.INACTIVE)


@dataclass
class _PartTally:
    """What the findings say about one package, gathered in one pass over them."""

    judged: int = 0  # findings of a blocked / never / inactive holder that name it
    units: int = 0  # licenses they waste: seats for unassigned, one for a user's finding
    named: bool = False  # some finding names it


def _tally(findings: Findings) -> dict[str, _PartTally]:
    tallies: dict[str, _PartTally] = {}
    for finding in findings.findings:
        parts = finding.part_numbers
        units = finding.seats if finding.kind is FindingKind.UNASSIGNED else 1
        judged = finding.kind in _JUDGED
        for part in parts if len(parts) < 2 else set(parts):  # a finding counts once per part
            tally = tallies.get(part)
            if tally is None:
                tally = tallies[part] = _PartTally()
            tally.named = True
            tally.units += units
            tally.judged += judged
    return tallies


def _waste(price: Money, units: int) -> Money:
    """``price`` x ``units``, as the sum of each finding's share would be: from ``Decimal(0)``,
    so no finding is an unscaled zero."""
    return Money(Decimal(0) + price.amount * units if units else Decimal(0), price.currency)


def summarise(snapshot: TenantSnapshot, findings: Findings, prices: PriceBook) -> Summary:
    packages: list[PackageSummary] = []
    unpriced: set[str] = set()
    tallies = _tally(findings)
    nothing = _PartTally()
    for sku in snapshot.skus:
        if sku.applies_to != "User" and not sku.total:
            continue
        part = sku.sku_part_number
        price = prices.price(part)
        tally = tallies.get(part, nothing)
        if price is None and (sku.consumed_units or tally.named):
            unpriced.add(part)
        packages.append(
            PackageSummary(
                sku_id=sku.sku_id,
                part_number=part,
                total=sku.total,
                assigned=sku.consumed_units,
                inactive=tally.judged,
                free=sku.free,
                price=price,
                monthly_cost=price.times(sku.total) if price else None,
                monthly_waste=_waste(price, tally.units) if price else None,
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
    # Users counted per (department, packages held): a handful of distinct pairs to price.
    holders: dict[tuple[str, tuple[str, ...]], int] = {}
    for user in snapshot.users:
        if user.assigned_licenses:
            key = (user.department or "", tuple([a.sku_id for a in user.assigned_licenses]))
            holders[key] = holders.get(key, 0) + 1
    cost: dict[str, list[tuple[Money, int]]] = {}
    for (name, sku_ids), count in holders.items():
        for sku_id in frozenset(sku_ids):  # a package held twice is paid once
            price = prices.price(parts.get(sku_id, sku_id))
            if price is not None:
                cost.setdefault(name, []).append((price, count))
    waste: dict[str, list[Money]] = {}
    for finding in findings.findings:
        if finding.kind in USER_KINDS:
            waste.setdefault(finding.department or "", []).extend(finding.monthly_cost)
    names = sorted(set(cost) | set(waste))
    return [
        DepartmentSummary(name, counted_totals(cost.get(name, [])), totals(waste.get(name, [])))
        for name in names
    ]
