"""The command line tells the truth about lost answers and what an undo cannot restore."""

from __future__ import annotations

from desktop.demo import DemoTenant, Request
from desktop.graph.records import AssignedLicense
from desktop.licensing.state import has_mailbox
from tests.cli.conftest import Runner
from tests.cli.test_change_commands import flowless, users_of
from tests.demo_tenant import DemoTenantForTests
from tests.licensing.conftest import connect


def refuse_reads_once_writing_starts(tenant: DemoTenant) -> None:
    """The check reads freely; from the first write on, every read is refused for an hour
    (longer than any retry waits), as when the network fails right after a send."""
    handle = tenant.handle

    def handle_then_refuse(request: Request):  # type: ignore[no-untyped-def]
        if b"assignLicense" in (request.body or b""):
            tenant.refuse_reads(3600)
        return handle(request)

    tenant.handle = handle_then_refuse  # type: ignore[method-assign]


def test_lost_answers_make_a_run_need_checking_and_resume_settles_it(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    users = flowless(demo_tenant, 5)
    demo_tenant.faults.drop_after_apply = 1
    refuse_reads_once_writing_starts(demo_tenant)

    applied = cli("assign", "--users", ",".join(users), "--add", "FLOW_FREE", "--yes")

    assert applied.code == 1
    assert "5 unconfirmed" in applied.out and "0 failed" in applied.out
    (report,) = [line for line in applied.out.splitlines() if line.startswith("Run ")]
    run_id = report.split()[1].rstrip(":")
    history = cli("history").out.splitlines()[1]
    assert "needs checking" in history
    assert f"needs checking: 5 users unconfirmed: license-desk resume {run_id}" in history
    writes = demo_tenant.stats.snapshot()["writes"]
    demo_tenant.refuse_reads(0)

    resumed = cli("resume", run_id)

    assert resumed.code == 0, resumed.err
    assert "5 done, 0 failed" in resumed.out
    assert demo_tenant.stats.snapshot()["writes"] == writes  # settled by reading alone
    assert "finished" in cli("history").out.splitlines()[1]
    assert not set(users) & set(flowless(demo_tenant, 100))


def test_undo_preview_says_which_usage_location_it_keeps_and_why(
    cli: Runner, demo_tenant: DemoTenant
) -> None:
    target = next(
        u
        for u in users_of(demo_tenant)
        if u.usage_location is None
        and any(s.assigned_by_group for s in u.license_assignment_states)
        and demo_tenant.sku_id("FLOW_FREE") not in u.sku_ids
    )
    upn = target.user_principal_name
    applied = cli("assign", "--users", upn, "--add", "FLOW_FREE", "--usage-location", "PL", "--yes")
    assert applied.code == 0, applied.err
    run_id = cli("history").out.splitlines()[1].split()[0]

    preview = cli("undo", run_id, "--dry-run")

    assert preview.code == 0
    kept = preview.out.split("Cannot be restored, left as it is (1):")[1].splitlines()[1]
    assert upn in kept and "usage location PL kept" in kept and "group" in kept
    undone = cli("undo", run_id, "--yes")
    assert undone.code == 0
    assert "1 left as it was" in undone.out
    assert f"left as it was: {upn}: usage location PL kept" in undone.out


def test_a_partly_done_user_is_named_part_by_part_and_undo_partly_reverts_only_that(
    cli: Runner, demo_tenant: DemoTenantForTests
) -> None:
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    users = users_of(demo_tenant)
    skus = {s.sku_id: s for s in connect(demo_tenant).list_skus()}
    targets = [
        u
        for u in users
        if e3 not in u.sku_ids
        and u.usage_location not in (None, "DE")
        and u.account_enabled
        and not has_mailbox(u.holdings, skus)
    ][: demo_tenant.free_seats("ENTERPRISEPACK")]
    assert len(targets) == 2
    other = next(u for u in users if not u.license_assignment_states)
    handle = demo_tenant.handle
    taken: list[bool] = []

    def take_a_seat_first(request: Request):  # type: ignore[no-untyped-def]
        if b"assignLicense" in (request.body or b"") and not taken:
            taken.append(True)  # another admin takes a seat between the check and the send
            client = connect(demo_tenant)
            client.update_user(other.id, {"usageLocation": "PL"})
            client.assign_license(other.id, [AssignedLicense(e3)], [])
            client.close()
        return handle(request)

    demo_tenant.handle = take_a_seat_first  # type: ignore[method-assign]
    upns = ",".join(u.user_principal_name for u in targets)
    applied = cli(
        "assign", "--users", upns, "--add", "ENTERPRISEPACK", "--usage-location", "DE", "--yes"
    )

    assert applied.code == 1
    assert "1 done, 0 failed" in applied.out and "1 partly done" in applied.out
    (line,) = [x for x in applied.out.splitlines() if x.startswith("  partly done: ")]
    assert "set usage location DE: done; add " in line and ": failed (" in line
    assert "license-desk undo" in applied.out and "--partly" in applied.out
    assert "1 partly done" in cli("history").out.splitlines()[1]
    run_id = applied.out.split("Run ")[1].split(":")[0]

    undone = cli("undo", run_id, "--partly", "--yes")

    assert undone.code == 0, undone.err
    assert "1 done" in undone.out
    after = {u.id: u for u in users_of(demo_tenant)}
    held = [e3 in after[t.id].direct_sku_ids for t in targets]
    assert sorted(held) == [False, True]
    for t in targets:  # the one partly done is back where it was; the done one is untouched
        if e3 not in after[t.id].direct_sku_ids:
            assert after[t.id].usage_location == t.usage_location
        else:
            assert after[t.id].usage_location == "DE"
