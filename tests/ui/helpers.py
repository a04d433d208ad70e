"""Acting on the window as a person would: clicks on cells, finding rows and menus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from desktop.graph.records import User
from tests.ui.conftest import Desk
from ui.models.columns import Column
from ui.widgets.user_table_view import UserTableView


def table(desk: Desk) -> UserTableView:
    assert desk.window.view is not None
    return desk.window.view.table


def rows_where(desk: Desk, test: Callable[[User], bool]) -> list[int]:
    """Source rows of the users passing ``test``."""
    return [row for row, user in enumerate(desk.session.users.users()) if test(user)]


def user(desk: Desk, source_row: int) -> User:
    return desk.session.users.user_at(source_row)


def cell_center(desk: Desk, source_row: int, column: Column) -> QPoint:
    view = table(desk)
    proxy_row = desk.session.proxy.proxy_row_of(source_row)
    assert proxy_row >= 0, "the row is hidden by the filter"
    index = desk.session.proxy.index(proxy_row, column)
    view.scrollTo(index)
    return view.visualRect(index).center()


def click(
    desk: Desk,
    source_row: int,
    column: Column = Column.NAME,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
) -> None:
    desk.qtbot.mouseClick(
        table(desk).viewport(), button, modifier, cell_center(desk, source_row, column)
    )


def right_click_menu(desk: Desk, source_row: int) -> QMenu:
    """Right-click a row (pressing the button, then the context-menu event the OS sends)."""
    view = table(desk)
    at = cell_center(desk, source_row, Column.NAME)
    desk.qtbot.mousePress(view.viewport(), Qt.MouseButton.RightButton, pos=at)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.viewport(), event)
    return open_menu(desk)


def open_menu(desk: Desk) -> QMenu:
    menus = [m for m in desk.window.findChildren(QMenu, "userActionMenu") if m.isVisible()]
    assert len(menus) == 1, "expected one open user menu"
    return menus[0]


def menu_action(menu: QMenu, name: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.objectName() == name)
