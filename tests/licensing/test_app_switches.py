"""``apps --off/--on``: each user's other disabled apps survive; only holders are changed."""

from __future__ import annotations

from desktop.graph.records import AssignedLicense, LicenseAssignmentState, User
from desktop.licensing.app_switches import apps_switch_plan, lacking_license, switched_apps
from desktop.licensing.types import PlanKind


def test_switched_apps_keeps_the_rest_in_order() -> None:
    assert switched_apps(("a", "b", "c"), ["d", "a"], ["b"]) == ("a", "c", "d")
    assert switched_apps((), ["x"], []) == ("x",)
    assert switched_apps(("x",), [], ["x", "y"]) == ()


def _user(uid: str, *states: LicenseAssignmentState) -> User:
    licenses = tuple(AssignedLicense(s.sku_id, s.disabled_plans) for s in states)
    return User(
        uid, uid, f"{uid}@x.pl", assigned_licenses=licenses, license_assignment_states=states
    )


def test_plan_per_user_from_their_own_direct_assignment() -> None:
    anna = _user("anna", LicenseAssignmentState("E3", disabled_plans=("sway",)))
    bob = _user("bob", LicenseAssignmentState("E3", disabled_plans=("forms", "sway")))
    group = _user("cecil", LicenseAssignmentState("E3", assigned_by_group="g1"))
    plan = apps_switch_plan([anna, bob, group], "E3", ["teams"], ["sway"])
    assert plan.kind is PlanKind.APPS
    assert [(c.user, c.add) for c in plan.changes] == [
        ("anna", (AssignedLicense("E3", ("teams",)),)),
        ("bob", (AssignedLicense("E3", ("forms", "teams")),)),
    ]
    assert lacking_license([anna, group], "E3") == [group]
