"""LicenseController: the one object the window and the CLI drive. Plan -> check -> apply.

Every method blocks; the window calls them from worker threads. ``progress`` callbacks run on
the engine's threads, so callers marshal them to their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from desktop.cancel import CancelToken
from desktop.graph.client import GraphClient
from desktop.graph.priority import Priority
from desktop.graph.records import Group, Organization, Sku, User
from desktop.licensing.apply import ApplyRun, WorkItem
from desktop.licensing.check import check_plan
from desktop.licensing.errors import PlanBlockedError, RunInProgressError
from desktop.licensing.journal import Journal, NewStep, StepState
from desktop.licensing.reader import fresh_view, read_users
from desktop.licensing.report import run_report
from desktop.licensing.resume import claim_for_resume, plan_remaining
from desktop.licensing.types import (
    CheckedPlan,
    Outcome,
    Plan,
    Progress,
    RunReport,
    RunStatus,
    RunSummary,
    Severity,
    TenantSnapshot,
)
from desktop.licensing.undo import inverse_plan

ProgressCallback = Callable[[Progress], None]


class LicenseController:
    def __init__(self, client: GraphClient, journal_path: Path, *, max_in_flight: int = 4) -> None:
        self.client = client
        self.journal = Journal(journal_path)
        self.max_in_flight = max_in_flight

    # -- reading the tenant -------------------------------------------------------------
    def load_tenant(
        self,
        *,
        on_users_page: Callable[[list[User]], None] | None = None,
        cancel: CancelToken | None = None,
        priority: Priority = Priority.NORMAL,
    ) -> TenantSnapshot:
        """Everything the window shows. ``priority`` is ``LOW`` when nobody waits for it."""
        skus = self.client.list_skus(priority=priority)
        users = self.client.list_users(on_page=on_users_page, cancel=cancel, priority=priority)
        group_ids = sorted({group for user in users for group in user.granting_group_ids})
        names = self.client.group_names(group_ids, priority=priority) if group_ids else {}
        groups = {gid: Group(gid, names.get(gid, gid)) for gid in group_ids}
        return TenantSnapshot(tuple(skus), tuple(users), groups)

    def list_skus(self) -> list[Sku]:
        return self.client.list_skus()

    def refresh_users(self, users: Sequence[str]) -> list[User]:
        """The given users as Graph shows them now (in the given order; gone ones omitted)."""
        found = read_users(self.client, users)
        fresh = (found.get(key.strip().lower()) for key in users)
        return [user for user in fresh if user is not None]

    def organization(self) -> Organization:
        return self.client.get_organization()

    # -- plan, check, apply ------------------------------------------------------------------
    def check(self, plan: Plan, *, default_usage_location: str | None = None) -> CheckedPlan:
        view = fresh_view(self.client, plan)
        return check_plan(plan, view, default_usage_location=default_usage_location)

    def apply(
        self,
        checked: CheckedPlan,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> RunReport:
        """Send ``checked.effective``; every user of the plan gets exactly one outcome."""
        if checked.blocking:
            raise PlanBlockedError(checked)
        effective = {c.user: c for c in checked.effective.changes}
        steps: list[NewStep] = []
        for change in checked.plan.changes:
            before = checked.before.get(change.user)
            label = before.user_principal_name if before else change.user
            user_id = before.id if before else None
            sent = effective.get(change.user)
            if sent is not None:
                steps.append(NewStep(change.user, label, sent, before, user_id))
            else:
                reason = "; ".join(
                    p.message
                    for p in checked.problems
                    if p.user == change.user and p.severity is Severity.SKIP
                )
                steps.append(
                    NewStep(
                        change.user,
                        label,
                        change,
                        before,
                        user_id,
                        StepState.SKIPPED,
                        reason or "Nothing to do.",
                    )
                )
        plan = checked.plan
        run_id = self.journal.create_run(plan.kind, plan.description, steps, undo_of=plan.undo_of)
        items = [
            WorkItem(seq, step.user_key, step.user_id, step.change)
            for seq, step in enumerate(steps)
            if step.state is StepState.PENDING
        ]
        counts = Progress(total=len(steps), skipped=len(steps) - len(items))
        return self._run(run_id, items, counts, progress, cancel)

    def _run(
        self,
        run_id: str,
        items: list[WorkItem],
        counts: Progress,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
    ) -> RunReport:
        try:
            runner = ApplyRun(
                self.client,
                self.journal,
                run_id,
                max_in_flight=self.max_in_flight,
                progress=progress,
                cancel=cancel,
                counts=counts,
            )
            results = runner.run(items)
            stopped = any(r.outcome is Outcome.CANCELLED for r in results.values())
            self.journal.set_status(run_id, RunStatus.CANCELLED if stopped else RunStatus.FINISHED)
        finally:
            # On an unexpected error the run stays 'running' with no owner: interrupted, so
            # it shows up for resume.
            self.journal.release(run_id)
        return run_report(self.journal, run_id, results)

    # -- the journal -------------------------------------------------------------------------
    def history(self) -> list[RunSummary]:
        return self.journal.summaries()

    def interrupted_runs(self) -> list[RunSummary]:
        """Runs still 'running' that no live process owns (see ``ownership.py``)."""
        return self.journal.interrupted()

    def run_report(self, run_id: str) -> RunReport:
        return run_report(self.journal, self.journal.resolve(run_id))

    def resume(
        self,
        run_id: str,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> RunReport:
        """Re-read and re-check every unsettled user, then apply what is still missing."""
        run_id = self.journal.resolve(run_id)
        claim_for_resume(self.journal, run_id)
        try:
            work = plan_remaining(self.client, self.journal, run_id)
            if work.checked.blocking:
                raise PlanBlockedError(work.checked)
        except BaseException:
            self.journal.release(run_id)
            raise
        if work.created:
            self.journal.record_created(run_id, work.created)
        self.journal.set_status(run_id, RunStatus.RUNNING)
        self.journal.record(run_id, work.settled)
        by_seq = {s.seq: s for s in self.journal.steps(run_id)}
        items = [
            WorkItem(seq, by_seq[seq].user_key, change.user, change)
            for change in work.checked.effective.changes
            for seq in (work.seq_of[change.user],)
        ]
        counts = Progress(
            total=len(by_seq),
            done=sum(s.state is StepState.DONE for s in by_seq.values()),
            failed=sum(s.state is StepState.FAILED for s in by_seq.values()),
            skipped=sum(s.state is StepState.SKIPPED for s in by_seq.values()),
        )
        return self._run(run_id, items, counts, progress, cancel)

    def undo_plan(self, run_id: str) -> CheckedPlan:
        """The inverse of a run, checked against the tenant now; apply() it as a new run."""
        run_id = self.journal.resolve(run_id)
        if self.journal.is_live(run_id):
            raise RunInProgressError(
                f"Run {run_id} is still being applied; undo it once it has finished."
            )
        plan, notes = inverse_plan(self.journal.summary(run_id), self.journal.steps(run_id))
        checked = self.check(plan)
        return replace(checked, problems=checked.problems + tuple(notes))

    def close(self) -> None:
        """Close the journal and the client. Cancel running apply()/resume() calls and wait
        for them first: a run cut off here is left interrupted, to be resumed."""
        self.journal.close()
        self.client.close()
