"""What insight works out once per combination (of packages, of licenses) or adds up by
counting gives exactly what working it out for every user and finding gives: the same
findings, the same sums to the cent (exponent included), the same overlaps."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.graph.records import (
    AssignedLicense,
    LicenseAssignmentState,
    PrepaidUnits,
    ServicePlan,
    Sku,
    User,
)
from desktop.insight.findings import Finding, FindingKind, Findings, find
from desktop.insight.keep import KeepList, KeepMark, KeepTarget
from desktop.insight.money import Money, counted_totals, totals
from desktop.insight.overlap import OverlapIndex
from desktop.insight.prices import PriceBook
from desktop.insight.records import SignInActivity, TenantSnapshot
from desktop.insight.summary import DepartmentSummary, PackageSummary, Summary, summarise

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)
CURRENCIES = ("EUR", "PLN")
PARTS = ("E3", "EXO1", "BASIC", "FREE", "TRIAL")


def plans(*names: str) -> tuple[ServicePlan, ...]:
    return tuple(ServicePlan(f"id-{n}", n) for n in names)


def sku(part: str, *names: str, total: int = 10, consumed: int = 4) -> Sku:
    return Sku(f"t_{part}", part.lower(), part, "User", "Enabled", consumed, PrepaidUnits(total),
               plans(*names))  # fmt: skip


SKUS = (
    sku("E3", "EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "YAMMER_ENTERPRISE", "TEAMS1"),
    sku("EXO1", "EXCHANGE_S_STANDARD", total=3, consumed=3),
    sku("BASIC", "EXCHANGE_S_STANDARD", "SHAREPOINTSTANDARD", "YAMMER_ENTERPRISE", "TEAMS1"),
    sku("FREE", "FLOW_FREE", total=0, consumed=7),
    sku("TRIAL", "EXCHANGE_S_STANDARD", total=25, consumed=0),
)
BY_ID = {s.sku_id: s for s in SKUS}
ORDER = [s.sku_id for s in SKUS]


# -- sums ---------------------------------------------------------------------------------

amounts = st.one_of(
    st.decimals(min_value=0, max_value=100_000, places=2),
    st.sampled_from([Decimal("5"), Decimal("7.5"), Decimal("0"), Decimal("0.00")]),
)
moneys = st.builds(Money, amounts, st.sampled_from(CURRENCIES))


@given(st.lists(st.tuples(moneys, st.integers(min_value=0, max_value=200)), max_size=12))
def test_counted_totals_are_the_totals_of_each_amount_repeated(
    counted: list[tuple[Money, int]],
) -> None:
    repeated = [money for money, count in counted for _ in range(count)]
    # repr: the Decimals' exponents too ("0" and "0.00" are equal but print differently).
    assert repr(counted_totals(counted)) == repr(totals(repeated))


@given(moneys, st.integers(min_value=0, max_value=1000))
def test_times_is_the_amount_multiplied_exponent_included(money: Money, count: int) -> None:
    product = money.times(count)
    assert str(product.amount) == str(money.amount * count)
    assert product.currency == money.currency


def reference_summary(snapshot: TenantSnapshot, found: Findings, prices: PriceBook) -> Summary:
    """The sums worked out finding by finding and user by user, as they are defined."""
    packages: list[PackageSummary] = []
    unpriced: set[str] = set()
    for package in snapshot.skus:
        if package.applies_to != "User" and not package.total:
            continue
        part = package.sku_part_number
        price = prices.price(part)
        naming = [f for f in found.findings if part in f.part_numbers]
        judged = (FindingKind.BLOCKED, FindingKind.NEVER, FindingKind.INACTIVE)
        shares = [
            Money(price.amount * (f.seats if f.kind is FindingKind.UNASSIGNED else 1),
                  price.currency)
            for f in naming
        ] if price else []  # fmt: skip
        if price is None and (package.consumed_units or naming):
            unpriced.add(part)
        waste = sum((s.amount for s in shares), Decimal(0))
        packages.append(
            PackageSummary(
                package.sku_id, part, package.total, package.consumed_units,
                sum(1 for f in naming if f.kind in judged), package.free, price,
                Money(price.amount * package.total, price.currency) if price else None,
                Money(waste, price.currency) if price else None,
            )
        )  # fmt: skip
    parts = {s.sku_id: s.sku_part_number for s in snapshot.skus}
    cost: dict[str, list[Money]] = {}
    for user in snapshot.users:
        for sku_id in user.sku_ids:
            price = prices.price(parts.get(sku_id, sku_id))
            if price is not None:
                cost.setdefault(user.department or "", []).append(price)
    waste_of: dict[str, list[Money]] = {}
    for finding in found.findings:
        if finding.kind is not FindingKind.UNASSIGNED:
            waste_of.setdefault(finding.department or "", []).extend(finding.monthly_cost)
    departments = [
        DepartmentSummary(name, totals(cost.get(name, [])), totals(waste_of.get(name, [])))
        for name in sorted(set(cost) | set(waste_of))
    ]
    return Summary(
        packages,
        departments,
        totals(p.monthly_cost for p in packages if p.monthly_cost),
        totals(m for f in found.findings for m in f.monthly_cost),
        sorted(unpriced),
    )


departments = st.sampled_from([None, "", "Sprzedaż", "IT"])
held_ids = st.lists(st.sampled_from([*ORDER, "ghost"]), max_size=4)  # duplicates, unknown
findings_drawn = st.lists(
    st.builds(
        Finding,
        kind=st.sampled_from(list(FindingKind)),
        sku_ids=st.just(()),
        part_numbers=st.lists(st.sampled_from([*PARTS, "GHOST"]), max_size=3).map(tuple),
        department=departments,
        seats=st.integers(min_value=1, max_value=40),
        monthly_cost=st.lists(moneys, max_size=2).map(tuple),
    ),
    max_size=30,
)
price_books = st.dictionaries(st.sampled_from(PARTS), moneys).map(PriceBook)


@settings(max_examples=150, deadline=None)
@given(
    findings_drawn,
    st.lists(st.tuples(departments, held_ids), max_size=30),
    price_books,
)
def test_package_and_department_sums_equal_the_finding_by_finding_sums(
    drawn: list[Finding], holders: list[tuple[str | None, list[str]]], prices: PriceBook
) -> None:
    users = [
        User(f"u{n}", "U", f"u{n}@example.com", department=department,
             assigned_licenses=tuple(AssignedLicense(s) for s in ids))
        for n, (department, ids) in enumerate(holders)
    ]  # fmt: skip
    snapshot = TenantSnapshot(NOW, users, list(SKUS), {}, {})
    found = Findings(drawn, 90, NOW, None)
    # repr: the Decimals' exponents too ("0" and "0.00" are equal but print differently).
    assert repr(summarise(snapshot, found, prices)) == repr(
        reference_summary(snapshot, found, prices)
    )


# -- findings: packages worked out once per set of packages -------------------------------


def user(
    number: int,
    *held: str,
    enabled: bool = True,
    groups: dict[str, tuple[str | None, ...]] | None = None,
) -> User:
    """``groups``: sku id -> the groups giving it (the user holds it directly too when the
    tuple includes ``None``)."""
    given = groups or {}
    states = tuple(
        LicenseAssignmentState(s, group)
        for s in held
        for group in given.get(s, (None,))
    )  # fmt: skip
    return User(
        f"id{number}", f"User {number}", f"user{number}@example.com", account_enabled=enabled,
        department="IT", assigned_licenses=tuple(AssignedLicense(s) for s in held),
        license_assignment_states=states,
    )  # fmt: skip


def snapshot_of(*users: User) -> TenantSnapshot:
    sign_ins = {u.id: SignInActivity(NOW) for u in users}
    return TenantSnapshot(NOW, list(users), list(SKUS), {u.id: None for u in users}, sign_ins)


def test_the_same_packages_in_any_order_come_in_the_tenant_order_without_kept_ones() -> None:
    users = (
        user(1, "exo1", "e3", enabled=False),
        user(2, "e3", "exo1", enabled=False),
        user(3, "zz-unknown", "exo1", "aa-unknown", "e3", "basic", enabled=False),
        user(4, "basic", "e3", "exo1", enabled=False),
    )
    found = find(snapshot_of(*users)).of_kind(FindingKind.BLOCKED)
    assert [f.sku_ids for f in found] == [
        ("e3", "exo1"),
        ("e3", "exo1"),
        ("e3", "exo1", "basic", "aa-unknown", "zz-unknown"),
        ("e3", "exo1", "basic"),
    ]
    assert found[2].part_numbers == ("E3", "EXO1", "BASIC", "aa-unknown", "zz-unknown")
    keep = KeepList()
    keep.add(KeepMark(KeepTarget.PACKAGE, "EXO1"))  # by part number
    keep.add(KeepMark(KeepTarget.PACKAGE, "basic"))  # a package the tenant names by its id
    keep.add(KeepMark(KeepTarget.USER, "USER2@Example.com"))
    kept = find(snapshot_of(*users), keep=keep).of_kind(FindingKind.BLOCKED)
    assert [(f.user_id, f.sku_ids) for f in kept] == [
        ("id1", ("e3",)),
        ("id3", ("e3", "aa-unknown", "zz-unknown")),
        ("id4", ("e3",)),
    ]


def test_costs_are_per_finding_even_when_findings_share_their_packages() -> None:
    prices = PriceBook({"E3": Money(Decimal("97.50"), "PLN"), "EXO1": Money(Decimal("16"), "EUR")})
    users = (user(1, "e3", "exo1", enabled=False), user(2, "exo1", "e3", "trial", enabled=False))
    first, second = find(snapshot_of(*users), prices=prices).of_kind(FindingKind.BLOCKED)
    expected = (Money(Decimal("16"), "EUR"), Money(Decimal("97.50"), "PLN"))
    assert first.monthly_cost == second.monthly_cost == expected
    assert (first.unpriced, second.unpriced) == ((), ("TRIAL",))


def test_licenses_from_groups_are_named_only_on_the_users_who_inherit_them() -> None:
    users = (
        user(1, "e3", "exo1", enabled=False, groups={"e3": ("g1", None), "exo1": ("g2", "g3")}),
        user(2, "e3", "exo1", enabled=False),
        user(3, "e3", "exo1", enabled=False, groups={"exo1": ("g2",)}),
    )
    first, second, third = find(snapshot_of(*users)).of_kind(FindingKind.BLOCKED)
    assert first.inherited == (("e3", ("g1",)), ("exo1", ("g2", "g3")))
    assert first.also_direct == ("e3",)
    assert (second.inherited, second.also_direct) == ((), ())
    assert (third.inherited, third.also_direct) == ((("exo1", ("g2",)),), ())


# -- overlaps: worked out once per combination of licenses --------------------------------

licenses = st.lists(
    st.builds(
        AssignedLicense,
        st.sampled_from([*ORDER, "ghost"]),
        st.lists(st.sampled_from(["id-YAMMER_ENTERPRISE", "id-TEAMS1"]), max_size=2).map(tuple),
    ),
    max_size=4,
).map(tuple)


YAMMER_OFF = ("id-YAMMER_ENTERPRISE",)


@example(  # the same packages, apps turned off differently: three different answers
    [
        (AssignedLicense("e3"), AssignedLicense("basic")),
        (AssignedLicense("e3", YAMMER_OFF), AssignedLicense("basic")),
        (AssignedLicense("e3", YAMMER_OFF), AssignedLicense("basic", YAMMER_OFF)),
    ]
)
@given(st.lists(licenses, max_size=25))
def test_one_index_answers_every_user_as_a_fresh_one_would(
    held: list[tuple[AssignedLicense, ...]],
) -> None:
    shared = OverlapIndex(BY_ID, ORDER)
    for number, assigned in enumerate([*held, *held]):  # each combination asked twice
        holder = User(f"u{number}", "U", "u@example.com", assigned_licenses=assigned)
        assert shared.overlaps(holder) == OverlapIndex(BY_ID, ORDER).overlaps(holder)
