"""One run of the history, user by user: who, what was asked, and how it ended."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.graph.records import Sku
from desktop.licensing.journal import OUTCOME_OF_STATE, StepRow, StepState
from desktop.licensing.run_story import person
from desktop.licensing.types import Outcome
from ui.icons import icon
from ui.models.naming import LicenseNaming
from ui.models.text_rows import TextRow, TextRowsModel
from ui.plan_text import change_text, outcome_text
from ui.widgets.list_table import list_table

_ICON = {
    Outcome.DONE: "done",
    Outcome.FAILED: "error",
    Outcome.PARTLY: "warning",
    Outcome.UNCONFIRMED: "warning",
    Outcome.SKIPPED: "skipped",
    Outcome.CANCELLED: "skipped",
}


class RunDetailsDialog(QDialog):
    def __init__(
        self,
        title: str,
        when: str,
        steps: Sequence[StepRow],
        *,
        naming: LicenseNaming,
        skus: Mapping[str, Sku],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("runDetails")
        self.setWindowTitle(self.tr("Change in the history"))
        self.resize(900, 480)
        heading = QLabel(self.tr("{change} · {when}").format(change=title, when=when))
        heading.setObjectName("runDetailsHeading")
        heading.setWordWrap(True)
        self.rows = TextRowsModel(
            [self.tr("User"), self.tr("User name"), self.tr("Change"), self.tr("Result")], self
        )
        self.rows.set_rows([self._row(step, naming, skus) for step in steps])
        self.table = list_table(self.rows, (200, 240, 300), name="runDetailsTable")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _row(self, step: StepRow, naming: LicenseNaming, skus: Mapping[str, Sku]) -> TextRow:
        outcome = OUTCOME_OF_STATE.get(step.state)
        if outcome is not None:
            result, picture = outcome_text(outcome), _ICON[outcome]
        elif step.state is StepState.SENT:
            result, picture = self.tr("Sent; Microsoft's answer did not arrive"), "warning"
        else:
            result, picture = self.tr("Not sent"), "skipped"
        if step.message:
            result = f"{result}: {step.message}"
        return TextRow(
            (person(step), step.label, change_text(step.change, naming, skus), result),
            icon(picture),
            key=step,
        )
