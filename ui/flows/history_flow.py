"""History: list the journal, then undo a run (a new, previewed change), restore one user of it
(the same engine call as `license-desk restore RUN USER`: exactly what the run took from them,
apps that were off stay off) or resume one. At start up, an interrupted run (the app closed or
crashed mid-way) is offered for resume."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.insight.reclaim import restore_plan
from desktop.licensing.journal import StepRow
from desktop.licensing.run_story import RunStory
from desktop.licensing.types import RunStatus, RunSummary
from ui.dialogs.ask import confirm
from ui.dialogs.error_dialog import show_error
from ui.dialogs.history_dialog import HistoryChoice, HistoryDialog, when
from ui.dialogs.launcher import accepted, launch
from ui.dialogs.run_details_dialog import RunDetailsDialog
from ui.flows.change_runner import ChangeRunner
from ui.plan_text import plan_title
from ui.session import TenantSession
from ui.workers import JobContext

STORIES_SHOWN = 500  # runs whose headline names the change and the users (newest first)


@dataclass(frozen=True)
class _History:
    runs: list[RunSummary]
    interrupted: list[str]
    stories: dict[str, RunStory]


class HistoryCommands(QObject):
    def __init__(self, session: TenantSession, runner: ChangeRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._parent = parent

    def history(self) -> None:
        self.show_history(None)

    def show_history(self, select: str | None) -> None:
        """Read the journal on a worker, then show it (``select``: the run to select)."""
        controller = self._session.controller

        def read(_ctx: JobContext) -> _History:
            runs = controller.history()
            return _History(
                runs,
                [r.run_id for r in controller.interrupted_runs()],
                controller.run_stories(runs[:STORIES_SHOWN]),
            )

        self._session.workers.start(
            "read history",
            read,
            on_result=lambda found: self._show(found, select),
            on_error=lambda exc: show_error(self._parent, exc),
        )

    def _show(self, found: _History, select: str | None = None) -> None:
        skus = {s.sku_id: s for s in self._session.skus.skus()}
        dialog = HistoryDialog(
            found.runs,
            found.interrupted,
            self._parent,
            stories=found.stories,
            naming=self._session.naming,
            skus=skus,
        )
        try:
            if select is not None:
                dialog.select_run(select)
            choice = launch(dialog)
            run = dialog.chosen()
            headline = dialog.headline(run) if run is not None else ""
        finally:
            dialog.deleteLater()
        if run is None:
            return
        if choice == HistoryChoice.UNDO:
            self.undo(run)
        elif choice == HistoryChoice.RESUME:
            self.resume(run)
        elif choice == HistoryChoice.RESTORE_USER:
            self.restore_user(run)
        elif choice == HistoryChoice.DETAILS:
            self.details(run, headline)

    def details(self, run: RunSummary, headline: str) -> None:
        """Open a run to its users' outcomes; closing them returns to the history."""
        controller = self._session.controller
        self._session.workers.start(
            "read run",
            lambda _ctx: controller.run_steps(run.run_id),
            on_result=lambda steps: self._show_details(run, headline, steps),
            on_error=lambda exc: show_error(self._parent, exc),
        )

    def _show_details(self, run: RunSummary, headline: str, steps: list[StepRow]) -> None:
        skus = {s.sku_id: s for s in self._session.skus.skus()}
        dialog = RunDetailsDialog(
            headline,
            when(run.started_at),
            steps,
            naming=self._session.naming,
            skus=skus,
            parent=self._parent,
        )
        try:
            launch(dialog)
        finally:
            dialog.deleteLater()
        self.show_history(run.run_id)

    def undo(self, run: RunSummary) -> None:
        controller = self._session.controller
        self._session.workers.start(
            "plan undo",
            lambda _ctx: controller.undo_plan(run.run_id),
            on_result=self._runner.preview,
            on_error=lambda exc: show_error(self._parent, exc),
        )

    def restore_user(self, run: RunSummary) -> None:
        """Ask which of the run's users, then preview putting back what the run changed for
        them alone (``restore_plan``)."""
        controller = self._session.controller

        def users(_ctx: JobContext) -> list[str]:
            whole = controller.undo_plan(run.run_id)
            return sorted(
                {
                    before.user_principal_name
                    for key, before in whole.before.items()
                    if any(c.user == key for c in whole.plan.changes)
                },
                key=str.casefold,
            )

        self._session.workers.start(
            "users of a run",
            users,
            on_result=lambda found: self._choose_user(run, found),
            on_error=lambda exc: show_error(self._parent, exc),
        )

    def _choose_user(self, run: RunSummary, users: list[str]) -> None:
        if not users:
            return
        dialog = QInputDialog(self._parent)
        dialog.setObjectName("restoreUserPicker")
        dialog.setWindowTitle(self.tr("Restore a user"))
        dialog.setLabelText(
            self.tr("Put back what “{change}” changed for:").format(
                change=plan_title(run.kind, run.total)
            )
        )
        dialog.setComboBoxItems(users)
        dialog.setComboBoxEditable(False)
        try:
            chosen = accepted(launch(dialog))
            who = dialog.textValue()
        finally:
            dialog.deleteLater()
        if not chosen or not who:
            return
        controller = self._session.controller
        self._session.workers.start(
            "plan restore",
            lambda _ctx: restore_plan(controller, run.run_id, who),
            on_result=self._runner.preview,
            on_error=lambda exc: show_error(self._parent, exc),
        )

    def resume(self, run: RunSummary) -> None:
        self._runner.resume(run.run_id, plan_title(run.kind, run.total))

    def offer_resume(self) -> None:
        """Look for runs an earlier session left unfinished, or that need checking (Graph's
        answers lost, the users not read again); offer to finish the newest."""
        controller = self._session.controller
        self._session.workers.start(
            "find interrupted runs",
            lambda _ctx: controller.interrupted_runs() + controller.runs_needing_checking(),
            on_result=self._ask_resume,
            on_error=lambda exc: show_error(self._parent, exc),
        )

    def _ask_resume(self, runs: list[RunSummary]) -> None:
        if not runs or self._runner.busy:
            return
        run = max(runs, key=lambda r: r.started_at)
        if run.status is RunStatus.NEEDS_CHECKING:
            self._ask_check(run)
            return
        left = run.total - run.done - run.failed - run.skipped
        if confirm(
            self._parent,
            self.tr("Unfinished change"),
            self.tr("“{change}”, started {when}, was interrupted before it finished.").format(
                change=plan_title(run.kind, run.total), when=when(run.started_at)
            ),
            yes=self.tr("Resume"),
            informative=self.tr(
                "%Ln users were not handled yet. Resuming checks each of them again first, "
                "so nothing is done twice.",
                "",
                left,
            ),
        ):
            self.resume(run)

    def _ask_check(self, run: RunSummary) -> None:
        if confirm(
            self._parent,
            self.tr("Change needs checking"),
            self.tr(
                "“{change}”, started {when}, lost Microsoft's answers for some users, and they "
                "could not be read again."
            ).format(change=plan_title(run.kind, run.total), when=when(run.started_at)),
            yes=self.tr("Check now"),
            informative=self.tr(
                "%Ln users are unconfirmed. Checking reads them again first and sends only what "
                "is still missing.",
                "",
                run.unconfirmed,
            ),
        ):
            self.resume(run)
