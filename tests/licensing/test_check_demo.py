"""The check against a live demo tenant: a fresh read finds each problem before any write."""

from __future__ import annotations

from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile
from desktop.licensing.builders import (
    assign_plan,
    create_user_plan,
    reassign_plan,
    remove_plan,
)
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import Plan, PlanKind, ProblemKind, Severity, UserChange
from tests.licensing.conftest import pick

STANDARD = "O365_BUSINESS_PREMIUM"  # no free seats in the seed; granted by a group too
FLOW = "FLOW_FREE"


def blocking_kinds(checked) -> list[ProblemKind]:  # type: ignore[no-untyped-def]
    return [p.kind for p in checked.blocking]


def test_seats_are_counted_from_a_fresh_read(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    standard = demo_tenant.sku_id(STANDARD)
    users = graph.list_users()
    targets = pick(users, lambda u: not u.is_licensed and u.usage_location is not None, 2)
    plan = assign_plan([u.user_principal_name for u in targets], [AssignedLicense(standard)])
    checked = controller.check(plan)
    seats = next(p for p in checked.problems if p.kind is ProblemKind.NOT_ENOUGH_SEATS)
    assert seats.message == "needs 2 seats of Microsoft 365 Business Standard, 0 free"
    assert demo_tenant.stats.snapshot()["writes"] == 0


def test_a_users_removal_frees_the_seat_another_takes(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    standard = demo_tenant.sku_id(STANDARD)
    users = graph.list_users()
    holder = pick(
        users, lambda u: standard in u.direct_sku_ids and not u.groups_granting(standard)
    )[0]
    taker = pick(users, lambda u: not u.is_licensed and u.usage_location is not None)[0]
    plan = Plan(
        PlanKind.MIXED,
        (
            UserChange(holder.user_principal_name, remove=(standard,)),
            UserChange(taker.user_principal_name, add=(AssignedLicense(standard),)),
        ),
    )
    checked = controller.check(plan)
    assert checked.blocking == ()
    assert [(s.needed, s.free) for s in checked.seats] == [(0, 0)]


def test_usage_location_missing_or_defaulted(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    nowhere = pick(graph.list_users(), lambda u: u.usage_location is None and not u.is_licensed)[0]
    plan = assign_plan([nowhere.id], [AssignedLicense(demo_tenant.sku_id(FLOW))])
    assert blocking_kinds(controller.check(plan)) == [ProblemKind.MISSING_USAGE_LOCATION]
    fixed = controller.check(plan, default_usage_location="PL")
    assert fixed.can_apply
    assert fixed.effective.changes[0].usage_location == "PL"


def test_group_licenses_name_their_group(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    standard = demo_tenant.sku_id(STANDARD)
    member = pick(
        graph.list_users(),
        lambda u: bool(u.groups_granting(standard)) and standard not in u.direct_sku_ids,
    )[0]
    group_id = member.groups_granting(standard)[0]
    checked = controller.check(remove_plan([member.user_principal_name], [standard]))
    problem = checked.blocking[0]
    assert problem.kind is ProblemKind.INHERITED_FROM_GROUP
    assert problem.details["group_name"] == graph.get_group(group_id).display_name
    assert problem.details["group_name"] in problem.message


def test_packages_that_cannot_be_assigned_and_apps_not_in_them(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    someone = pick(
        graph.list_users(), lambda u: not u.is_licensed and u.usage_location is not None
    )[0]
    e3 = next(s for s in graph.list_skus() if s.sku_part_number == "ENTERPRISEPACK")
    foreign_app = e3.service_plans[0].service_plan_id
    plan = assign_plan(
        [someone.user_principal_name],
        [
            AssignedLicense(demo_tenant.sku_id("POWER_BI_STANDARD")),  # Suspended
            AssignedLicense(demo_tenant.sku_id("SHAREPOINTSTORAGE")),  # Company
            AssignedLicense(demo_tenant.sku_id(FLOW), (foreign_app,)),
        ],
    )
    checked = controller.check(plan)
    assert blocking_kinds(checked) == [
        ProblemKind.SKU_NOT_ASSIGNABLE,
        ProblemKind.SKU_NOT_ASSIGNABLE,
        ProblemKind.UNKNOWN_PLAN,
    ]
    assert checked.blocking[0].details["status"] == "Suspended"
    assert checked.blocking[1].details["applies_to"] == "Company"


def test_unknown_users_skus_and_codes(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    someone, other = pick(graph.list_users(), lambda u: u.usage_location is not None, 2)
    plan = Plan(
        PlanKind.MIXED,
        (
            UserChange("nobody@bursztynlogistyka.pl", account_enabled=False),
            UserChange(someone.id, add=(AssignedLicense("0badf00d-0000-0000-0000-000000000000"),)),
            UserChange(other.id, usage_location="ZZ"),
            UserChange(someone.user_principal_name.upper(), account_enabled=False),
        ),
    )
    checked = controller.check(plan)
    assert [(p.kind, p.user) for p in checked.blocking] == [
        (ProblemKind.UNKNOWN_USER, "nobody@bursztynlogistyka.pl"),
        (ProblemKind.UNKNOWN_SKU, someone.id),
        (ProblemKind.INVALID_USAGE_LOCATION, other.id),
        (ProblemKind.DUPLICATE_USER, someone.user_principal_name.upper()),
    ]


def test_create_with_a_taken_name(graph: GraphClient, controller: LicenseController) -> None:
    taken = graph.list_users()[0]
    new = NewUser("Someone Else", taken.user_principal_name, PasswordProfile("Xy!9-long-pass"))
    assert blocking_kinds(controller.check(create_user_plan(new))) == [ProblemKind.USER_EXISTS]


def test_no_ops_are_skips_and_the_last_mailbox_license_warns(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    basic = demo_tenant.sku_id("O365_BUSINESS_ESSENTIALS")
    flow = demo_tenant.sku_id(FLOW)
    users = graph.list_users()
    only_basic = pick(users, lambda u: u.sku_ids == {basic} and u.direct_sku_ids == {basic})[0]
    no_flow = pick(
        users, lambda u: flow not in u.sku_ids and u.usage_location is not None and u != only_basic
    )[0]
    plan = Plan(
        PlanKind.MIXED,
        (
            UserChange(only_basic.user_principal_name, remove=(basic, flow)),
            UserChange(no_flow.user_principal_name, remove=(flow,)),
        ),
    )
    checked = controller.check(plan)
    by_severity = {(p.user, p.kind): p.severity for p in checked.problems}
    assert by_severity == {
        (only_basic.user_principal_name, ProblemKind.ALREADY_LACKS): Severity.SKIP,
        (only_basic.user_principal_name, ProblemKind.MAILBOX_WARNING): Severity.WARNING,
        (no_flow.user_principal_name, ProblemKind.ALREADY_LACKS): Severity.SKIP,
        (no_flow.user_principal_name, ProblemKind.NOTHING_TO_DO): Severity.SKIP,
    }
    assert [c.user for c in checked.effective.changes] == [only_basic.user_principal_name]
    assert checked.can_apply


def test_a_swap_into_a_full_package_is_refused_before_sending(
    demo_tenant: DemoTenant, graph: GraphClient, controller: LicenseController
) -> None:
    basic = demo_tenant.sku_id("O365_BUSINESS_ESSENTIALS")
    swapper = pick(graph.list_users(), lambda u: basic in u.direct_sku_ids)[0]
    plan = reassign_plan([swapper.id], basic, AssignedLicense(demo_tenant.sku_id(STANDARD)))
    assert blocking_kinds(controller.check(plan)) == [ProblemKind.NOT_ENOUGH_SEATS]
