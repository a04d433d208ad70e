"""The inverse of a change restores exactly what the change touched."""

from __future__ import annotations

from desktop.graph.records import AssignedLicense
from desktop.licensing.journal import StepRow, StepState
from desktop.licensing.types import (
    Part,
    PartResult,
    PartState,
    PlanKind,
    ProblemKind,
    RunStatus,
    RunSummary,
    UserChange,
)
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


def test_undo_reverses_what_the_tenant_shows_of_every_touched_user() -> None:
    run = RunSummary(
        "abcd1234", PlanKind.ASSIGN, "Assign", "t", "t", RunStatus.FINISHED, 9, 2, 1, 1
    )
    add = UserChange("x", add=(AssignedLicense(E3),))
    block_and_add = UserChange("x", add=(AssignedLicense(E3),), account_enabled=False)
    licenses = Part.LICENSES
    steps = [
        _step(0, StepState.DONE, add, parts=(PartResult(licenses, PartState.DONE),)),
        # Refused by Graph: whoever gave the license since, it was not this run.
        _step(1, StepState.FAILED, add, parts=(PartResult(licenses, PartState.FAILED, "no"),)),
        # A journal from before parts were recorded: a lost answer was written as failed.
        _step(2, StepState.FAILED, add),
        _step(3, StepState.SKIPPED, add),
        _step(4, StepState.CANCELLED, add, created_id="new-id"),
        _step(5, StepState.DONE, UserChange("gone", delete=True)),
        _step(
            6,
            StepState.PARTLY,
            block_and_add,
            parts=(
                PartResult(Part.SIGN_IN, PartState.DONE),
                PartResult(licenses, PartState.FAILED, "no free seats"),
            ),
        ),
        _step(7, StepState.UNCONFIRMED, add, parts=(PartResult(licenses, PartState.UNCONFIRMED),)),
        # Done, but someone has taken the license away since: nothing of it left to reverse.
        _step(8, StepState.DONE, add, parts=(PartResult(licenses, PartState.DONE),)),
    ]
    with_e3 = (AssignedLicense(E3),)
    current = {
        "id-u0": user("u0", direct=with_e3),
        "id-u1": user("u1", direct=with_e3),
        "id-u2": user("u2", direct=with_e3),
        "id-u3": user("u3", direct=with_e3),
        "id-u6": user("u6", enabled=False),
        "id-u7": user("u7", direct=with_e3),
        "id-u8": user("u8"),
    }
    plan, notes = inverse_plan(run, steps, current)
    assert plan.kind is PlanKind.UNDO and plan.undo_of == "abcd1234"
    assert plan.changes == (
        UserChange("id-u0", remove=(E3,)),
        UserChange("id-u2", remove=(E3,)),
        UserChange("new-id", delete=True),
        UserChange("id-u6", account_enabled=True),
        UserChange("id-u7", remove=(E3,)),
    )
    assert [(n.kind, n.user) for n in notes] == [
        (ProblemKind.CANNOT_UNDO, "u5@contoso.pl"),
        (ProblemKind.NOTHING_TO_DO, "id-u8"),
    ]
