"""Plan builders: one administrator action becomes the right per-user changes."""

from __future__ import annotations

from desktop.graph.records import AssignedLicense
from desktop.licensing.builders import (
    copy_licenses_plan,
    reassign_plan,
    sign_in_plan,
    usage_location_plan,
)
from desktop.licensing.types import PlanKind, UserChange
from tests.licensing.records import BASIC, E3, GROUP_ID, STANDARD, SWAY_PLAN, user


def test_users_are_kept_once_in_order_ignoring_case() -> None:
    plan = sign_in_plan(["B@x.pl", "a@x.pl", "b@X.PL", " a@x.pl "], enabled=False)
    assert [c.user for c in plan.changes] == ["B@x.pl", "a@x.pl"]
    assert all(c.account_enabled is False for c in plan.changes)


def test_a_swap_is_one_change_per_user_adding_and_removing_together() -> None:
    plan = reassign_plan(["a@x.pl"], E3, AssignedLicense(BASIC, (SWAY_PLAN,)))
    assert plan.kind is PlanKind.REASSIGN
    assert plan.changes == (
        UserChange("a@x.pl", add=(AssignedLicense(BASIC, (SWAY_PLAN,)),), remove=(E3,)),
    )


def test_usage_location_is_upper_cased() -> None:
    assert usage_location_plan(["a@x.pl"], "pl").changes[0].usage_location == "PL"


def test_copy_takes_direct_licenses_with_their_apps_and_skips_the_source() -> None:
    source = user(
        "source",
        direct=(AssignedLicense(E3, (SWAY_PLAN,)), AssignedLicense(STANDARD)),
        group=((BASIC, GROUP_ID),),
    )
    plan = copy_licenses_plan(source, ["t@x.pl", source.user_principal_name.upper()])
    assert [c.user for c in plan.changes] == ["t@x.pl"]
    assert plan.changes[0].add == (AssignedLicense(E3, (SWAY_PLAN,)), AssignedLicense(STANDARD))
