"""Applying checked plans to a live demo tenant: exact end states, one outcome per user."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.errors import NotFoundError
from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile
from desktop.licensing.builders import assign_plan, create_user_plan, reassign_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.errors import PlanBlockedError
from desktop.licensing.journal import StepState
from desktop.licensing.types import (
    Outcome,
    Plan,
    PlanKind,
    ProblemKind,
    Progress,
    RunStatus,
    UserChange,
)
from tests.demo_tenant import DemoTenantForTests
from tests.licensing.conftest import connect, pick

FLOW = "FLOW_FREE"
E3 = "ENTERPRISEPACK"
EXCHANGE = "EXCHANGESTANDARD"


def test_a_mixed_plan_lands_exactly_and_is_journaled(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    flow, e3 = demo_tenant.sku_id(FLOW), demo_tenant.sku_id(E3)
    e3_sku = next(s for s in graph.list_skus() if s.sku_id == e3)
    users = graph.list_users()
    nowhere = pick(users, lambda u: u.usage_location is None and not u.is_licensed)[0]
    apps = pick(users, lambda u: e3 in u.direct_sku_ids and not u.groups_granting(e3))[0]
    blocked = pick(users, lambda u: not u.account_enabled and u.usage_location is not None)[0]
    new_apps_off = tuple(p.service_plan_id for p in e3_sku.service_plans[:3])
    plan = Plan(
        PlanKind.MIXED,
        (
            UserChange(nowhere.user_principal_name, add=(AssignedLicense(flow),)),
            UserChange(apps.id, add=(AssignedLicense(e3, new_apps_off),)),
            UserChange(blocked.user_principal_name, account_enabled=True),
        ),
    )
    seen: list[Progress] = []
    report = controller.apply(
        controller.check(plan, default_usage_location="DE"), progress=seen.append
    )

    assert [r.outcome for r in report.results] == [Outcome.DONE] * 3
    assert seen[-1] == Progress(total=3, done=3)
    fresh = {u.id: u for u in controller.refresh_users([nowhere.id, apps.id, blocked.id])}
    assert fresh[nowhere.id].usage_location == "DE"
    assert fresh[nowhere.id].assigned(flow) == AssignedLicense(flow, ())
    held = fresh[apps.id].assigned(e3)
    assert held is not None and set(held.disabled_plans) == set(new_apps_off)
    assert fresh[blocked.id].account_enabled
    summary = controller.history()[0]
    assert (summary.run_id, summary.status, summary.done) == (report.run_id, RunStatus.FINISHED, 3)
    steps = controller.journal.steps(report.run_id)
    assert [s.state for s in steps] == [StepState.DONE] * 3
    assert steps[0].before is not None and steps[0].before.usage_location is None


def test_a_swap_that_loses_its_seat_keeps_the_old_license(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    basic, e3 = demo_tenant.sku_id("O365_BUSINESS_ESSENTIALS"), demo_tenant.sku_id(E3)
    users = graph.list_users()
    swapper = pick(users, lambda u: u.direct_sku_ids == {basic} and u.sku_ids == {basic})[0]
    checked = controller.check(reassign_plan([swapper.id], basic, AssignedLicense(e3)))
    assert checked.can_apply
    # Someone else takes the last free seats between the check and the apply.
    free = next(s for s in graph.list_skus() if s.sku_id == e3).free
    others = pick(users, lambda u: not u.is_licensed and u.usage_location is not None, free)
    for other in others:
        graph.assign_license(other.id, [AssignedLicense(e3)], [])

    report = controller.apply(checked)

    (result,) = report.results
    assert result.outcome is Outcome.FAILED
    assert "does not have any available licenses" in result.message
    assert result.code is not None
    after = graph.get_user(swapper.id)
    assert after.sku_ids == {basic}


def test_apply_refuses_a_plan_with_blocking_problems(
    graph: GraphClient, controller: LicenseController, demo_tenant: DemoTenant
) -> None:
    nowhere = pick(graph.list_users(), lambda u: u.usage_location is None)[0]
    checked = controller.check(
        Plan(
            PlanKind.ASSIGN,
            (UserChange(nowhere.id, add=(AssignedLicense(demo_tenant.sku_id(FLOW)),)),),
        )
    )
    with pytest.raises(PlanBlockedError, match="usage location"):
        controller.apply(checked)
    assert controller.history() == []
    assert demo_tenant.stats.snapshot()["writes"] == 0


def test_a_created_user_gets_licenses_and_undo_deletes_it(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    domain = graph.get_organization().default_domain
    new = NewUser(
        "Nowa Osoba",
        f"nowa.osoba@{domain}",
        PasswordProfile("Long-enough-Pa55!"),
        usage_location="PL",
    )
    flow = demo_tenant.sku_id(FLOW)
    report = controller.apply(controller.check(create_user_plan(new, [AssignedLicense(flow)])))
    assert [r.outcome for r in report.results] == [Outcome.DONE]
    created = graph.get_user(new.user_principal_name)
    assert created.sku_ids == {flow} and created.usage_location == "PL"

    undo = controller.undo_plan(report.run_id)
    assert [c.delete for c in undo.effective.changes] == [True]
    undone = controller.apply(undo)
    assert [r.outcome for r in undone.results] == [Outcome.DONE]
    with pytest.raises(NotFoundError):
        graph.get_user(created.id)
    assert controller.history()[1].undone_by == undone.run_id


def test_a_change_sent_twice_after_a_dropped_answer_still_counts_as_done(
    demo_tenant: DemoTenant, graph: GraphClient, tmp_path: Path
) -> None:
    flow = demo_tenant.sku_id(FLOW)
    users = [u for u in graph.list_users() if u.usage_location is not None]
    holders = {u.id for u in users if flow in u.direct_sku_ids}
    flip = tuple(
        UserChange(u.id, remove=(flow,))
        if u.id in holders
        else UserChange(u.id, add=(AssignedLicense(flow),))
        for u in users
    )
    controller = LicenseController(connect(demo_tenant), tmp_path / "j.sqlite3", max_in_flight=1)
    try:
        checked = controller.check(Plan(PlanKind.MIXED, flip))
        # The server applies each batch, then drops the connection half of the time: the
        # client sends the batch again and Graph answers each repeated removal with an error.
        demo_tenant.faults.fault_kinds = ("drop-after",)
        demo_tenant.faults.fault_rate = 0.5
        report = controller.apply(checked)
        demo_tenant.faults.fault_rate = 0.0
    finally:
        controller.close()
    assert demo_tenant.stats.snapshot()["dropped"] > 0, "the scenario needs a dropped answer"
    assert [r.outcome for r in report.results] == [Outcome.DONE] * len(users)
    after = {u.id: u for u in graph.list_users()}
    assert all((flow in after[u.id].sku_ids) is (u.id not in holders) for u in users)


def test_a_package_in_its_grace_period_gives_its_seats_and_no_more(
    demo_tenant: DemoTenantForTests, graph: GraphClient, controller: LicenseController
) -> None:
    """Business Premium expired and is in grace: every unit sits in ``warning``, none enabled.
    Those seats can still be given; counting ``enabled`` alone blocked them ("0 free")."""
    premium = next(s for s in graph.list_skus() if s.sku_part_number == "SPB")
    assert premium.prepaid_units.enabled == 0 and premium.free > 0
    takers = pick(
        graph.list_users(),
        lambda u: not u.is_licensed and u.usage_location is not None,
        premium.free + 1,
    )
    fitting = assign_plan([u.id for u in takers[:-1]], [AssignedLicense(premium.sku_id)])
    checked = controller.check(fitting)
    assert checked.can_apply, checked.problems
    report = controller.apply(checked)
    assert [r.outcome for r in report.results] == [Outcome.DONE] * premium.free
    after = next(s for s in graph.list_skus() if s.sku_part_number == "SPB")
    assert after.free == 0 and after.consumed_units == premium.total

    one_more = controller.check(assign_plan([takers[-1].id], [AssignedLicense(premium.sku_id)]))
    seats = next(p for p in one_more.blocking if p.kind is ProblemKind.NOT_ENOUGH_SEATS)
    assert seats.message.endswith(", 0 free")


def test_an_over_assigned_package_says_by_how_many(
    demo_tenant: DemoTenantForTests, graph: GraphClient, controller: LicenseController
) -> None:
    """Seats cut below what is held: Graph keeps the licenses and ``consumedUnits`` exceeds
    the seats. The package is 3 over, not "0 free", and one more needs 4 seats bought."""
    # Exchange Plan 1 is held directly only (a group's seats would be taken back by the demo).
    exchange = demo_tenant.sku_id(EXCHANGE)
    held = demo_tenant.consumed_units(EXCHANGE)
    demo_tenant.set_enabled_seats(EXCHANGE, held - 3)
    package = next(s for s in graph.list_skus() if s.sku_id == exchange)
    assert package.free == -3 and package.total == held - 3
    taker = pick(graph.list_users(), lambda u: not u.is_licensed and u.usage_location)[0]
    checked = controller.check(assign_plan([taker.id], [AssignedLicense(exchange)]))
    (need,) = checked.seats
    assert (need.needed, need.free, need.short) == (1, -3, 4)
    assert not checked.can_apply
