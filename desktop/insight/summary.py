"""Per-package and per-department sums of what licenses cost and what the findings waste.

The one place costs are added up: per package ``monthlyCost`` is price x seats bought and
``monthlyWaste`` the sum of the findings' cost for that package, so the packages' waste adds
up to the findings' total. Sums are kept per currency; packages without a price are listed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from typing import Any

from desktop.insight.findings import USER_KINDS, Finding, FindingKind, Findings
from desktop.insight.holdings import Holdings, holdings_for
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


def _alike(findings: Findings) -> list[tuple[Finding, int]]:
    """The findings grouped by all the sums read from them (kind, seats, department, packages,
    cost), one of each group with how many there are. Findings share the tuples of their
    packages' part numbers and costs (worked out once per set of packages), so 25,000
    findings make a few hundred groups; unshared tuples only make more groups."""
    groups: dict[tuple[object, ...], list[Any]] = {}
    for finding in findings.findings:
        key = (
            id(finding.kind),  # an Enum hashes in Python; its members are singletons
            finding.seats,
            finding.department,
            id(finding.part_numbers),
            id(finding.monthly_cost),
        )  # the ids stay valid: ``findings`` keeps the tuples alive
        group = groups.get(key)
        if group is None:
            groups[key] = [finding, 1]
        else:
            group[1] += 1
    return [(finding, count) for finding, count in groups.values()]


def _tally(alike: list[tuple[Finding, int]]) -> dict[str, _PartTally]:
    tallies: dict[str, _PartTally] = {}
    for finding, count in alike:
        parts = finding.part_numbers
        units = finding.seats if finding.kind is FindingKind.UNASSIGNED else 1
        judged = finding.kind in _JUDGED
        for part in parts if len(parts) < 2 else set(parts):  # a finding counts once per part
            tally = tallies.get(part)
            if tally is None:
                tally = tallies[part] = _PartTally()
            tally.named = True
            tally.units += units * count
            tally.judged += judged * count
    return tallies


def _waste(price: Money, units: int) -> Money:
    """``price`` x ``units``, as the sum of each finding's share would be: from ``Decimal(0)``,
    so no finding is an unscaled zero."""
    return Money(Decimal(0) + price.amount * units if units else Decimal(0), price.currency)


def summarise(
    snapshot: TenantSnapshot,
    findings: Findings,
    prices: PriceBook,
    holdings: Holdings | None = None,
) -> Summary:
    """``holdings``: the snapshot's users' ``Holdings`` when already worked out."""
    packages: list[PackageSummary] = []
    unpriced: set[str] = set()
    alike = _alike(findings)
    tallies = _tally(alike)
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
        departments=_departments(snapshot, alike, prices, holdings),
        monthly_cost=totals(p.monthly_cost for p in packages if p.monthly_cost),
        monthly_waste=counted_totals((m, count) for f, count in alike for m in f.monthly_cost),
        unpriced=sorted(unpriced),
    )


def _departments(
    snapshot: TenantSnapshot,
    alike: list[tuple[Finding, int]],
    prices: PriceBook,
    holdings: Holdings | None,
) -> list[DepartmentSummary]:
    users = snapshot.users
    holdings = holdings_for(users, holdings)
    parts = {sku.sku_id: sku.sku_part_number for sku in snapshot.skus}
    priced = (
        [prices.price(parts.get(s, s)) for s in frozenset(lic.sku_id for lic in held)]
        for held in holdings.combinations
    )  # per combination of licenses: each package's price, a package held twice once
    paid = [[price for price in found if price is not None] for found in priced]
    # Users counted per (department, combination): a handful of distinct pairs to price.
    holders = Counter(zip(map(_department_of, users), holdings.of_user, strict=True))
    cost: dict[str, list[tuple[Money, int]]] = {}
    for (department, combination), count in holders.items():
        for price in paid[combination]:
            cost.setdefault(department or "", []).append((price, count))
    waste: dict[str, list[tuple[Money, int]]] = {}
    for finding, count in alike:
        if finding.kind in USER_KINDS:
            shares = waste.setdefault(finding.department or "", [])
            shares.extend((money, count) for money in finding.monthly_cost)
    names = sorted(set(cost) | set(waste))
    return [
        DepartmentSummary(
            name, counted_totals(cost.get(name, [])), counted_totals(waste.get(name, []))
        )
        for name in names
    ]


_department_of = attrgetter("department")
