"""The insight report (worked out per combination of licenses, in one loop over the users)
equals a straightforward reference that works out every rule for every user on its own: every
field of every finding, and every sum, on seeded demo tenants with and without Entra ID P1 and
with concealed report names, with and without keep marks, for 30, 90 and 365 days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.demo.example_prices import EXAMPLE_PRICES
from desktop.graph.client import GraphClient
from desktop.graph.records import SKU_ENABLED, SKU_WARNING, AssignedLicense, User
from desktop.graph.tokens import StaticToken
from desktop.insight.findings import Finding, FindingKind, find
from desktop.insight.holdings import Holdings, holdings_for
from desktop.insight.keep import KeepList, KeepMark, KeepTarget
from desktop.insight.money import Money
from desktop.insight.overlap import overlaps
from desktop.insight.prices import PriceBook
from desktop.insight.records import ActivitySource, LastActivity, TenantSnapshot
from desktop.insight.report import build_report
from desktop.insight.snapshot import read_snapshot
from desktop.insight.summary import summarise
from tests.demo_tenant import DemoTenantForTests as DemoTenant
from tests.insight.test_worked_out_once import reference_summary

USERS = 400


@pytest.fixture(scope="module")
def snapshots() -> Iterator[dict[str, TenantSnapshot]]:
    """The same seeded tenant read with P1, without it, and without it with concealed names."""
    tenant = DemoTenant.start(users=USERS, seed=5)
    try:
        read: dict[str, TenantSnapshot] = {}
        with GraphClient(tenant.base_url, StaticToken("insight")) as client:
            read["premium"] = read_snapshot(client)
            tenant.insight.premium = False
            read["report"] = read_snapshot(client)
            tenant.insight.concealed_names = True
            read["concealed"] = read_snapshot(client)
        yield read
    finally:
        tenant.stop()


# -- the reference: every rule for every user, from the definitions -----------------------


def reference_activity(snapshot: TenantSnapshot, user: User) -> LastActivity | None:
    if snapshot.sign_ins is not None:
        seen = snapshot.sign_ins.get(user.id)
        if seen is None:
            return None
        source = ActivitySource.SIGN_IN_ACTIVITY
        if seen.last_successful is not None:
            return LastActivity(seen.last_successful, source, "lastSuccessfulSignInDateTime")
        stamps = [
            (moment, name)
            for moment, name in (
                (seen.last_interactive, "lastSignInDateTime"),
                (seen.last_non_interactive, "lastNonInteractiveSignInDateTime"),
            )
            if moment is not None
        ]
        if not stamps:
            return LastActivity(None, source, "lastSuccessfulSignInDateTime")
        moment, name = max(stamps)
        return LastActivity(moment, source, name)
    reports = [
        (report, name)
        for report, name in (
            (snapshot.usage, "Last Activity Date"),
            (snapshot.app_usage, "Last Activity Date (Microsoft 365 Apps)"),
        )
        if report is not None and not report.concealed
    ]
    key = user.user_principal_name.casefold()
    listed = [(r.last_activity[key], name) for r, name in reports if key in r.last_activity]
    if not listed:
        return None
    days: list[tuple[date, str]] = [(day, name) for day, name in listed if day is not None]
    if not days:
        return LastActivity(None, ActivitySource.USAGE_REPORT, listed[0][1])
    newest = max(day for day, _name in days)
    name = next(name for day, name in days if day == newest)
    moment = datetime.combine(newest, time(0, 0), tzinfo=timezone.utc)
    return LastActivity(moment, ActivitySource.USAGE_REPORT, name)


def reference_cost(parts: tuple[str, ...], prices: PriceBook, seats: int = 1) -> tuple[
    tuple[Money, ...], tuple[str, ...]
]:  # fmt: skip
    summed: dict[str, Decimal] = {}
    for part in parts:
        price = prices.price(part)
        if price is not None:
            summed[price.currency] = summed.get(price.currency, 0) + price.amount * seats
    unpriced = sorted({part for part in parts if prices.price(part) is None})
    return tuple(Money(summed[c], c) for c in sorted(summed)), tuple(unpriced)


def reference_findings(
    snapshot: TenantSnapshot, prices: PriceBook, keep: KeepList, days: int
) -> list[Finding]:
    by_id = {sku.sku_id: sku for sku in snapshot.skus}
    order = [sku.sku_id for sku in snapshot.skus]
    part = {sku.sku_id: sku.sku_part_number for sku in snapshot.skus}.get
    kept = {s.sku_id for s in snapshot.skus if keep.keeps_package(s.sku_part_number)}
    today = snapshot.taken_at.date()
    judged = snapshot.sign_ins is not None or any(
        r is not None and not r.concealed for r in (snapshot.usage, snapshot.app_usage)
    )
    found: list[Finding] = []

    def finding(kind: FindingKind, user: User, sku_ids: tuple[str, ...], **extra: object) -> None:
        parts = tuple(part(s, s) for s in sku_ids)
        inherited = tuple((s, user.groups_granting(s)) for s in sku_ids if user.groups_granting(s))
        cost, unpriced = reference_cost(parts, prices)
        found.append(
            Finding(
                kind, sku_ids, parts, user.id, user.user_principal_name, user.display_name,
                user.department, created=snapshot.created.get(user.id), inherited=inherited,
                also_direct=tuple(s for s, _g in inherited if user.direct_license(s)),
                monthly_cost=cost, unpriced=unpriced, **extra,  # type: ignore[arg-type]
            )
        )  # fmt: skip

    for user in snapshot.users:
        if not user.assigned_licenses or keep.keeps_user(user.user_principal_name):
            continue
        ids = {lic.sku_id for lic in user.assigned_licenses}
        held = tuple([s for s in order if s in ids] + sorted(s for s in ids if s not in by_id))
        held = tuple(s for s in held if s not in kept and not keep.keeps_package(s))
        if not held:
            continue
        activity = reference_activity(snapshot, user) if judged else None
        moment = activity.moment if activity else None
        idle = None if moment is None else (today - moment.date()).days
        created = snapshot.created.get(user.id)
        if not user.account_enabled:
            finding(FindingKind.BLOCKED, user, held, activity=activity, days_inactive=idle)
        elif activity is not None and moment is None:
            if created is not None and (today - created.date()).days > days:
                finding(FindingKind.NEVER, user, held, activity=activity)
        elif idle is not None and idle >= days:
            finding(FindingKind.INACTIVE, user, held, activity=activity, days_inactive=idle)
        else:
            for overlap in overlaps(user, by_id, order):  # a fresh index for every user
                if overlap.redundant_sku_id in held:
                    finding(
                        FindingKind.OVERLAP, user, (overlap.redundant_sku_id,),
                        activity=activity, days_inactive=idle,
                        covered_by=part(overlap.covered_by_sku_id, overlap.covered_by_sku_id),
                    )  # fmt: skip
    for sku in snapshot.skus:
        price = prices.price(sku.sku_part_number)
        if (
            sku.applies_to == "User"
            and sku.capability_status in (SKU_ENABLED, SKU_WARNING)
            and sku.free > 0
            and not keep.keeps_package(sku.sku_part_number)
            and (price is None or price.amount != 0)
        ):
            cost, unpriced = reference_cost((sku.sku_part_number,), prices, sku.free)
            found.append(
                Finding(
                    FindingKind.UNASSIGNED, (sku.sku_id,), (sku.sku_part_number,),
                    seats=sku.free, monthly_cost=cost, unpriced=unpriced,
                )
            )  # fmt: skip
    return found


# -- the comparison -----------------------------------------------------------------------


def price_books() -> dict[str, PriceBook]:
    partial = PriceBook.from_mapping(EXAMPLE_PRICES)
    first, second, *_ = sorted(EXAMPLE_PRICES)
    partial.remove(first)  # a package without a price: counted and flagged
    partial.set(second, Money(Decimal("7.500"), "EUR"))  # a second currency, another exponent
    return {"example": PriceBook.from_mapping(EXAMPLE_PRICES), "partial": partial}


def keep_marks(snapshot: TenantSnapshot) -> KeepList:
    keep = KeepList()
    licensed = [u for u in snapshot.users if u.assigned_licenses]
    for user in licensed[::9]:
        keep.add(KeepMark(KeepTarget.USER, user.user_principal_name.upper()))
    keep.add(KeepMark(KeepTarget.PACKAGE, "EXCHANGESTANDARD"))  # by part number
    keep.add(KeepMark(KeepTarget.PACKAGE, snapshot.skus[-1].sku_id))  # by id
    return keep


@pytest.mark.parametrize("kept", [False, True])
@pytest.mark.parametrize("days", [30, 90, 365])
@pytest.mark.parametrize("read", ["premium", "report", "concealed"])
def test_the_report_equals_the_reference_worked_out_user_by_user(
    snapshots: dict[str, TenantSnapshot], read: str, days: int, kept: bool
) -> None:
    snapshot = snapshots[read]
    keep = keep_marks(snapshot) if kept else KeepList()
    for name, prices in price_books().items():
        report = build_report(snapshot, prices, keep, inactive_days=days)
        expected = reference_findings(snapshot, prices, keep, days)
        if read != "concealed" and not kept:  # the comparison means something
            kinds = {f.kind for f in expected}
            assert kinds == set(FindingKind), (name, kinds)
        # repr: every field, the amounts' exponents too ("7.5" and "7.500" are equal).
        assert repr(report.findings.findings) == repr(expected), name
        assert repr(report.summary) == repr(reference_summary(snapshot, report.findings, prices))


def boundaries(snapshot: TenantSnapshot) -> list[int]:
    """Numbers of days that some user sits exactly on: idle that long (inactive from that day
    on) or, never signed in, created that long ago (judged only the day after)."""
    today = snapshot.taken_at.date()
    idle: set[int] = set()
    aged: set[int] = set()
    for user in snapshot.users:
        if not user.assigned_licenses or not user.account_enabled:
            continue
        activity = reference_activity(snapshot, user)
        created = snapshot.created.get(user.id)
        if activity is not None and activity.moment is not None:
            idle.add((today - activity.moment.date()).days)
        elif activity is not None and created is not None:
            aged.add((today - created.date()).days)
    return sorted({max(d for d in idle if d > 0), max(aged)})


@pytest.mark.parametrize("read", ["premium", "report"])
def test_users_on_the_boundary_are_judged_as_the_reference_judges_them(
    snapshots: dict[str, TenantSnapshot], read: str
) -> None:
    snapshot = snapshots[read]
    prices = price_books()["example"]
    for days in boundaries(snapshot):
        report = build_report(snapshot, prices, inactive_days=days)
        expected = reference_findings(snapshot, prices, KeepList(), days)
        assert repr(report.findings.findings) == repr(expected), days


def test_holdings_given_or_not_give_the_same_findings_and_sums(
    snapshots: dict[str, TenantSnapshot],
) -> None:
    snapshot = snapshots["premium"]
    prices = price_books()["partial"]
    holdings = Holdings.of(snapshot.users)
    alone = find(snapshot, prices=prices)
    shared = find(snapshot, prices=prices, holdings=holdings)
    assert repr(alone) == repr(shared)
    assert repr(summarise(snapshot, alone, prices)) == repr(
        summarise(snapshot, shared, prices, holdings)
    )
    other = Holdings.of(snapshot.users[1:])
    with pytest.raises(ValueError, match="other users"):
        find(snapshot, prices=prices, holdings=other)
    with pytest.raises(ValueError, match="other users"):
        holdings_for(snapshot.users, other)


entries = st.sampled_from(
    [AssignedLicense("a"), AssignedLicense("b"), AssignedLicense("a", ("p",))]
)


@given(st.lists(st.lists(entries, max_size=3), max_size=30), st.booleans())
def test_each_user_is_given_a_combination_equal_to_their_licenses(
    held: list[list[AssignedLicense]], copied: bool
) -> None:
    """``copied``: equal entries that are not the same objects (not shared by a parser)."""
    users = [
        User(
            f"u{n}", "U", f"u{n}@example.com",
            assigned_licenses=tuple(
                AssignedLicense(e.sku_id, e.disabled_plans) if copied else e for e in licenses
            ),
        )
        for n, licenses in enumerate(held)
    ]  # fmt: skip
    holdings = Holdings.of(users)
    assert len(holdings.of_user) == len(users)
    for user, combination in zip(users, holdings.of_user, strict=True):
        assert holdings.combinations[combination] == user.assigned_licenses
    if not copied:  # shared entries: one combination per distinct tuple of them
        assert len(holdings.combinations) == len({u.assigned_licenses for u in users})
