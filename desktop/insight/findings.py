"""Findings: licenses that are held but not used, and seats paid for but never assigned.

Computed from one ``TenantSnapshot``; every finding carries the user, its kind, the packages,
the evidence (last activity with its source, the covering package for an overlap) and its
monthly cost. One license appears in at most one finding, for its strongest reason, in this
order: the account is blocked; never signed in (created more than N days ago); inactive for N
days; covered by another package the user holds. Users and packages marked "keep" are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from desktop.graph.records import SKU_ENABLED, SKU_WARNING, Sku, User
from desktop.insight.activity import Evidence, activity_source, latest
from desktop.insight.keep import KeepList
from desktop.insight.money import Money
from desktop.insight.overlap import OverlapIndex
from desktop.insight.prices import PriceBook
from desktop.insight.records import ActivitySource, LastActivity, TenantSnapshot

DEFAULT_INACTIVE_DAYS = 90


class FindingKind(Enum):
    BLOCKED = "blocked"
    NEVER = "never"
    INACTIVE = "inactive"
    OVERLAP = "overlap"
    UNASSIGNED = "unassigned"


USER_KINDS = (FindingKind.BLOCKED, FindingKind.NEVER, FindingKind.INACTIVE, FindingKind.OVERLAP)


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    sku_ids: tuple[str, ...]
    part_numbers: tuple[str, ...]
    user_id: str | None = None  # None for unassigned seats
    user_principal_name: str | None = None
    display_name: str | None = None
    department: str | None = None
    activity: LastActivity | None = None
    days_inactive: int | None = None
    created: datetime | None = None
    covered_by: str | None = None  # overlap: part number of the package that covers it
    inherited: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (sku id, group ids) from groups
    # Of the inherited packages, those the user also holds directly (reclaim removes both).
    also_direct: tuple[str, ...] = ()
    seats: int = 1  # unassigned: how many seats stand free
    monthly_cost: tuple[Money, ...] = ()  # per currency; empty when nothing could be priced
    unpriced: tuple[str, ...] = ()  # part numbers without a price: not in monthly_cost

    @property
    def source(self) -> ActivitySource | None:
        return None if self.activity is None else self.activity.source


@dataclass(frozen=True, slots=True)
class Findings:
    findings: list[Finding]
    inactive_days: int
    taken_at: datetime
    source: ActivitySource | None  # None: inactive/never could not be judged
    skipped_kinds: tuple[FindingKind, ...] = field(default=())  # not judged (no source)

    def of_kind(self, kind: FindingKind) -> list[Finding]:
        return [f for f in self.findings if f.kind is kind]


Cost = tuple[tuple[Money, ...], tuple[str, ...]]  # per-currency sums, unpriced part numbers


def _cost(parts: list[str], prices: PriceBook, seats: int = 1) -> Cost:
    summed: dict[str, Money] = {}
    missing: list[str] = []
    for part in parts:
        price = prices.price(part)
        if price is None:
            missing.append(part)
            continue
        current = summed.get(price.currency)
        amount = price.amount * seats + (current.amount if current else 0)
        summed[price.currency] = Money(amount, price.currency)
    return tuple(summed[c] for c in sorted(summed)), tuple(sorted(set(missing)))


class _Context:
    """One tenant's packages, prices and keep marks, with what depends only on a user's set of
    packages worked out once per set: 100,000 users hold a handful of distinct sets."""

    def __init__(self, snapshot: TenantSnapshot, prices: PriceBook, keep: KeepList) -> None:
        self.snapshot = snapshot
        self.today = snapshot.taken_at.date()
        self.prices = prices
        self.keep = keep
        self.skus = {sku.sku_id: sku for sku in snapshot.skus}
        self.order = [sku.sku_id for sku in snapshot.skus]
        self.overlaps = OverlapIndex(self.skus, self.order)
        self.kept_users = keep.kept_users()
        kept_packages = keep.kept_packages()
        self._kept = {
            sku.sku_id for sku in snapshot.skus if sku.sku_part_number in kept_packages
        } | kept_packages  # a mark may also name a package by its id
        self._held: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._priced: dict[tuple[str, ...], tuple[tuple[str, ...], Cost]] = {}

    def part(self, sku_id: str) -> str:
        sku = self.skus.get(sku_id)
        return sku.sku_part_number if sku else sku_id

    def held(self, user: User) -> tuple[str, ...]:
        """The user's packages in tenant order, without packages marked "keep"."""
        key = tuple([lic.sku_id for lic in user.assigned_licenses])
        found = self._held.get(key)
        if found is None:
            ids = frozenset(key)
            ordered = [s for s in self.order if s in ids]
            ordered += sorted(s for s in ids if s not in self.skus)
            found = self._held[key] = tuple(s for s in ordered if s not in self._kept)
        return found

    def priced(self, sku_ids: tuple[str, ...]) -> tuple[tuple[str, ...], Cost]:
        """The packages' part numbers and what they cost together."""
        found = self._priced.get(sku_ids)
        if found is None:
            parts = tuple(self.part(s) for s in sku_ids)
            found = self._priced[sku_ids] = (parts, _cost(list(parts), self.prices))
        return found

    def finding(
        self, kind: FindingKind, user: User, sku_ids: tuple[str, ...], **extra: object
    ) -> Finding:
        parts, (cost, missing) = self.priced(sku_ids)
        inherited: tuple[tuple[str, tuple[str, ...]], ...] = ()
        also_direct: tuple[str, ...] = ()
        if any(state.assigned_by_group is not None for state in user.license_assignment_states):
            granting = ((s, user.groups_granting(s)) for s in sku_ids)
            inherited = tuple((s, groups) for s, groups in granting if groups)
            also_direct = tuple(s for s, _groups in inherited if user.direct_license(s) is not None)
        return Finding(
            kind=kind,
            sku_ids=sku_ids,
            part_numbers=parts,
            user_id=user.id,
            user_principal_name=user.user_principal_name,
            display_name=user.display_name,
            department=user.department,
            created=self.snapshot.created.get(user.id),
            inherited=inherited,
            also_direct=also_direct,
            monthly_cost=cost,
            unpriced=missing,
            **extra,  # type: ignore[arg-type]
        )


