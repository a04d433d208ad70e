"""``license-desk undo`` says what the undo will really do, in the same words as the window:
the deletion of a created account first, with a warning, and only a typed "delete" applies it;
the clearing of a usage location the user did not have."""

from __future__ import annotations

from pathlib import Path

from desktop.demo import DemoTenant
from desktop.graph.records import NewUser, PasswordProfile
from desktop.licensing.builders import create_user_plan, usage_location_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import Outcome, Plan
from tests.cli.conftest import Runner, Terminal
from tests.cli.test_change_commands import users_of
from tests.licensing.conftest import connect

UPN_DOMAIN_USER = "olga.undo"


def run_in_journal(tenant: DemoTenant, journal: Path, plan: Plan) -> str:
    """Apply ``plan`` as an earlier session did, recording it in the CLI's journal."""
    controller = LicenseController(connect(tenant), journal)
    try:
        report = controller.apply(controller.check(plan))
    finally:
        controller.close()
    assert all(r.outcome is Outcome.DONE for r in report.results)
    return report.run_id


def created_user(tenant: DemoTenant, journal: Path) -> tuple[str, str]:
    domain = users_of(tenant)[0].user_principal_name.split("@", 1)[1]
    upn = f"{UPN_DOMAIN_USER}@{domain}"
    new = NewUser("Olga Undo", upn, PasswordProfile("Correct-Horse-42"))
    return run_in_journal(tenant, journal, create_user_plan(new)), upn


def exists(tenant: DemoTenant, upn: str) -> bool:
    return any(u.user_principal_name == upn for u in users_of(tenant))


def test_undo_of_a_create_says_first_that_the_account_will_be_deleted(
    cli: Runner, demo_tenant: DemoTenant, journal_file: Path
) -> None:
    run_id, upn = created_user(demo_tenant, journal_file)
    shown = cli("undo", run_id, "--dry-run")
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert lines[0].startswith("WARNING: 1 account will be deleted.")
    assert "Deleted users" in lines[0]
    assert f"! {upn}: delete the account" in lines
    assert "Dry run: nothing was changed." in shown.out


def test_undo_of_a_create_needs_the_word_delete(
    cli: Runner, demo_tenant: DemoTenant, journal_file: Path
) -> None:
    run_id, upn = created_user(demo_tenant, journal_file)
    refused = cli("undo", run_id, stdin=Terminal("y\n"))
    assert refused.code == 0 and "Nothing was changed." in refused.out
    assert "Type 'delete'" in refused.err
    assert exists(demo_tenant, upn)

    agreed = cli("undo", run_id, stdin=Terminal("delete\n"))
    assert agreed.code == 0, agreed.err
    assert "1 done, 0 failed" in agreed.out
    assert not exists(demo_tenant, upn)


def test_undo_of_a_usage_location_set_from_empty_says_it_will_be_cleared(
    cli: Runner, demo_tenant: DemoTenant, journal_file: Path
) -> None:
    homeless = next(
        u for u in users_of(demo_tenant) if u.usage_location is None and not u.assigned_licenses
    )
    run_id = run_in_journal(demo_tenant, journal_file, usage_location_plan([homeless.id], "DE"))
    shown = cli("undo", run_id, "--dry-run")
    assert shown.code == 0, shown.err
    assert f"  {homeless.user_principal_name}: clear usage location" in shown.out.splitlines()
    assert "WARNING" not in shown.out
    undone = cli("undo", run_id, "--yes")
    assert undone.code == 0 and "1 done" in undone.out
    assert next(u for u in users_of(demo_tenant) if u.id == homeless.id).usage_location is None


def test_undoing_a_run_twice_says_it_was_already_undone(
    cli: Runner, demo_tenant: DemoTenant, journal_file: Path
) -> None:
    homeless = next(
        u for u in users_of(demo_tenant) if u.usage_location is None and not u.assigned_licenses
    )
    run_id = run_in_journal(demo_tenant, journal_file, usage_location_plan([homeless.id], "DE"))
    assert cli("undo", run_id, "--yes").code == 0
    writes = demo_tenant.stats.snapshot()["writes"]
    again = cli("undo", run_id, "--yes")
    assert again.code == 2
    assert again.err.strip().startswith(f"Run {run_id} was already undone by run ")
    assert "Traceback" not in again.err
    assert demo_tenant.stats.snapshot()["writes"] == writes  # nothing was sent
    history = cli("history")
    assert "undone by" in history.out
