"""The preview shown before every change: per-user changes and the problems the check found.

Apply stays disabled while a blocking problem remains; the rows with one are marked (red, an
icon, the problem in words). Each user has a tick: unticking leaves the user out, and the plan
is checked again on a worker, its answer shown in place. Users with problems can be left out
in one click. Return applies whenever Apply is enabled, in every preview.

A plan that deletes accounts (the undo of a create) says so on its first line, with a warning,
and applies only once the person ticks "I understand…": Return then cancels, it never applies.

A flow can say something about the whole change at the top (``PreviewNotes``): a reclaim says
what it saves a month and what it leaves alone, inside the preview rather than in a question
before it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
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
from ui.models.plan_rows import (
    CheckedRows,
    PlanColumn,
    PlanRow,
    PlanRowsModel,
    blocking_red,
    plan_rows,
)
from ui.plan_text import Names, apply_button_text, plan_title, say
from ui.widgets.list_table import list_table
from ui.widgets.wrapped_lines import WrappedLines

_MEASURED_ROWS = 2000  # above this, rows keep one line each (see _fit_rows)
_ICON = {
    Weight.DESTRUCTIVE: "warning",
    Weight.BLOCKING: "error",
    Weight.WARNING: "warning",
    Weight.SKIP: "skipped",
}


@dataclass(frozen=True, slots=True)
class PreviewNotes:
    """Worded by the flow that built the plan (through ``say``): a line under the heading and
    warnings listed before the check's problems."""

    headline: str = ""
    warnings: tuple[str, ...] = ()
    # Creating accounts for people from the list asks for the same explicit tick as deleting
    # accounts does (issue 17: "confirm the creation of the new Microsoft 365 user").
    confirm_creation: bool = False


