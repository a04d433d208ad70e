"""``assign``, ``apply``, ``history``, ``resume``, ``undo``: exit codes, confirmation, output."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.commands.connection import NOT_SIGNED_IN
from desktop.demo import DemoTenant
from desktop.graph.records import User
from tests.cli.conftest import Runner, Terminal
from tests.licensing.conftest import connect


def users_of(tenant: DemoTenant) -> list[User]:
    client = connect(tenant)
    try:
        return client.list_users()
    finally:
        client.close()


def lacking(tenant: DemoTenant, part_number: str, count: int) -> list[str]:
    """Users with a usage location, allowed to sign in, who do not hold ``part_number``."""
    sku_id = tenant.sku_id(part_number)
    found = [
        u.user_principal_name
        for u in users_of(tenant)
        if sku_id not in u.sku_ids and u.usage_location and u.account_enabled
    ]
    return found[:count]


def flowless(tenant: DemoTenant, count: int) -> list[str]:
    return lacking(tenant, "FLOW_FREE", count)


def test_without_a_connection_it_says_how_to_sign_in(cli: Runner) -> None:
    result = cli("assign", "--users", "a@b.pl", "--add", "FLOW_FREE", connect=False)
    assert (result.code, result.err.strip()) == (2, NOT_SIGNED_IN)
    half = cli("skus", "--graph-url", "http://127.0.0.1:9/v1.0", connect=False)
    assert half.code == 2 and "--token is missing" in half.err


def test_dry_run_shows_the_plan_and_changes_nothing(cli: Runner, demo_tenant: DemoTenant) -> None:
    users = flowless(demo_tenant, 2)
    result = cli(
        "assign", "--users", ",".join(users), "--add", "Microsoft Power Automate Free", "--dry-run"
    )
    assert result.code == 0
    assert f"  {users[0]}: add Microsoft Power Automate Free" in result.out
    assert "Dry run: nothing was changed." in result.out
    assert demo_tenant.stats.snapshot()["writes"] == 0


def test_no_terminal_and_no_yes_refuses(cli: Runner, demo_tenant: DemoTenant) -> None:
    result = cli("assign", "--users", flowless(demo_tenant, 1)[0], "--add", "FLOW_FREE")
    assert result.code == 2
    assert "Pass --yes" in result.err
    assert demo_tenant.stats.snapshot()["writes"] == 0


def test_a_person_confirms_or_declines_at_the_terminal(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    first, second = flowless(demo_tenant, 2)
    declined = cli("assign", "--users", first, "--add", "FLOW_FREE", stdin=Terminal("n\n"))
    assert declined.code == 0 and "Nothing was changed." in declined.out
    assert "[y/N]" in declined.err
    assert demo_tenant.stats.snapshot()["writes"] == 0
    accepted = cli("assign", "--users", second, "--add", "FLOW_FREE", stdin=Terminal("y\n"))
    assert accepted.code == 0
    assert "1 done, 0 failed, 0 skipped" in accepted.out
    assert second not in flowless(demo_tenant, 100)


def test_blocking_problems_exit_2_and_name_the_problem(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    users = lacking(demo_tenant, "O365_BUSINESS_PREMIUM", 3)
    result = cli("assign", "--users", ",".join(users), "--add", "O365_BUSINESS_PREMIUM", "--yes")
    assert result.code == 2
    assert "needs 3 seats of Microsoft 365 Business Standard, 0 free" in result.out
    assert "Nothing was changed" in result.err


def test_bad_options_are_bad_input(cli: Runner, demo_tenant: DemoTenant, tmp_path: Path) -> None:
    user = flowless(demo_tenant, 1)[0]
    replace = cli(
        "assign",
        "--users",
        user,
        "--add",
        "FLOW_FREE",
        "--add",
        "ENTERPRISEPACK",
        "--replace",
        "--remove",
        "SPB",
    )
    assert replace.code == 2 and "--replace needs exactly one" in replace.err
    plan = cli("assign", "--users", user, "--disable-plan", "SWAY")
    assert plan.code == 2 and "--disable-plan needs --add" in plan.err
    nothing = cli("assign", "--users", user)
    assert nothing.code == 2 and "Nothing to do" in nothing.err
    missing = cli("assign", "--users-file", str(tmp_path / "none.txt"), "--add", "FLOW_FREE")
    assert missing.code == 2 and "none.txt" in missing.err


def test_a_failure_at_graph_exits_1_with_its_message(cli: Runner, demo_tenant: DemoTenant) -> None:
    basic = demo_tenant.sku_id("O365_BUSINESS_ESSENTIALS")
    holder = next(u for u in users_of(demo_tenant) if u.sku_ids == {basic} and u.usage_location)
    # Exchange Plan 1 in Business Basic and Plan 2 in E3 exclude each other: only Graph knows.
    result = cli(
        "assign", "--users", holder.user_principal_name, "--add", "ENTERPRISEPACK", "--yes"
    )
    assert result.code == 1
    assert "0 done, 1 failed" in result.out
    assert "mutually exclusive" in result.out and "[Request_BadRequest]" in result.out


def test_apply_a_plan_file_reports_bad_lines(cli: Runner, tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "userPrincipalName;add;enable\nnot-an-email;FLOW_FREE;\nx@y.pl;NOPE;maybe\n",
        encoding="utf-8",
    )
    result = cli("apply", str(plan), "--yes")
    assert result.code == 2
    assert "line 2: 'not-an-email' is not a userPrincipalName" in result.err
    assert "line 3: enable is 'maybe'" in result.err


def test_apply_undo_and_history_round_trip(
    cli: Runner, demo_tenant: DemoTenant, tmp_path: Path
) -> None:
    users = flowless(demo_tenant, 3)
    plan = tmp_path / "plan.csv"
    rows = "".join(f"{u};Microsoft Power Automate Free;;PRAWDA\r\n" for u in users)
    plan.write_bytes(("\ufeffuserPrincipalName;add;remove;enable\r\n" + rows).encode("utf-8"))
    applied = cli("apply", str(plan), "--yes")
    assert applied.code == 0, applied.err
    assert "3 done, 0 failed, 0 skipped" in applied.out
    assert "progress: 3/3  done 3" in applied.err  # plain lines when stderr is not a terminal
    assert not set(users) & set(flowless(demo_tenant, 100))

    history = cli("history")
    run_id = history.out.splitlines()[1].split()[0]
    assert "finished" in history.out and "import" in history.out

    undone = cli("undo", run_id[:5], "--yes")
    assert undone.code == 0 and "3 done" in undone.out
    assert set(users) <= set(flowless(demo_tenant, 100))
    history = cli("history").out
    assert "undone by" in history and f"undo of {run_id}" in history


def test_resume_of_a_finished_or_unknown_run_is_bad_input(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    assert (
        cli("assign", "--users", flowless(demo_tenant, 1)[0], "--add", "FLOW_FREE", "--yes").code
        == 0
    )
    run_id = cli("history").out.splitlines()[1].split()[0]
    finished = cli("resume", run_id)
    assert finished.code == 2 and "nothing to resume" in finished.err
    unknown = cli("resume", "ffff0000")
    assert unknown.code == 2 and "No run 'ffff0000'" in unknown.err


def test_users_json_is_machine_readable(cli: Runner) -> None:
    data = json.loads(cli("users", "--json").out)
    assert {"userPrincipalName", "accountEnabled", "usageLocation", "licenses"} <= set(data[0])
