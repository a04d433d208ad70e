"""The findings of an insight report as a Qt table, and a filter by kind."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.insight.findings import Finding, FindingKind
from ui.insight_text import KIND, SOURCE, money

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # raw values, so sorting compares numbers and dates
FINDING_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


class FindingColumn(enum.IntEnum):
    WHO = 0
    KIND = 1
    PACKAGES = 2
    LAST_ACTIVITY = 3
    SOURCE = 4
    COST = 5


def _header(column: FindingColumn) -> str:
    texts = {
        FindingColumn.WHO: QCoreApplication.translate("FindingsModel", "User"),
        FindingColumn.KIND: QCoreApplication.translate("FindingsModel", "Finding"),
        FindingColumn.PACKAGES: QCoreApplication.translate("FindingsModel", "Packages"),
        FindingColumn.LAST_ACTIVITY: QCoreApplication.translate("FindingsModel", "Last activity"),
        FindingColumn.SOURCE: QCoreApplication.translate("FindingsModel", "Source"),
        FindingColumn.COST: QCoreApplication.translate("FindingsModel", "Cost / month"),
    }
    return texts[column]


def _cost(finding: Finding) -> Decimal:
    return sum((m.amount for m in finding.monthly_cost), Decimal(0))


class FindingsModel(QAbstractTableModel):
    def __init__(self, findings: list[Finding] | None = None) -> None:
        super().__init__()
        self._rows: list[Finding] = list(findings or [])

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self._rows = list(findings)
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FindingColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _header(FindingColumn(section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self._rows[index.row()]
        column = FindingColumn(index.column())
        if role == FINDING_ROLE:
            return finding
        if role == SORT_ROLE:
            return self._raw(finding, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(finding, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is FindingColumn.COST:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _raw(finding: Finding, column: FindingColumn) -> Any:
        moment = finding.activity.moment if finding.activity else None
        values: dict[FindingColumn, Any] = {
            FindingColumn.WHO: (finding.user_principal_name or "").casefold(),
            FindingColumn.KIND: list(FindingKind).index(finding.kind),
            FindingColumn.PACKAGES: ", ".join(finding.part_numbers),
            FindingColumn.LAST_ACTIVITY: moment.timestamp() if moment else -1.0,
            FindingColumn.SOURCE: finding.source.value if finding.source else "",
            FindingColumn.COST: float(_cost(finding)),
        }
        return values[column]

    @staticmethod
    def _text(finding: Finding, column: FindingColumn) -> str:
        if column is FindingColumn.WHO:
            return finding.display_name or QCoreApplication.translate(
                "FindingsModel", "Seats: {count}"
            ).format(count=QLocale().toString(finding.seats))
        if column is FindingColumn.KIND:
            return KIND[finding.kind]()
        if column is FindingColumn.PACKAGES:
            return ", ".join(finding.part_numbers)
        if column is FindingColumn.LAST_ACTIVITY:
            moment = finding.activity.moment if finding.activity else None
            if finding.activity is not None and moment is None:
                return QCoreApplication.translate("FindingsModel", "never")
            return _date(moment)
        if column is FindingColumn.SOURCE:
            return SOURCE[finding.source]() if finding.activity else ""
        if not finding.monthly_cost:
            return QCoreApplication.translate("FindingsModel", "no price")
        return money(finding.monthly_cost)


def _date(moment: datetime | None) -> str:
    if moment is None:
        return ""
    day = moment.date()
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


class FindingsFilter(QSortFilterProxyModel):
    """Findings of one kind, or all (``kind`` None); sorts by raw values."""

    def __init__(self) -> None:
        super().__init__()
        self._kind: FindingKind | None = None
        self.setSortRole(SORT_ROLE)

    def set_kind(self, kind: FindingKind | None) -> None:
        # Qt 6.10 replaced invalidateFilter() with begin/endFilterChange(); older Qt lacks them.
        begin = getattr(self, "beginFilterChange", None)
        if begin is None:
            self._kind = kind
            self.invalidateFilter()
            return
        begin()
        self._kind = kind
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._kind is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, FindingsModel)
        return model.finding(source_row).kind is self._kind
