"""LicenseController: the one object the window and the CLI drive. Plan -> check -> apply.

Every method blocks; the window calls them from worker threads. ``progress`` callbacks run on
the engine's threads, so callers marshal them to their own.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from desktop.cancel import CancelToken
from desktop.graph.client import GraphClient
from desktop.graph.full_read import read_all_users
from desktop.graph.priority import Priority
from desktop.graph.records import Group, Organization, Sku, User
from desktop.licensing.apply import ApplyRun, Guard, WorkItem
from desktop.licensing.check import check_plan
from desktop.licensing.covered import still_covered
from desktop.licensing.errors import (
    PlanBlockedError,
    RunAlreadyUndoneError,
    RunInProgressError,
    WrongTenantError,
)
from desktop.licensing.journal import Journal, NewStep, StepRow, StepState
from desktop.licensing.reader import fresh_view, read_holders, read_users
from desktop.licensing.report import run_report
from desktop.licensing.resume import claim_for_resume, plan_remaining
from desktop.licensing.run_story import RunStory, run_story
from desktop.licensing.types import (
    CheckedPlan,
    Part,
    PartResult,
    PartState,
    Plan,
    PlanKind,
    Problem,
    ProblemKind,
    Progress,
    RunReport,
    RunStatus,
    RunSummary,
    Severity,
    TenantSnapshot,
)
from desktop.licensing.undo import inverse_plan, undo_keys

ProgressCallback = Callable[[Progress], None]


def kept_parts(skips: Sequence[Problem]) -> tuple[PartResult, ...]:
    """Parts the check keeps as they are for a reason (an undo's usage location): recorded
    with the run as skipped-with-reason, never as done."""
    return tuple(
        PartResult(Part.USAGE_LOCATION, PartState.KEPT, p.message, None, dict(p.details))
        for p in skips
        if p.kind is ProblemKind.USAGE_LOCATION_KEPT
    )


def final_status(steps: Sequence[StepRow]) -> RunStatus:
    """Unconfirmed users leave the run needing a check; cancelled ones leave it stopped."""
    states = {s.state for s in steps}
    if StepState.UNCONFIRMED in states:
        return RunStatus.NEEDS_CHECKING
    if states & {StepState.CANCELLED, StepState.PENDING, StepState.SENT}:
        return RunStatus.CANCELLED
    return RunStatus.FINISHED


def guard_of(kind: PlanKind) -> Guard | None:
    """What must still hold, read again just before each change goes: removing a direct copy
    a group covers goes only while the group's copy is still active (``covered.py``)."""
    return still_covered if kind is PlanKind.REMOVE_COVERED else None


class LicenseController:
    def __init__(
        self,
        client: GraphClient,
        journal_path: Path,
        *,
        max_in_flight: int = 4,
        tenant_id: str = "",
    ) -> None:
        self.client = client
        self.journal = Journal(journal_path)
        self.max_in_flight = max_in_flight
        # The tenant this connection reaches: given, or learned from the packages it reads
        # (each carries the tenant's id). A plan is bound to the tenant it was checked on.
        self.tenant_id = tenant_id

    # -- reading the tenant -------------------------------------------------------------
    def load_tenant(
        self,
        *,
        on_skus: Callable[[list[Sku]], None] | None = None,
        on_users_page: Callable[[list[User]], None] | None = None,
        cancel: CancelToken | None = None,
        priority: Priority = Priority.NORMAL,
    ) -> TenantSnapshot:
        """Everything the window shows, read at once: the packages (to ``on_skus`` as soon as
        they arrive), every user (in parallel parts, ``read_all_users``), the organisation, and
        then the names of the groups that give licenses. Nothing else: subscriptions and sign-in
        activity are read when Insight opens. ``priority`` is ``LOW`` when nobody waits."""
        client = self.client
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="tenant") as pool:
            skus_read = pool.submit(client.list_skus, priority=priority)
            organization_read = pool.submit(client.get_organization, priority=priority)
            if on_skus is not None:
                skus_read.add_done_callback(lambda done: _pass_on(done, on_skus))
            users = read_all_users(client, on_page=on_users_page, cancel=cancel, priority=priority)
            skus, organization = skus_read.result(), organization_read.result()
        self._learn_tenant(skus)
        group_ids = sorted({group for user in users for group in user.granting_group_ids})
        names = self.client.group_names(group_ids, priority=priority) if group_ids else {}
        groups = {gid: Group(gid, names.get(gid, gid)) for gid in group_ids}
        return TenantSnapshot(tuple(skus), tuple(users), groups, organization)

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
        self._learn_tenant(view.skus.values())
        checked = check_plan(plan, view, default_usage_location=default_usage_location)
        return replace(checked, tenant_id=self.tenant_id)

    def _learn_tenant(self, skus: Iterable[Sku]) -> None:
        found = next((sku.account_id for sku in skus if sku.account_id), "")
        if found:
            self.tenant_id = found

    def ensure_same_tenant(self, checked: CheckedPlan) -> None:
        """``WrongTenantError`` unless this connection reaches the tenant ``checked`` was
        checked on: a change previewed for one customer never goes to another."""
        if not checked.tenant_id:
            return
        if not self.tenant_id:
            self._learn_tenant(self.client.list_skus())
        if self.tenant_id and self.tenant_id != checked.tenant_id:
            raise WrongTenantError(checked.tenant_id, self.tenant_id)

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
        self.ensure_same_tenant(checked)
        effective = {c.user: c for c in checked.effective.changes}
        steps: list[NewStep] = []
        for change in checked.plan.changes:
            before = checked.before.get(change.user)
            label = before.user_principal_name if before else change.user
            user_id = before.id if before else None
            sent = effective.get(change.user)
            skips = [
                p for p in checked.problems if p.user == change.user and p.severity is Severity.SKIP
            ]
            kept = kept_parts(skips)
            if sent is not None:
                steps.append(NewStep(change.user, label, sent, before, user_id, parts=kept))
            else:
                reason = "; ".join(p.message for p in skips)
                steps.append(
                    NewStep(
                        change.user,
                        label,
                        change,
                        before,
                        user_id,
                        StepState.SKIPPED,
                        reason or "Nothing to do.",
                        kept,
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
        return self._run(run_id, items, counts, progress, cancel, guard=guard_of(plan.kind))

    def _run(
        self,
        run_id: str,
        items: list[WorkItem],
        counts: Progress,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
        *,
        guard: Guard | None = None,
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
                guard=guard,
            )
            results = runner.run(items)
            self.journal.set_status(run_id, final_status(self.journal.steps(run_id)))
        finally:
            # On an unexpected error the run stays 'running' with no owner: interrupted, so
            # it shows up for resume.
            self.journal.release(run_id)
        return run_report(self.journal, run_id, results)

    # -- the journal -------------------------------------------------------------------------
    def history(self) -> list[RunSummary]:
        return self.journal.summaries()

    def run_stories(self, runs: Sequence[RunSummary]) -> dict[str, RunStory]:
        """Each run's headline facts (what, to whom), by run id."""
        stories: dict[str, RunStory] = {}
        for run in runs:
            story = run_story(self.journal, run)
            if story is not None:
                stories[run.run_id] = story
        return stories

    def run_steps(self, run_id: str) -> list[StepRow]:
        """Every user of a run, with the change and how it ended (the history's details)."""
        return self.journal.steps(self.journal.resolve(run_id))

    def interrupted_runs(self) -> list[RunSummary]:
        """Runs still 'running' that no live process owns (see ``ownership.py``)."""
        return self.journal.interrupted()

    def runs_needing_checking(self) -> list[RunSummary]:
        """Runs whose answers were lost for some users who could not be read again."""
        return [s for s in self.journal.summaries() if s.status is RunStatus.NEEDS_CHECKING]

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
        sending = {item.seq for item in items}
        counted = [s.state for seq, s in by_seq.items() if seq not in sending]
        counts = Progress(
            total=len(by_seq),
            done=counted.count(StepState.DONE),
            failed=counted.count(StepState.FAILED),
            skipped=counted.count(StepState.SKIPPED),
            partly=counted.count(StepState.PARTLY),
        )
        kind = self.journal.summary(run_id).kind
        return self._run(run_id, items, counts, progress, cancel, guard=guard_of(kind))

    def undo_plan(self, run_id: str, users: Collection[str] | None = None) -> CheckedPlan:
        """The inverse of a run, checked against the tenant now; apply() it as a new run.

        It reverses what the tenant shows the run changed, for every user the run touched
        (done, partly done, unconfirmed alike). ``users`` (plan keys or labels) limits it to
        some of them, e.g. to revert the part that happened for users partly done.
        A run already undone as a whole is refused (RunAlreadyUndoneError); after an undo of
        some of its users (a restore of one user, a revert of the partly done), the whole undo
        still reverses the others (the users already back are "already as asked").
        """
        run_id = self.journal.resolve(run_id)
        if self.journal.is_live(run_id):
            raise RunInProgressError(
                f"Run {run_id} is still being applied; undo it once it has finished."
            )
        undone_by = self.journal.summary(run_id).undone_by
        if undone_by is not None and users is None and self._undid_everyone(run_id, undone_by):
            raise RunAlreadyUndoneError(run_id, undone_by)
        steps = self.journal.steps(run_id)
        if users is not None:
            wanted = {u.strip().lower() for u in users}
            steps = [s for s in steps if {s.user_key.lower(), s.label.lower()} & wanted]
        changes = [
            replace(s.change, user=key)
            for s in steps
            if (key := s.created_id or s.user_id or (s.before.id if s.before else None))
        ]
        current = read_holders(self.client, changes, undo_keys(steps))
        plan, notes = inverse_plan(self.journal.summary(run_id), steps, current)
        checked = self.check(plan)
        return replace(checked, problems=checked.problems + tuple(notes))

    def _undid_everyone(self, run_id: str, undo_id: str) -> bool:
        """Whether the undo runs of ``run_id`` (``undo_id`` the newest) covered every user it
        touched, together: one user restored, then the rest undone, is undone as a whole."""

        def ids(run: str) -> set[str]:
            return {
                key.lower()
                for step in self.journal.steps(run)
                if (key := step.created_id or step.user_id or step.user_key)
            }

        undos = {undo_id} | {r.run_id for r in self.journal.summaries() if r.undo_of == run_id}
        covered: set[str] = set()
        for undo in undos:
            covered |= ids(undo)
        return ids(run_id) <= covered

    def close(self) -> None:
        """Close the journal and the client. Cancel running apply()/resume() calls and wait
        for them first: a run cut off here is left interrupted, to be resumed."""
        self.journal.close()
        self.client.close()


def _pass_on(done: Future[list[Sku]], on_skus: Callable[[list[Sku]], None]) -> None:
    """Hand the packages on once read; a failure is raised where the result is collected."""
    if done.exception() is None:
        on_skus(done.result())
