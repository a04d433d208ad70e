"""The check over records: every problem it must find before anything is sent."""

from __future__ import annotations

from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile
from desktop.licensing.builders import (
    apps_plan,
    assign_plan,
    create_user_plan,
    reassign_plan,
    remove_plan,
)
from desktop.licensing.check import check_plan
from desktop.licensing.tenant_slice import TenantSlice
from desktop.licensing.types import (
    CheckedPlan,
    Plan,
    PlanKind,
    Problem,
    ProblemKind,
    Severity,
    UserChange,
)
from tests.licensing.records import (
    BASIC,
    COMPANY,
    E3,
    EXO_PLAN,
    GROUP_ID,
    STANDARD,
    SUSPENDED,
    SWAY_PLAN,
    standard_skus,
    user,
)


def view(*users, group_names=None, missing=()) -> TenantSlice:  # type: ignore[no-untyped-def]
    index = {}
    for u in users:
        index[u.user_principal_name.lower()] = u
        index[u.id.lower()] = u
    for name in missing:
        index[name.lower()] = None
    return TenantSlice(standard_skus(), index, group_names or {})


def kinds(checked: CheckedPlan, severity: Severity | None = None) -> list[ProblemKind]:
    return [p.kind for p in checked.problems if severity is None or p.severity is severity]


def only(checked: CheckedPlan, kind: ProblemKind) -> Problem:
    found = [p for p in checked.problems if p.kind is kind]
    assert len(found) == 1, checked.problems
    return found[0]


def test_not_enough_seats_names_the_package_and_counts() -> None:
    users = [user(n) for n in ("ala", "ola", "ela")]
    plan = assign_plan([u.user_principal_name for u in users], [AssignedLicense(STANDARD)])
    checked = check_plan(plan, view(*users))
    problem = only(checked, ProblemKind.NOT_ENOUGH_SEATS)
    assert problem.severity is Severity.BLOCKING
    assert problem.user is None
    assert problem.details["needed"] == 3 and problem.details["free"] == 2
    assert problem.message == "needs 3 seats of Microsoft 365 Business Standard, 2 free"
    assert not checked.can_apply
    assert [(s.sku_id, s.needed, s.free, s.short) for s in checked.seats] == [(STANDARD, 3, 2, 1)]


def test_removals_in_the_same_plan_free_seats() -> None:
    leaver = user("leaver", direct=(AssignedLicense(BASIC),))
    joiner = user("joiner")
    plan = Plan(
        PlanKind.MIXED,
        (
            UserChange(leaver.user_principal_name, remove=(BASIC,)),
            UserChange(joiner.user_principal_name, add=(AssignedLicense(BASIC),)),
        ),
    )
    checked = check_plan(plan, view(leaver, joiner))
    assert ProblemKind.NOT_ENOUGH_SEATS not in kinds(checked)
    assert checked.can_apply
    assert checked.seats[0].needed == 0


def test_no_ops_need_no_seats_and_are_skips() -> None:
    holder = user("holder", direct=(AssignedLicense(BASIC),))
    plan = assign_plan([holder.user_principal_name], [AssignedLicense(BASIC)])
    checked = check_plan(plan, view(holder))
    assert kinds(checked) == [ProblemKind.ALREADY_HAS, ProblemKind.NOTHING_TO_DO]
    assert kinds(checked, Severity.SKIP) == kinds(checked)
    assert checked.effective.changes == ()
    assert not checked.can_apply and not checked.blocking


def test_removing_a_license_the_user_lacks_is_a_skip() -> None:
    bare = user("bare", direct=(AssignedLicense(E3),))
    checked = check_plan(remove_plan([bare.user_principal_name], [BASIC, E3]), view(bare))
    assert kinds(checked) == [ProblemKind.ALREADY_LACKS, ProblemKind.MAILBOX_WARNING]
    assert checked.effective.changes[0].remove == (E3,)


def test_missing_usage_location_blocks_unless_a_default_is_given() -> None:
    nowhere = user("nowhere", location=None)
    plan = assign_plan([nowhere.user_principal_name], [AssignedLicense(E3)])
    blocked = check_plan(plan, view(nowhere))
    assert kinds(blocked) == [ProblemKind.MISSING_USAGE_LOCATION]
    assert blocked.effective.changes == ()
    fixed = check_plan(plan, view(nowhere), default_usage_location="de")
    assert fixed.problems == ()
    assert fixed.effective.changes[0].usage_location == "DE"


