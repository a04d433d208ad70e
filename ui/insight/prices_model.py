"""The tenant's monthly prices as an editable table: one row per package, amount and currency
edited in place; a value that is not a price is refused with the engine's own reason."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.insight.money import Money
from desktop.insight.prices import PriceBook, PriceError, parse_price

AnyIndex = QModelIndex | QPersistentModelIndex
DEFAULT_CURRENCY = "PLN"


class PriceColumn(enum.IntEnum):
    PACKAGE = 0
    AMOUNT = 1
    CURRENCY = 2


class PricesModel(QAbstractTableModel):
    prices_edited = Signal(object)  # the whole PriceBook after a valid edit
    refused = Signal(str)  # why an edit was not taken

    def __init__(self, parts: list[str], book: PriceBook) -> None:
        super().__init__()
        self._parts = sorted(set(parts) | set(book.prices))
        self._book = PriceBook(dict(book.prices))

    @property
    def book(self) -> PriceBook:
        return PriceBook(dict(self._book.prices))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._parts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PriceColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            PriceColumn.PACKAGE: QCoreApplication.translate("PricesModel", "Package"),
            PriceColumn.AMOUNT: QCoreApplication.translate("PricesModel", "Monthly price"),
            PriceColumn.CURRENCY: QCoreApplication.translate("PricesModel", "Currency"),
        }[PriceColumn(section)]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() != PriceColumn.PACKAGE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        part = self._parts[index.row()]
        price = self._book.price(part)
        column = PriceColumn(index.column())
        if role == Qt.ItemDataRole.EditRole:
            if column is PriceColumn.AMOUNT:
                return "" if price is None else f"{price.amount:.2f}"
            if column is PriceColumn.CURRENCY:
                return price.currency if price else DEFAULT_CURRENCY
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column is PriceColumn.PACKAGE:
            return part
        if price is None:
            if column is PriceColumn.AMOUNT:
                return QCoreApplication.translate("PricesModel", "no price")
            return ""
        if column is PriceColumn.AMOUNT:
            return QLocale().toString(float(price.amount), "f", 2)
        return price.currency

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        part = self._parts[index.row()]
        current = self._book.price(part)
        amount = f"{current.amount}" if current else "0"
        currency = current.currency if current else DEFAULT_CURRENCY
        text = str(value).strip()
        if index.column() == PriceColumn.AMOUNT:
            if not text:
                self._book.remove(part)
                return self._changed(index)
            amount = text
        elif index.column() == PriceColumn.CURRENCY:
            currency = text
        try:
            price: Money = parse_price(amount, currency)
        except PriceError as exc:
            self.refused.emit(str(exc))
            return False
        self._book.set(part, price)
        return self._changed(index)

    def _changed(self, index: AnyIndex) -> bool:
        left = self.index(index.row(), 0)
        right = self.index(index.row(), len(PriceColumn) - 1)
        self.dataChanged.emit(left, right)
        self.prices_edited.emit(self.book)
        return True
