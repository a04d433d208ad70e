"""What a run did, user by user: done, failed (with Microsoft's reason), skipped. Failed users
can be retried in one click; the report can be copied for a ticket or an e-mail."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.licensing import phrases
from desktop.licensing.phrases import problem_phrase
from desktop.licensing.types import (
    Outcome,
    PartResult,
    PartState,
    Problem,
    ProblemKind,
    RunReport,
    Severity,
    UserResult,
)
from ui.graph_failures import graph_failure_text
from ui.icons import icon
from ui.models.text_rows import TextRow, TextRowsModel
from ui.plan_text import outcome_text, result_text, run_counts_text, say
from ui.widgets.list_table import list_table

RETRY_FAILED = 2  # the dialog's result code when the person asks to retry failed users
REVERT_PARTLY = 3  # ... when they ask to revert what happened for users partly done

_ICON = {
    Outcome.DONE: "done",
    Outcome.FAILED: "error",
    Outcome.PARTLY: "warning",
    Outcome.UNCONFIRMED: "warning",
    Outcome.SKIPPED: "skipped",
    Outcome.CANCELLED: "skipped",
}
_ORDER = {
    Outcome.FAILED: 0,
    Outcome.PARTLY: 1,
    Outcome.UNCONFIRMED: 2,
    Outcome.CANCELLED: 3,
    Outcome.DONE: 4,
    Outcome.SKIPPED: 5,
}


class ResultsDialog(QDialog):
    def __init__(
        self,
        title: str,
        report: RunReport,
        labels: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("runResults")
        self.setWindowTitle(self.tr("Results"))
        self.resize(820, 480)
        self.report = report
        self._labels = labels
        self._title = title

        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.summary = QLabel(self.summary_text())
        self.summary.setObjectName("resultsSummary")

        self.rows = TextRowsModel([self.tr("User"), self.tr("Result"), self.tr("Details")], self)
        self.rows.set_rows(self._table_rows())
        table = list_table(self.rows, (280, 120), name="resultsTable")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.retry_button = QPushButton(icon("refresh"), self.tr("Retry failed"))
        self.retry_button.setObjectName("retryFailed")
        # A partly done user is retried too: the check leaves out the part that went through.
        self.retry_button.setEnabled(
            report.count(Outcome.FAILED) + report.count(Outcome.PARTLY) > 0
        )
        self.retry_button.clicked.connect(lambda: self.done(RETRY_FAILED))
        self.revert_button = QPushButton(icon("undo"), self.tr("Revert what happened…"))
        self.revert_button.setObjectName("revertPartly")
        self.revert_button.setToolTip(
            self.tr("Undo the part that went through for the users only partly done")
        )
        self.revert_button.setVisible(report.count(Outcome.PARTLY) > 0)
        self.revert_button.clicked.connect(lambda: self.done(REVERT_PARTLY))
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy report"))
        self.copy_button.setObjectName("copyReport")
        self.copy_button.clicked.connect(self.copy_report)
        buttons.addButton(self.retry_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)

    def summary_text(self) -> str:
        text = run_counts_text(self.report)
        kept = len(self.report.kept())
        if kept:
            # Whole phrases joined by a separator: each one translates on its own.
            text += " · " + self.tr("%Ln left as it was (see Details)", "", kept)
        return text

    def outcome_text(self, outcome: Outcome) -> str:
        return outcome_text(outcome)

    def _table_rows(self) -> list[TextRow]:
        results = sorted(self.report.results, key=lambda r: _ORDER[r.outcome])
        icons = {outcome: icon(name) for outcome, name in _ICON.items()}  # shared by all rows
        texts = {outcome: self.outcome_text(outcome) for outcome in _ICON}
        return [
            TextRow(
                (self._labels.get(r.user, r.user), texts[r.outcome], self._details(r)),
                icons[r.outcome],
                key=r.user,
            )
            for r in results
        ]

    @staticmethod
    def _details(result: UserResult) -> str:
        """What happened to each part, and what an undo left as it was (and why)."""
        if phrases.result_phrases(result):
            return result_text(result)
        kept = [say(problem_phrase(_kept(result, p))) for p in result.parts_in(PartState.KEPT)]
        if kept:
            return "; ".join(kept)
        # A failure carries Graph's code: its words are the window's; Graph's English text
        # stays in the report copied for support (report_text).
        return graph_failure_text(result.code, result.message) if result.code else result.message

    def report_text(self) -> str:
        lines = [self._title, self.summary_text(), ""]
        for row in self.rows.rows():
            user, outcome, details = row.cells
            lines.append("\t".join(part for part in (user, outcome, details) if part))
        graph_said = [f"{r.user}: {r.code}: {r.message}" for r in self.report.results if r.code]
        if graph_said:
            lines += ["", "Microsoft 365:", *graph_said]
        return "\n".join(lines)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())


def _kept(result: UserResult, part: PartResult) -> Problem:
    return Problem(ProblemKind.USAGE_LOCATION_KEPT, Severity.SKIP, result.user, part.details)
