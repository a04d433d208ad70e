"""One row per user of a checked plan, for the preview: who, what changes, and what stands in
the way. A table model (not widget items) so a 10,000-user plan opens instantly."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from desktop.graph.records import Sku
from desktop.licensing.types import CheckedPlan, Severity
from ui.icons import icon
from ui.models.naming import LicenseNaming
from ui.plan_text import change_text, problem_text, user_label

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


@dataclass(frozen=True)
class CheckedRows:
    """A check's result with its preview rows, computed together on the worker thread:
    describing 10,000 changes is work the UI thread should not do."""

    checked: CheckedPlan
    rows: list[PlanRow]


_RANK = {Severity.BLOCKING: 0, Severity.WARNING: 1, Severity.SKIP: 2}
_ICON = {Severity.BLOCKING: "error", Severity.WARNING: "warning", Severity.SKIP: "skipped"}


def plan_rows(
    checked: CheckedPlan, naming: LicenseNaming, skus: Mapping[str, Sku]
) -> list[PlanRow]:
    problems: dict[str, list[Any]] = {}
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
                note="; ".join(problem_text(p, naming) for p in mine),
                severity=mine[0].severity if mine else None,
            )
        )
    # Problems first, so the person sees what needs attention without scrolling.
    rows.sort(key=lambda r: _RANK.get(r.severity, 3) if r.severity else 3)
    return rows


class PlanRowsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanRow] = []
        self._icons: dict[Severity, QIcon] = {}

    def set_rows(self, rows: list[PlanRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[PlanRow]:
        return list(self._rows)

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
            return (row.user, row.change, row.note)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == PlanColumn.NOTE and row.severity:
            severity = row.severity
            if severity not in self._icons:
                self._icons[severity] = icon(_ICON[severity])
            return self._icons[severity]
        return None
