"""A group's own licenses as changes, over real HTTP against the demo tenant: licensing a group,
changing its apps, removing a license from it, and removing members' direct copies it covers.
Each is checked against the members (seats, who loses what and how many mailboxes, nested
groups, plan conflicts), applied as one assignLicense, followed to the members by polling within
a deadline (never a fixed sleep), resumed after lost answers and undone exactly."""

from __future__ import annotations

from dataclasses import replace

from desktop.graph.groups import LicensedGroup, list_licensed_groups
from desktop.graph.records import AssignedLicense, LicenseAssignmentState, User
from desktop.licensing.builders import group_license_plan, remove_covered_plan
from desktop.licensing.check import check_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.group_impact import group_impact
from desktop.licensing.propagation import Propagation, target_of, wait_for_members
from desktop.licensing.reader import read_members
from desktop.licensing.tenant_slice import TenantSlice
from desktop.licensing.types import (
    Outcome,
    PlanKind,
    ProblemKind,
    RunStatus,
    Severity,
    UserChange,
)
from tests.demo_tenant import DemoTenantForTests
from tests.licensing.records import E3, SWAY_PLAN, standard_skus, user

E3_GROUP = "Licencje – Office 365 E3 (Zarząd)"
STANDARD_GROUP = "Licencje – Microsoft 365 Business Standard"
NESTED = "Zarząd – asystenci"
DEADLINE = 30.0  # seconds a test follows members, at most (the demo's delay is 0.2 s)
REFUSED_LONGER_THAN_ANY_RETRY = 3600.0


def licensed_group(controller: LicenseController, name: str) -> LicensedGroup:
    return next(g for g in list_licensed_groups(controller.client) if g.display_name == name)


def users_of(controller: LicenseController, group: LicensedGroup) -> list[User]:
    return list(read_members(controller.client, group.id, threshold=250).users)


def follow(controller: LicenseController, group: LicensedGroup, change: UserChange) -> Propagation:
    result = wait_for_members(
        controller.client, group.id, target_of(change), deadline_seconds=DEADLINE
    )
    assert result.finished, result
    return result


def covered_directs(
    controller: LicenseController, group: LicensedGroup
) -> tuple[tuple[str, str], ...]:
    """The members' direct copies that ``group``'s copy covers, as the engine finds them."""
    skus = {s.sku_id: s for s in controller.list_skus()}
    members = read_members(controller.client, group.id, threshold=250)
    return group_impact(group, members.users, members.nested, skus).covered_directs