class PlanPreviewDialog(QDialog):
    recheck_requested = Signal(object)  # the Plan to check again

    def __init__(
        self,
        checked: CheckedPlan | CheckedRows,
        naming: LicenseNaming,
        skus: Mapping[str, Sku],
        parent: QWidget | None = None,
        notes: PreviewNotes | None = None,
        *,
        tenant: str = "",
    ) -> None:
        """``tenant``: the tenant the plan was checked for, named on the preview (a change
        must never go to the wrong customer; the engine refuses any other at apply)."""
        super().__init__(parent)
        self._notes = notes or PreviewNotes()
        self.setObjectName("planPreview")
        self.setWindowTitle(self.tr("Check before applying"))
        self.resize(860, 520)
        self._naming = naming
        self._skus = skus
        self._checked = checked.checked if isinstance(checked, CheckedRows) else checked
        self._full_plan = self._checked.plan  # every user asked for, left out or not
        self._known: dict[str, PlanRow] = {}  # each user's last row, to show the left out
        self._waiting = False  # a new check was asked for and has not answered yet
        self._stale = False  # ticks changed while a check ran: check again when it answers

        self.heading = QLabel()
        self.heading.setObjectName("previewHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.tenant = QLabel(self.tr("Tenant: {tenant}").format(tenant=tenant))
        self.tenant.setObjectName("previewTenant")
        self.tenant.setVisible(bool(tenant))
        self.headline = QLabel(self._notes.headline)
        self.headline.setObjectName("previewHeadline")
        self.headline.setWordWrap(True)
        self.headline.setVisible(bool(self._notes.headline))
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)

        self.problems = WrappedLines(shown=5)
        self.problems.setObjectName("previewProblems")

        self.confirm_deletion = QCheckBox()
        self.confirm_deletion.setObjectName("confirmDeletion")
        self.confirm_deletion.toggled.connect(lambda _on: self._enable_apply())

        self.rows = PlanRowsModel(self)
        self.rows.inclusion_changed.connect(self._inclusion_changed)
        self.table = list_table(self.rows, (260, 300), name="previewRows", selectable=False)
        self._fit_columns_to_content()

        self.drop_button = QPushButton(icon("close"), "")
        self.drop_button.setObjectName("dropProblemUsers")
        # Return must reach the default button (Apply), never this one by focus.
        self.drop_button.setAutoDefault(False)
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
        layout.addWidget(self.tenant)
        layout.addWidget(self.headline)
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
        needs_tick = bool(deleted_accounts(self._checked) or self._created_accounts())
        return not needs_tick or self.confirm_deletion.isChecked()

    def _created_accounts(self) -> int:
        """The accounts applying creates, when the flow asked for the creation to be confirmed."""
        if not self._notes.confirm_creation:
            return 0
        return sum(1 for c in self._checked.effective.changes if c.create is not None)

    def show_checked(self, checked: CheckedPlan | CheckedRows) -> None:
        """Show a (new) check result; re-enables the buttons after a re-check."""
        if isinstance(checked, CheckedRows):
            rows = checked.rows
            checked = checked.checked
        else:
            rows = plan_rows(checked, self._naming, self._skus)
        self._checked = checked
        self.heading.setText(plan_title(checked.plan.kind, len(checked.plan.changes)))
        current = self.table.currentIndex()
        at = (self.rows.rows()[current.row()].key, current.column()) if current.isValid() else None
        self.rows.set_rows(self._with_left_out(rows))
        self._keep_current(at)
        self._fit_rows()
        self._fill_problems(checked)
        self._ask_about_deletions(len(deleted_accounts(checked)), self._created_accounts())
        will_change = len(checked.effective.changes)
        skipped = len(checked.plan.changes) - will_change
        parts = [self.tr("%Ln users to change", "", will_change)]
        if skipped:
            parts.append(self.tr("%Ln need nothing", "", skipped))
        blocking = len(checked.blocking)
        left_out = len(self.rows.left_out())
        if left_out:
            parts.append(self.tr("%Ln left out", "", left_out))
        if blocking:
            # The legend of the rows' marks: their colour and icon, named in words.
            parts.append(
                self.tr("fix the problems marked in red, or untick those users, before applying")
            )
        self.summary.setText(" · ".join(parts))
        self.summary.setStyleSheet(f"color: {blocking_red().name()}" if blocking else "")
        dropping = len(checked.problem_users())
        self.drop_button.setVisible(dropping > 0)
        self.drop_button.setText(
            self.tr("Leave out %Ln users with problems", "", dropping)
            if dropping != 1
            else self.tr("Leave out the user with problems")
        )
        self._set_waiting(False)
        if self._stale:
            self._check_again()

    def _keep_current(self, at: tuple[str, int] | None) -> None:
        """After a re-check, the keyboard stays on the same user's row (Space on it again
        brings a user left out back), even where the rows moved."""
        if at is None:
            return
        key, column = at
        row = next((i for i, r in enumerate(self.rows.rows()) if r.key == key), None)
        if row is not None:
            self.table.setCurrentIndex(self.rows.index(row, column))

    def drop_problem_users(self) -> None:
        problem_users = {u.lower() for u in self._checked.problem_users()}
        self.rows.blockSignals(True)
        for row, shown in enumerate(self.rows.rows()):
            if shown.key.lower() in problem_users:
                self.rows.set_included(row, False)
        self.rows.blockSignals(False)
        self.table.viewport().update()
        self._check_again()

    def recheck_failed(self) -> None:
        self._stale = False
        self._set_waiting(False)

    def wanted_plan(self) -> Plan:
        """The plan the ticks ask for: every user asked for, less those left out."""
        return self._full_plan.without(self.rows.left_out())

    def _inclusion_changed(self) -> None:
        if self._waiting:
            self._stale = True  # one check at a time; the newest ticks win when it answers
            return
        self._check_again()

    def _check_again(self) -> None:
        self._stale = False
        self._set_waiting(True)
        self.recheck_requested.emit(self.wanted_plan())

    def _with_left_out(self, rows: list[PlanRow]) -> list[PlanRow]:
        """The checked rows, then the users left out (unticked now, or missing from the plan
        checked), as they were last shown."""
        unticked = {k.lower() for k in self.rows.left_out()}
        for row in rows:
            self._known[row.key.lower()] = replace(row, included=True)
        present = {r.key.lower() for r in rows}
        shown = [replace(r, included=r.key.lower() not in unticked) for r in rows]
        shown += [
            replace(self._known[c.user.lower()], included=False)
            for c in self._full_plan.changes
            if c.user.lower() not in present and c.user.lower() in self._known
        ]
        return sorted(shown, key=lambda r: r.rank)

    def _fit_columns_to_content(self) -> None:
        """Change and Note wrap within the dialog's width instead of being cut."""
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PlanColumn.USER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PlanColumn.CHANGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PlanColumn.NOTE, QHeaderView.ResizeMode.Stretch)

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text; the Note column only when a row has a note.
        Measuring every row costs a model call per cell, so huge plans keep one line (the
        whole text is in each cell's tooltip)."""
        rows = self.rows.rows()
        has_notes = any(r.note or not r.included for r in rows)
        self.table.setColumnHidden(PlanColumn.NOTE, not has_notes)
        self.table.horizontalHeader().setSectionResizeMode(
            PlanColumn.CHANGE,
            QHeaderView.ResizeMode.Stretch,
        )
        mode = (
            QHeaderView.ResizeMode.ResizeToContents
            if len(rows) <= _MEASURED_ROWS
            else QHeaderView.ResizeMode.Fixed
        )
        self.table.verticalHeader().setSectionResizeMode(mode)
        self.table.resizeColumnToContents(PlanColumn.USER)
        header = self.table.horizontalHeader()
        header.resizeSection(PlanColumn.USER, min(header.sectionSize(PlanColumn.USER), 320))

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

    def _ask_about_deletions(self, accounts: int, created: int = 0) -> None:
        """Deleting accounts needs a tick, not a reflex: Return cancels instead of applying.
        Creating accounts for people from the list asks for the same tick."""
        if accounts:
            text = self.tr("I understand that %Ln accounts will be deleted", "", accounts)
        else:
            text = self.tr("Create %Ln new Microsoft 365 accounts", "", created)
        accounts = accounts or created
        self.confirm_deletion.setVisible(accounts > 0)
        self.confirm_deletion.setText(text)
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
        for text in self._notes.warnings:
            grouped[(Weight.WARNING, text)] += 1
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
