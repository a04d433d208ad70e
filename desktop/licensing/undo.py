"""The inverse of a run: what the tenant shows the run changed, set back to the before-states
the journal kept.

Every user the run may have touched counts, whatever their outcome (done, partly done,
unconfirmed, interrupted, or failed in a journal written before parts were recorded). For each,
only the parts the run may have sent are considered, and of those only what the tenant shows
now (``parts.applied_part``) is reversed: a part Graph refused, or that someone has changed
since, is left alone.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.graph.records import AssignedLicense, User
from desktop.licensing.describe import with_message
from desktop.licensing.journal import StepRow, StepState
from desktop.licensing.parts import applied_part, only, parts_of
from desktop.licensing.state import is_empty, is_member
from desktop.licensing.types import (
    Part,
    PartState,
    Plan,
    PlanKind,
    Problem,
    ProblemKind,
    RunSummary,
    Severity,
    UserChange,
)

# Parts whose request may have taken effect: confirmed, or sent with the answer lost.
_MAYBE_APPLIED = (PartState.DONE, PartState.UNCONFIRMED)
# Steps with no part records: interrupted before any answer (sent), or written by an engine
# that recorded a lost answer as failed; the tenant says what happened.
_UNRECORDED_MAYBE_SENT = (
    StepState.DONE,
    StepState.SENT,
    StepState.FAILED,
    StepState.CANCELLED,
    StepState.PARTLY,
    StepState.UNCONFIRMED,
)


def maybe_applied(step: StepRow) -> tuple[Part, ...]:
    """The parts of ``step`` that the run may have applied."""
    recorded = {p.part: p.state for p in step.parts}
    if not recorded:
        return parts_of(step.change) if step.state in _UNRECORDED_MAYBE_SENT else ()
    return tuple(
        part
        for part in parts_of(step.change)
        if recorded.get(part) in _MAYBE_APPLIED
        or (part not in recorded and step.state is StepState.SENT)
    )


def undo_keys(steps: list[StepRow]) -> list[str]:
    """The users an undo of ``steps`` must read now."""
    return [key for step in steps if (key := _key(step)) is not None]


def _key(step: StepRow) -> str | None:
    if step.created_id is not None:
        return step.created_id
    if step.before is None:
        return None
    return step.user_id or step.before.id


def inverse_change(key: str, change: UserChange, before: User) -> UserChange:
    """Bring ``before`` back: the exact direct licenses and disabled plans, sign-in state,
    usage location, group memberships. Only what ``change`` touched is restored."""
    add_back: list[AssignedLicense] = []
    remove: list[str] = []
    for lic in change.add:
        previous = before.direct_license(lic.sku_id)
        if previous is None:
            remove.append(lic.sku_id)
        else:
            add_back.append(previous)
    for sku_id in change.remove:
        previous = before.direct_license(sku_id)
        if previous is not None:
            add_back.append(previous)
    touched_location = change.usage_location is not None or change.clear_usage_location
    # Memberships: leave what the run joined, join back what it left (as the user was before).
    return UserChange(
        user=key,
        add=tuple(add_back),
        remove=tuple(remove),
        usage_location=before.usage_location if touched_location else None,
        clear_usage_location=touched_location and before.usage_location is None,
        account_enabled=before.account_enabled if change.account_enabled is not None else None,
        join_groups=tuple(g for g in change.leave_groups if is_member(before, g.id) is not False),
        leave_groups=tuple(g for g in change.join_groups if not is_member(before, g.id)),
        on_group=change.on_group,
    )


def inverse_plan(
    run: RunSummary, steps: list[StepRow], current: Mapping[str, User | None]
) -> tuple[Plan, list[Problem]]:
    """The undo plan, and skips for what cannot be undone (deleted users).

    ``current`` holds the users as the tenant shows them now, by lower-case id (``undo_keys``
    names them); a user missing from it is read as gone.
    """
    changes: list[UserChange] = []
    notes: list[Problem] = []
    for step in steps:
        parts = maybe_applied(step)
        if step.created_id is not None:
            changes.append(UserChange(user=step.created_id, delete=True))
        elif Part.DELETE in parts:
            notes.append(
                with_message(
                    Problem(
                        ProblemKind.CANNOT_UNDO, Severity.SKIP, step.user_key, {"label": step.label}
                    ),
                    {},
                )
            )
        elif parts and step.before is not None:
            key = step.user_id or step.before.id
            now = current.get(key.lower())
            if now is None:
                continue  # gone since: nothing of it to restore
            applied = applied_part(now, only(step.change, parts))
            if is_empty(applied):
                notes.append(
                    Problem(
                        ProblemKind.NOTHING_TO_DO,
                        Severity.SKIP,
                        key,
                        {"label": step.label, "undo": True},
                    )
                )
            else:
                changes.append(inverse_change(key, applied, step.before))
    plan = Plan(
        PlanKind.UNDO,
        tuple(changes),
        f"Undo: {run.description}",
        undo_of=run.run_id,
    )
    return plan, [with_message(n, {}) for n in notes]
