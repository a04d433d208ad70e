"""Paints user rows: ticked rows highlighted like a selection, and the per-row actions button.

Painting runs while pages of users still stream in on a worker thread, so each cell costs as
few calls into Python as possible: the model answers every role in one ``multiData`` call and
this delegate adds only the tick lookup.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QIcon, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.icons import icon
from ui.models.columns import CHECKED_ROLE, Column

AnyIndex = QModelIndex | QPersistentModelIndex
_TICK_EVENTS = (
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress,
)


class RowDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        # The ticks are the selection: paint ticked rows the way the platform paints selected ones.
        if index.data(CHECKED_ROLE):
            option.state |= QStyle.StateFlag.State_Selected
        else:
            option.state &= ~QStyle.StateFlag.State_Selected

    def editorEvent(self, event: QEvent, model: object, option: object, index: AnyIndex) -> bool:
        # The view handles ticks itself (with Shift and Ctrl); the default toggle on release
        # would undo the tick the press just made.
        return index.column() == Column.CHECK and event.type() in _TICK_EVENTS


class ActionsDelegate(RowDelegate):
    """The "⋯" button of the actions column."""

    def __init__(self) -> None:
        super().__init__()
        self._more = icon("more")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # Background (selection, hover) as for any cell, then the button on top.
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        # Quiet until the row is pointed at or ticked, so a long table is not a column of dots.
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        mode = QIcon.Mode.Normal if hovered else QIcon.Mode.Disabled
        if base.state & QStyle.StateFlag.State_Selected:
            mode = QIcon.Mode.Selected
        side = min(18, option.rect.height() - 4)
        target = QRect(0, 0, side, side)
        target.moveCenter(option.rect.center())
        self._more.paint(painter, target, Qt.AlignmentFlag.AlignCenter, mode)
