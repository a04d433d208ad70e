"""Reclaim against the demo tenant: the plan, its preview words, apply, undo of one user and
of the whole run, each exact."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.demo.example_prices import EXAMPLE_PRICES
from desktop.graph.client import GraphClient
from desktop.insight.findings import FindingKind, find
from desktop.insight.prices import PriceBook
from desktop.insight.reclaim import (
    reclaim_plan,
    restore_plan,
    saving_phrase,
    waiting_for_seats,
)
from desktop.insight.snapshot import read_snapshot
from desktop.licensing import describe
from desktop.licensing.controller import LicenseController
from desktop.licensing.errors import RunAlreadyUndoneError
from desktop.licensing.phrases import Say
from desktop.licensing.types import Outcome, PlanKind, ProblemKind
from tests.demo_tenant import DemoTenantForTests as DemoTenant

PRICES = PriceBook.from_mapping(EXAMPLE_PRICES)


def everyone(tenant: DemoTenant) -> dict[str, dict[str, tuple[str, ...]]]:
    """Every user's direct licenses with their turned-off apps."""
    rows = tenant.store.users_page("1", (), 0, 1_000_000)
    return {str(r[2]): tenant.store.user_licenses(str(r[2])) for r in rows}


def effective(tenant: DemoTenant) -> dict[str, dict[str, tuple[str, ...]]]:
    """What Graph reports: direct and group licenses (freed seats reach waiting group members)."""
    rows = tenant.store.users_page("1", (), 0, 1_000_000)
    return {str(r[2]): tenant.assigned_licenses(str(r[2])) for r in rows}


def nobody_waits_for_a_group_seat(tenant: DemoTenant) -> None:
    """Drop group members sitting in CountViolation: otherwise seats freed by the reclaim go to
    them (as Graph's group licensing does) and the undo lacks seats (the next test)."""
    waiting = [
        int(row[0])
        for row in tenant.store.users_page("1", (), 0, 1_000_000)
        if not tenant.assigned_licenses(str(row[2])) and tenant.store.memberships_of([int(row[0])])
    ]
    with tenant.store.transaction() as conn:
        conn.executemany("DELETE FROM memberships WHERE user_rowid = ?", [(r,) for r in waiting])


def test_reclaim_removes_exactly_the_wasted_direct_licenses_and_undoes_exactly(
    demo_tenant: DemoTenant, client: GraphClient, tmp_path: Path
) -> None:
    nobody_waits_for_a_group_seat(demo_tenant)
    before = everyone(demo_tenant)
    reported = effective(demo_tenant)
    snapshot = read_snapshot(client)
    findings = find(snapshot, prices=PRICES)
    reclaim = reclaim_plan(findings.findings, PRICES, snapshot.skus)
    assert reclaim.plan.kind is PlanKind.REMOVE
    wanted: dict[str, set[str]] = {}  # direct copies removed, by user principal name
    freed: dict[str, set[str]] = {}  # every package the user no longer holds, by user id
    leaving: dict[str, set[str]] = {}  # the groups each user leaves, by user id
    suspended = {s.sku_id for s in snapshot.skus if s.capability_status == "Suspended"}
    kept: set[tuple[str, str]] = set()
    for finding in findings.findings:
        if finding.kind is FindingKind.UNASSIGNED:
            continue
        assert finding.user_principal_name is not None and finding.user_id is not None
        groups = dict(finding.inherited)
        for sku_id in finding.sku_ids:
            if sku_id in suspended:
                kept.add((finding.user_id, sku_id))
                continue
            freed.setdefault(finding.user_id, set()).add(sku_id)
            if groups.get(sku_id):
                leaving.setdefault(finding.user_id, set()).update(groups[sku_id])
            if not groups.get(sku_id) or sku_id in finding.also_direct:
                wanted.setdefault(finding.user_principal_name, set()).add(sku_id)
    assert leaving and kept, "the demo seeds group and suspended licenses among findings"
    # An inherited license is reclaimed through the group: the user leaves every group giving it.
    planned = {c.user: {g.id for g in c.leave_groups} for c in reclaim.plan.changes}
    assert {u: g for u, g in planned.items() if g} == leaving
    assert not any(p.say is Say.INHERITED_FROM_GROUP for p in reclaim.left_alone)
    said_kept = {p for p in reclaim.left_alone if p.say is Say.PACKAGE_NOT_ACTIVE}
    assert {(p.users[0], p.packages[0]) for p in said_kept} == kept
    parts = {sku.sku_id: sku.part_number for sku in demo_tenant.store.skus()}
    expected_saving = sum(
        Decimal(EXAMPLE_PRICES[parts[s]][0]) for skus in freed.values() for s in skus
    )
    assert reclaim.saves[0].amount == expected_saving
    assert reclaim.saves[0].currency == "PLN"
    said = describe.english(saving_phrase(reclaim), {})
    assert said == f"frees {reclaim.removed} licenses worth {expected_saving:.2f} PLN a month"

    controller = LicenseController(client, tmp_path / "journal.sqlite3")
    try:
        checked = controller.check(reclaim.plan)
        assert not checked.blocking
        mailbox = {p.user for p in checked.problems if p.kind is ProblemKind.MAILBOX_WARNING}
        assert mailbox, "removing every Exchange license warns about the mailbox"
        losses = [p for p in checked.problems if p.kind is ProblemKind.LOSES_THROUGH_GROUP]
        assert {p.user for p in losses} == set(leaving)  # the preview says what leaving takes
        report = controller.apply(checked)
        assert report.count(Outcome.DONE) == len(reclaim.plan.changes)
        after = everyone(demo_tenant)
        for upn, held in before.items():
            assert set(after[upn]) == set(held) - wanted.get(upn, set()), upn

        # Restore one user who had an app turned off: exactly that comes back.
        target = next(upn for upn, skus in wanted.items() if any(before[upn].get(s) for s in skus))
        other = next(upn for upn in wanted if upn != target)
        restore = restore_plan(controller, report.run_id, target)
        assert len(restore.plan.changes) == 1
        controller.apply(restore)
        assert everyone(demo_tenant)[target] == before[target]
        assert set(everyone(demo_tenant)[other]) == set(before[other]) - wanted[other]

        # Undo the whole run: every user as before, disabled apps included.
        whole = controller.undo_plan(report.run_id)
        assert whole.can_apply
        assert controller.apply(whole).all_done
        assert everyone(demo_tenant) == before
        assert effective(demo_tenant) == reported
        # Undone for everyone now (one restore, then the rest): a third undo is refused.
        with pytest.raises(RunAlreadyUndoneError):
            controller.undo_plan(report.run_id)
    finally:
        controller.close()


