"""A CLI run killed with SIGKILL mid-run, then ``resume``: exactly the intended state, and no
change sent twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.licensing.controller import LicenseController
from desktop.licensing.journal import Journal, StepState
from desktop.licensing.types import Outcome, RunStatus
from tests.demo_tenant import DemoTenantForTests
from tests.licensing.conftest import connect
from tests.licensing.gate import start_gated_assign
from ui.launcher import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tenant() -> Iterator[DemoTenantForTests]:
    started = DemoTenantForTests.start(users=200, seed=3)
    try:
        yield started
    finally:
        started.stop()


def test_killed_mid_run_then_resumed_ends_exactly_as_planned(
    tenant: DemoTenantForTests, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flow = tenant.sku_id("FLOW_FREE")
    client = connect(tenant)
    gated = start_gated_assign(tenant, client, tmp_path)
    targets, journal, connection = gated.targets, gated.journal, gated.connection
    try:
        gated.wait_until_some_done()
        # Kill only once a later batch has reached the tenant (and is held there): on a busy
        # machine the CLI may otherwise die before it sends one, and nothing is left in flight.
        gated.gate.wait_held(1)
        gated.cli.kill()
        gated.cli.wait()
        gated.gate.release_and_wait()
    finally:
        gated.stop()

    opened = Journal(journal)
    try:
        (interrupted,) = opened.interrupted()
        states = [s.state for s in opened.steps(interrupted.run_id)]
    finally:
        opened.close()
    assert interrupted.status is RunStatus.RUNNING
    assert states.count(StepState.DONE) == 20  # the one batch that was answered
    assert StepState.SENT in states and StepState.PENDING in states
    capsys.readouterr()
    assert main(["history", "--journal", str(journal)]) == 0
    assert "interrupted" in capsys.readouterr().out.splitlines()[1]
    writes_before_resume = tenant.stats.snapshot()["writes"]
    assert writes_before_resume > 20  # the held batches were applied after the kill

    assert main(["resume", interrupted.run_id, *connection]) == 0

    after = {u.id: u for u in client.list_users()}
    client.close()
    assert all(flow in after[u.id].direct_sku_ids for u in targets)
    assert tenant.stats.snapshot()["writes"] == len(targets)  # none applied twice
    opened = Journal(journal)
    try:
        summary = opened.summary(interrupted.run_id)
        assert summary.status is RunStatus.FINISHED
        assert summary.done == summary.total == len(targets)
    finally:
        opened.close()


@pytest.mark.slow
@pytest.mark.parametrize("seed", [11, 12, 13])
def test_killed_under_faults_and_lost_answers_then_resumed_ends_exact(
    seed: int, tmp_path: Path
) -> None:
    """Throttling, 503/504s, dropped connections and "apply, then drop" all at once, a CLI run
    killed mid-way, then resumed under the same weather: every user holds the license, each
    applied exactly once, and the journal says done for every one."""
    tenant = DemoTenantForTests.start(users=200, seed=seed)
    try:
        faults = tenant.faults
        faults.throttle_rate, faults.throttle_retry_after = 0.1, 0.05
        faults.fault_rate, faults.fault_retry_after = 0.1, 0.05
        faults.drop_after_apply_rate = 0.3
        flow = tenant.sku_id("FLOW_FREE")
        client = connect(tenant)
        gated = start_gated_assign(tenant, client, tmp_path)
        try:
            gated.gate.wait_held(2)
            gated.cli.kill()
            gated.cli.wait()
            gated.gate.release_and_wait()  # whatever reached the tenant is applied by now
        finally:
            gated.stop()
        controller = LicenseController(connect(tenant), gated.journal)
        try:
            (interrupted,) = controller.interrupted_runs()
            report = controller.resume(interrupted.run_id)
            assert {r.outcome for r in report.results} == {Outcome.DONE}
            summary = controller.journal.summary(interrupted.run_id)
        finally:
            controller.close()
        stats = tenant.stats.snapshot()
        faults.throttle_rate = faults.fault_rate = faults.drop_after_apply_rate = 0.0
        after = {u.id: u for u in client.list_users()}
        client.close()
        assert stats["faults"] > 0 and stats["throttled"] > 0 and stats["dropped"] > 0
        assert all(flow in after[u.id].direct_sku_ids for u in gated.targets)
        assert stats["writes"] == len(gated.targets)  # none applied twice, none resent blind
        assert summary.status is RunStatus.FINISHED
        assert summary.done == summary.total == len(gated.targets)
    finally:
        tenant.stop()
