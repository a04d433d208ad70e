"""Undo restores licenses with their disabled plans, sign-in state and usage location exactly."""

from __future__ import annotations

import pytest

from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.records import AssignedLicense
from desktop.licensing.controller import LicenseController
from desktop.licensing.errors import RunAlreadyUndoneError
from desktop.licensing.types import Outcome, Plan, PlanKind, ProblemKind, UserChange
from tests.licensing.conftest import pick, state


def test_undo_brings_every_touched_user_back(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    e3, flow = demo_tenant.sku_id("ENTERPRISEPACK"), demo_tenant.sku_id("FLOW_FREE")
    e3_plans = next(s for s in graph.list_skus() if s.sku_id == e3).service_plans
    users = graph.list_users()
    with_apps_off = pick(
        users,
        lambda u: any(
            s.sku_id == e3 and s.disabled_plans and s.assigned_by_group is None
            for s in u.license_assignment_states
        ),
    )
    removed, reconfigured = pick(
        users,
        lambda u: (
            e3 in u.direct_sku_ids
            and not u.groups_granting(e3)
            and u.account_enabled
            and u != with_apps_off[0]
        ),
        2,
    )
    nowhere = pick(users, lambda u: u.usage_location is None and not u.is_licensed)[0]
    blocked = pick(users, lambda u: not u.account_enabled and u != with_apps_off[0])[0]
    touched = [with_apps_off[0], removed, reconfigured, nowhere, blocked]
    before = {u.id: state(u) for u in touched}
    plan = Plan(
        PlanKind.MIXED,
        (
            UserChange(
                with_apps_off[0].id, remove=(e3,), account_enabled=False, usage_location="DE"
            ),
            UserChange(removed.id, remove=(e3,), add=(AssignedLicense(flow, ()),)),
            UserChange(
                reconfigured.id,
                add=(AssignedLicense(e3, tuple(p.service_plan_id for p in e3_plans[-2:])),),
            ),
            UserChange(nowhere.id, add=(AssignedLicense(flow),), usage_location="PL"),
            UserChange(blocked.id, account_enabled=True),
        ),
    )
    run = controller.apply(controller.check(plan))
    assert {r.outcome for r in run.results} == {Outcome.DONE}
    changed = {u.id: state(u) for u in controller.refresh_users(list(before))}
    assert all(changed[uid] != before[uid] for uid in before)

    undo = controller.undo_plan(run.run_id[:6])
    assert undo.plan.undo_of == run.run_id and undo.can_apply
    undone = controller.apply(undo)

    assert {r.outcome for r in undone.results} == {Outcome.DONE}
    restored = {u.id: state(u) for u in controller.refresh_users(list(before))}
    assert restored == before
    history = {s.run_id: s for s in controller.history()}
    assert history[undone.run_id].undo_of == run.run_id
    assert history[run.run_id].undone_by == undone.run_id


def test_undoing_twice_says_the_run_was_already_undone(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    flow = demo_tenant.sku_id("FLOW_FREE")
    target = pick(
        graph.list_users(), lambda u: flow not in u.sku_ids and u.usage_location is not None
    )[0]
    run = controller.apply(
        controller.check(
            Plan(PlanKind.ASSIGN, (UserChange(target.id, add=(AssignedLicense(flow),)),))
        )
    )
    undo = controller.apply(controller.undo_plan(run.run_id))
    with pytest.raises(RunAlreadyUndoneError) as refused:
        controller.undo_plan(run.run_id)
    assert refused.value.undone_by == undo.run_id
    assert f"already undone by run {undo.run_id}" in str(refused.value)
    # Reverting some users of it (what "revert partly" does) still checks the tenant: the
    # tenant no longer shows the run's change, so nothing is left to reverse, and it says so.
    again = controller.undo_plan(run.run_id, [target.id])
    assert again.effective.changes == ()
    assert [(p.kind, p.user) for p in again.problems] == [(ProblemKind.NOTHING_TO_DO, target.id)]
