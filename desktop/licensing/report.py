"""A run's report read back from the journal (history, resume, after a crash)."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.licensing.journal import Journal, StepRow, StepState
from desktop.licensing.types import Outcome, RunReport, UserResult

_OUTCOME_OF = {
    StepState.DONE: Outcome.DONE,
    StepState.FAILED: Outcome.FAILED,
    StepState.SKIPPED: Outcome.SKIPPED,
    StepState.CANCELLED: Outcome.CANCELLED,
}

UNFINISHED = "Not finished: the run was interrupted. Resume it to finish."


def step_result(step: StepRow) -> UserResult:
    outcome = _OUTCOME_OF.get(step.state)
    if outcome is None:  # pending or sent: the run stopped before the answer was recorded
        return UserResult(step.user_key, Outcome.CANCELLED, UNFINISHED)
    return UserResult(step.user_key, outcome, step.message, step.code)


def run_report(
    journal: Journal, run_id: str, fresh: Mapping[int, UserResult] | None = None
) -> RunReport:
    """Every step's outcome; ``fresh`` results (with the user after the change) win."""
    fresh = fresh or {}
    return RunReport(
        run_id,
        tuple(fresh.get(step.seq) or step_result(step) for step in journal.steps(run_id)),
    )
