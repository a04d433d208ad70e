"""``block``, ``unblock``, ``location``, ``apps`` and ``copy`` over real HTTP against the demo
tenant: each applies, is undone exactly by ``undo``, and refuses bad input with exit 2 and one
line before anything is sent."""

from __future__ import annotations

from pathlib import Path

from desktop.demo import DemoTenant
from desktop.graph.records import User
from tests.cli.conftest import Runner
from tests.cli.tenant_picks import applied_run, direct_parts, document, find, pick


def writes(tenant: DemoTenant) -> int:
    return int(tenant.stats.snapshot()["writes"])


def one_clear_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def test_block_and_its_undo(cli: Runner, demo_tenant: DemoTenant) -> None:
    first, second = pick(demo_tenant, lambda u: u.account_enabled, 2)
    users = f"{first.user_principal_name},{second.user_principal_name}"
    run_id = applied_run(cli("block", "--users", users, "--yes", "--json"))
    for user in (first, second):
        now = find(demo_tenant, user.user_principal_name)
        assert now is not None and not now.account_enabled
    undone = cli("undo", run_id, "--yes")
    assert undone.code == 0, undone.err
    assert "2 done" in undone.out
    for user in (first, second):
        now = find(demo_tenant, user.user_principal_name)
        assert now is not None and now.account_enabled


def test_unblock_skips_those_allowed_and_is_undone(cli: Runner, demo_tenant: DemoTenant) -> None:
    (blocked,) = pick(demo_tenant, lambda u: not u.account_enabled)
    (allowed,) = pick(demo_tenant, lambda u: u.account_enabled)
    users = f"{blocked.user_principal_name},{allowed.user_principal_name}"
    result = cli("unblock", "--users", users, "--yes", "--json")
    run_id = applied_run(result)
    data = document(result)
    assert [c["user"] for c in data["changes"]] == [blocked.user_principal_name]
    assert data["changes"][0]["text"] == "allow sign-in"
    assert {p["user"] for p in data["problems"] if p["severity"] == "skip"} == {
        allowed.user_principal_name
    }
    assert find(demo_tenant, blocked.user_principal_name).account_enabled  # type: ignore[union-attr]
    assert cli("undo", run_id, "--yes").code == 0
    assert not find(demo_tenant, blocked.user_principal_name).account_enabled  # type: ignore[union-attr]


def test_block_dry_run_and_bad_input(cli: Runner, demo_tenant: DemoTenant, tmp_path: Path) -> None:
    (user,) = pick(demo_tenant, lambda u: u.account_enabled)
    dry = cli("block", "--users", user.user_principal_name, "--dry-run")
    assert dry.code == 0
    assert f"  {user.user_principal_name}: block sign-in" in dry.out
    assert "Dry run: nothing was changed." in dry.out
    missing = cli("block", "--users-file", str(tmp_path / "leavers.txt"), "--yes")
    assert missing.code == 2
    assert "leavers.txt" in one_clear_line(missing.err)
    empty = cli("unblock", "--users", " , ", "--yes")
    assert empty.code == 2
    assert "No users given" in one_clear_line(empty.err)
    unknown = cli("block", "--users", "nobody@bursztynlogistyka.pl", "--yes")
    assert unknown.code == 2 and "nobody@bursztynlogistyka.pl" in unknown.out
    assert writes(demo_tenant) == 0


def test_location_sets_and_undo_restores_or_clears(cli: Runner, demo_tenant: DemoTenant) -> None:
    (placed,) = pick(demo_tenant, lambda u: u.usage_location == "PL")
    (unplaced,) = pick(demo_tenant, lambda u: u.usage_location is None and not u.sku_ids)
    users = f"{placed.user_principal_name},{unplaced.user_principal_name}"
    run_id = applied_run(cli("location", "--users", users, "--set", "de", "--yes", "--json"))
    assert find(demo_tenant, placed.user_principal_name).usage_location == "DE"  # type: ignore[union-attr]
    assert find(demo_tenant, unplaced.user_principal_name).usage_location == "DE"  # type: ignore[union-attr]
    assert cli("undo", run_id, "--yes").code == 0
    assert find(demo_tenant, placed.user_principal_name).usage_location == "PL"  # type: ignore[union-attr]
    assert find(demo_tenant, unplaced.user_principal_name).usage_location is None  # type: ignore[union-attr]


