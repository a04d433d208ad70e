"""Paints user rows: ticked rows highlighted like a selection, status and problem icons, and the
per-row actions button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QIcon, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.graph.records import User
from ui.icons import icon
from ui.models.columns import CHECKED_ROLE, USER_ROLE, Column

AnyIndex = QModelIndex | QPersistentModelIndex
_TICK_EVENTS = (
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress,
)


class RowDelegate(QStyledItemDelegate):
    def __init__(self) -> None:
        super().__init__()
        self._icons: dict[str, QIcon] = {}

    def _icon(self, name: str) -> QIcon:
        cached = self._icons.get(name)
        if cached is None:
            cached = self._icons[name] = icon(name)
        return cached

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        # The ticks are the selection: paint ticked rows the way the platform paints selected ones.
        if index.data(CHECKED_ROLE):
            option.state |= QStyle.StateFlag.State_Selected
        else:
            option.state &= ~QStyle.StateFlag.State_Selected
        column = index.column()
        if column in (Column.STATUS, Column.PROBLEMS):
            user = index.data(USER_ROLE)
            name = self._decoration(column, user)
            if name:
                option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
                option.icon = self._icon(name)
                option.decorationSize = QSize(16, 16)

    @staticmethod
    def _decoration(column: int, user: User | None) -> str | None:
        if user is None:
            return None
        if column == Column.STATUS:
            return "status-active" if user.account_enabled else "status-blocked"
        if column == Column.PROBLEMS and user.errors:
            return "warning"
        return None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if index.column() != Column.ACTIONS:
            super().paint(painter, option, index)
            return
        # Background (selection, hover) as for any cell, then the "more" button on top.
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, option.widget)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        mode = QIcon.Mode.Active if hovered else QIcon.Mode.Normal
        if base.state & QStyle.StateFlag.State_Selected:
            mode = QIcon.Mode.Selected
        side = min(18, option.rect.height() - 4)
        target = QRect(0, 0, side, side)
        target.moveCenter(option.rect.center())
        self._icon("more").paint(painter, target, Qt.AlignmentFlag.AlignCenter, mode)

    def editorEvent(self, event: QEvent, model: object, option: object, index: AnyIndex) -> bool:
        # The view handles ticks itself (with Shift and Ctrl); the default toggle on release
        # would undo the tick the press just made.
        return index.column() == Column.CHECK and event.type() in _TICK_EVENTS
