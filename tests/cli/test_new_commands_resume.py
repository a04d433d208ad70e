"""The new subcommands are journaled and resumable like ``assign``: Ctrl+C during ``location``
leaves a cancelled run that ``resume`` finishes and ``undo`` reverses, user by user."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.json_schema_check import validate
from tests.demo_tenant import DemoTenantForTests
from tests.licensing.conftest import connect
from tests.licensing.gate import WriteGate
from ui.launcher import main

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs" / "cli-json.schema.json"


@pytest.fixture
def tenant() -> Iterator[DemoTenantForTests]:
    started = DemoTenantForTests.start(users=200, seed=5)
    try:
        yield started
    finally:
        started.stop()


def locations(tenant: DemoTenantForTests) -> dict[str, str | None]:
    client = connect(tenant)
    try:
        return {u.user_principal_name: u.usage_location for u in client.list_users()}
    finally:
        client.close()


def licensed_without_location(tenant: DemoTenantForTests) -> set[str]:
    """Users whose usage location an undo may not clear again (they keep a license, which
    needs one): left out, so the undo below can restore every target exactly."""
    client = connect(tenant)
    try:
        return {
            u.user_principal_name
            for u in client.list_users()
            if u.usage_location is None and (u.sku_ids or u.license_assignment_states)
        }
    finally:
        client.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child needs POSIX signals")
def test_interrupted_location_resumes_then_undoes(
    tenant: DemoTenantForTests, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = locations(tenant)
    kept = licensed_without_location(tenant)
    targets = sorted(upn for upn, where in before.items() if where != "DE" and upn not in kept)
    assert len(targets) > 60  # several batches, so some are left when Ctrl+C comes
    users_file = tmp_path / "users.txt"
    users_file.write_text("\n".join(targets), encoding="utf-8")
    journal = tmp_path / "journal.sqlite3"
    connection = ["--graph-url", tenant.base_url, "--token", "t", "--journal", str(journal)]
    gate = WriteGate(tenant, open_batches=1)
    command = [sys.executable, "-m", "ui", "location", "--users-file", str(users_file)]
    cli = subprocess.Popen(
        [*command, "--set", "DE", "--yes", *connection],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert cli.stderr is not None and cli.stdout is not None
        for line in cli.stderr:
            found = re.search(r"done (\d+)", line)
            if found and int(found.group(1)) > 0:
                break
        cli.send_signal(signal.SIGINT)
        for line in cli.stderr:
            if line.startswith("Cancelling"):
                break
        gate.release()
        out = cli.stdout.read()
        code = cli.wait(timeout=120)
    finally:
        gate.release()
        if cli.poll() is None:
            cli.kill()
            cli.wait()
    assert code == 1, out
    resume_hint = re.search(r"Finish the rest with: license-desk resume (\w+)", out)
    assert resume_hint is not None, out
    run_id = resume_hint.group(1)
    halfway = locations(tenant)
    assert 0 < sum(halfway[u] == "DE" for u in targets) < len(targets)

    capsys.readouterr()
    assert main(["resume", run_id, "--json", *connection]) == 0, capsys.readouterr().err
    resumed = json.loads(capsys.readouterr().out)
    validate(resumed, json.loads(SCHEMA.read_text(encoding="utf-8")), "resume")
    assert resumed["run"]["runId"] == run_id and resumed["run"]["cancelled"] == 0
    assert resumed["run"]["done"] + resumed["run"]["skipped"] == len(targets)
    assert all(where == "DE" for upn, where in locations(tenant).items() if upn in targets)

    capsys.readouterr()
    assert main(["undo", run_id, "--yes", *connection]) == 0, capsys.readouterr().err
    assert locations(tenant) == before
