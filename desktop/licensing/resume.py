"""Finishing an interrupted (or cancelled) run without applying anything twice.

Every user not yet settled is read again and the remaining changes are checked against that
fresh state, so whatever already took effect becomes a no-op: done if this run had sent it,
skipped if it had not. The rest is applied in the same run.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.graph.client import GraphClient
from desktop.licensing.check import check_plan
from desktop.licensing.errors import RunInProgressError, RunNotResumableError
from desktop.licensing.journal import Journal, StepRow, StepState, StepUpdate
from desktop.licensing.reader import fresh_view, read_users
from desktop.licensing.types import CheckedPlan, Plan, PlanKind, RunStatus, UserChange

_REMAINING = (StepState.PENDING, StepState.SENT, StepState.CANCELLED)

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
    return step.state is StepState.SENT or step.created_id is not None


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
                    settled.append(StepUpdate(step.seq, StepState.FAILED, NO_PASSWORD))
                    continue
                if found.display_name != change.create.display_name:
                    message = f"Another account named {step.user_key} exists; it was not created."
                    settled.append(StepUpdate(step.seq, StepState.FAILED, message))
                    continue
                created[step.seq] = key = found.id
            change = UserChange(user=key, add=change.add)
        changes.append(replace(change, user=key))
        seq_of[key] = step.seq
    plan = Plan(PlanKind(summary.kind), tuple(changes), summary.description, summary.undo_of)
    checked = check_plan(plan, fresh_view(client, plan))
    by_key = {c.user: c for c in checked.effective.changes}
    state_of = {s.seq: s for s in steps}
    if not checked.blocking:
        for key, seq in seq_of.items():
            if key in by_key:
                continue
            step = state_of[seq]
            if _was_sent(step) or seq in created:
                settled.append(StepUpdate(seq, StepState.DONE, "Already in place when resumed."))
            else:
                settled.append(StepUpdate(seq, StepState.SKIPPED, "Already as asked when resumed."))
    return ResumeWork(checked, seq_of, settled, created)