def test_a_usage_location_set_in_the_plan_counts() -> None:
    nowhere = user("nowhere", location=None)
    plan = assign_plan([nowhere.user_principal_name], [AssignedLicense(E3)], usage_location="pl")
    checked = check_plan(plan, view(nowhere))
    assert checked.problems == ()
    assert checked.effective.changes[0].usage_location == "PL"


def test_group_license_cannot_be_removed_and_the_group_is_named() -> None:
    member = user("member", group=((E3, GROUP_ID),))
    checked = check_plan(
        remove_plan([member.user_principal_name], [E3]),
        view(member, group_names={GROUP_ID: "Sales team"}),
    )
    problem = only(checked, ProblemKind.INHERITED_FROM_GROUP)
    assert problem.severity is Severity.BLOCKING
    assert problem.details["group_name"] == "Sales team"
    assert "'Sales team'" in problem.message


def test_a_group_license_held_also_directly_can_lose_the_direct_one() -> None:
    both = user("both", direct=(AssignedLicense(E3),), group=((E3, GROUP_ID),))
    checked = check_plan(remove_plan([both.user_principal_name], [E3]), view(both))
    assert checked.blocking == ()
    assert checked.effective.changes[0].remove == (E3,)
    # The group still grants it: no seat comes back and the mailbox stays.
    assert ProblemKind.MAILBOX_WARNING not in kinds(checked)


def test_suspended_and_company_packages_cannot_be_assigned() -> None:
    someone = user("someone")
    plan = assign_plan(
        [someone.user_principal_name], [AssignedLicense(SUSPENDED), AssignedLicense(COMPANY)]
    )
    checked = check_plan(plan, view(someone))
    problems = [p for p in checked.problems if p.kind is ProblemKind.SKU_NOT_ASSIGNABLE]
    assert [p.details["sku_id"] for p in problems] == [SUSPENDED, COMPANY]
    assert "suspended" in problems[0].message
    assert "company-wide" in problems[1].message


def test_disabled_plans_must_belong_to_the_package() -> None:
    someone = user("someone")
    plan = assign_plan([someone.user_principal_name], [AssignedLicense(BASIC, (SWAY_PLAN,))])
    checked = check_plan(plan, view(someone))
    problem = next(p for p in checked.problems if p.kind is ProblemKind.UNKNOWN_PLAN)
    assert problem.details == {"sku_id": BASIC, "plan_id": SWAY_PLAN}


def test_unknown_users_skus_and_country_codes_block() -> None:
    someone = user("someone")
    unknown_sku = "00000000-0000-0000-0000-00000000abcd"
    plan = Plan(
        PlanKind.MIXED,
        (
            UserChange("ghost@contoso.pl", add=(AssignedLicense(E3),)),
            UserChange(someone.user_principal_name, add=(AssignedLicense(unknown_sku),)),
            UserChange("id-someone2", usage_location="XX"),
        ),
    )
    other = user("someone2")
    checked = check_plan(plan, view(someone, other, missing=("ghost@contoso.pl",)))
    assert kinds(checked, Severity.BLOCKING) == [
        ProblemKind.UNKNOWN_USER,
        ProblemKind.UNKNOWN_SKU,
        ProblemKind.INVALID_USAGE_LOCATION,
    ]
    assert checked.problem_users() == {"ghost@contoso.pl", "someone@contoso.pl", "id-someone2"}


def test_create_with_a_taken_name_blocks() -> None:
    taken = user("taken")
    new = NewUser("Taken Again", taken.user_principal_name, PasswordProfile("S3cret!pass"))
    checked = check_plan(create_user_plan(new), view(taken))
    assert kinds(checked) == [ProblemKind.USER_EXISTS]