def test_licensing_a_group_says_what_members_get_follows_them_and_undo_takes_it_back(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    demo_tenant.group_processing.delay = 0.2
    group = licensed_group(controller, E3_GROUP)
    flow = demo_tenant.sku_id("FLOW_FREE")
    members = users_of(controller, group)
    takers = [u for u in members if flow not in u.sku_ids]
    assert takers, "the demo's E3 group has members without Power Automate Free"
    consumed = demo_tenant.consumed_units("FLOW_FREE")

    plan = group_license_plan(group, [AssignedLicense(flow)])
    checked = controller.check(plan)

    assert plan.kind is PlanKind.GROUP_LICENSE
    assert [(s.sku_id, s.needed) for s in checked.seats] == [(flow, len(takers))]
    nested = [p for p in checked.problems if p.kind is ProblemKind.NESTED_GROUPS_GET_NOTHING]
    assert [p.details["group_names"] for p in nested] == [[NESTED]]
    assert checked.can_apply
    report = controller.apply(checked)
    assert report.results[0].outcome is Outcome.DONE
    followed = follow(controller, group, checked.effective.changes[0])
    # Members whose license from the group fails (a seeded UniquenessViolation) take no seat.
    assert demo_tenant.consumed_units("FLOW_FREE") == consumed + len(takers) - followed.in_error
    assert followed.processed == followed.members == len(members)

    undo = controller.undo_plan(report.run_id)
    assert [(c.remove, c.on_group) for c in undo.effective.changes] == [((flow,), True)]
    assert controller.apply(undo).all_done
    follow(controller, group, undo.effective.changes[0])
    assert demo_tenant.consumed_units("FLOW_FREE") == consumed


def test_removing_a_license_from_a_group_counts_who_loses_it_and_their_mailboxes(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    demo_tenant.group_processing.delay = 0.2
    group = licensed_group(controller, E3_GROUP)
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    losing = [
        u for u in users_of(controller, group) if u.sources_of(e3, active_only=True) == (group.id,)
    ]
    assert losing

    checked = controller.check(group_license_plan(group, remove=[e3]))

    assert checked.plan.kind is PlanKind.GROUP_REMOVE
    (lose,) = [p for p in checked.problems if p.kind is ProblemKind.MEMBERS_LOSE]
    assert lose.severity is Severity.WARNING
    assert (lose.details["count"], lose.details["mailboxes"]) == (len(losing), len(losing))
    assert f"{len(losing)} members lose Office 365 E3 ({len(losing)} of them" in lose.message
    report = controller.apply(checked)
    follow(controller, group, checked.effective.changes[0])
    assert all(e3 not in demo_tenant.assigned_licenses(u.id) for u in losing)

    undo = controller.undo_plan(report.run_id)
    assert controller.apply(undo).all_done
    follow(controller, group, undo.effective.changes[0])
    assert all(e3 in demo_tenant.assigned_licenses(u.id) for u in losing)


def test_changing_a_groups_apps_reaches_members_and_undo_restores_the_apps(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    demo_tenant.group_processing.delay = 0.2
    group = licensed_group(controller, E3_GROUP)
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    before = group.license(e3)
    assert before is not None and before.disabled_plans  # Viva Engage is off
    member = next(u for u in users_of(controller, group) if e3 in u.sku_ids)

    plan = group_license_plan(group, [AssignedLicense(e3)])  # every app on
    checked = controller.check(plan)

    assert plan.kind is PlanKind.GROUP_APPS and checked.seats == ()  # nobody takes a new seat
    report = controller.apply(checked)
    follow(controller, group, checked.effective.changes[0])
    assert demo_tenant.assigned_licenses(member.id)[e3] == ()
    assert controller.apply(controller.undo_plan(report.run_id)).all_done
    assert licensed_group(controller, E3_GROUP).license(e3) == before


def test_too_few_seats_for_the_members_blocks_and_plan_conflicts_are_counted(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    standard_group = licensed_group(controller, STANDARD_GROUP)
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    exchange1 = demo_tenant.sku_id("EXCHANGESTANDARD")

    short = controller.check(group_license_plan(standard_group, [AssignedLicense(e3)]))
    conflict = controller.check(
        group_license_plan(licensed_group(controller, E3_GROUP), [AssignedLicense(exchange1)])
    )

    assert [p.kind for p in short.blocking] == [ProblemKind.NOT_ENOUGH_SEATS]
    exclusive = [p for p in conflict.problems if p.kind is ProblemKind.PLANS_CONFLICT]
    assert [p.details["error"] for p in exclusive] == ["MutuallyExclusiveViolation"]
    assert exclusive[0].details["count"] >= 1
    assert "in error: it conflicts with a plan they already have" in exclusive[0].message


def test_a_lost_answer_is_settled_by_reading_the_group_and_resume_settles_the_unread(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    group = licensed_group(controller, E3_GROUP)
    flow = demo_tenant.sku_id("FLOW_FREE")
    checked = controller.check(group_license_plan(group, [AssignedLicense(flow)]))
    demo_tenant.faults.drop_after_apply = 1
    written = demo_tenant.stats.snapshot()["writes"]

    settled = controller.apply(checked)

    assert settled.results[0].outcome is Outcome.DONE
    assert demo_tenant.stats.snapshot()["writes"] - written == 1  # read, never resent
    assert controller.apply(controller.undo_plan(settled.run_id)).all_done

    again = controller.check(group_license_plan(group, [AssignedLicense(flow)]))
    demo_tenant.faults.drop_after_apply = 1
    demo_tenant.refuse_reads(REFUSED_LONGER_THAN_ANY_RETRY)
    unread = controller.apply(again)
    assert unread.results[0].outcome is Outcome.UNCONFIRMED
    assert controller.history()[0].status is RunStatus.NEEDS_CHECKING
    demo_tenant.refuse_reads(0)
    resumed = controller.resume(unread.run_id)
    assert resumed.results[0].outcome is Outcome.DONE
    assert flow in licensed_group(controller, E3_GROUP).sku_ids


def test_direct_copies_go_only_where_the_groups_copy_is_active_and_undo_restores_them(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    group = licensed_group(controller, STANDARD_GROUP)
    standard = demo_tenant.sku_id("O365_BUSINESS_PREMIUM")
    covered = covered_directs(controller, group)
    assert covered, "the demo seeds members of the group who also hold its package directly"
    holders = [u for u in users_of(controller, group) if u.direct_license(standard) is not None]
    consumed = demo_tenant.consumed_units("O365_BUSINESS_PREMIUM")

    checked = controller.check(remove_covered_plan(covered))
    report = controller.apply(checked)

    assert report.all_done
    for holder in holders:
        states = {
            s.assigned_by_group for s in holder.license_assignment_states if s.sku_id == standard
        }
        still = controller.refresh_users([holder.id])[0]
        assert standard in still.sku_ids  # never a moment without it: the group still gives it
        assert still.direct_license(standard) is None
        assert states >= {None, group.id}
    assert demo_tenant.consumed_units("O365_BUSINESS_PREMIUM") == consumed  # one seat each
    assert controller.apply(controller.undo_plan(report.run_id)).all_done
    assert all(
        u.direct_license(standard) is not None
        for u in controller.refresh_users([u.id for u in holders])
    )


def test_a_direct_copy_stays_when_the_groups_copy_is_in_error_or_turns_on_fewer_apps() -> None:
    """The rule itself, against records: only an active group copy with at least the direct
    copy's apps on lets the direct copy go."""
    sway_off = AssignedLicense(E3, (SWAY_PLAN,))
    active = user("active", direct=(sway_off,), group=((E3, "g"),))
    failing = replace(
        active,
        id="id-failing",
        user_principal_name="failing@contoso.pl",
        license_assignment_states=(
            active.license_assignment_states[0],
            LicenseAssignmentState(E3, "g", state="Error", error="CountViolation"),
        ),
    )
    fewer_apps = user("fewer", direct=(AssignedLicense(E3),), group=())
    fewer_apps = replace(
        fewer_apps,
        license_assignment_states=(
            *fewer_apps.license_assignment_states,
            LicenseAssignmentState(E3, "g", disabled_plans=(SWAY_PLAN,)),
        ),
    )
    users = {u.id.lower(): u for u in (active, failing, fewer_apps)}
    plan = remove_covered_plan([(u.id, E3) for u in (active, failing, fewer_apps)])

    checked = check_plan(plan, TenantSlice(standard_skus(), users))

    assert [c.user for c in checked.effective.changes] == [active.id]
    kept = {p.user for p in checked.problems if p.kind is ProblemKind.NOT_COVERED}
    assert kept == {failing.id, fewer_apps.id}
    assert all(p.severity is Severity.SKIP for p in checked.problems)


def test_removing_direct_copies_unread_is_never_sent_then_resumed_through_lost_answers(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    group = licensed_group(controller, STANDARD_GROUP)
    checked = controller.check(remove_covered_plan(covered_directs(controller, group)))
    count = len(checked.effective.changes)
    assert count
    written = demo_tenant.stats.snapshot()["writes"]
    demo_tenant.refuse_reads(REFUSED_LONGER_THAN_ANY_RETRY)

    # The users cannot be read again just before sending: nothing goes unguarded.
    report = controller.apply(checked)

    assert {r.outcome for r in report.results} == {Outcome.CANCELLED}
    assert demo_tenant.stats.snapshot()["writes"] == written
    demo_tenant.refuse_reads(0)
    demo_tenant.faults.drop_after_apply = 1  # sent on resume, the answer lost
    resumed = controller.resume(report.run_id)
    assert resumed.count(Outcome.DONE) == count
    assert demo_tenant.stats.snapshot()["writes"] - written == count  # none sent twice
    assert controller.apply(controller.undo_plan(report.run_id)).all_done
    back = controller.refresh_users([c.user for c in checked.effective.changes])
    assert all(u.direct_sku_ids & group.sku_ids for u in back)


def test_a_direct_copy_is_kept_when_the_groups_copy_goes_between_check_and_send(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    group = licensed_group(controller, STANDARD_GROUP)
    standard = demo_tenant.sku_id("O365_BUSINESS_PREMIUM")
    checked = controller.check(remove_covered_plan(covered_directs(controller, group)))
    assert checked.effective.changes
    # Between the check and the send, the group stops giving the package.
    gone = controller.apply(controller.check(group_license_plan(group, remove=[standard])))
    assert gone.all_done
    row = demo_tenant.store.group(group.id)
    assert row is not None
    demo_tenant.group_processing.process_group(row.rowid)
    written = demo_tenant.stats.snapshot()["writes"]

    report = controller.apply(checked)

    assert {r.outcome for r in report.results} == {Outcome.SKIPPED}
    assert "no longer holds" in report.results[0].message
    assert demo_tenant.stats.snapshot()["writes"] == written  # nothing was sent
    users = controller.refresh_users([c.user for c in checked.effective.changes])
    assert all(u.direct_license(standard) is not None for u in users)  # never without it
