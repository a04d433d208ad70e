"""A CLI run killed with SIGKILL mid-run, then ``resume``: exactly the intended state, and no
change sent twice."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.demo import DemoTenant
from desktop.licensing.journal import Journal, StepState
from desktop.licensing.types import RunStatus
from tests.licensing.conftest import connect
from tests.licensing.gate import WriteGate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tenant() -> Iterator[DemoTenant]:
    started = DemoTenant.start(users=200, seed=3)
    try:
        yield started
    finally:
        started.stop()


def test_killed_mid_run_then_resumed_ends_exactly_as_planned(
    tenant: DemoTenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flow = tenant.sku_id("FLOW_FREE")
    client = connect(tenant)
    targets = [u for u in client.list_users() if flow not in u.sku_ids and u.usage_location]
    users_file = tmp_path / "users.txt"
    users_file.write_text("\n".join(u.user_principal_name for u in targets), encoding="utf-8")
    journal = tmp_path / "journal.sqlite3"
    connection = ["--graph-url", tenant.base_url, "--token", "t", "--journal", str(journal)]
    gate = WriteGate(tenant, open_batches=1)
    cli = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop",
            "assign",
            "--users-file",
            str(users_file),
            "--add",
            "FLOW_FREE",
            "--yes",
            *connection,
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert cli.stderr is not None
        for line in cli.stderr:  # progress lines arrive after the journal records them
            found = re.search(r"done (\d+)", line)
            if found and int(found.group(1)) > 0:
                break
        cli.kill()
        cli.wait()
        gate.release_and_wait()
    finally:
        gate.release()
        if cli.poll() is None:
            cli.kill()
            cli.wait()

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
