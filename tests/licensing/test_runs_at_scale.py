"""Larger runs: throttling and faults, and cancelling part-way, end in an exact, known state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cancel import CancelToken
from desktop.graph.records import AssignedLicense, User
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import (
    CheckedPlan,
    Outcome,
    Plan,
    PlanKind,
    Progress,
    RunStatus,
    UserChange,
)
from tests.demo_tenant import DemoTenantForTests
from tests.licensing.conftest import connect

FLOW = "FLOW_FREE"


@pytest.fixture
def big_tenant() -> Iterator[DemoTenantForTests]:
    tenant = DemoTenantForTests.start(users=500, seed=7)
    try:
        yield tenant
    finally:
        tenant.stop()


def flip_plan(users: list[User], flow: str) -> Plan:
    """Everyone who holds FLOW_FREE directly loses it, everyone else gets it."""
    return Plan(
        PlanKind.MIXED,
        tuple(
            UserChange(u.id, remove=(flow,))
            if flow in u.direct_sku_ids
            else UserChange(u.id, add=(AssignedLicense(flow),))
            for u in users
        ),
    )


def holds(tenant: DemoTenantForTests, flow: str) -> dict[str, bool]:
    client = connect(tenant)
    try:
        return {u.id: flow in u.direct_sku_ids for u in client.list_users()}
    finally:
        client.close()


@pytest.mark.slow
def test_five_hundred_users_under_throttling_and_faults_end_exactly_as_planned(
    big_tenant: DemoTenantForTests, tmp_path: Path
) -> None:
    flow = big_tenant.sku_id(FLOW)
    before = holds(big_tenant, flow)
    faults = big_tenant.faults
    faults.throttle_rate, faults.throttle_retry_after = 0.10, 0.05
    faults.fault_rate, faults.fault_retry_after = 0.05, 0.05
    controller = LicenseController(connect(big_tenant), tmp_path / "j.sqlite3")
    try:
        client = controller.client
        users = client.list_users()
        checked = controller.check(flip_plan(users, flow), default_usage_location="PL")
        report = controller.apply(checked)
    finally:
        controller.close()
    stats = big_tenant.stats.snapshot()
    faults.throttle_rate = faults.fault_rate = 0.0

    assert len(users) == 500
    assert stats["throttled"] > 0 and stats["faults"] > 0
    assert sorted(r.user for r in report.results) == sorted(u.id for u in users)
    assert {r.outcome for r in report.results} == {Outcome.DONE}
    after = holds(big_tenant, flow)
    assert all(after[uid] is not before[uid] for uid in before)


def test_cancel_after_some_users_reports_exactly_what_was_done(
    demo_tenant: DemoTenantForTests, tmp_path: Path
) -> None:
    flow = demo_tenant.sku_id(FLOW)
    before = holds(demo_tenant, flow)
    cancel = CancelToken()
    seen: list[Progress] = []

    def progress(p: Progress) -> None:
        seen.append(p)
        if p.done >= 20:
            cancel.cancel()

    controller = LicenseController(connect(demo_tenant), tmp_path / "j.sqlite3", max_in_flight=1)
    try:
        users = controller.client.list_users()
        checked: CheckedPlan = controller.check(flip_plan(users, flow), default_usage_location="PL")
        report = controller.apply(checked, progress=progress, cancel=cancel)
        after = holds(demo_tenant, flow)
        done = {r.user for r in report.results if r.outcome is Outcome.DONE}
        cancelled = {r.user for r in report.results if r.outcome is Outcome.CANCELLED}

        assert len(report.results) == len(users) == len({r.user for r in report.results})
        assert 20 <= len(done) < len(users) and cancelled
        assert done | cancelled == {u.id for u in users}
        assert {uid for uid in before if after[uid] is not before[uid]} == done
        assert seen[-1].cancelled == len(cancelled) and seen[-1].finished == len(users)
        assert controller.history()[0].status is RunStatus.CANCELLED

        resumed = controller.resume(report.run_id)
    finally:
        controller.close()
    assert {r.outcome for r in resumed.results} == {Outcome.DONE}
    final = holds(demo_tenant, flow)
    assert all(final[uid] is not before[uid] for uid in before)
