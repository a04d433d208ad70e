"""Finishing an interrupted, cancelled or needs-checking run without applying anything twice.

Every user not yet settled (unconfirmed ones included) is read again and the remaining changes
are checked against that fresh state, so whatever already took effect becomes a no-op: done if
this run had sent it, skipped if it had not, part by part. Only the rest is sent, in the same
run.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.graph.client import GraphClient
from desktop.graph.records import User
from desktop.licensing.check import check_plan
from desktop.licensing.errors import RunInProgressError, RunNotResumableError
from desktop.licensing.journal import Journal, StepRow, StepState, StepUpdate
from desktop.licensing.parts import parts_of, parts_shown
from desktop.licensing.reader import fresh_view, read_users
from desktop.licensing.types import (
    CheckedPlan,
    Part,
    PartResult,
    PartState,
    Plan,
    PlanKind,
    Problem,
    RunStatus,
    Severity,
    UserChange,
)

_REMAINING = (StepState.PENDING, StepState.SENT, StepState.CANCELLED, StepState.UNCONFIRMED)
IN_PLACE = "Already in place when resumed."
AS_ASKED = "Already as asked when resumed."

NO_PASSWORD = (
    "The new account's password is not kept in the journal, so it cannot be created on "
    "resume: create the user again."
)


@dataclass(frozen=True)
class ResumeWork:
    """What is left of a run: the checked remaining plan and which step each change is."""

    checked: CheckedPlan
    seq_of: dict[str, int]  # plan key -> step seq
    settled: list[StepUpdate]  # steps the re-read already settled (done, skipped, failed)
    created: dict[int, str]  # creates found to exist: seq -> new user id


def claim_for_resume(journal: Journal, run_id: str) -> None:
    summary = journal.summary(run_id)
    if summary.status is RunStatus.FINISHED:
        raise RunNotResumableError(f"Run {run_id} has finished: there is nothing to resume.")
    if not journal.claim(run_id):
        raise RunInProgressError(
            f"Run {run_id} is being applied right now by another window or process; "
            "wait for it to end."
        )


def _was_sent(step: StepRow) -> bool:
    return step.state in (StepState.SENT, StepState.UNCONFIRMED) or step.created_id is not None


def _sent_parts(step: StepRow) -> set[Part]:
    """Parts this run may already have sent (so one found in place counts as done)."""
    if _was_sent(step):
        return set(parts_of(step.change))
    return {p.part for p in step.parts if p.state in (PartState.DONE, PartState.UNCONFIRMED)}


def plan_remaining(client: GraphClient, journal: Journal, run_id: str) -> ResumeWork:
    steps = [s for s in journal.steps(run_id) if s.state in _REMAINING]
    summary = journal.summary(run_id)
    settled: list[StepUpdate] = []
    created: dict[int, str] = {}
    creates = [s for s in steps if s.change.create is not None and s.created_id is None]
    existing = read_users(client, [s.user_key for s in creates]) if creates else {}
    changes: list[UserChange] = []
    seq_of: dict[str, int] = {}
    for step in steps:
        change = step.change
        key = step.created_id or step.user_id or step.user_key
        if change.create is not None:
            if step.created_id is None:
                found = existing.get(step.user_key.lower())
                if found is None:
                    # Never created, and the journal holds no password to create it with.
                    settled.append(_failed(step, NO_PASSWORD))
                    continue
                if found.display_name != change.create.display_name:
                    message = f"Another account named {step.user_key} exists; it was not created."
                    settled.append(_failed(step, message))
                    continue
                created[step.seq] = key = found.id
            change = UserChange(user=key, add=change.add)
        changes.append(replace(change, user=key))
        seq_of[key] = step.seq
    plan = Plan(PlanKind(summary.kind), tuple(changes), summary.description, summary.undo_of)
    view = fresh_view(client, plan)
    checked = check_plan(plan, view)
    by_key = {c.user: c for c in checked.effective.changes}
    state_of = {s.seq: s for s in steps}
    if not checked.blocking:
        for key, seq in seq_of.items():
            step = state_of[seq]
            sent = _sent_parts(step) | ({Part.CREATE} if seq in created else set())
            reasons = [p for p in checked.problems if p.user == key and p.severity is Severity.SKIP]
            settled_parts = _in_place(step, view.user(key), by_key.get(key), reasons, sent)
            if key in by_key:
                if settled_parts:
                    settled.append(StepUpdate(seq, StepState.SENT, parts=settled_parts))
            elif any(p.state is PartState.DONE for p in settled_parts):
                settled.append(StepUpdate(seq, StepState.DONE, IN_PLACE, parts=settled_parts))
            else:
                settled.append(StepUpdate(seq, StepState.SKIPPED, AS_ASKED, parts=settled_parts))
    return ResumeWork(checked, seq_of, settled, created)


def _in_place(
    step: StepRow,
    user: User | None,
    pending: UserChange | None,
    reasons: list[Problem],
    sent: set[Part],
) -> tuple[PartResult, ...]:
    """The outcome of each part of ``step`` that the fresh check leaves out of ``pending``:
    done if the run may have sent it, skipped if not, kept (with the reason) if an undo
    could not restore it."""
    still = set(parts_of(pending)) if pending is not None else set()
    shown = parts_shown(user, _without_create(step))
    results: list[PartResult] = []
    for part in parts_of(step.change):
        if part in still:
            continue
        if part is Part.CREATE or part in shown or not reasons:
            state = PartState.DONE if part in sent else PartState.SKIPPED
            results.append(PartResult(part, state))
        else:
            reason = reasons[0]
            results.append(PartResult(part, PartState.KEPT, reason.message, None, reason.details))
    return tuple(results)


def _failed(step: StepRow, message: str) -> StepUpdate:
    parts = tuple(PartResult(p, PartState.FAILED, message) for p in parts_of(step.change))
    return StepUpdate(step.seq, StepState.FAILED, message, parts=parts)


def _without_create(step: StepRow) -> UserChange:
    change = step.change
    if change.create is None:
        return change
    return UserChange(user=change.user, add=change.add)
