"""Findings: licenses that are held but not used, and seats paid for but never assigned.

Computed from one ``TenantSnapshot``; every finding carries the user, its kind, the packages,
the evidence (last activity with its source, the covering package for an overlap) and its
monthly cost. One license appears in at most one finding, for its strongest reason, in this
order: the account is blocked; never signed in (created more than N days ago); inactive for N
days; covered by another package the user holds. Users and packages marked "keep" are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from desktop.graph.records import AssignedLicense, Sku, User
from desktop.insight.activity import Evidence, activity_source, evidence_reader
from desktop.insight.holdings import Holdings, holdings_for
from desktop.insight.keep import KeepList
from desktop.insight.money import Money
from desktop.insight.overlap import OverlapIndex
from desktop.insight.prices import PriceBook
from desktop.insight.records import ActivitySource, LastActivity, TenantSnapshot
from desktop.quick_records import positional_builder

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

# Built as LastActivity(...) builds it, in half the time: most findings carry one
# (desktop/quick_records.py).
_last_activity: Callable[[datetime | None, ActivitySource, str], LastActivity] = positional_builder(
    LastActivity
)


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


# A finding's packages with their part numbers and what they cost together.
_Priced = tuple[tuple[str, ...], tuple[str, ...], Cost]
# What findings need from one combination of licenses (``Holdings``): the packages held, in
# tenant order and without those marked "keep", and per overlap among them the redundant
# package with the part number of the package covering it.
_Plan = tuple[_Priced, tuple[tuple[_Priced, str], ...]]


class _Context:
    """One tenant's packages, prices and keep marks, with what depends only on a user's
    licenses worked out once per combination: 100,000 users hold a handful of them."""

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
        self._priced: dict[tuple[str, ...], _Priced] = {}
        self.created_of = snapshot.created.get

    def part(self, sku_id: str) -> str:
        sku = self.skus.get(sku_id)
        return sku.sku_part_number if sku else sku_id

    def held(self, licenses: tuple[AssignedLicense, ...]) -> tuple[str, ...]:
        """The packages of these licenses in tenant order, without packages marked "keep"."""
        ids = frozenset(lic.sku_id for lic in licenses)
        ordered = [s for s in self.order if s in ids]
        ordered += sorted(s for s in ids if s not in self.skus)
        return tuple(s for s in ordered if s not in self._kept)

    def plan(self, licenses: tuple[AssignedLicense, ...]) -> _Plan | None:
        """None when nothing can be found: no licenses, or only packages marked "keep"."""
        held = self.held(licenses)
        if not held:
            return None
        overlapping = tuple(
            (self.priced((found.redundant_sku_id,)), self.part(found.covered_by_sku_id))
            for found in self.overlaps.among(licenses)
            if found.redundant_sku_id in held
        )
        return self.priced(held), overlapping

    def priced(self, sku_ids: tuple[str, ...]) -> _Priced:
        """Worked out once per set of packages: findings share the tuples (summary counts them
        by identity)."""
        found = self._priced.get(sku_ids)
        if found is None:
            parts = tuple(self.part(s) for s in sku_ids)
            found = self._priced[sku_ids] = (sku_ids, parts, _cost(list(parts), self.prices))
        return found

    def finding(
        self,
        kind: FindingKind,
        user: User,
        priced: _Priced,
        evidence: Evidence | None,
        *,
        days_inactive: int | None = None,
        covered_by: str | None = None,
    ) -> Finding:
        sku_ids, parts, (cost, missing) = priced
        inherited: tuple[tuple[str, tuple[str, ...]], ...] = ()
        also_direct: tuple[str, ...] = ()
        for state in user.license_assignment_states:
            if state.assigned_by_group is not None:  # some license comes from a group
                granting = ((s, user.groups_granting(s)) for s in sku_ids)
                inherited = tuple((s, groups) for s, groups in granting if groups)
                also_direct = tuple(
                    s for s, _groups in inherited if user.direct_license(s) is not None
                )
                break
        activity = None if evidence is None else _last_activity(*evidence)
        return Finding(
            kind=kind,
            sku_ids=sku_ids,
            part_numbers=parts,
            user_id=user.id,
            user_principal_name=user.user_principal_name,
            display_name=user.display_name,
            department=user.department,
            activity=activity,
            days_inactive=days_inactive,
            created=self.created_of(user.id),
            covered_by=covered_by,
            inherited=inherited,
            also_direct=also_direct,
            monthly_cost=cost,
            unpriced=missing,
        )


def _unknown(_user: User) -> None:
    """The last activity when no source can be used: never known."""
    return None


def _unassigned(ctx: _Context, sku: Sku) -> Finding | None:
    if not sku.assignable_to_users:
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
    holdings: Holdings | None = None,
) -> Findings:
    """``holdings``: the snapshot's users' ``Holdings`` when already worked out."""
    if inactive_days < 1:
        raise ValueError("inactive_days must be at least 1")
    users = snapshot.users
    holdings = holdings_for(users, holdings)
    ctx = _Context(snapshot, prices or PriceBook(), keep or KeepList())
    source = activity_source(snapshot)
    read = _unknown if source is None else evidence_reader(snapshot)
    plans = [ctx.plan(licenses) for licenses in holdings.combinations]
    today = ctx.today
    created_of = snapshot.created.get
    found: list[Finding] = []
    kept_users = ctx.kept_users
    # One loop, no call per user but for the last activity: it runs for every licensed user.
    for user, combination in zip(users, holdings.of_user, strict=True):
        plan = plans[combination]
        if plan is None:
            continue  # no licenses, or only packages marked "keep"
        if kept_users and user.user_principal_name.casefold() in kept_users:
            continue
        held, overlapping = plan
        evidence = read(user)  # None: unknown, or not judged
        moment = None if evidence is None else evidence[0]
        days = None if moment is None else (today - moment.date()).days
        if not user.account_enabled:
            found.append(ctx.finding(FindingKind.BLOCKED, user, held, evidence, days_inactive=days))
        elif evidence is not None and moment is None:
            created = created_of(user.id)
            # New accounts get time to sign in for the first time.
            if created is not None and (today - created.date()).days > inactive_days:
                found.append(ctx.finding(FindingKind.NEVER, user, held, evidence))
        elif days is not None and days >= inactive_days:
            found.append(
                ctx.finding(FindingKind.INACTIVE, user, held, evidence, days_inactive=days)
            )
        else:  # active: only an overlap (most users have none)
            for redundant, part in overlapping:
                overlap = ctx.finding(
                    FindingKind.OVERLAP,
                    user,
                    redundant,
                    evidence,
                    days_inactive=days,
                    covered_by=part,
                )
                found.append(overlap)
    for sku in snapshot.skus:
        seats = _unassigned(ctx, sku)
        if seats is not None:
            found.append(seats)
    skipped = () if source is not None else (FindingKind.NEVER, FindingKind.INACTIVE)
    return Findings(found, inactive_days, snapshot.taken_at, source, skipped)
