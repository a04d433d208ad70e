"""Adding users to a group and removing them, as changes, over real HTTP against the demo
tenant: the check says what each member gains or loses through the group (and the seats, and
the mailbox), apply sends one $ref request per group, a lost answer is settled by reading the
memberships again (never a second POST), resume settles what could not be read, and undo puts
every membership back as it was."""

from __future__ import annotations

import time

from desktop.graph.groups import LicensedGroup, group_members, list_licensed_groups
from desktop.graph.records import User
from desktop.licensing.builders import add_members_plan, remove_members_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.reader import read_users
from desktop.licensing.types import (
    GroupRef,
    Outcome,
    Part,
    PartState,
    ProblemKind,
    RunStatus,
    Severity,
)
from tests.demo_tenant import DemoTenantForTests
from tests.licensing.conftest import pick

E3_GROUP = "Licencje – Office 365 E3 (Zarząd)"
STANDARD_GROUP = "Licencje – Microsoft 365 Business Standard"
REFUSED_LONGER_THAN_ANY_RETRY = 3600.0
PROPAGATION_DEADLINE = 15.0  # seconds a test waits for the demo's group processing, at most


def free_seats_become(tenant: DemoTenantForTests, part: str, expected: int) -> int:
    """The package's free seats once group processing has reached ``expected`` (polled within
    a bounded deadline: processing runs in the background, as in Graph)."""
    deadline = time.monotonic() + PROPAGATION_DEADLINE
    while (free := tenant.free_seats(part)) != expected and time.monotonic() < deadline:
        time.sleep(0.05)
    return free


def licensed_group(controller: LicenseController, name: str) -> LicensedGroup:
    return next(g for g in list_licensed_groups(controller.client) if g.display_name == name)


def ref(group: LicensedGroup) -> GroupRef:
    return GroupRef(group.id, group.display_name)


def memberships(controller: LicenseController, users: list[User]) -> dict[str, frozenset[str]]:
    found = read_users(controller.client, [u.id for u in users], memberships=True)
    return {u.id: (found[u.id.lower()] or u).member_of or frozenset() for u in users}


def outsiders(controller: LicenseController, group: LicensedGroup, count: int) -> list[User]:
    """Users who hold no license and are not the group's members (a user holding another
    package may conflict with the group's: MutuallyExclusiveViolation)."""
    members = {m.id for m in group_members(controller.client, group.id)}
    return pick(
        controller.client.list_users(),
        lambda u: (
            u.id not in members and not u.sku_ids and bool(u.usage_location) and u.account_enabled
        ),
        count,
    )


def only_through(controller: LicenseController, group: LicensedGroup) -> User:
    """A member whose only copy of the group's package comes, active, from the group."""
    members = {m.id for m in group_members(controller.client, group.id)}
    (sku_id,) = group.sku_ids
    return pick(
        controller.client.list_users(),
        lambda u: u.id in members and u.sources_of(sku_id, active_only=True) == (group.id,),
    )[0]


