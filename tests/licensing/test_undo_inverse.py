"""The inverse of a change restores exactly what the change touched."""

from __future__ import annotations

from desktop.graph.records import AssignedLicense
from desktop.licensing.journal import StepRow, StepState
from desktop.licensing.types import PlanKind, ProblemKind, RunStatus, RunSummary, UserChange
from desktop.licensing.undo import inverse_change, inverse_plan
from tests.licensing.records import BASIC, E3, SWAY_PLAN, TEAMS_PLAN, user


def test_added_packages_are_removed_and_changed_apps_restored() -> None:
    before = user("u", direct=(AssignedLicense(E3, (SWAY_PLAN,)),))
    change = UserChange(before.id, add=(AssignedLicense(E3, (TEAMS_PLAN,)), AssignedLicense(BASIC)))
    undo = inverse_change(before.id, change, before)
    assert undo.add == (AssignedLicense(E3, (SWAY_PLAN,)),)
    assert undo.remove == (BASIC,)


def test_removed_packages_come_back_with_their_disabled_plans() -> None:
    before = user("u", direct=(AssignedLicense(E3, (SWAY_PLAN, TEAMS_PLAN)),))
    undo = inverse_change(before.id, UserChange(before.id, remove=(E3,)), before)
    assert undo.add == (AssignedLicense(E3, (SWAY_PLAN, TEAMS_PLAN)),)
    assert undo.remove == ()


def test_sign_in_and_usage_location_go_back_including_to_none() -> None:
    before = user("u", location=None, enabled=False)
    change = UserChange(before.id, usage_location="PL", account_enabled=True)
    undo = inverse_change(before.id, change, before)
    assert undo.account_enabled is False
    assert undo.usage_location is None and undo.clear_usage_location
    untouched = inverse_change(before.id, UserChange(before.id, add=(AssignedLicense(E3),)), before)
    assert untouched.account_enabled is None and not untouched.clear_usage_location


def _step(seq: int, state: StepState, change: UserChange, **kw: object) -> StepRow:
    before = user(f"u{seq}")
    values: dict[str, object] = {
        "seq": seq,
        "user_key": before.user_principal_name,
        "user_id": before.id,
        "label": before.user_principal_name,
        "change": change,
        "before": before,
        "state": state,
        "message": "",
        "code": None,
        "created_id": None,
    }
    values.update(kw)
    return StepRow(**values)  # type: ignore[arg-type]


def test_only_applied_steps_are_undone_and_created_users_deleted() -> None:
    run = RunSummary(
        "abcd1234", PlanKind.ASSIGN, "Assign", "t", "t", RunStatus.FINISHED, 5, 2, 1, 1
    )
    add = UserChange("x", add=(AssignedLicense(E3),))
    steps = [
        _step(0, StepState.DONE, add),
        _step(1, StepState.FAILED, add),
        _step(2, StepState.SKIPPED, add),
        _step(3, StepState.CANCELLED, add, created_id="new-id"),
        _step(4, StepState.DONE, UserChange("gone", delete=True)),
    ]
    plan, notes = inverse_plan(run, steps)
    assert plan.kind is PlanKind.UNDO and plan.undo_of == "abcd1234"
    assert plan.changes == (
        UserChange("id-u0", remove=(E3,)),
        UserChange("new-id", delete=True),
    )
    assert [n.kind for n in notes] == [ProblemKind.CANNOT_UNDO]
