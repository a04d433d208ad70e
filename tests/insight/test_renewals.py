"""Subscriptions and renewals: estimated terms and "reduce before renewal"."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desktop.graph.client import GraphClient
from desktop.graph.records import PrepaidUnits, Sku
from desktop.insight.records import Subscription
from desktop.insight.renewals import Term, estimate_term, renewals
from desktop.insight.snapshot import read_snapshot
from tests.demo_tenant import DemoTenantForTests as DemoTenant

NOW = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)


def sub(
    created: str, following: str, *, trial: bool = False, status: str = "Enabled"
) -> Subscription:
    def moment(text: str) -> datetime:
        return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)

    return Subscription("s", "k", "P", status, 10, trial, moment(created), moment(following))


@pytest.mark.parametrize(
    ("created", "following", "term"),
    [
        ("2024-01-15", "2027-01-15", Term.MULTI_YEAR),
        ("2025-01-15", "2027-01-15", Term.ANNUAL),
        ("2025-01-15", "2026-01-16", Term.ANNUAL),  # a day off (time zones)
        ("2025-10-12", "2026-12-12", Term.MONTHLY),
        ("2026-01-31", "2026-02-28", Term.MONTHLY),  # the 31st renews on the last day
        ("2025-10-12", "2026-12-20", Term.UNKNOWN),
        ("2026-12-20", "2026-12-01", Term.UNKNOWN),
    ],
)
def test_terms_are_estimated_from_the_dates(created: str, following: str, term: Term) -> None:
    assert estimate_term(sub(created, following)) is term


def test_a_trial_is_a_trial_and_an_expired_one_has_no_term() -> None:
    assert estimate_term(sub("2026-11-25", "2026-12-25", trial=True)) is Term.TRIAL
    assert estimate_term(sub("2024-11-18", "2026-12-18", status="Warning")) is Term.UNKNOWN


def test_demo_tenant_reduce_before_renewal_only_for_annual_with_free_seats_within_60_days(
    demo_tenant: DemoTenant, client: GraphClient
) -> None:
    snapshot = read_snapshot(client)
    found = {r.subscription.sku_part_number: r for r in renewals(
        snapshot.subscriptions, snapshot.skus, snapshot.taken_at)}  # fmt: skip
    terms = {part: r.term for part, r in found.items()}
    assert terms == {
        "O365_BUSINESS_ESSENTIALS": Term.MONTHLY,
        "O365_BUSINESS_PREMIUM": Term.ANNUAL,
        "SPB": Term.UNKNOWN,
        "ENTERPRISEPACK": Term.ANNUAL,
        "EXCHANGESTANDARD": Term.ANNUAL,
        "POWER_BI_STANDARD": Term.MONTHLY,
        "FLOW_FREE": Term.TRIAL,
        "SHAREPOINTSTORAGE": Term.MULTI_YEAR,
    }
    # E3: annual, 45 days, free seats. Business Standard: annual, 40 days, but no free seat.
    # Business Basic: free seats, 12 days, but monthly. Exchange: annual, free, 200 days.
    assert [p for p, r in found.items() if r.reduce_before_renewal] == ["ENTERPRISEPACK"]
    assert found["O365_BUSINESS_PREMIUM"].unused_seats == 0
    assert found["O365_BUSINESS_ESSENTIALS"].unused_seats
    assert found["ENTERPRISEPACK"].unused_seats == demo_tenant.free_seats("ENTERPRISEPACK")
    days = [r.days_to_renewal for r in found.values()]
    assert days == sorted(days)  # soonest first


@pytest.mark.parametrize(
    ("ahead", "consumed", "reduce"),
    [(59, 4, True), (60, 4, True), (61, 4, False), (-1, 4, False), (30, 10, False)],
)
def test_the_window_is_60_days_and_needs_a_free_seat(
    ahead: int, consumed: int, reduce: bool
) -> None:
    following = NOW + timedelta(days=ahead)
    created = following.replace(year=following.year - 2)
    annual = Subscription("s", "k", "P", "Enabled", 10, False, created, following)
    sku = Sku("t_k", "k", "P", "User", "Enabled", consumed, PrepaidUnits(enabled=10))
    assert renewals([annual], [sku], NOW)[0].reduce_before_renewal is reduce
