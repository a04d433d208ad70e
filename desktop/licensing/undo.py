"""The inverse of a run, from the before-states the journal kept."""

from __future__ import annotations

from desktop.graph.records import AssignedLicense, User
from desktop.licensing.describe import with_message
from desktop.licensing.journal import StepRow, StepState
from desktop.licensing.state import direct_license
from desktop.licensing.types import (
    Plan,
    PlanKind,
    Problem,
    ProblemKind,
    RunSummary,
    Severity,
    UserChange,
)

# A 'sent' step (interrupted run) may or may not have happened. Its inverse restores the
# before-state, which is a no-op (and so a skip) if it did not, so it is safe to include.
_UNDOABLE = (StepState.DONE, StepState.SENT)


def inverse_change(key: str, change: UserChange, before: User) -> UserChange:
    """Bring ``before`` back: the exact direct licenses and disabled plans, sign-in state,
    usage location. Only what ``change`` touched is restored."""
    add_back: list[AssignedLicense] = []
    remove: list[str] = []
    for lic in change.add:
        previous = direct_license(before, lic.sku_id)
        if previous is None:
            remove.append(lic.sku_id)
        else:
            add_back.append(previous)
    for sku_id in change.remove:
        previous = direct_license(before, sku_id)
        if previous is not None:
            add_back.append(previous)
    touched_location = change.usage_location is not None or change.clear_usage_location
    return UserChange(
        user=key,
        add=tuple(add_back),
        remove=tuple(remove),
        usage_location=before.usage_location if touched_location else None,
        clear_usage_location=touched_location and before.usage_location is None,
        account_enabled=before.account_enabled if change.account_enabled is not None else None,
    )


def inverse_plan(run: RunSummary, steps: list[StepRow]) -> tuple[Plan, list[Problem]]:
    """The undo plan, and skips for what cannot be undone (deleted users)."""
    changes: list[UserChange] = []
    notes: list[Problem] = []
    for step in steps:
        if step.created_id is not None:
            changes.append(UserChange(user=step.created_id, delete=True))
        elif step.change.delete and step.state in _UNDOABLE:
            notes.append(
                with_message(
                    Problem(
                        ProblemKind.CANNOT_UNDO, Severity.SKIP, step.user_key, {"label": step.label}
                    ),
                    {},
                )
            )
        elif step.state in _UNDOABLE and step.before is not None:
            key = step.user_id or step.before.id
            changes.append(inverse_change(key, step.change, step.before))
    plan = Plan(
        PlanKind.UNDO,
        tuple(changes),
        f"Undo: {run.description}",
        undo_of=run.run_id,
    )
    return plan, notes