def test_only_the_kinds_asked_for_are_reclaimed(client: GraphClient) -> None:
    snapshot = read_snapshot(client)
    findings = find(snapshot, prices=PRICES)
    reclaim = reclaim_plan(findings.findings, PRICES, snapshot.skus, kinds=(FindingKind.OVERLAP,))
    overlap = {f.user_id: f.sku_ids for f in findings.of_kind(FindingKind.OVERLAP)}
    assert {c.user: c.remove for c in reclaim.plan.changes} == overlap


def test_seats_taken_by_waiting_group_members_make_the_undo_say_so(
    demo_tenant: DemoTenant, client: GraphClient, tmp_path: Path
) -> None:
    snapshot = read_snapshot(client)
    findings = find(snapshot, prices=PRICES)
    reclaim = reclaim_plan(
        findings.findings, PRICES, snapshot.skus, waiting=waiting_for_seats(snapshot.users)
    )
    standard = demo_tenant.sku_id("O365_BUSINESS_PREMIUM")
    waiting = [p for p in reclaim.warnings if p.packages == (standard,)]
    assert len(waiting) == 1 and waiting[0].count == 2  # the seed's CountViolation members
    assert describe.english(waiting[0], {}).startswith("2 group members waiting for ")
    controller = LicenseController(client, tmp_path / "journal.sqlite3")
    try:
        report = controller.apply(controller.check(reclaim.plan))
        undo = controller.undo_plan(report.run_id)
        short = [p for p in undo.problems if p.kind is ProblemKind.NOT_ENOUGH_SEATS]
        assert short and not undo.can_apply
        assert short[0].details["sku_id"] == standard
    finally:
        controller.close()


def test_an_inherited_license_is_reclaimed_through_the_group_and_restore_rejoins_it(
    demo_tenant: DemoTenant, client: GraphClient, tmp_path: Path
) -> None:
    nobody_waits_for_a_group_seat(demo_tenant)
    snapshot = read_snapshot(client)
    findings = find(snapshot, prices=PRICES)
    through = [f for f in findings.findings if f.inherited and f.user_id is not None]
    assert through, "the demo seeds findings whose license comes from a group"
    reclaim = reclaim_plan(through[:1], PRICES, snapshot.skus)
    (change,) = reclaim.plan.changes
    (finding,) = through[:1]
    groups = {g for _sku, ids in finding.inherited for g in ids}
    assert {g.id for g in change.leave_groups} == groups
    user_id = finding.user_id
    assert user_id is not None
    before = effective(demo_tenant)
    upn = finding.user_principal_name or ""

    controller = LicenseController(client, tmp_path / "journal.sqlite3")
    try:
        checked = controller.check(reclaim.plan)
        said = [describe.change_text(c, {}) for c in checked.effective.changes]
        assert said and all("remove from the group" in text for text in said)
        report = controller.apply(checked)
        assert report.all_done
        inherited = {s for s, _ids in finding.inherited}
        assert not inherited & set(effective(demo_tenant)[upn])

        restore = restore_plan(controller, report.run_id, upn)
        assert [{g.id for g in c.join_groups} for c in restore.effective.changes] == [groups]
        assert controller.apply(restore).all_done
        assert effective(demo_tenant)[upn] == before[upn]
    finally:
        controller.close()
