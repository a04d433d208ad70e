"""A CLI run killed with SIGKILL mid-run, then ``resume``: exactly the intended state, and no
change sent twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.licensing.journal import Journal, StepState
from desktop.licensing.types import RunStatus
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
