"""Domain rules on the records, written once (desktop/graph/records.py): which licenses are
direct and which inherited (with the fallback when Graph sends no licenseAssignmentStates),
and how many seats a package has free."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.graph.records import (
    SKU_ENABLED,
    SKU_SUSPENDED,
    SKU_WARNING,
    AssignedLicense,
    LicenseAssignmentState,
    PrepaidUnits,
    ServicePlan,
    Sku,
    User,
)

E3, BASIC, FLOW = "e3-sku", "basic-sku", "flow-sku"
APP = "exchange-plan"
SALES, ALL_STAFF = "group-sales", "group-all"


def user(
    assigned: tuple[AssignedLicense, ...] = (),
    states: tuple[LicenseAssignmentState, ...] = (),
) -> User:
    return User("u1", "Ann", "ann@contoso.com", assigned_licenses=assigned,
                license_assignment_states=states)  # fmt: skip


# E3 directly (one app off) and through Sales; Basic only through All staff; Flow directly.
MIXED = user(
    assigned=(AssignedLicense(E3, (APP,)), AssignedLicense(BASIC), AssignedLicense(FLOW)),
    states=(
        LicenseAssignmentState(E3, SALES),
        LicenseAssignmentState(E3, None, disabled_plans=(APP,)),
        LicenseAssignmentState(BASIC, ALL_STAFF),
        LicenseAssignmentState(FLOW, None),
    ),
)


def test_direct_licenses_come_from_the_states_with_their_own_disabled_plans() -> None:
    assert MIXED.direct_licenses == (AssignedLicense(E3, (APP,)), AssignedLicense(FLOW))
    assert MIXED.direct_sku_ids == {E3, FLOW}
    assert MIXED.direct_license(E3) == AssignedLicense(E3, (APP,))
    assert MIXED.direct_license(BASIC) is None  # inherited only: assignLicense cannot touch it
    assert MIXED.has_direct_license


def test_inherited_licenses_name_their_groups() -> None:
    assert MIXED.inherited_licenses == (AssignedLicense(E3), AssignedLicense(BASIC))
    assert MIXED.granting_group_ids == {SALES, ALL_STAFF}
    assert MIXED.groups_granting(E3) == (SALES,)
    assert MIXED.groups_granting(FLOW) == ()
    assert len(MIXED.holdings) == 4  # every assignment, direct and through groups


def test_a_user_with_group_licenses_only_has_no_direct_license() -> None:
    only_groups = user(
        assigned=(AssignedLicense(BASIC),), states=(LicenseAssignmentState(BASIC, ALL_STAFF),)
    )
    assert only_groups.direct_licenses == ()
    assert only_groups.direct_sku_ids == frozenset()
    assert not only_groups.has_direct_license
    assert only_groups.sku_ids == {BASIC}


def test_without_assignment_states_every_assigned_license_counts_as_direct() -> None:
    assigned = (AssignedLicense(E3, (APP,)), AssignedLicense(FLOW))
    plain = user(assigned=assigned)
    assert plain.direct_licenses == assigned
    assert plain.direct_sku_ids == {E3, FLOW}
    assert plain.direct_license(E3) == AssignedLicense(E3, (APP,))
    assert plain.holdings == assigned
    assert plain.inherited_licenses == ()
    assert plain.granting_group_ids == frozenset()
    assert plain.has_direct_license
    assert not user().has_direct_license


def test_a_duplicated_direct_state_gives_one_license() -> None:
    twice = user(
        assigned=(AssignedLicense(FLOW),),
        states=(LicenseAssignmentState(FLOW, None), LicenseAssignmentState(FLOW, None, "Error")),
    )
    assert twice.direct_licenses == (AssignedLicense(FLOW),)


states = st.builds(
    LicenseAssignmentState,
    sku_id=st.sampled_from([E3, BASIC, FLOW]),
    assigned_by_group=st.sampled_from([None, SALES, ALL_STAFF]),
    disabled_plans=st.sampled_from([(), (APP,)]),
)
licenses = st.builds(
    AssignedLicense, sku_id=st.sampled_from([E3, BASIC, FLOW]),
    disabled_plans=st.sampled_from([(), (APP,)]),
)  # fmt: skip


# Graph lists each SKU once in assignedLicenses.
@given(
    st.lists(licenses, max_size=3, unique_by=lambda lic: lic.sku_id), st.lists(states, max_size=5)
)
def test_the_quick_answers_agree_with_the_full_rule(
    assigned: list[AssignedLicense], state_list: list[LicenseAssignmentState]
) -> None:
    someone = user(tuple(assigned), tuple(state_list))
    direct = someone.direct_licenses
    assert someone.direct_sku_ids == {lic.sku_id for lic in direct}
    assert someone.has_direct_license == bool(direct)
    assert len({lic.sku_id for lic in direct}) == len(direct)
    for sku_id in (E3, BASIC, FLOW):
        found = someone.direct_license(sku_id)
        assert (found is not None) == (sku_id in someone.direct_sku_ids)
    if state_list:  # every state is one holding; those with a group are the inherited ones
        assert len(someone.holdings) == len(state_list)
        assert len(someone.inherited_licenses) == sum(1 for s in state_list if s.inherited)
    else:
        assert someone.holdings == direct == tuple(assigned)


def sku(
    enabled: int, consumed: int, status: str = SKU_ENABLED, suspended: int = 0, warning: int = 0
) -> Sku:
    return Sku("id", "sku", "PART", "User", status, consumed,
               PrepaidUnits(enabled=enabled, suspended=suspended, warning=warning))  # fmt: skip


def test_free_seats_count_the_grace_period_and_go_below_zero_when_over() -> None:
    assert sku(25, 20).free == 5
    assert sku(25, 25).free == 0
    assert sku(20, 25).free == -5  # over-assigned after seats were cut: said, not hidden
    # One subscription active, another expired and in its grace period: both can be given.
    assert sku(10, 13, warning=5).free == 2 and sku(10, 13, warning=5).total == 15
    assert sku(0, 4, SKU_WARNING, warning=6).free == 2  # every unit in grace


def test_a_package_nobody_can_be_given_has_no_free_seats_and_is_not_over() -> None:
    suspended = sku(0, 8, SKU_SUSPENDED, suspended=13)
    assert suspended.free == 0 and suspended.seat_count == 13


def test_how_full_a_package_is() -> None:
    assert sku(20, 5).used_share == 0.25
    assert sku(20, 25).used_share == 1.0
    assert sku(0, 0).used_share == 0.0
    assert sku(0, 3).used_share == 1.0


def test_a_suspended_subscription_counts_its_suspended_seats() -> None:
    assert sku(25, 3).seat_count == 25
    assert sku(0, 8, SKU_SUSPENDED, suspended=10).seat_count == 10
    assert sku(5, 8, SKU_SUSPENDED, suspended=2).seat_count == 5


def test_which_apps_give_a_mailbox() -> None:
    def plan(name: str) -> ServicePlan:
        return ServicePlan("plan-id", name)

    assert plan("EXCHANGE_S_ENTERPRISE").gives_mailbox
    assert plan(" exchange_s_standard ").gives_mailbox
    assert not plan("EXCHANGE_S_FOUNDATION").gives_mailbox  # in many non-mail packages
    assert not plan("TEAMS1").gives_mailbox


def test_where_a_license_comes_from() -> None:
    assert MIXED.sources_of(E3) == (SALES, None)
    assert MIXED.sources_of(BASIC) == (ALL_STAFF,)
    assert MIXED.sources_of("not-held") == ()
    failing = user(
        assigned=(AssignedLicense(FLOW),),
        states=(
            LicenseAssignmentState(FLOW, SALES, "Error", "CountViolation"),
            LicenseAssignmentState(FLOW, None),
        ),
    )
    assert failing.sources_of(FLOW) == (SALES, None)
    assert failing.sources_of(FLOW, active_only=True) == (None,)
    assert user(assigned=(AssignedLicense(FLOW),)).sources_of(FLOW) == (None,)  # no states


def test_a_copy_is_given_by_its_group_whatever_the_ids_case() -> None:
    from_group = LicenseAssignmentState("sku", assigned_by_group="0a1B-group")
    assert from_group.given_by("0A1b-GROUP")
    assert not from_group.given_by("another-group")
    assert not LicenseAssignmentState("sku").given_by("0a1b-group")  # a direct copy
