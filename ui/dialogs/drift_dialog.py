"""Template drift: the users whose licenses differ from their department's template, and how;
"Align…" goes on to the usual preview of the change that makes them match."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.templates.drift import Drift

Compute = Callable[[str | None], list[Drift]]


class DriftDialog(QDialog):
    def __init__(
        self,
        departments: Sequence[str],
        compute: Compute,
        differences: Callable[[Drift], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("driftDialog")
        self.setWindowTitle(self.tr("Template drift"))
        self.resize(860, 480)
        self._compute = compute
        self._differences = differences
        self.drifts: list[Drift] = []
        self.department = QComboBox()
        self.department.setObjectName("driftDepartment")
        self.department.addItem(self.tr("Every department with a template"), None)
        for name in departments:
            self.department.addItem(name, name)
        label = QLabel(self.tr("Department:"))
        label.setBuddy(self.department)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("driftTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Department"), self.tr("Template"), self.tr("Differs")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel()
        self.summary.setObjectName("driftSummary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.align_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.align_button.setText(self.tr("Align…"))
        self.align_button.setObjectName("driftAlign")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.department, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.department.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        wanted = self.department.currentData()
        self.drifts = self._compute(wanted if isinstance(wanted, str) else None)
        self.table.setRowCount(len(self.drifts))
        for row, drift in enumerate(self.drifts):
            cells = (
                drift.user.display_name or drift.user.user_principal_name,
                drift.user.department or "",
                drift.template.name,
                self._differences(drift),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(drift.user.user_principal_name if column == 0 else text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(
            self.tr(
                "%Ln users differ from their department's template. Align… shows the change "
                "that makes them match; it can be undone from History.",
                "",
                len(self.drifts),
            )
            if self.drifts
            else self.tr("Every user matches their department's template.")
        )
        self.align_button.setEnabled(bool(self.drifts))
