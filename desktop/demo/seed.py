"""Deterministic seed data for the demo tenant: the same seed number gives the same tenant.

A Polish logistics company with real Microsoft SKUs and service plans (from the licensing
table), seat counts that scale with the number of users, and every situation the app must show:
a fully used SKU, one in Warning, a Suspended one, a free one with many seats, a Company-only
one, blocked accounts, users without a usage location, two licensed groups whose extra members
sit in CountViolation, and a few group members in other error states.

Rows are precomputed in plain lists and loaded with ``executemany`` in one transaction, so
100,000 users seed in a few seconds.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from desktop.demo import names
from desktop.demo.catalog_source import SkuDefinition, load_skus
from desktop.demo.insight_seed import overlap_picks
from desktop.demo.rows import SeedData, UserRow, plans_to_text

BUSINESS_BASIC = "O365_BUSINESS_ESSENTIALS"
BUSINESS_STANDARD = "O365_BUSINESS_PREMIUM"  # fully used; licensed group A
BUSINESS_PREMIUM = "SPB"  # Warning (grace period)
OFFICE_E3 = "ENTERPRISEPACK"  # licensed group B
EXCHANGE_PLAN1 = "EXCHANGESTANDARD"
FABRIC_FREE = "POWER_BI_STANDARD"  # Suspended
FLOW_FREE = "FLOW_FREE"  # many free seats
EXTRA_STORAGE = "SHAREPOINTSTORAGE"  # applies to the Company

SKU_ORDER: tuple[str, ...] = (
    BUSINESS_BASIC,
    BUSINESS_STANDARD,
    BUSINESS_PREMIUM,
    OFFICE_E3,
    EXCHANGE_PLAN1,
    FABRIC_FREE,
    FLOW_FREE,
    EXTRA_STORAGE,
)

# Share of users whose one "base" license is each SKU; the rest have none.
BASE_SHARES: tuple[tuple[str, float], ...] = (
    (BUSINESS_STANDARD, 0.30),
    (BUSINESS_BASIC, 0.20),
    (OFFICE_E3, 0.15),
    (BUSINESS_PREMIUM, 0.10),
    (EXCHANGE_PLAN1, 0.05),
)
FLOW_FREE_SEATS = 10_000
# Seats bought beyond those in use, by tenant size (the multi-tenant demo trims them).
SPARE_SEATS: dict[str, Callable[[int], int]] = {
    BUSINESS_BASIC: lambda users: max(5, users // 10),
    BUSINESS_PREMIUM: lambda users: max(1, users // 50),
    OFFICE_E3: lambda users: max(2, users // 30),
    EXCHANGE_PLAN1: lambda users: max(3, users // 20),
}
SYNCED_SHARE = 0.35  # hybrid organisations sync most, not all, people from on-premises
GROUP_A_VIOLATIONS = 2  # members of group A beyond the seats, in CountViolation
SEED_CLOCK = datetime(2025, 3, 3, 8, 0, 0, tzinfo=timezone.utc)


@dataclass(frozen=True, slots=True)
class SeedSummary:
    tenant_id: str
    users: int
    group_a_id: str
    group_b_id: str


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class _Ids:
    """Deterministic version-4 GUIDs from the seeded RNG."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def __call__(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))


def sku_definitions() -> dict[str, SkuDefinition]:
    return load_skus(SKU_ORDER)


