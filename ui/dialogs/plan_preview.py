"""The preview shown before every change: per-user changes and the problems the check found.

Apply stays disabled while a blocking problem remains. Users with problems can be dropped in
one click; the dialog then asks for a new check and shows its answer in place.

A plan that deletes accounts (the undo of a create) says so on its first line, with a warning,
and applies only once the person ticks "I understand…": Return then cancels, it never applies.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.graph.records import Sku
from desktop.licensing.phrases import Weight, attention, deleted_accounts
from desktop.licensing.types import CheckedPlan, Plan
from ui.icons import icon
from ui.models.naming import LicenseNaming
from ui.models.plan_rows import CheckedRows, PlanRowsModel, plan_rows
from ui.plan_text import Names, apply_button_text, plan_title, say
from ui.widgets.list_table import list_table
from ui.widgets.wrapped_lines import WrappedLines

_ICON = {
    Weight.DESTRUCTIVE: "warning",
    Weight.BLOCKING: "error",
    Weight.WARNING: "warning",
    Weight.SKIP: "skipped",
}


class PlanPreviewDialog(QDialog):
    recheck_requested = Signal(object)  # the Plan to check again

    def __init__(
        self,
        checked: CheckedPlan | CheckedRows,
        naming: LicenseNaming,
        skus: Mapping[str, Sku],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planPreview")
        self.setWindowTitle(self.tr("Check before applying"))
        self.resize(860, 520)
        self._naming = naming
        self._skus = skus
        self._checked = checked.checked if isinstance(checked, CheckedRows) else checked
        self._waiting = False  # a new check was asked for and has not answered yet

        self.heading = QLabel()
        self.heading.setObjectName("previewHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)

        self.problems = WrappedLines(shown=5)
        self.problems.setObjectName("previewProblems")

        self.confirm_deletion = QCheckBox()
        self.confirm_deletion.setObjectName("confirmDeletion")
        self.confirm_deletion.toggled.connect(lambda _on: self._enable_apply())

        self.rows = PlanRowsModel(self)
        self.table = list_table(self.rows, (260, 300), name="previewRows", selectable=False)

        self.drop_button = QPushButton(icon("close"), "")
        self.drop_button.setObjectName("dropProblemUsers")
        self.drop_button.clicked.connect(self.drop_problem_users)
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(
            apply_button_text(self._checked.plan.kind), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setObjectName("applyPlan")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.drop_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems)
        layout.addWidget(self.confirm_deletion)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.show_checked(checked)

    @property
    def checked(self) -> CheckedPlan:
        return self._checked

    @property
    def confirmed(self) -> bool:
        """False while the plan deletes accounts and the person has not said they understand."""
        return not deleted_accounts(self._checked) or self.confirm_deletion.isChecked()

    def show_checked(self, checked: CheckedPlan | CheckedRows) -> None:
        """Show a (new) check result; re-enables the buttons after a re-check."""
        if isinstance(checked, CheckedRows):
            rows = checked.rows
            checked = checked.checked
        else:
            rows = plan_rows(checked, self._naming, self._skus)
        self._checked = checked
        self.heading.setText(plan_title(checked.plan.kind, len(checked.plan.changes)))
        self.rows.set_rows(rows)
        self._fill_problems(checked)
        self._ask_about_deletions(len(deleted_accounts(checked)))
        will_change = len(checked.effective.changes)
        skipped = len(checked.plan.changes) - will_change
        parts = [self.tr("%Ln users to change", "", will_change)]
        if skipped:
            parts.append(self.tr("%Ln need nothing", "", skipped))
        blocking = len(checked.blocking)
        if blocking:
            parts.append(self.tr("fix the problems marked in red before applying"))
        self.summary.setText(" · ".join(parts))
        dropping = len(checked.problem_users())
        self.drop_button.setVisible(dropping > 0)
        self.drop_button.setText(
            self.tr("Leave out %Ln users with problems", "", dropping)
            if dropping != 1
            else self.tr("Leave out the user with problems")
        )
        self._set_waiting(False)

    def drop_problem_users(self) -> None:
        plan: Plan = self._checked.plan.without(self._checked.problem_users())
        self._set_waiting(True)
        self.recheck_requested.emit(plan)

    def recheck_failed(self) -> None:
        self._set_waiting(False)

    def _set_waiting(self, waiting: bool) -> None:
        self._waiting = waiting
        self.drop_button.setEnabled(not waiting)
        self._enable_apply()
        if waiting:
            self.summary.setText(self.tr("Checking again…"))

    def _enable_apply(self) -> None:
        self.apply_button.setEnabled(
            not self._waiting and self._checked.can_apply and self.confirmed
        )

    def _ask_about_deletions(self, accounts: int) -> None:
        """Deleting accounts needs a tick, not a reflex: Return cancels instead of applying."""
        self.confirm_deletion.setVisible(accounts > 0)
        self.confirm_deletion.setText(
            self.tr("I understand that %Ln accounts will be deleted", "", accounts)
        )
        if accounts == 0:
            self.confirm_deletion.setChecked(False)
        self.apply_button.setAutoDefault(accounts == 0)
        self.apply_button.setDefault(accounts == 0)
        self.cancel_button.setDefault(accounts > 0)

    def _fill_problems(self, checked: CheckedPlan) -> None:
        self.problems.clear()
        names = Names(self._naming, self._skus)
        # The engine orders them: deletions first, then what blocks, then warnings.
        grouped: Counter[tuple[Weight, str]] = Counter()
        for phrase in attention(checked):
            grouped[(phrase.weight, say(phrase, names))] += 1
        for (weight, text), users in grouped.items():
            label = (
                text if users == 1 else self.tr("{text} (%Ln users)", "", users).format(text=text)
            )
            item = QListWidgetItem(icon(_ICON[weight]), label)
            item.setToolTip(label)
            item.setData(Qt.ItemDataRole.UserRole, weight.name.lower())
            self.problems.addItem(item)
        self.problems.setVisible(self.problems.count() > 0)
        self.problems.fit()

    def problem_texts(self) -> list[str]:
        return [self.problems.item(i).text() for i in range(self.problems.count())]

    def problem_marks(self) -> list[str]:
        """How serious each line above the rows is ("destructive", "blocking", "warning")."""
        return [
            str(self.problems.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.problems.count())
        ]