def test_location_bad_country_is_one_line_and_sends_nothing(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    (user,) = pick(demo_tenant, lambda u: True)
    for bad in ("XX", "Polska", "P1"):
        result = cli("location", "--users", user.user_principal_name, "--set", bad, "--yes")
        assert result.code == 2
        assert f"--set '{bad}' is not a country code" in one_clear_line(result.err)
    assert writes(demo_tenant) == 0


def _plan_ids(tenant: DemoTenant, part_number: str) -> list[str]:
    from tests.licensing.conftest import connect

    client = connect(tenant)
    try:
        sku = next(s for s in client.list_skus() if s.sku_part_number == part_number)
    finally:
        client.close()
    return [p.service_plan_id for p in sku.service_plans]


def _e3_with_apps_off(tenant: DemoTenant) -> User:
    e3 = tenant.sku_id("ENTERPRISEPACK")

    def fits(user: User) -> bool:
        held = [lic for lic in user.direct_licenses if lic.sku_id == e3]
        return bool(held) and len(held[0].disabled_plans) >= 2 and not user.errors

    return pick(tenant, fits)[0]


def test_apps_keeps_each_users_other_disabled_apps_and_undo_restores(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    user = _e3_with_apps_off(demo_tenant)
    before = direct_parts(demo_tenant, user)["ENTERPRISEPACK"]
    keep_off, turn_on = before[0], before[1]
    turn_off = next(p for p in _plan_ids(demo_tenant, "ENTERPRISEPACK") if p not in before)
    result = cli(
        "apps",
        "--users",
        user.user_principal_name,
        "--sku",
        "ENTERPRISEPACK",
        "--off",
        turn_off,
        "--on",
        turn_on,
        "--yes",
        "--json",
    )
    run_id = applied_run(result)
    after = direct_parts(demo_tenant, find(demo_tenant, user.user_principal_name))  # type: ignore[arg-type]
    assert keep_off in after["ENTERPRISEPACK"] and turn_off in after["ENTERPRISEPACK"]
    assert turn_on not in after["ENTERPRISEPACK"]
    assert set(after["ENTERPRISEPACK"]) == (set(before) - {turn_on}) | {turn_off}
    assert document(result)["kind"] == "apps"
    assert cli("undo", run_id, "--yes").code == 0
    again = direct_parts(demo_tenant, find(demo_tenant, user.user_principal_name))  # type: ignore[arg-type]
    assert again["ENTERPRISEPACK"] == before


def test_apps_bad_input(cli: Runner, demo_tenant: DemoTenant) -> None:
    user = _e3_with_apps_off(demo_tenant)
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    (lacking,) = pick(demo_tenant, lambda u: e3 not in u.sku_ids and bool(u.usage_location))
    upn = user.user_principal_name
    nothing = cli("apps", "--users", upn, "--sku", "ENTERPRISEPACK")
    assert nothing.code == 2 and "name an app with --off or --on" in one_clear_line(nothing.err)
    both = cli("apps", "--users", upn, "--sku", "ENTERPRISEPACK", "--off", "SWAY", "--on", "SWAY")
    assert both.code == 2 and "both --off and --on" in one_clear_line(both.err)
    no_app = cli("apps", "--users", upn, "--sku", "ENTERPRISEPACK", "--off", "NO_SUCH_APP")
    assert no_app.code == 2 and "NO_SUCH_APP" in no_app.err and "Traceback" not in no_app.err
    no_sku = cli("apps", "--users", upn, "--sku", "NO_SUCH_SKU", "--off", "SWAY")
    assert no_sku.code == 2 and "NO_SUCH_SKU" in no_sku.err
    not_held = cli(
        "apps", "--users", lacking.user_principal_name, "--sku", "ENTERPRISEPACK", "--off", "SWAY"
    )
    assert not_held.code == 2
    line = one_clear_line(not_held.err)
    assert f"Not holding ENTERPRISEPACK directly: {lacking.user_principal_name}." in line
    nobody = cli("apps", "--users", "ghost@x.pl", "--sku", "ENTERPRISEPACK", "--off", "SWAY")
    assert nobody.code == 2 and "No such user in the tenant: ghost@x.pl" in nobody.err
    assert writes(demo_tenant) == 0


def _copy_pair(tenant: DemoTenant) -> tuple[User, User]:
    """A source whose direct licenses have free seats, and a licence-less target."""
    basic, flow = tenant.sku_id("O365_BUSINESS_ESSENTIALS"), tenant.sku_id("FLOW_FREE")
    (source,) = pick(tenant, lambda u: {lic.sku_id for lic in u.direct_licenses} == {basic, flow})
    (target,) = pick(tenant, lambda u: not u.sku_ids and u.usage_location == "PL")
    return source, target


def test_copy_gives_the_same_licenses_and_undo_takes_them_back(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    source, target = _copy_pair(demo_tenant)
    run_id = applied_run(
        cli(
            "copy",
            "--from",
            source.user_principal_name,
            "--to",
            target.user_principal_name,
            "--yes",
            "--json",
        )
    )
    copied = find(demo_tenant, target.user_principal_name)
    assert copied is not None
    assert direct_parts(demo_tenant, copied) == direct_parts(demo_tenant, source)
    assert cli("undo", run_id, "--yes").code == 0
    assert not find(demo_tenant, target.user_principal_name).sku_ids  # type: ignore[union-attr]


def test_copy_replace_also_removes_what_the_source_lacks(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    basic = demo_tenant.sku_id("O365_BUSINESS_ESSENTIALS")
    (source,) = pick(demo_tenant, lambda u: {lic.sku_id for lic in u.direct_licenses} == {basic})
    exchange = demo_tenant.sku_id("EXCHANGESTANDARD")
    (target,) = pick(
        demo_tenant,
        lambda u: {lic.sku_id for lic in u.direct_licenses} == {exchange} and u.account_enabled,
    )
    before = direct_parts(demo_tenant, target)
    result = cli(
        "copy",
        "--from",
        source.user_principal_name,
        "--to",
        target.user_principal_name,
        "--replace",
        "--yes",
        "--json",
    )
    run_id = applied_run(result)
    now = find(demo_tenant, target.user_principal_name)
    assert now is not None and set(direct_parts(demo_tenant, now)) == {"O365_BUSINESS_ESSENTIALS"}
    assert cli("undo", run_id, "--yes").code == 0
    again = find(demo_tenant, target.user_principal_name)
    assert again is not None and direct_parts(demo_tenant, again) == before


def test_copy_bad_input(cli: Runner, demo_tenant: DemoTenant) -> None:
    source, target = _copy_pair(demo_tenant)
    ghost = cli("copy", "--from", "ghost@x.pl", "--to", target.user_principal_name, "--yes")
    assert ghost.code == 2
    assert "No such user in the tenant: ghost@x.pl" in one_clear_line(ghost.err)
    itself = cli(
        "copy", "--from", source.user_principal_name, "--to", source.user_principal_name, "--yes"
    )
    assert itself.code == 2 and "nothing to copy" in one_clear_line(itself.err)
    empty = cli("copy", "--from", source.user_principal_name, "--to", ",", "--yes")
    assert empty.code == 2 and "No users given" in one_clear_line(empty.err)
    assert writes(demo_tenant) == 0


def test_block_of_a_synced_user_warns_that_the_next_sync_undoes_it(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    (synced,) = pick(demo_tenant, lambda u: u.account_enabled and bool(u.on_premises_sync_enabled))
    (cloud,) = pick(demo_tenant, lambda u: u.account_enabled and not u.on_premises_sync_enabled)
    users = f"{synced.user_principal_name},{cloud.user_principal_name}"
    dry = cli("block", "--users", users, "--dry-run")
    assert dry.code == 0, dry.err
    assert "Warnings (1):" in dry.out
    warned = [line for line in dry.out.splitlines() if "next directory sync" in line]
    assert warned == [
        f"  {synced.user_principal_name}: synced from on-premises Active Directory: the "
        "next directory sync will undo the block (disable the account on-premises to keep it "
        "blocked)"
    ], dry.out
    data = document(cli("block", "--users", users, "--dry-run", "--json"))
    said = [
        (p["user"], p["severity"]) for p in data["problems"] if p["kind"] == "sync-undoes-block"
    ]
    assert said == [(synced.user_principal_name, "warning")]
    # A warning, not a refusal: the block goes ahead (and is undone as any other).
    run_id = applied_run(cli("block", "--users", synced.user_principal_name, "--yes", "--json"))
    assert not find(demo_tenant, synced.user_principal_name).account_enabled  # type: ignore[union-attr]
    assert cli("undo", run_id, "--yes").code == 0
    assert find(demo_tenant, synced.user_principal_name).account_enabled  # type: ignore[union-attr]
