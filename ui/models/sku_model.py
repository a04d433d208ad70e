"""SkuModel: the tenant's license packages, for the summary cards and the license picker."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.graph.records import Sku
from ui.formatting import count
from ui.models.columns import SKU_ROLE, SORT_ROLE
from ui.models.naming import LicenseNaming

AnyIndex = QModelIndex | QPersistentModelIndex


class SkuColumn(enum.IntEnum):
    NAME = 0
    ASSIGNED = 1
    TOTAL = 2
    FREE = 3
    STATUS = 4


class SkuModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._skus: list[Sku] = []
        self._naming = LicenseNaming()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._skus)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SkuColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            SkuColumn.NAME: self.tr("License package"),
            SkuColumn.ASSIGNED: self.tr("Assigned"),
            SkuColumn.TOTAL: self.tr("Total"),
            SkuColumn.FREE: self.tr("Free"),
            SkuColumn.STATUS: self.tr("Status"),
        }
        return headers.get(SkuColumn(section)) if 0 <= section < len(SkuColumn) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        sku = self._skus[index.row()]
        column = SkuColumn(index.column())
        if role == SKU_ROLE:
            return sku
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(sku, column)
        if role == SORT_ROLE:
            return self._raw(sku, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == SkuColumn.NAME:
            return sku.sku_part_number
        return None

    # -- content --------------------------------------------------------------------------

    def set_skus(self, skus: Sequence[Sku], naming: LicenseNaming) -> None:
        """New counts for the same packages update in place; a different set resets."""
        self._naming = naming
        same_packages = [s.sku_id for s in skus] == [s.sku_id for s in self._skus]
        if same_packages and self._skus:
            self._skus = list(skus)
            last = self.index(len(self._skus) - 1, len(SkuColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._skus = list(skus)
        self.endResetModel()

    def skus(self) -> list[Sku]:
        return list(self._skus)

    def sku(self, sku_id: str) -> Sku | None:
        return next((s for s in self._skus if s.sku_id == sku_id), None)

    def name(self, sku_id: str) -> str:
        return self._naming.sku(sku_id)

    @property
    def naming(self) -> LicenseNaming:
        return self._naming

    def status_text(self, sku: Sku) -> str:
        texts = {
            "Enabled": self.tr("Active"),
            "Warning": self.tr("Warning: renew soon"),
            "Suspended": self.tr("Suspended"),
            "Deleted": self.tr("Deleted"),
            "LockedOut": self.tr("Locked out"),
        }
        return texts.get(sku.capability_status, sku.capability_status)

    # -- internals ------------------------------------------------------------------------

    def _display(self, sku: Sku, column: SkuColumn) -> str:
        if column == SkuColumn.NAME:
            return self._naming.sku(sku.sku_id)
        if column == SkuColumn.STATUS:
            return self.status_text(sku)
        return count(int(self._raw(sku, column)))  # 10 000 as the cards write it

    def _raw(self, sku: Sku, column: SkuColumn) -> Any:
        if column == SkuColumn.NAME:
            return self._naming.sku(sku.sku_id).casefold()
        if column == SkuColumn.ASSIGNED:
            return sku.consumed_units
        if column == SkuColumn.TOTAL:
            return sku.seat_count
        if column == SkuColumn.FREE:
            return sku.free
        return sku.capability_status
