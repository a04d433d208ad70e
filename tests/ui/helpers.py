"""Acting on the window as a person would: clicks on cells, finding rows and menus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from desktop.graph.records import Sku, User
from desktop.licensing.types import RunReport
from tests.ui.conftest import REJECT, TIMEOUT_MS, Desk
from ui.dialogs.results_dialog import ResultsDialog
from ui.models.columns import Column
from ui.tenant_page import TenantPage
from ui.widgets.user_table_view import UserTableView


def table(desk: Desk) -> UserTableView:
    assert desk.window.view is not None
    return desk.window.view.table


def rows_where(desk: Desk, test: Callable[[User], object]) -> list[int]:
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


def menu_action(menu: QMenu, name: str) -> QAction:
    return next(a for a in menu.actions() if a.objectName() == name)


def tenant_view(desk: Desk) -> TenantPage:
    assert desk.window.view is not None
    return desk.window.view


def sku(desk: Desk, sku_id: str) -> Sku:
    found = desk.session.skus.sku(sku_id)
    assert found is not None
    return found


def keep_report(into: list[RunReport], answer: int = REJECT) -> Callable[[QDialog], int]:
    """A results-dialog answer that keeps the report for the test to inspect."""

    def handler(dialog: QDialog) -> int:
        assert isinstance(dialog, ResultsDialog)
        into.append(dialog.report)
        return answer

    return handler


def apply_and_wait(desk: Desk, trigger: Callable[[], object]) -> None:
    """Trigger an action; wait until the run finished and the touched users were re-read."""
    runner = desk.window.runner
    assert runner is not None
    with desk.qtbot.waitSignals(
        [runner.run_finished, desk.session.users_refreshed], timeout=TIMEOUT_MS
    ):
        trigger()