def test_create_with_licenses_counts_seats_and_needs_a_location() -> None:
    new = NewUser("New Person", "new@contoso.pl", PasswordProfile("S3cret!pass"))
    plan = create_user_plan(new, [AssignedLicense(BASIC)])
    checked = check_plan(plan, view(missing=("new@contoso.pl",)), default_usage_location="PL")
    assert kinds(checked) == [ProblemKind.NOT_ENOUGH_SEATS]
    create = checked.effective.changes[0].create
    assert create is not None and create.usage_location == "PL"


def test_removing_the_last_exchange_license_warns_about_the_mailbox() -> None:
    only_e3 = user("only", direct=(AssignedLicense(E3),))
    with_basic = user("basic", direct=(AssignedLicense(E3), AssignedLicense(BASIC)))
    with_foundation = user("found", direct=(AssignedLicense(E3), AssignedLicense(STANDARD)))
    plan = remove_plan(
        [u.user_principal_name for u in (only_e3, with_basic, with_foundation)], [E3]
    )
    checked = check_plan(plan, view(only_e3, with_basic, with_foundation))
    warned = [p.user for p in checked.problems if p.kind is ProblemKind.MAILBOX_WARNING]
    # EXCHANGE_S_FOUNDATION gives no mailbox, so the third user loses theirs too.
    assert warned == ["only@contoso.pl", "found@contoso.pl"]
    assert all(p.severity is Severity.WARNING for p in checked.problems)
    assert checked.can_apply


def test_turning_exchange_off_in_the_last_mail_license_warns() -> None:
    mail = user("mail", direct=(AssignedLicense(E3),))
    checked = check_plan(apps_plan([mail.user_principal_name], E3, [EXO_PLAN]), view(mail))
    assert kinds(checked) == [ProblemKind.MAILBOX_WARNING]
    assert checked.seats == ()  # new apps in a held package take no seat


def test_apps_change_with_the_same_plans_is_a_no_op() -> None:
    holder = user("holder", direct=(AssignedLicense(E3, (SWAY_PLAN,)),))
    same = check_plan(apps_plan([holder.user_principal_name], E3, [SWAY_PLAN]), view(holder))
    assert same.effective.changes == ()
    changed = check_plan(apps_plan([holder.user_principal_name], E3, []), view(holder))
    assert changed.effective.changes[0].add == (AssignedLicense(E3, ()),)


def test_a_swap_checks_seats_of_the_new_package_only() -> None:
    swapper = user("swap", direct=(AssignedLicense(E3),))
    checked = check_plan(
        reassign_plan([swapper.user_principal_name], E3, AssignedLicense(BASIC)), view(swapper)
    )
    assert kinds(checked) == [ProblemKind.NOT_ENOUGH_SEATS]


def test_the_same_user_twice_blocks() -> None:
    twin = user("twin")
    plan = Plan(
        PlanKind.MIXED,
        (
            UserChange(twin.user_principal_name, account_enabled=False),
            UserChange(twin.id, usage_location="DE"),
        ),
    )
    checked = check_plan(plan, view(twin))
    assert kinds(checked) == [ProblemKind.DUPLICATE_USER]


def test_adding_and_removing_one_package_at_once_blocks() -> None:
    someone = user("someone", direct=(AssignedLicense(E3),))
    plan = Plan(
        PlanKind.MIXED,
        (
            UserChange(
                someone.user_principal_name, add=(AssignedLicense(E3, (SWAY_PLAN,)),), remove=(E3,)
            ),
        ),
    )
    assert kinds(check_plan(plan, view(someone))) == [ProblemKind.CONFLICTING_CHANGE]


def test_before_holds_each_users_state_at_check_time() -> None:
    someone = user("someone", enabled=False)
    checked = check_plan(
        Plan(PlanKind.SIGN_IN, (UserChange(someone.id, account_enabled=True),)), view(someone)
    )
    assert checked.before == {someone.id: someone}
    assert checked.effective.changes == (UserChange(someone.id, account_enabled=True),)


def test_clearing_the_usage_location_is_dropped_while_licenses_remain() -> None:
    keeper = user("keeper", direct=(AssignedLicense(E3), AssignedLicense(BASIC)))
    plan = Plan(PlanKind.UNDO, (UserChange(keeper.id, remove=(E3,), clear_usage_location=True),))
    change = check_plan(plan, view(keeper)).effective.changes[0]
    assert change.remove == (E3,) and not change.clear_usage_location
