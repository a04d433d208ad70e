"""A run's report read back from the journal (history, resume, after a crash)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from desktop.licensing.journal import OUTCOME_OF_STATE, Journal, StepRow
from desktop.licensing.types import Outcome, RunReport, UserResult

UNFINISHED = "Not finished: the run was interrupted. Resume it to finish."


def step_result(step: StepRow) -> UserResult:
    outcome = OUTCOME_OF_STATE.get(step.state)
    if outcome is None:  # pending or sent: the run stopped before the answer was recorded
        return UserResult(
            step.user_key, Outcome.CANCELLED, UNFINISHED, parts=step.parts, change=step.change
        )
    return UserResult(
        step.user_key, outcome, step.message, step.code, parts=step.parts, change=step.change
    )


def run_report(
    journal: Journal, run_id: str, fresh: Mapping[int, UserResult] | None = None
) -> RunReport:
    """Every step's outcome; ``fresh`` results (with the user after the change) win."""
    fresh = fresh or {}
    results = []
    for step in journal.steps(run_id):
        found = fresh.get(step.seq)
        results.append(
            replace(found, change=step.change) if found is not None else step_result(step)
        )
    return RunReport(run_id, tuple(results))
