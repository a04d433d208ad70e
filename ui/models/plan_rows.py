"""One row per user of a checked plan, for the preview: who, what changes, and what stands in
the way. A table model (not widget items) so a 10,000-user plan opens instantly."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from desktop.graph.records import Sku
from desktop.licensing.phrases import Weight, change_weight
from desktop.licensing.types import CheckedPlan, Problem, Severity
from ui.icons import icon
from ui.models.naming import LicenseNaming
from ui.plan_text import change_text, problem_text, user_label
from ui.status_colours import Mark, mark_colour

AnyIndex = QModelIndex | QPersistentModelIndex


class PlanColumn(enum.IntEnum):
    USER = 0
    CHANGE = 1
    NOTE = 2


@dataclass(frozen=True)
class PlanRow:
    key: str
    user: str
    change: str
    note: str
    severity: Severity | None  # the worst problem of the user, None when all is well
    weight: Weight = Weight.PLAIN  # how serious the change itself is (deleting an account)
    included: bool = True  # False: the person left the user out of the plan

    @property
    def rank(self) -> int:
        """Rows are ordered by it: deletions, then problems, then skips, then the rest, and
        the users left out last."""
        if not self.included:
            return len(_ORDER)
        worst = min(self.weight, _WEIGHT[self.severity]) if self.severity else self.weight
        return _ORDER[worst]

    @property
    def blocked(self) -> bool:
        """Marked in red: a problem stops the plan until it is fixed or the user left out."""
        return self.included and self.severity is Severity.BLOCKING


@dataclass(frozen=True)
class CheckedRows:
    """A check's result with its preview rows, computed together on the worker thread:
    describing 10,000 changes is work the UI thread should not do."""

    checked: CheckedPlan
    rows: list[PlanRow]


_RANK = {Severity.BLOCKING: 0, Severity.WARNING: 1, Severity.SKIP: 2}
_WEIGHT = {
    Severity.BLOCKING: Weight.BLOCKING,
    Severity.WARNING: Weight.WARNING,
    Severity.SKIP: Weight.SKIP,
}
_ORDER = {
    Weight.DESTRUCTIVE: 0,
    Weight.BLOCKING: 1,
    Weight.WARNING: 2,
    Weight.SKIP: 3,
    Weight.PLAIN: 4,
}
_ICON = {Severity.BLOCKING: "error", Severity.WARNING: "warning", Severity.SKIP: "skipped"}
_CHANGE_ICON = {Weight.DESTRUCTIVE: "warning"}  # beside a change that cannot be taken back


def plan_rows(
    checked: CheckedPlan, naming: LicenseNaming, skus: Mapping[str, Sku]
) -> list[PlanRow]:
    problems: dict[str, list[Problem]] = {}
    for problem in checked.problems:
        if problem.user is not None:
            problems.setdefault(problem.user, []).append(problem)
    effective = {c.user: c for c in checked.effective.changes}
    rows: list[PlanRow] = []
    for change in checked.plan.changes:
        mine = sorted(problems.get(change.user, []), key=lambda p: _RANK[p.severity])
        shown = effective.get(change.user, change)
        rows.append(
            PlanRow(
                key=change.user,
                user=user_label(change.user, checked.before),
                change=change_text(shown, naming, skus),
                note="; ".join(problem_text(p, naming, skus) for p in mine),
                severity=mine[0].severity if mine else None,
                weight=change_weight(shown) if change.user in effective else Weight.PLAIN,
            )
        )
    # Deletions and problems first, so the person sees them without scrolling.
    rows.sort(key=lambda r: r.rank)
    return rows


def blocking_red() -> QColor:
    """The red of a blocking problem, the same in the rows and in the summary's legend:
    readable on the current palette, light or dark (ui/status_colours.py)."""
    return mark_colour(Mark.PROBLEM, QApplication.palette())


class PlanRowsModel(QAbstractTableModel):
    """The rows of the preview; each user has a tick: unticking leaves the user out."""

    inclusion_changed = Signal()  # the person ticked or unticked a user

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanRow] = []
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, rows: list[PlanRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[PlanRow]:
        return list(self._rows)

    def left_out(self) -> frozenset[str]:
        return frozenset(r.key for r in self._rows if not r.included)

    def set_included(self, row: int, included: bool) -> None:
        if self._rows[row].included == included:
            return
        self._rows[row] = replace(self._rows[row], included=included)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(PlanColumn) - 1))
        self.inclusion_changed.emit()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == PlanColumn.USER:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != PlanColumn.USER:
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        self.set_included(index.row(), state == Qt.CheckState.Checked)
        return True

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PlanColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            PlanColumn.USER: self.tr("User"),
            PlanColumn.CHANGE: self.tr("Change"),
            PlanColumn.NOTE: self.tr("Note"),
        }.get(PlanColumn(section))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == PlanColumn.NOTE and not row.included:
                return self.tr("Left out: nothing changes for this user")
            return (row.user, row.change, row.note)[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == PlanColumn.USER:
            return Qt.CheckState.Checked if row.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.blocked:
                return QBrush(blocking_red())
            if not row.included:
                return QApplication.palette().brush(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
            return None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and row.blocked:
            return self.tr("Problem: {note}").format(note=row.note)
        if role != Qt.ItemDataRole.DecorationRole or not row.included:
            return None
        if column == PlanColumn.NOTE and row.severity:
            return self._icon(_ICON[row.severity])
        if column == PlanColumn.CHANGE and row.weight in _CHANGE_ICON:
            return self._icon(_CHANGE_ICON[row.weight])
        return None

    def _icon(self, name: str) -> QIcon:
        if name not in self._icons:
            self._icons[name] = icon(name)
        return self._icons[name]
