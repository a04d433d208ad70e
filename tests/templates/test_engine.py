"""The template engine without a tenant: saving from a user, the drift rules, the store."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from desktop.graph.records import (
    AssignedLicense,
    Group,
    LicenseAssignmentState,
    PrepaidUnits,
    ServicePlan,
    Sku,
    User,
)
from desktop.licensing.types import PlanKind
from desktop.templates.drift import align_plan, find_drift
from desktop.templates.file_format import export_text, read_export
from desktop.templates.model import (
    LicenseTemplate,
    TemplateError,
    TemplateGroup,
    TemplateLicense,
    from_user,
)
from desktop.templates.plans import apply_plan
from desktop.templates.store import TemplateStore

STD = "f245ecc8-75af-4f8e-b61f-27d8114de5f3"
BOOKINGS = "199a5c09-e0ca-4e37-8f7c-b05d533e1ea2"
SWAY = "a23b959c-7ce8-4e57-9140-b90eb88a9e97"
FLOW = "f30db892-07e9-47e9-837c-80727f46fd3d"
SKUS = [
    Sku("1", STD, "O365_BUSINESS_PREMIUM", "User", "Enabled", 1, PrepaidUnits(5),
        (ServicePlan(BOOKINGS, "MICROSOFTBOOKINGS"), ServicePlan(SWAY, "SWAY"))),
    Sku("2", FLOW, "FLOW_FREE", "User", "Enabled", 1, PrepaidUnits(100)),
]  # fmt: skip
SALES = LicenseTemplate(
    "Sales PL",
    (TemplateLicense(STD, "O365_BUSINESS_PREMIUM", (BOOKINGS,), ("MICROSOFTBOOKINGS",)),),
    "PL",
    "Sales",
)


def user(upn: str, *states: LicenseAssignmentState, department: str = "Sales",
         location: str | None = "PL", enabled: bool = True) -> User:  # fmt: skip
    return User(
        id=upn, display_name=upn, user_principal_name=upn, account_enabled=enabled,
        usage_location=location, department=department,
        assigned_licenses=tuple(AssignedLicense(s.sku_id, s.disabled_plans) for s in states),
        license_assignment_states=states,
    )  # fmt: skip


def direct(sku: str, *off: str) -> LicenseAssignmentState:
    return LicenseAssignmentState(sku, None, disabled_plans=off)


def by_group(sku: str, group: str, *off: str) -> LicenseAssignmentState:
    return LicenseAssignmentState(sku, group, disabled_plans=off)


def test_saving_a_user_keeps_direct_licenses_apps_and_the_groups_they_inherit_through() -> None:
    anna = user("anna@contoso.pl", direct(STD, BOOKINGS.upper()), by_group(FLOW, "g1"))
    template = from_user("  Sales   PL ", anna, SKUS, {"g1": Group("g1", "Flow users")})
    assert template.name == "Sales PL" and template.department == "Sales"
    assert template.licenses == SALES.licenses
    assert template.groups == (TemplateGroup("g1", "Flow users"),)
    with pytest.raises(TemplateError, match="no licenses"):
        from_user("X", user("nobody@contoso.pl"), SKUS)


def test_drift_rules() -> None:
    users = [
        user("same@contoso.pl", direct(STD, BOOKINGS)),
        user("group@contoso.pl", by_group(STD, "g1")),  # held through a group: not missing
        user("none@contoso.pl"),
        user("apps@contoso.pl", direct(STD)),
        user("extra@contoso.pl", direct(STD, BOOKINGS), direct(FLOW)),
        user("gextra@contoso.pl", direct(STD, BOOKINGS), by_group(FLOW, "g")),
        user("moved@contoso.pl", direct(STD, BOOKINGS), location="DE"),
        user("left@contoso.pl", enabled=False),
        user("it@contoso.pl", department="IT"),
        user("case@contoso.pl", direct(STD, BOOKINGS), department=" sales "),
    ]
    found = {d.user.user_principal_name.split("@")[0]: d for d in find_drift(users, [SALES])}
    assert set(found) == {"none", "apps", "extra", "moved"}
    assert found["none"].missing == SALES.licenses and not found["none"].extra
    assert found["apps"].other_apps == SALES.licenses and not found["apps"].missing
    assert found["extra"].extra == (FLOW,)
    assert found["moved"].usage_location == "PL"
    plan = align_plan(list(found.values()))
    assert plan.kind is PlanKind.MIXED
    changes = {c.user.split("@")[0]: c for c in plan.changes}
    assert changes["extra"].remove == (FLOW,) and not changes["extra"].add
    assert changes["none"].add == (AssignedLicense(STD, (BOOKINGS,)),)
    assert changes["moved"].usage_location == "PL" and not changes["moved"].touches_licenses
    with pytest.raises(TemplateError, match="department 'HR'"):
        find_drift(users, [SALES], "HR")
    twin = LicenseTemplate("Other", SALES.licenses, None, "SALES")
    with pytest.raises(TemplateError, match="both for department"):
        find_drift(users, [SALES, twin])


def test_apply_is_an_ordinary_assign_with_the_usage_location() -> None:
    plan = apply_plan(SALES, ["a@contoso.pl", "A@contoso.pl", "b@contoso.pl"])
    assert plan.kind is PlanKind.ASSIGN and len(plan.changes) == 2
    assert all(c.usage_location == "PL" for c in plan.changes)
    assert plan.changes[0].add == (AssignedLicense(STD, (BOOKINGS,)),)


def test_the_file_round_trips_and_the_store_is_owner_only(tmp_path: Path) -> None:
    with_group = LicenseTemplate("G", SALES.licenses, None, None, (TemplateGroup("g", "Sales"),))
    for template in (SALES, with_group):
        assert read_export(export_text(template), "f") == template
    store = TemplateStore(tmp_path)
    store.save(SALES)
    store.save(with_group)
    again = TemplateStore(tmp_path)
    assert [t.name for t in again.templates] == ["G", "Sales PL"]
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(again.path).st_mode) == 0o600
    with pytest.raises(TemplateError, match="exists"):
        again.rename("G", "sales pl")
    assert again.rename("G", "Groups only").name == "Groups only"
    assert again.delete("sales PL").name == "Sales PL"
    assert [t.name for t in TemplateStore(tmp_path).templates] == ["Groups only"]
    with pytest.raises(TemplateError, match="No template named"):
        again.get("Sales PL")


def test_groups_are_found_by_id_else_by_name_else_left_for_the_check_to_report() -> None:
    from desktop.graph.groups import LicensedGroup
    from desktop.licensing.types import GroupRef
    from desktop.templates.plans import resolve_groups

    template = LicenseTemplate("T", (), None, None, (
        TemplateGroup("id-1", "Sales"), TemplateGroup("id-2", "Flow users"),
        TemplateGroup("id-3", "Gone"),
    ))  # fmt: skip
    here = [LicensedGroup("other-id", "flow USERS", ()), LicensedGroup("id-1", "Sales (PL)", ())]
    assert resolve_groups(template, here) == (
        GroupRef("id-1", "Sales (PL)"),
        GroupRef("other-id", "flow USERS"),
        GroupRef("id-3", "Gone"),
    )
    plan = apply_plan(template, ["a@contoso.pl"], resolve_groups(template, here))
    assert plan.changes[0].join_groups[1] == GroupRef("other-id", "flow USERS")
