"""The user table's delegate: Qt's own painting (one ``multiData`` call into Python per cell,
which keeps painting quick while a big tenant streams in), with the ticks left to the view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QStyledItemDelegate

from ui.models.columns import Column

AnyIndex = QModelIndex | QPersistentModelIndex
_TICK_EVENTS = (
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress,
)


class RowDelegate(QStyledItemDelegate):
    def editorEvent(self, event: QEvent, model: object, option: object, index: AnyIndex) -> bool:
        # The view handles ticks itself (with Shift and Ctrl); the default toggle on release
        # would undo the tick the press just made.
        return index.column() == Column.CHECK and event.type() in _TICK_EVENTS