def build(user_count: int, seed: int) -> SeedData:
    if user_count < 1:
        raise ValueError("the demo tenant needs at least one user")
    rng = random.Random(seed)
    new_id = _Ids(rng)
    defs = sku_definitions()
    tenant_id = new_id()

    users, usage = _users(rng, new_id, user_count)
    rowids = [row[0] for row in users]
    with_location = [r for r in rowids if usage[r] is not None]
    without_location = [r for r in rowids if usage[r] is None]

    # Base licenses by quota (not by chance) so small tenants still show every situation.
    # The first user, the IT administrator, always holds Office E3.
    pool = [r for r in with_location if r != rowids[0]]
    rng.shuffle(pool)
    base: dict[int, str] = {rowids[0]: OFFICE_E3}
    start = 0
    for part, share in BASE_SHARES:
        take = round(share * user_count)
        for rowid in pool[start : start + take]:
            base[rowid] = part
        start += take
    unlicensed = pool[start:] + without_location
    rng.shuffle(unlicensed)

    licenses: list[tuple[int, str, str, str]] = []
    direct_count: dict[str, int] = dict.fromkeys(SKU_ORDER, 0)

    def assign(rowid: int, part: str, disabled: Sequence[str] = ()) -> None:
        plan_ids = [defs[part].plan_id(name) for name in disabled]
        stamp = iso(SEED_CLOCK - timedelta(days=rng.randrange(1, 900), minutes=rng.randrange(600)))
        licenses.append((rowid, defs[part].sku_id, plans_to_text(plan_ids), stamp))
        direct_count[part] += 1

    optional_off = {
        OFFICE_E3: ("YAMMER_ENTERPRISE", "SWAY"),
        BUSINESS_STANDARD: ("MICROSOFTBOOKINGS",),
        BUSINESS_BASIC: ("YAMMER_ENTERPRISE",),
    }
    flow_share = min(0.35, 6000 / user_count)
    for rowid in rowids:
        held = base.get(rowid)
        if held is not None:
            off = optional_off.get(held, ()) if rng.random() < 0.25 else ()
            assign(rowid, held, off)
        if usage[rowid] is not None and rng.random() < flow_share:
            assign(rowid, FLOW_FREE)
        if usage[rowid] is not None and rng.random() < 0.10:
            assign(rowid, FABRIC_FREE)
    # Packages another one already covers, for license insight (own random numbers).
    for rowid, part, off in overlap_picks(base, licenses, user_count, seed):
        stamp = iso(SEED_CLOCK - timedelta(days=200))
        disabled = plans_to_text(defs[part].plan_id(name) for name in off)
        licenses.append((rowid, defs[part].sku_id, disabled, stamp))
        direct_count[part] += 1

    # Group A grants Business Standard: unlicensed members plus a few direct holders (both ways).
    a_size = max(4, user_count // 20)
    a_only = unlicensed[:a_size]
    b_size = max(3, user_count // 33)
    b_only = unlicensed[a_size : a_size + b_size]
    b_uniqueness = unlicensed[a_size + b_size : a_size + b_size + 1]
    standard_holders = [r for r in rowids if base.get(r) == BUSINESS_STANDARD]
    e3_holders = [r for r in rowids if base.get(r) == OFFICE_E3 and r != rowids[0]]
    a_both = standard_holders[: max(1, user_count // 100)]
    b_exclusive = standard_holders[len(a_both) : len(a_both) + 1]
    b_both = e3_holders[:1]

    group_a_id, group_b_id = new_id(), new_id()
    groups = [
        (
            1,
            group_a_id,
            "Licencje – Microsoft 365 Business Standard",
            "Członkowie dostają licencję Microsoft 365 Business Standard.",
            "licencje-m365-business-standard",
            iso(SEED_CLOCK - timedelta(days=700)),
        ),
        (
            2,
            group_b_id,
            "Licencje – Office 365 E3 (Zarząd)",
            "Zarząd i asystenci: Office 365 E3 bez Viva Engage.",
            "licencje-o365-e3-zarzad",
            iso(SEED_CLOCK - timedelta(days=650)),
        ),
    ]
    group_licenses = [
        (1, defs[BUSINESS_STANDARD].sku_id, plans_to_text([])),
        (2, defs[OFFICE_E3].sku_id, plans_to_text([defs[OFFICE_E3].plan_id("YAMMER_ENTERPRISE")])),
    ]
    memberships: list[tuple[int, int, int, str | None, str]] = []
    seq = 0

    def join(group_rowid: int, members: Sequence[int], error: str | None = None) -> None:
        nonlocal seq
        for rowid in members:
            seq += 1
            stamp = iso(SEED_CLOCK - timedelta(days=600) + timedelta(hours=seq))
            memberships.append((group_rowid, rowid, seq, error, stamp))

    join(1, a_both)
    join(1, a_only)
    join(2, b_both)
    join(2, b_only)
    join(2, b_exclusive, "MutuallyExclusiveViolation")
    join(2, b_uniqueness, "UniquenessViolation")

    # Group C sits inside group B: nested groups do not pass licenses on, so its own members
    # (taken after every other group member) get nothing from B. Own random numbers, so the
    # rest of the tenant stays as it was.
    extra = random.Random(seed * 7919 + 13)
    group_c_id = str(uuid.UUID(int=extra.getrandbits(128), version=4))
    groups.append(
        (
            3,
            group_c_id,
            "Zarząd – asystenci",
            "Asystenci zarządu (grupa w grupie licencyjnej E3).",
            "zarzad-asystenci",
            iso(SEED_CLOCK - timedelta(days=640)),
        )
    )
    c_start = a_size + b_size + 1
    join(3, unlicensed[c_start : c_start + 2])
    nested_groups = [(2, 3)]
    # About a third of the people are synced from on-premises Active Directory (never the
    # signed-in administrator, the first user).
    synced_users = [rowid for rowid in rowids[1:] if extra.random() < SYNCED_SHARE]

    a_violations = min(GROUP_A_VIOLATIONS, max(0, len(a_only) - 1))
    enabled = {
        BUSINESS_BASIC: direct_count[BUSINESS_BASIC] + SPARE_SEATS[BUSINESS_BASIC](user_count),
        BUSINESS_STANDARD: direct_count[BUSINESS_STANDARD] + len(a_only) - a_violations,
        BUSINESS_PREMIUM: (
            direct_count[BUSINESS_PREMIUM] + SPARE_SEATS[BUSINESS_PREMIUM](user_count)
        ),
        OFFICE_E3: direct_count[OFFICE_E3] + len(b_only) + SPARE_SEATS[OFFICE_E3](user_count),
        EXCHANGE_PLAN1: direct_count[EXCHANGE_PLAN1] + SPARE_SEATS[EXCHANGE_PLAN1](user_count),
        FABRIC_FREE: 0,
        FLOW_FREE: max(FLOW_FREE_SEATS, direct_count[FLOW_FREE]),
        EXTRA_STORAGE: 10,
    }
    skus, plans = _sku_rows(defs, enabled, direct_count, new_id)
    domains = [
        (1, names.DEFAULT_DOMAIN, 1, 0),
        (2, names.INITIAL_DOMAIN, 0, 1),
        (3, names.EXTRA_DOMAIN, 0, 0),
    ]
    meta = {
        "tenant_id": tenant_id,
        "company_name": names.COMPANY_NAME,
        "account_name": names.COMPANY_SHORT_NAME,
        "seed": str(seed),
        "user_count": str(user_count),
        "created": iso(SEED_CLOCK - timedelta(days=2000)),
    }
    return SeedData(
        meta=meta,
        domains=domains,
        skus=skus,
        plans=plans,
        users=users,
        direct_licenses=licenses,
        groups=groups,
        group_licenses=group_licenses,
        memberships=memberships,
        nested_groups=nested_groups,
        synced_users=synced_users,
    )


def _sku_rows(
    defs: dict[str, SkuDefinition],
    enabled: dict[str, int],
    direct_count: dict[str, int],
    new_id: _Ids,
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    skus: list[tuple[object, ...]] = []
    plans: list[tuple[object, ...]] = []
    for position, part in enumerate(SKU_ORDER, start=1):
        definition = defs[part]
        applies_to = "Company" if part == EXTRA_STORAGE else "User"
        status, seats, warning, suspended = "Enabled", enabled[part], 0, 0
        if part == BUSINESS_PREMIUM:
            # Expired, in its grace period: the units move from enabled to warning and can
            # still be assigned (docs/graph-facts.md, "License packages ... and seats").
            status, seats, warning = "Warning", 0, enabled[part]
        elif part == FABRIC_FREE:
            # Suspended: no enabled units, existing assignments stay and still count.
            status, suspended = "Suspended", direct_count[part] + 5
        skus.append(
            (
                position,
                definition.sku_id,
                part,
                applies_to,
                status,
                seats,
                warning,
                suspended,
                0,
                new_id(),
            )
        )
        for index, plan in enumerate(definition.plans):
            plans.append((definition.sku_id, index, plan.plan_id, plan.name, applies_to))
    return skus, plans


def _users(
    rng: random.Random, new_id: _Ids, count: int
) -> tuple[list[UserRow], dict[int, str | None]]:
    taken: dict[str, int] = {}
    rows: list[UserRow] = []
    usage: dict[int, str | None] = {}
    departments = list(names.DEPARTMENTS)
    no_location_share = 0.04 if count >= 50 else 0.0
    for index in range(count):
        rowid = index + 1
        if rng.random() < 0.06:
            given, surname, location = rng.choice(names.INTERNATIONAL)
        else:
            location = "PL"
            if rng.random() < 0.5:
                given, surname = (
                    rng.choice(names.FEMALE_NAMES),
                    names.feminine(rng.choice(names.SURNAMES)),
                )
            else:
                given, surname = rng.choice(names.MALE_NAMES), rng.choice(names.SURNAMES)
        usage_location: str | None = location
        # A few users with no usage location (never the first, and at least two when big enough).
        if (index in (7, 23) and count >= 30) or (index > 30 and rng.random() < no_location_share):
            usage_location = None
        local = names.upn_local_part(given, surname)
        number = taken.get(local, 0) + 1
        taken[local] = number
        nickname = local if number == 1 else f"{local}{number}"
        upn = f"{nickname}@{names.DEFAULT_DOMAIN}"
        department = "IT" if index == 0 else rng.choice(departments)
        title = "Administrator IT" if index == 0 else rng.choice(names.DEPARTMENTS[department])
        enabled = index == 0 or (index not in (5, 17) and rng.random() >= 0.05)
        phone = (
            f"+48 {rng.randrange(500, 900)} {rng.randrange(100, 1000)} {rng.randrange(100, 1000)}"
        )
        office_phone = (
            f"+48 58 {rng.randrange(300, 800)} {rng.randrange(10, 100)} {rng.randrange(10, 100)}"
        )
        created = SEED_CLOCK - timedelta(days=rng.randrange(30, 2000), seconds=rng.randrange(86400))
        rows.append(
            (
                rowid,
                new_id(),
                upn,
                f"{given} {surname}",
                given,
                surname,
                upn,
                nickname,
                1 if enabled else 0,
                usage_location,
                department,
                title,
                rng.choice(names.OFFICES),
                phone if rng.random() < 0.7 else None,
                office_phone if rng.random() < 0.5 else None,
                names.PREFERRED_LANGUAGE.get(location) if rng.random() < 0.8 else None,
                names.COMPANY_NAME,
                iso(created),
            )
        )
        usage[rowid] = usage_location
    return rows, usage
