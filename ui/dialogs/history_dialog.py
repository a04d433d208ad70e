"""History: earlier runs from the journal, newest first, with Undo, Restore a user and Resume."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.graph.records import Sku
from desktop.licensing.phrases import history_counts
from desktop.licensing.run_story import RunStory
from desktop.licensing.types import RunStatus, RunSummary
from ui.icons import icon
from ui.models.naming import LicenseNaming
from ui.models.text_rows import TextRow, TextRowsModel
from ui.plan_text import change_text, needs_checking_text, plan_title, say
from ui.widgets.list_table import list_table


class HistoryChoice(enum.IntEnum):
    """The dialog's result code beyond Accepted/Rejected."""

    UNDO = 10
    RESUME = 11
    RESTORE_USER = 12  # undo one user of the run
    DETAILS = 13  # open the run to its per-user outcomes


def when(iso: str) -> str:
    """An ISO 8601 UTC time as the user's locale writes a local date and time."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


class HistoryDialog(QDialog):
    def __init__(
        self,
        runs: Sequence[RunSummary],
        interrupted: Sequence[str],
        parent: QWidget | None = None,
        *,
        stories: Mapping[str, RunStory] | None = None,
        naming: LicenseNaming | None = None,
        skus: Mapping[str, Sku] | None = None,
    ) -> None:
        super().__init__(parent)
        self._stories = stories or {}
        self._naming = naming or LicenseNaming()
        self._skus = skus or {}
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History"))
        self.resize(900, 480)
        self._interrupted = set(interrupted)
        self.rows = TextRowsModel(
            [self.tr("When"), self.tr("Change"), self.tr("Result"), self.tr("Status")], self
        )
        self.rows.set_rows([self._row(run) for run in runs])
        self.table = list_table(self.rows, (150, 330, 230), name="historyTable")

        self.undo_button = QPushButton(icon("undo"), self.tr("Undo…"))
        self.undo_button.setObjectName("undoRun")
        self.undo_button.clicked.connect(lambda: self.done(HistoryChoice.UNDO))
        # What a run took from one user, put back (a reclaim someone objects to).
        self.restore_button = QPushButton(icon("undo"), self.tr("Restore a user…"))
        self.restore_button.setObjectName("restoreUser")
        self.restore_button.setToolTip(
            self.tr("Put back what this run changed for one user you choose; the others stay")
        )
        self.restore_button.clicked.connect(lambda: self.done(HistoryChoice.RESTORE_USER))
        self.resume_button = QPushButton(icon("resume"), self.tr("Resume…"))
        self.resume_button.setObjectName("resumeRun")
        self.resume_button.clicked.connect(lambda: self.done(HistoryChoice.RESUME))
        self.details_button = QPushButton(self.tr("Users…"))
        self.details_button.setObjectName("runDetails")
        self.details_button.setToolTip(self.tr("Each user of the run and how it ended (Enter)"))
        self.details_button.clicked.connect(lambda: self.done(HistoryChoice.DETAILS))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.table.activated.connect(lambda _index: self.done(HistoryChoice.DETAILS))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        if self.rows.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def _row(self, run: RunSummary) -> TextRow:
        result = " · ".join(say(p) for p in history_counts(run))
        if run.status is RunStatus.NEEDS_CHECKING:
            status, picture = needs_checking_text(run.unconfirmed), "warning"
        elif run.run_id in self._interrupted:
            status, picture = self.tr("Interrupted"), "warning"
        elif run.undone_by:
            status, picture = self.tr("Undone"), "undo"
        elif run.status is RunStatus.CANCELLED:
            status, picture = self.tr("Stopped"), "skipped"
        elif run.status is RunStatus.RUNNING:
            status, picture = self.tr("Running"), "refresh"
        else:
            status, picture = self.tr("Finished"), "error" if run.failed else "done"
        return TextRow(
            (when(run.started_at), self.headline(run), result, status),
            icon(picture),
            key=run,
        )

    def headline(self, run: RunSummary) -> str:
        """What the run did and to whom: "Add Office 365 E3 · Natalia Lewandowska and 4
        others"; the plan's title when users got different changes."""
        story = self._stories.get(run.run_id)
        if story is None:
            return plan_title(run.kind, run.total)
        what = (
            change_text(story.change, self._naming, self._skus)
            if story.change is not None
            else plan_title(run.kind, run.total)
        )
        who = (
            self.tr("{name} and %n others", "", story.others).format(name=story.first_user)
            if story.others
            else story.first_user
        )
        return self.tr("{what} · {who}").format(what=what, who=who)

    def select_run(self, run_id: str) -> None:
        for row in range(self.rows.rowCount()):
            if self.rows.row(row).key.run_id == run_id:
                self.table.selectRow(row)
                return
        raise ValueError(f"no run {run_id} in the history")

    def chosen(self) -> RunSummary | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        run: RunSummary = self.rows.row(index.row()).key
        return run

    def _update_buttons(self) -> None:
        run = self.chosen()
        self.undo_button.setToolTip(
            self.tr("Already undone by run {run}: it cannot be undone twice").format(
                run=run.undone_by
            )
            if run is not None and run.undone_by
            else self.tr("Make a new change that puts back what this run changed")
        )
        undoable = (
            run is not None
            and run.undone_by is None
            and run.status is not RunStatus.RUNNING
            and run.may_have_changed
        )
        self.undo_button.setEnabled(undoable)
        self.restore_button.setEnabled(undoable)
        self.details_button.setEnabled(run is not None)
        self.resume_button.setEnabled(
            run is not None
            and (
                run.run_id in self._interrupted
                or run.status in (RunStatus.CANCELLED, RunStatus.NEEDS_CHECKING)
            )
        )
