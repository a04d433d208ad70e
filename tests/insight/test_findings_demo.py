"""Findings against the demo tenant equal what it was seeded with: with and without Entra ID
P1, and with concealed report names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.demo.example_prices import EXAMPLE_PRICES
from desktop.graph.client import GraphClient
from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile
from desktop.insight.findings import FindingKind, Findings, find
from desktop.insight.keep import KeepList, KeepMark, KeepTarget
from desktop.insight.prices import PriceBook
from desktop.insight.records import ActivitySource, SnapshotNote
from desktop.insight.snapshot import read_snapshot
from desktop.insight.summary import summarise
from tests.demo_tenant import DemoTenantForTests as DemoTenant
from tests.insight.seeded import E3, Expected, expected

PRICES = PriceBook.from_mapping(EXAMPLE_PRICES)


def by_user(findings: Findings, kind: FindingKind) -> dict[str, frozenset[str]]:
    found: dict[str, frozenset[str]] = {}
    for finding in findings.of_kind(kind):
        assert finding.user_principal_name is not None
        previous = found.get(finding.user_principal_name, frozenset())
        found[finding.user_principal_name] = previous | frozenset(finding.part_numbers)
    return found


def assert_matches(findings: Findings, seeded: Expected) -> None:
    assert by_user(findings, FindingKind.BLOCKED) == seeded.blocked
    assert by_user(findings, FindingKind.NEVER) == seeded.never
    assert by_user(findings, FindingKind.INACTIVE) == seeded.inactive
    assert by_user(findings, FindingKind.OVERLAP) == seeded.overlap
    unassigned = {f.part_numbers[0]: f.seats for f in findings.of_kind(FindingKind.UNASSIGNED)}
    assert unassigned == seeded.unassigned


@pytest.mark.parametrize("days", [30, 90, 180])
def test_with_entra_id_p1_every_kind_is_found_exactly(
    demo_tenant: DemoTenant, client: GraphClient, days: int
) -> None:
    snapshot = read_snapshot(client)
    assert snapshot.premium and not snapshot.notes
    findings = find(snapshot, prices=PRICES, inactive_days=days)
    seeded = expected(demo_tenant, inactive_days=days)
    assert seeded.blocked and seeded.never and seeded.inactive and seeded.overlap
    assert_matches(findings, seeded)
    assert findings.source is ActivitySource.SIGN_IN_ACTIVITY
    legacy = [
        f
        for f in findings.of_kind(FindingKind.INACTIVE)
        if f.activity is not None and f.activity.field == "lastSignInDateTime"
    ]
    assert legacy, "a sign-in from before December 2023 is judged by lastSignInDateTime"


def test_without_p1_the_usage_report_is_the_source_and_says_so(
    demo_tenant: DemoTenant, client: GraphClient
) -> None:
    demo_tenant.insight.premium = False
    snapshot = read_snapshot(client)
    assert not snapshot.premium
    assert snapshot.notes == [SnapshotNote.NO_PREMIUM_USING_REPORT]
    findings = find(snapshot, prices=PRICES)
    assert findings.source is ActivitySource.USAGE_REPORT
    assert_matches(findings, expected(demo_tenant, inactive_days=90, report=True))
    for finding in findings.of_kind(FindingKind.INACTIVE) + findings.of_kind(FindingKind.NEVER):
        assert finding.source is ActivitySource.USAGE_REPORT


def test_concealed_names_are_never_matched_and_are_reported(
    demo_tenant: DemoTenant, client: GraphClient
) -> None:
    demo_tenant.insight.premium = False
    demo_tenant.insight.concealed_names = True
    snapshot = read_snapshot(client)
    assert SnapshotNote.NAMES_CONCEALED in snapshot.notes
    assert snapshot.usage is not None and snapshot.usage.last_activity == {}
    findings = find(snapshot, prices=PRICES)
    assert findings.source is None
    assert set(findings.skipped_kinds) == {FindingKind.NEVER, FindingKind.INACTIVE}
    assert_matches(findings, expected(demo_tenant, inactive_days=90, concealed=True))


def test_a_new_account_that_never_signed_in_is_given_time(
    demo_tenant: DemoTenant, client: GraphClient
) -> None:
    created = client.create_user(
        NewUser(
            display_name="Nowa Osoba",
            user_principal_name="nowa.osoba@bursztynlogistyka.pl",
            password_profile=PasswordProfile("Nowe!Haslo2026"),
            usage_location="PL",
        )
    )
    client.assign_license(created.id, [AssignedLicense(demo_tenant.sku_id(E3))], [])
    findings = find(read_snapshot(client), prices=PRICES)
    upns = {f.user_principal_name for f in findings.findings}
    assert "nowa.osoba@bursztynlogistyka.pl" not in upns
    assert_matches(findings, expected(demo_tenant, inactive_days=90))


def test_keep_marks_leave_users_and_packages_out(
    demo_tenant: DemoTenant, client: GraphClient
) -> None:
    snapshot = read_snapshot(client)
    seeded = expected(demo_tenant, inactive_days=90)
    kept_user = sorted(seeded.blocked)[0]
    keep = KeepList()
    keep.add(KeepMark(KeepTarget.USER, kept_user.upper(), "odchodzi w styczniu"))
    keep.add(KeepMark(KeepTarget.PACKAGE, E3, "zarząd"))
    findings = find(snapshot, prices=PRICES, keep=keep)
    assert kept_user not in {f.user_principal_name for f in findings.findings}
    assert all(E3 not in f.part_numbers for f in findings.findings)
    # Users who held only E3 and something else still show the rest.
    without_e3 = {u: p - {E3} for u, p in seeded.inactive.items() if p - {E3}}
    assert by_user(findings, FindingKind.INACTIVE) == without_e3


def test_costs_add_up_and_unpriced_packages_are_flagged_not_zero(
    demo_tenant: DemoTenant, client: GraphClient
) -> None:
    snapshot = read_snapshot(client)
    prices = PriceBook(dict(PRICES.prices))
    prices.remove("EXCHANGESTANDARD")
    findings = find(snapshot, prices=prices)
    summary = summarise(snapshot, findings, prices)
    by_finding = sum(m.amount for f in findings.findings for m in f.monthly_cost)
    by_package = sum(p.monthly_waste.amount for p in summary.packages if p.monthly_waste)
    assert summary.monthly_waste == {"PLN": by_finding} and by_finding == by_package > 0
    expected_cost = sum(
        Decimal(EXAMPLE_PRICES[s.part_number][0]) * (s.enabled + s.warning)
        for s in demo_tenant.store.skus()
        if s.part_number in prices.prices
    )
    assert summary.monthly_cost == {"PLN": expected_cost}
    assert "EXCHANGESTANDARD" in summary.unpriced
    exchange = next(p for p in summary.packages if p.part_number == "EXCHANGESTANDARD")
    assert exchange.monthly_cost is None and exchange.monthly_waste is None
    for finding in findings.findings:
        if "EXCHANGESTANDARD" in finding.part_numbers:
            assert "EXCHANGESTANDARD" in finding.unpriced
    blocked = findings.of_kind(FindingKind.BLOCKED)[0]
    assert blocked.monthly_cost[0].amount == sum(
        Decimal(EXAMPLE_PRICES[p][0]) for p in blocked.part_numbers if p in prices.prices
    )
    departments = sum(d.monthly_waste.get("PLN", Decimal(0)) for d in summary.departments)
    user_waste = sum(
        m.amount
        for f in findings.findings
        if f.kind is not FindingKind.UNASSIGNED
        for m in f.monthly_cost
    )
    assert departments == user_waste


def test_sign_in_activity_refused_for_a_permission_falls_back_to_the_report_and_says_so(
    demo_tenant: DemoTenant, client: GraphClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.demo.errors import EnvelopeError, error_response
    from desktop.demo.router import Request

    handle = demo_tenant.handle

    def without_audit_log(request: Request) -> object:
        if "signinactivity" in request.raw_query.lower():
            failure = EnvelopeError(403, "Authorization_RequestDenied", "Insufficient privileges.")
            return error_response(
                failure.status,
                failure.code,
                failure.message,
                request_id=request.request_id,
                client_request_id=None,
            )
        return handle(request)

    monkeypatch.setattr(demo_tenant, "handle", without_audit_log)
    snapshot = read_snapshot(client)
    assert snapshot.notes == [SnapshotNote.SIGN_INS_DENIED]
    findings = find(snapshot, prices=PRICES)
    assert findings.source is ActivitySource.USAGE_REPORT
    assert_matches(findings, expected(demo_tenant, inactive_days=90, report=True))
