"""Ctrl+C during ``assign``: in-flight batches finish, nothing new is sent, the report says
exactly what was and was not done."""

from __future__ import annotations

import re
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.commands.exit_codes import EXIT_FAILED
from desktop.commands.interrupt import STOPPED_BEFORE_SENDING
from desktop.licensing.journal import Journal, StepState
from desktop.licensing.types import RunStatus
from tests.demo_tenant import DemoTenantForTests
from tests.licensing.conftest import connect
from tests.licensing.gate import is_user_read, start_gated_assign

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tenant() -> Iterator[DemoTenantForTests]:
    started = DemoTenantForTests.start(users=200, seed=5)
    try:
        yield started
    finally:
        started.stop()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child needs POSIX signals")
def test_ctrl_c_cancels_cleanly_and_reports(tenant: DemoTenantForTests, tmp_path: Path) -> None:
    flow = tenant.sku_id("FLOW_FREE")
    client = connect(tenant)
    gated = start_gated_assign(tenant, client, tmp_path)
    targets = [u.user_principal_name for u in gated.targets]
    journal = gated.journal
    try:
        assert gated.cli.stderr is not None and gated.cli.stdout is not None
        gated.wait_until_some_done()
        gated.cli.send_signal(signal.SIGINT)
        for line in gated.cli.stderr:
            if line.startswith("Cancelling"):
                break
        gated.gate.release()  # the batches in flight may now finish
        out = gated.cli.stdout.read()
        code = gated.cli.wait()
    finally:
        gated.stop()

    assert code == 1
    numbers = re.search(r"(\d+) done, 0 failed, 0 skipped, (\d+) not done \(cancelled\)", out)
    assert numbers is not None, out
    done, cancelled = int(numbers.group(1)), int(numbers.group(2))
    assert done + cancelled == len(targets) and done >= 20 and cancelled > 0
    assert "Finish the rest with: license-desk resume" in out

    opened = Journal(journal)
    try:
        (run,) = opened.summaries()
        steps = opened.steps(run.run_id)
    finally:
        opened.close()
    assert run.status is RunStatus.CANCELLED
    after = {u.user_principal_name: flow in u.sku_ids for u in client.list_users()}
    client.close()
    assert {s.label for s in steps if s.state is StepState.DONE} == {
        upn for upn in targets if after[upn]
    }
    assert all(s.state in (StepState.DONE, StepState.CANCELLED) for s in steps)
    assert tenant.stats.snapshot()["writes"] == done


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child needs POSIX signals")
def test_ctrl_c_while_checking_says_nothing_changed_without_a_traceback(
    tenant: DemoTenantForTests, tmp_path: Path
) -> None:
    client = connect(tenant)
    gated = start_gated_assign(tenant, client, tmp_path, holds=is_user_read)
    client.close()
    try:
        gated.gate.wait_held(1)  # the command is reading the users to check the plan
        gated.cli.send_signal(signal.SIGINT)
        gated.gate.release()
        _out, err = gated.cli.communicate(timeout=60)
        code = gated.cli.returncode
    finally:
        gated.stop()

    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert err.strip().splitlines()[-1] == STOPPED_BEFORE_SENDING
    assert code == EXIT_FAILED
    assert tenant.stats.snapshot()["writes"] == 0
