"""Every change takes the same road: check (worker) → preview → apply (worker, with progress and
Cancel) → results → the touched users and the package counters refresh in place.

One change at a time: ``busy`` is true from the first check until the results are closed, and
the window disables the other change actions meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.auth.write_access import writes_licenses, writes_users
from desktop.graph.records import Sku
from desktop.licensing.needed_scopes import plan_scopes, resume_scopes
from desktop.licensing.types import CheckedPlan, Outcome, Plan, PlanKind, RunReport
from ui.dialogs.error_dialog import show_error
from ui.dialogs.launcher import accepted, launch
from ui.dialogs.plan_preview import PlanPreviewDialog, PreviewNotes
from ui.dialogs.progress_dialog import ProgressDialog
from ui.dialogs.results_dialog import RETRY_FAILED, REVERT_PARTLY, ResultsDialog
from ui.flows.scope_consent import ConsentEndings, ConsentQuestion, ScopeConsent
from ui.models.plan_rows import CheckedRows, plan_rows
from ui.plan_text import plan_title, user_label
from ui.session import TenantSession
from ui.workers import JobContext


class ChangeRunner(QObject):
    busy_changed = Signal(bool)
    status = Signal(str)  # a short line for the status bar
    run_finished = Signal(object)  # the RunReport, after the results were shown
    run_cancelled = Signal()  # the person declined to grant a permission: nothing was sent

    def __init__(self, session: TenantSession, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._session = session
        self._parent = parent_widget
        self._busy = False
        self._default_location: str | None = None
        self._on_finished: Callable[[RunReport], None] | None = None
        self._notes: PreviewNotes | None = None
        self.progress_dialog: ProgressDialog | None = None
        self._consent = ScopeConsent(session, parent_widget)
        self._consent.asking.connect(lambda: self.status.emit(""))
        self.preview_dialog: PlanPreviewDialog | None = None

    @property
    def busy(self) -> bool:
        return self._busy

    # -- entry points ---------------------------------------------------------------------

    def run(
        self,
        plan: Plan,
        *,
        default_usage_location: str | None = None,
        on_finished: Callable[[RunReport], None] | None = None,
        notes: PreviewNotes | None = None,
    ) -> None:
        """Check ``plan`` against the tenant, then preview it. ``on_finished`` hears the
        report once the results were shown (not when the person cancels at the preview);
        ``notes`` are shown at the top of the preview."""
        if self._busy:
            return
        self._set_busy(True)
        self._default_location = default_usage_location
        self._on_finished = on_finished
        self._notes = notes
        self.status.emit(self.tr("Checking the change…"))
        self._check(plan, self._preview, self._failed)

    def preview(self, checked: CheckedPlan) -> None:
        """Preview a plan the engine already checked (an undo)."""
        if self._busy:
            return
        self._set_busy(True)
        self._default_location = None
        self._on_finished = None
        self._notes = None
        self._preview(checked)

    def resume(self, run_id: str, title: str) -> None:
        """Finish an interrupted run: the engine re-checks what is left and applies it."""
        if self._busy:
            return
        self._set_busy(True)
        self._on_finished = None
        controller = self._session.controller
        self._with_write_access(
            lambda: resume_scopes(controller, run_id),
            lambda: self._start_run(
                title,
                lambda ctx: controller.resume(run_id, progress=ctx.report, cancel=ctx.cancel),
                None,
            ),
        )

    # -- steps ----------------------------------------------------------------------------

    def _check(
        self,
        plan: Plan,
        on_checked: Callable[[CheckedRows], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        controller, location = self._session.controller, self._default_location
        naming, skus = self._session.naming, self._sku_index()

        def check(_context: JobContext) -> CheckedRows:
            checked = controller.check(plan, default_usage_location=location)
            return CheckedRows(checked, plan_rows(checked, naming, skus))

        self._session.workers.start("check plan", check, on_result=on_checked, on_error=on_error)

    def _sku_index(self) -> dict[str, Sku]:
        return {s.sku_id: s for s in self._session.skus.skus()}

    def _preview(self, checked: CheckedPlan | CheckedRows) -> None:
        self.status.emit("")
        naming, skus = self._session.naming, self._sku_index()
        tenant = self._session.tenant_name
        dialog = PlanPreviewDialog(checked, naming, skus, self._parent, self._notes, tenant=tenant)
        self._notes = None
        dialog.recheck_requested.connect(lambda plan: self._recheck(plan, dialog))
        self.preview_dialog = dialog
        try:
            result = launch(dialog)
        except BaseException:
            self._set_busy(False)  # a failing dialog must not lock every change action
            raise
        finally:
            self.preview_dialog = None
            dialog.deleteLater()
        if accepted(result) and dialog.checked.can_apply and dialog.confirmed:
            self._apply(dialog.checked)
        else:
            self._set_busy(False)

    def _recheck(self, plan: Plan, dialog: PlanPreviewDialog) -> None:
        def failed(exc: BaseException) -> None:
            dialog.recheck_failed()
            show_error(dialog, exc)

        self._check(plan, dialog.show_checked, failed)

    def _apply(self, checked: CheckedPlan) -> None:
        controller = self._session.controller
        title = plan_title(checked.plan.kind, len(checked.plan.changes))
        scopes = plan_scopes(checked)
        self._with_write_access(
            lambda: scopes,
            lambda: self._start_run(
                title,
                lambda ctx: controller.apply(checked, progress=ctx.report, cancel=ctx.cancel),
                checked,
            ),
        )

    # -- write permissions (incremental consent) --------------------------------------------

    def _with_write_access(
        self, scopes_of: Callable[[], tuple[str, ...]], then: Callable[[], None]
    ) -> None:
        """Run ``then`` once the connection's token carries the write scopes the change needs.

        Browsing asked only for read scopes; without this the first write would be refused
        with 403. Missing consent asks the person, signs in again in the browser, and goes on;
        declining ends the run with nothing sent. The demo tenant has nothing to ask for.
        """
        self.status.emit(self.tr("Checking permissions…"))
        self._consent.ensure(
            "write access",
            scopes_of,
            self._consent_question,
            ConsentEndings(
                granted=lambda: self._go(then), declined=self._cancelled, failed=self._failed
            ),
        )

    def _go(self, then: Callable[[], None]) -> None:
        self.status.emit("")
        then()

    def _consent_question(self, scopes: tuple[str, ...]) -> ConsentQuestion:
        return ConsentQuestion(
            self._consent_text(scopes),
            self.tr(
                "Until now License Desk could only read. An administrator may have to approve "
                "the permission. Nothing is changed before it is granted."
            ),
        )

    def _consent_text(self, scopes: tuple[str, ...]) -> str:
        tenant = self._session.tenant_name
        licenses, users = writes_licenses(scopes), writes_users(scopes)
        if licenses and users:
            text = self.tr(
                "License Desk needs permission to change licenses and users in {tenant}. "
                "Sign in again in your browser to grant it?"
            )
        elif users:
            text = self.tr(
                "License Desk needs permission to change users in {tenant}. "
                "Sign in again in your browser to grant it?"
            )
        else:
            text = self.tr(
                "License Desk needs permission to change licenses in {tenant}. "
                "Sign in again in your browser to grant it?"
            )
        return text.format(tenant=tenant)

    def _cancelled(self) -> None:
        self.status.emit(self.tr("Nothing was changed."))
        self._on_finished = None
        self._set_busy(False)
        self.run_cancelled.emit()

    def _start_run(
        self,
        title: str,
        work: Callable[[JobContext], RunReport],
        checked: CheckedPlan | None,
    ) -> None:
        progress = ProgressDialog(title, self._parent)
        self.progress_dialog = progress
        job = self._session.workers.start(
            "apply",
            work,
            on_progress=progress.set_progress,
            on_result=lambda report: self._applied(report, checked, title),
            on_error=lambda exc: self._apply_failed(exc, checked),
        )
        progress.cancel_requested.connect(job.cancel)
        progress.open()

    def _applied(self, report: RunReport, checked: CheckedPlan | None, title: str) -> None:
        self._close_progress()
        touched = [
            r.user
            for r in report.results
            if r.outcome in (Outcome.DONE, Outcome.FAILED, Outcome.PARTLY, Outcome.UNCONFIRMED)
            and not (r.change is not None and r.change.on_group)  # a group, not a user
        ]
        self._session.refresh_users(touched)
        labels = self._labels(report, checked)
        dialog = ResultsDialog(title, report, labels, self._parent)
        try:
            result = launch(dialog)
        except BaseException:
            self._set_busy(False)
            raise
        finally:
            dialog.deleteLater()
        on_finished, self._on_finished = self._on_finished, None
        if on_finished is not None:
            on_finished(report)
        self._set_busy(False)
        self.run_finished.emit(report)
        if result == RETRY_FAILED:
            self._retry_failed(report, checked, on_finished)
        elif result == REVERT_PARTLY:
            self.revert_partly(report)

    def revert_partly(self, report: RunReport) -> None:
        """Preview the undo of what went through for the users only partly done."""
        partly = [r.user for r in report.results if r.outcome is Outcome.PARTLY]
        controller = self._session.controller
        self._session.workers.start(
            "plan undo",
            lambda _ctx: controller.undo_plan(report.run_id, partly),
            on_result=self.preview,
            on_error=self._failed,
        )

    def _retry_failed(
        self,
        report: RunReport,
        checked: CheckedPlan | None,
        on_finished: Callable[[RunReport], None] | None,
    ) -> None:
        # Partly done users too: the new check sends only the part that did not go through.
        failed = {r.user for r in report.results if r.outcome in (Outcome.FAILED, Outcome.PARTLY)}
        if checked is None:
            return
        changes = tuple(c for c in checked.effective.changes if c.user in failed)
        kind = checked.plan.kind
        retry = Plan(
            kind if kind is not PlanKind.UNDO else PlanKind.MIXED, changes, checked.plan.description
        )
        self.run(retry, default_usage_location=self._default_location, on_finished=on_finished)

    def _apply_failed(self, exc: BaseException, checked: CheckedPlan | None) -> None:
        self._close_progress()
        if checked is not None:
            self._session.refresh_users(
                [c.user for c in checked.effective.changes if not c.on_group]
            )
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.status.emit("")
        self._set_busy(False)
        show_error(self._parent, exc)

    # -- helpers ----------------------------------------------------------------------------

    def _labels(self, report: RunReport, checked: CheckedPlan | None) -> dict[str, str]:
        before: dict[str, Any] = dict(checked.before) if checked is not None else {}
        labels: dict[str, str] = {}
        for result in report.results:
            if result.after is not None:
                after = result.after
                labels[result.user] = f"{after.display_name} <{after.user_principal_name}>"
            else:
                labels[result.user] = user_label(result.user, before)
        return labels

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.finish()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