def _days(since: datetime | None, today: date) -> int | None:
    return None if since is None else (today - since.date()).days


def _user_findings(ctx: _Context, user: User, inactive_days: int, judge: bool) -> Sequence[Finding]:
    held = ctx.held(user)
    if not held:
        return ()
    today = ctx.today
    evidence = latest(ctx.snapshot, user) if judge else None
    moment = None if evidence is None else evidence[0]
    days = _days(moment, today)
    if not user.account_enabled:
        activity = _activity(evidence)
        return [ctx.finding(FindingKind.BLOCKED, user, held, activity=activity, days_inactive=days)]
    if evidence is not None and moment is None:
        created = ctx.snapshot.created.get(user.id)
        age = _days(created, today)
        if age is not None and age > inactive_days:
            return [ctx.finding(FindingKind.NEVER, user, held, activity=_activity(evidence))]
        return ()  # new accounts get time to sign in for the first time
    if days is not None and days >= inactive_days:
        activity = _activity(evidence)
        return [
            ctx.finding(FindingKind.INACTIVE, user, held, activity=activity, days_inactive=days)
        ]
    overlapping = ctx.overlaps.overlaps(user)
    if not overlapping:
        return ()  # most users: active, and no package covers another
    activity = _activity(evidence)
    return [
        ctx.finding(
            FindingKind.OVERLAP,
            user,
            (found.redundant_sku_id,),
            activity=activity,
            days_inactive=days,
            covered_by=ctx.part(found.covered_by_sku_id),
        )
        for found in overlapping
        if found.redundant_sku_id in held
    ]


def _activity(evidence: Evidence | None) -> LastActivity | None:
    return None if evidence is None else LastActivity(*evidence)


def _unassigned(ctx: _Context, sku: Sku) -> Finding | None:
    if sku.applies_to != "User" or sku.capability_status not in (SKU_ENABLED, SKU_WARNING):
        return None
    part = sku.sku_part_number
    price = ctx.prices.price(part)
    if sku.free <= 0 or ctx.keep.keeps_package(part) or (price is not None and price.amount == 0):
        return None  # free-of-charge packages (priced 0) waste nothing
    cost, missing = _cost([part], ctx.prices, sku.free)
    return Finding(
        kind=FindingKind.UNASSIGNED,
        sku_ids=(sku.sku_id,),
        part_numbers=(part,),
        seats=sku.free,
        monthly_cost=cost,
        unpriced=missing,
    )


def find(
    snapshot: TenantSnapshot,
    *,
    prices: PriceBook | None = None,
    keep: KeepList | None = None,
    inactive_days: int = DEFAULT_INACTIVE_DAYS,
) -> Findings:
    if inactive_days < 1:
        raise ValueError("inactive_days must be at least 1")
    ctx = _Context(snapshot, prices or PriceBook(), keep or KeepList())
    source = activity_source(snapshot)
    judge = source is not None
    found: list[Finding] = []
    kept_users = ctx.kept_users
    for user in snapshot.users:
        if not user.is_licensed:
            continue
        if kept_users and user.user_principal_name.casefold() in kept_users:
            continue
        named = _user_findings(ctx, user, inactive_days, judge)
        if named:
            found.extend(named)
    for sku in snapshot.skus:
        seats = _unassigned(ctx, sku)
        if seats is not None:
            found.append(seats)
    skipped = () if judge else (FindingKind.NEVER, FindingKind.INACTIVE)
    return Findings(found, inactive_days, snapshot.taken_at, source, skipped)