def test_adding_to_a_licensed_group_says_what_each_gains_and_undo_takes_it_back(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    group = licensed_group(controller, E3_GROUP)
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    users = outsiders(controller, group, 2)  # the demo has 2 free seats of E3
    demo_tenant.group_processing.delay = 0.2
    free_before = demo_tenant.free_seats("ENTERPRISEPACK")

    checked = controller.check(add_members_plan([u.user_principal_name for u in users], ref(group)))

    gains = [p for p in checked.problems if p.kind is ProblemKind.GAINS_THROUGH_GROUP]
    assert len(gains) == 2 and all(p.severity is Severity.WARNING for p in gains)
    assert {tuple(p.details["sku_ids"]) for p in gains} == {(e3,)}
    assert "gets Office 365 E3 through the group 'Licencje – Office 365 E3 (Zarząd)'" in (
        gains[0].message
    )
    assert [(s.sku_id, s.needed) for s in checked.seats] == [(e3, 2)]
    report = controller.apply(checked)

    assert {r.outcome for r in report.results} == {Outcome.DONE}
    assert all(group.id in m for m in memberships(controller, users).values())
    taken = free_before - 2
    assert free_seats_become(demo_tenant, "ENTERPRISEPACK", taken) == taken  # they took seats

    undo = controller.undo_plan(report.run_id)
    assert [c.leave_groups for c in undo.effective.changes] == [(ref(group),)] * 2
    undone = controller.apply(undo)

    assert {r.outcome for r in undone.results} == {Outcome.DONE}
    assert not any(group.id in m for m in memberships(controller, users).values())
    assert free_seats_become(demo_tenant, "ENTERPRISEPACK", free_before) == free_before


def test_removing_a_member_says_what_they_lose_with_the_mailbox_and_undo_puts_them_back(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    # Not the Business Standard group: its members in CountViolation would take the seat freed.
    group = licensed_group(controller, E3_GROUP)
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    member = only_through(controller, group)

    checked = controller.check(remove_members_plan([member.user_principal_name], ref(group)))

    kinds = {p.kind: p for p in checked.problems}
    assert kinds[ProblemKind.LOSES_THROUGH_GROUP].details["sku_ids"] == [e3]
    assert kinds[ProblemKind.MAILBOX_WARNING].details["sku_ids"] == [e3]
    assert checked.can_apply
    report = controller.apply(checked)
    assert report.results[0].outcome is Outcome.DONE
    assert e3 not in demo_tenant.assigned_licenses(member.id)

    undone = controller.apply(controller.undo_plan(report.run_id))

    assert undone.results[0].outcome is Outcome.DONE
    assert group.id in memberships(controller, [member])[member.id]


def test_joining_a_group_whose_package_has_no_free_seats_is_blocked(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    group = licensed_group(controller, STANDARD_GROUP)
    assert demo_tenant.free_seats("O365_BUSINESS_PREMIUM") == 0
    users = outsiders(controller, group, 1)

    checked = controller.check(add_members_plan([users[0].id], ref(group)))

    assert [p.kind for p in checked.blocking] == [ProblemKind.NOT_ENOUGH_SEATS]
    assert not checked.can_apply


def test_members_already_in_and_strangers_are_skipped_and_an_unknown_group_blocks(
    controller: LicenseController,
) -> None:
    group = licensed_group(controller, E3_GROUP)
    member = next(m for m in group_members(controller.client, group.id) if not m.is_group)
    stranger = outsiders(controller, group, 1)[0]

    joined = controller.check(add_members_plan([member.id], ref(group)))
    left = controller.check(remove_members_plan([stranger.id], ref(group)))
    unknown = controller.check(
        add_members_plan([stranger.id], GroupRef("00000000-0000-4000-8000-000000000000", "Gone"))
    )

    nothing = ProblemKind.NOTHING_TO_DO
    assert [p.kind for p in joined.problems] == [ProblemKind.ALREADY_MEMBER, nothing]
    assert [p.kind for p in left.problems] == [ProblemKind.NOT_A_MEMBER, nothing]
    assert not joined.effective.changes and not left.effective.changes
    assert [p.kind for p in unknown.blocking] == [ProblemKind.UNKNOWN_GROUP]


def test_a_lost_answer_is_settled_by_reading_memberships_never_by_a_second_post(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    group = licensed_group(controller, E3_GROUP)
    users = outsiders(controller, group, 2)
    checked = controller.check(add_members_plan([u.id for u in users], ref(group)))
    demo_tenant.faults.drop_after_apply = 1  # applied, then the answer is lost
    written = demo_tenant.stats.snapshot()["writes"]

    report = controller.apply(checked)

    # Resent blind, each POST would meet "already exist" and fail.
    assert {r.outcome for r in report.results} == {Outcome.DONE}
    assert demo_tenant.stats.snapshot()["writes"] - written == 2
    assert all(group.id in m for m in memberships(controller, users).values())


def test_answers_lost_and_reads_refused_leave_it_unconfirmed_until_resume_settles_it(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    group = licensed_group(controller, E3_GROUP)
    member = only_through(controller, group)
    checked = controller.check(remove_members_plan([member.id], ref(group)))
    demo_tenant.faults.drop_after_apply = 1
    demo_tenant.refuse_reads(REFUSED_LONGER_THAN_ANY_RETRY)
    written = demo_tenant.stats.snapshot()["writes"]

    report = controller.apply(checked)

    assert report.results[0].outcome is Outcome.UNCONFIRMED
    assert [(p.part, p.state) for p in report.results[0].parts] == [
        (Part.MEMBERSHIP, PartState.UNCONFIRMED)
    ]
    assert controller.history()[0].status is RunStatus.NEEDS_CHECKING
    demo_tenant.refuse_reads(0)

    resumed = controller.resume(report.run_id)

    assert resumed.results[0].outcome is Outcome.DONE
    assert demo_tenant.stats.snapshot()["writes"] - written == 1  # settled by reading
    assert group.id not in memberships(controller, [member])[member.id]
    controller.apply(controller.undo_plan(report.run_id))
    assert group.id in memberships(controller, [member])[member.id]


def test_joining_a_group_whose_license_conflicts_with_the_users_own_plan_warns(
    demo_tenant: DemoTenantForTests, controller: LicenseController
) -> None:
    """Office 365 E3's Exchange (Plan 2) cannot sit beside the user's own Exchange Online
    (Plan 1): the group's license would be in error for that user, said before the join."""
    group = licensed_group(controller, E3_GROUP)
    exchange1 = demo_tenant.sku_id("EXCHANGESTANDARD")
    e3 = demo_tenant.sku_id("ENTERPRISEPACK")
    everyone = controller.client.list_users()
    (holder,) = pick(
        everyone,
        lambda u: u.direct_sku_ids == {exchange1} and not u.granting_group_ids,
    )

    checked = controller.check(add_members_plan([holder.user_principal_name], ref(group)))

    conflicts = [p for p in checked.problems if p.kind is ProblemKind.PLANS_CONFLICT]
    assert [(p.details["sku_id"], p.details["error"], p.details["count"]) for p in conflicts] == [
        (e3, "MutuallyExclusiveViolation", 1)
    ]
    assert conflicts[0].severity is Severity.WARNING
    assert conflicts[0].details["group_name"] == E3_GROUP
