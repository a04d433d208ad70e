"""Runs that tell the truth against a server that misbehaves as real networks do.

Each test is one of the four ways a run used to leave users in the wrong state while the
journal said otherwise: answers lost after the change was applied, users half done, a batch
resent after a dropped connection, and an undo that kept a usage location without a word. In
every one the journal's outcomes match the tenant user by user, and undo then restores the
exact state from before the run or says in its preview what it cannot.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.graph.client import GraphClient
from desktop.graph.records import AssignedLicense, User
from desktop.licensing.controller import LicenseController
from desktop.licensing.journal import StepState
from desktop.licensing.state import has_mailbox
from desktop.licensing.types import (
    Outcome,
    Part,
    PartState,
    Plan,
    PlanKind,
    ProblemKind,
    RunStatus,
    Severity,
    UserChange,
)
from tests.demo_tenant import DemoTenantForTests
from tests.licensing.conftest import UserState, connect, pick, state

REFUSED_LONGER_THAN_ANY_RETRY = 3600.0


def states(controller: LicenseController, users: list[User]) -> dict[str, UserState]:
    return {u.id: state(u) for u in controller.refresh_users([u.id for u in users])}


def writes(tenant: DemoTenantForTests) -> int:
    return tenant.stats.snapshot()["writes"]


def assign_to_many(
    tenant: DemoTenantForTests, graph: GraphClient, count: int
) -> tuple[Plan, list[User]]:
    flow = tenant.sku_id("FLOW_FREE")
    users = pick(
        graph.list_users(), lambda u: flow not in u.sku_ids and bool(u.usage_location), count
    )
    plan = Plan(
        PlanKind.ASSIGN, tuple(UserChange(u.id, add=(AssignedLicense(flow),)) for u in users)
    )
    return plan, users


# -- 1. applied, but every answer lost -------------------------------------------------------


def test_applied_with_answers_lost_and_reads_refused_is_unconfirmed_then_settled_by_resume(
    demo_tenant: DemoTenantForTests, graph: GraphClient, controller: LicenseController
) -> None:
    flow = demo_tenant.sku_id("FLOW_FREE")
    plan, users = assign_to_many(demo_tenant, graph, 30)  # two $batch calls
    before = states(controller, users)
    checked = controller.check(plan)
    demo_tenant.faults.drop_after_apply = 10  # every write batch: applied, then no answer
    demo_tenant.refuse_reads(REFUSED_LONGER_THAN_ANY_RETRY)
    written = writes(demo_tenant)

    report = controller.apply(checked)

    assert writes(demo_tenant) - written == 30  # each sent once, none resent blind
    assert {r.outcome for r in report.results} == {Outcome.UNCONFIRMED}  # never "failed"
    summary = controller.history()[0]
    assert summary.status is RunStatus.NEEDS_CHECKING
    assert (summary.unconfirmed, summary.failed, summary.done) == (30, 0, 0)
    demo_tenant.refuse_reads(0)
    held = {u.id: flow in u.direct_sku_ids for u in controller.refresh_users(list(before))}
    assert all(held.values())  # the tenant did change: the journal said so honestly

    resumed = controller.resume(report.run_id)

    assert {r.outcome for r in resumed.results} == {Outcome.DONE}
    assert writes(demo_tenant) - written == 30  # settled by reading, nothing sent again
    assert controller.history()[0].status is RunStatus.FINISHED
    controller.apply(controller.undo_plan(report.run_id))
    assert states(controller, users) == before


def test_answers_lost_but_tenant_readable_settles_at_once_without_resending(
    demo_tenant: DemoTenantForTests, graph: GraphClient, controller: LicenseController
) -> None:
    plan, users = assign_to_many(demo_tenant, graph, 30)
    before = states(controller, users)
    checked = controller.check(plan)
    demo_tenant.faults.drop_after_apply = 1  # the first write batch only
    written = writes(demo_tenant)

    report = controller.apply(checked)

    assert {r.outcome for r in report.results} == {Outcome.DONE}
    assert writes(demo_tenant) - written == 30
    assert controller.history()[0].status is RunStatus.FINISHED
    controller.apply(controller.undo_plan(report.run_id))
    assert states(controller, users) == before


def test_a_run_needing_checking_can_be_undone_before_it_is_resumed(
    demo_tenant: DemoTenantForTests, graph: GraphClient, controller: LicenseController
) -> None:
    plan, users = assign_to_many(demo_tenant, graph, 5)
    before = states(controller, users)
    checked = controller.check(plan)
    demo_tenant.faults.drop_after_apply = 1
    demo_tenant.refuse_reads(REFUSED_LONGER_THAN_ANY_RETRY)
    report = controller.apply(checked)
    assert report.count(Outcome.UNCONFIRMED) == 5
    demo_tenant.refuse_reads(0)

    undo = controller.undo_plan(report.run_id)

    assert len(undo.effective.changes) == 5  # it reverses what the tenant shows was applied
    undone = controller.apply(undo)
    assert {r.outcome for r in undone.results} == {Outcome.DONE}
    assert states(controller, users) == before


# -- 2. half-done users ----------------------------------------------------------------------


@pytest.fixture
def larger(tmp_path: Path) -> Iterator[tuple[DemoTenantForTests, GraphClient, LicenseController]]:
    """200 users: enough of each kind the seed makes rarely."""
    tenant = DemoTenantForTests.start(users=200, seed=3)
    graph = connect(tenant)
    controller = LicenseController(connect(tenant), tmp_path / "journal.sqlite3")
    try:
        yield tenant, graph, controller
    finally:
        controller.close()
        graph.close()
        tenant.stop()


def test_seats_gone_between_check_and_send_leave_users_partly_done_and_undo_restores_them(
    larger: tuple[DemoTenantForTests, GraphClient, LicenseController],
) -> None:
    tenant, graph, controller = larger
    part = "ENTERPRISEPACK"
    sku_id = tenant.sku_id(part)
    free = tenant.free_seats(part)
    skus = {s.sku_id: s for s in graph.list_skus()}
    candidates = pick(
        graph.list_users(),
        lambda u: (
            sku_id not in u.sku_ids
            and bool(u.usage_location)
            and u.account_enabled
            and not has_mailbox(u.holdings, skus)
        ),  # no mailbox plan that would conflict
        free + 2,
    )
    users, others = candidates[:free], candidates[free:]
    before = states(controller, users)
    plan = Plan(
        PlanKind.MIXED,
        tuple(
            UserChange(u.id, add=(AssignedLicense(sku_id),), account_enabled=False) for u in users
        ),
    )
    checked = controller.check(plan)
    assert checked.can_apply
    # Another admin takes two seats between the check and the send.
    graph.assign_license(others[0].id, [AssignedLicense(sku_id)], [])
    graph.assign_license(others[1].id, [AssignedLicense(sku_id)], [])

    report = controller.apply(checked)

    after = {u.id: u for u in controller.refresh_users([u.id for u in users])}
    by_user = {r.user: r for r in report.results}
    partly = [uid for uid, r in by_user.items() if r.outcome is Outcome.PARTLY]
    assert len(partly) == 2 and report.count(Outcome.DONE) == free - 2
    for uid, result in by_user.items():
        parts = {p.part: p.state for p in result.parts}
        holds = sku_id in after[uid].direct_sku_ids
        # The journal matches the tenant user by user, part by part.
        assert parts[Part.SIGN_IN] is PartState.DONE and not after[uid].account_enabled
        assert parts[Part.LICENSES] is (PartState.DONE if holds else PartState.FAILED)
        if not holds:
            assert "available licenses" in result.message
    steps = {s.user_key: s.state for s in controller.journal.steps(report.run_id)}
    assert sorted(uid for uid, s in steps.items() if s is StepState.PARTLY) == sorted(partly)

    revert = controller.undo_plan(report.run_id, users=partly)  # only the part that happened
    assert {c.user: c for c in revert.effective.changes} == {
        uid: UserChange(uid, account_enabled=True) for uid in partly
    }
    controller.apply(controller.undo_plan(report.run_id))
    assert states(controller, users) == before


# -- 3. a batch resent after a dropped connection --------------------------------------------


def test_undo_through_a_dropped_connection_sends_nothing_twice_and_restores_exactly(
    larger: tuple[DemoTenantForTests, GraphClient, LicenseController],
) -> None:
    demo_tenant, graph, controller = larger
    flow = demo_tenant.sku_id("FLOW_FREE")
    users = pick(
        graph.list_users(),
        lambda u: u.usage_location is None and not u.license_assignment_states,
        2,
    )
    before = states(controller, users)
    plan = Plan(
        PlanKind.ASSIGN, tuple(UserChange(u.id, add=(AssignedLicense(flow),)) for u in users)
    )
    run = controller.apply(controller.check(plan, default_usage_location="PL"))
    assert {r.outcome for r in run.results} == {Outcome.DONE}
    undo = controller.undo_plan(run.run_id)
    assert all(c.remove == (flow,) and c.clear_usage_location for c in undo.effective.changes)
    demo_tenant.faults.drop_after_apply = 1  # license removal and location clear, no answer
    written = writes(demo_tenant)

    undone = controller.apply(undo)

    assert writes(demo_tenant) - written == 4  # two requests per user, each sent once
    assert {r.outcome for r in undone.results} == {Outcome.DONE}
    assert states(controller, users) == before


# -- 4. an undo that cannot restore everything says so first ---------------------------------


def test_undo_says_before_it_runs_that_a_group_license_keeps_the_usage_location(
    demo_tenant: DemoTenantForTests, graph: GraphClient, controller: LicenseController
) -> None:
    flow = demo_tenant.sku_id("FLOW_FREE")
    target = pick(
        graph.list_users(),
        lambda u: (
            u.usage_location is None
            and any(s.assigned_by_group for s in u.license_assignment_states)
            and flow not in u.sku_ids
        ),
    )[0]
    group_id = next(
        s.assigned_by_group for s in target.license_assignment_states if s.assigned_by_group
    )
    group_name = graph.get_group(group_id).display_name
    before = states(controller, [target])
    plan = Plan(PlanKind.ASSIGN, (UserChange(target.id, add=(AssignedLicense(flow),)),))
    run = controller.apply(controller.check(plan, default_usage_location="PL"))
    assert {r.outcome for r in run.results} == {Outcome.DONE}

    undo = controller.undo_plan(run.run_id)

    (kept,) = [p for p in undo.problems if p.kind is ProblemKind.USAGE_LOCATION_KEPT]
    assert kept.severity is Severity.SKIP and kept.user == target.id
    assert kept.details["group_names"] == [group_name]
    assert group_name in kept.message and "PL" in kept.message
    (change,) = undo.effective.changes
    assert change.remove == (flow,) and not change.clear_usage_location
    undone = controller.apply(undo)
    (result,) = undone.results
    assert [(p.part, p.state) for p in result.parts] == [
        (Part.USAGE_LOCATION, PartState.KEPT),
        (Part.LICENSES, PartState.DONE),
    ]
    assert [(r.user, p.part) for r, p in undone.kept()] == [(target.id, Part.USAGE_LOCATION)]
    after = states(controller, [target])[target.id]
    assert after[2] == before[target.id][2]  # the licenses are back exactly
    assert after[1] == "PL"  # and the location stayed, as the preview said it would


def test_a_journal_written_before_parts_existed_opens_and_reads_back(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(
        """
        CREATE TABLE runs (id TEXT PRIMARY KEY, kind TEXT NOT NULL, description TEXT NOT NULL,
            started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, undo_of TEXT);
        CREATE TABLE steps (run_id TEXT NOT NULL, seq INTEGER NOT NULL, user_key TEXT NOT NULL,
            user_id TEXT, label TEXT NOT NULL, change_json TEXT NOT NULL, before_json TEXT,
            state TEXT NOT NULL, message TEXT NOT NULL DEFAULT '', code TEXT, created_id TEXT,
            updated_at TEXT NOT NULL, PRIMARY KEY (run_id, seq));
        INSERT INTO runs VALUES ('abcd1234', 'assign', 'Assign', 't', 't', 'finished', NULL);
        INSERT INTO steps VALUES ('abcd1234', 0, 'u1', 'u1', 'u1@x', '{"user": "u1", "add": [],
            "remove": [], "usageLocation": "PL", "accountEnabled": null, "create": null,
            "delete": false, "clearUsageLocation": false}', NULL, 'failed', 'lost', NULL, NULL,
            't');
        """
    )
    old.commit()
    old.close()
    from desktop.licensing.journal import Journal

    journal = Journal(path)
    try:
        (step,) = journal.steps("abcd1234")
        assert (step.state, step.parts) == (StepState.FAILED, ())
        journal.record("abcd1234", [])
    finally:
        journal.close()
    reopened = sqlite3.connect(path)
    assert reopened.execute("PRAGMA user_version").fetchone() == (2,)
    reopened.close()


def test_after_a_lost_answer_only_the_missing_part_is_sent_again(
    larger: tuple[DemoTenantForTests, GraphClient, LicenseController],
) -> None:
    tenant, graph, controller = larger
    e3 = tenant.sku_id("ENTERPRISEPACK")
    skus = {s.sku_id: s for s in graph.list_skus()}
    eligible = pick(
        graph.list_users(),
        lambda u: (
            e3 not in u.sku_ids
            and bool(u.usage_location)
            and u.account_enabled
            and not has_mailbox(u.holdings, skus)
        ),
        tenant.free_seats("ENTERPRISEPACK") + 1,
    )
    target, others = eligible[0], eligible[1:]
    plan = Plan(
        PlanKind.MIXED, (UserChange(target.id, add=(AssignedLicense(e3),), account_enabled=False),)
    )
    checked = controller.check(plan)
    for other in others:  # every seat goes between the check and the send
        graph.assign_license(other.id, [AssignedLicense(e3)], [])
    sent: list[str] = []
    handle = tenant.handle

    def record(request):  # type: ignore[no-untyped-def]
        if request.path.endswith("/$batch"):
            sent.extend(e["method"] for e in json.loads(request.body)["requests"])
        return handle(request)

    tenant.handle = record  # type: ignore[method-assign]
    tenant.faults.drop_after_apply = 1  # sign-in blocked, license refused, answer lost

    (result,) = controller.apply(checked).results

    writes = [m for m in sent if m != "GET"]
    assert writes == ["PATCH", "POST", "POST"]  # the PATCH the tenant showed was not resent
    assert result.outcome is Outcome.PARTLY
    assert {p.part: p.state for p in result.parts} == {
        Part.SIGN_IN: PartState.DONE,
        Part.LICENSES: PartState.FAILED,
    }
    assert "available licenses" in result.message
