"""The Tenants home's table: one row per tenant, named columns, raw values to sort by."""

from __future__ import annotations

import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.tenants.overview import Status, TenantRow
from ui.insight_text import money
from ui.tenants.words import attention_list, seats_text, status_text, upcoming_text, when_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


class TenantColumn(enum.IntEnum):
    TENANT = 0
    STATUS = 1
    ATTENTION = 2
    SEATS = 3
    WASTE = 4
    COST = 5
    ERRORS = 6
    UPCOMING = 7
    REFRESHED = 8


def header(column: TenantColumn) -> str:
    texts = {
        TenantColumn.TENANT: QCoreApplication.translate("TenantsHome", "Tenant"),
        TenantColumn.STATUS: QCoreApplication.translate("TenantsHome", "Status"),
        TenantColumn.ATTENTION: QCoreApplication.translate("TenantsHome", "Needs action"),
        TenantColumn.SEATS: QCoreApplication.translate("TenantsHome", "Seats used / bought"),
        TenantColumn.WASTE: QCoreApplication.translate("TenantsHome", "Waste / month"),
        TenantColumn.COST: QCoreApplication.translate("TenantsHome", "Cost / month"),
        TenantColumn.ERRORS: QCoreApplication.translate("TenantsHome", "Assignment errors"),
        TenantColumn.UPCOMING: QCoreApplication.translate(
            "TenantsHome", "Renewals and grace (30 days)"
        ),
        TenantColumn.REFRESHED: QCoreApplication.translate("TenantsHome", "Last refreshed"),
    }
    return texts[column]


def _total(amounts: dict[str, Decimal]) -> Decimal:
    return sum(amounts.values(), Decimal(0))


def display(row: TenantRow, column: TenantColumn) -> str:
    values = {
        TenantColumn.TENANT: lambda: row.tenant.label,
        TenantColumn.STATUS: lambda: status_text(row),
        TenantColumn.ATTENTION: lambda: attention_list(row),
        TenantColumn.SEATS: lambda: seats_text(row),
        TenantColumn.WASTE: lambda: money(row.monthly_waste),
        TenantColumn.COST: lambda: money(row.monthly_cost),
        TenantColumn.ERRORS: lambda: str(row.assignment_errors),
        TenantColumn.UPCOMING: lambda: upcoming_text(row),
        TenantColumn.REFRESHED: lambda: when_text(row.refreshed_at),
    }
    return str(values[column]())


def sort_value(row: TenantRow, column: TenantColumn) -> Any:
    """The raw value a column sorts by (numbers as numbers, not as their text)."""
    if column is TenantColumn.TENANT:
        return row.tenant.label.lower()
    if column is TenantColumn.STATUS:
        return list(Status).index(row.status)
    if column is TenantColumn.ATTENTION:
        return len(row.attention)
    if column is TenantColumn.SEATS:
        return sum(p.free for p in row.packages)
    if column is TenantColumn.WASTE:
        return float(_total(row.monthly_waste))
    if column is TenantColumn.COST:
        return float(_total(row.monthly_cost))
    if column is TenantColumn.ERRORS:
        return row.assignment_errors
    if column is TenantColumn.UPCOMING:
        return len(row.upcoming)
    return row.refreshed_at.timestamp() if row.refreshed_at else 0.0


class TenantRowsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[TenantRow] = []

    def set_rows(self, rows: list[TenantRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[TenantRow]:
        return list(self._rows)

    def row_at(self, row: int) -> TenantRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TenantColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return header(TenantColumn(section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], TenantColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return display(row, column)
        if role == SORT_ROLE:
            return sort_value(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            TenantColumn.WASTE,
            TenantColumn.COST,
            TenantColumn.ERRORS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TenantFilter(QSortFilterProxyModel):
    """By a part of the name, and optionally only the tenants that need action."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._needs_action = False

    def set_text(self, text: str) -> None:
        self._change(lambda: setattr(self, "_text", text.strip().lower()))

    def set_needs_action(self, only: bool) -> None:
        self._change(lambda: setattr(self, "_needs_action", only))

    def _change(self, apply: Callable[[], None]) -> None:
        # Qt 6.10 replaced invalidateFilter() with begin/endFilterChange(); older Qt lacks them.
        begin = getattr(self, "beginFilterChange", None)
        if begin is None:
            apply()
            self.invalidateFilter()
            return
        begin()
        apply()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, TenantRowsModel)
        row = model.row_at(source_row)
        if self._needs_action and not row.attention:
            return False
        haystack = f"{row.tenant.label} {row.tenant.tenant_id}".lower()
        return not self._text or self._text in haystack
