"""The user table's gestures: click, Ctrl, Shift, checkbox, keyboard, and ticks that outlive a
search. Built on records made in the test, no tenant needed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from tests.ui.factories import make_user
from ui.models.columns import Column
from ui.models.user_filter import UserFilterProxy
from ui.models.user_table import UserTableModel
from ui.widgets.user_table_view import UserTableView, _runs

NAMES = ["Anna", "Bartek", "Celina", "Dawid", "Ewa", "Filip", "Grażyna", "Henryk"]


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[UserTableView]:
    model = UserTableModel()
    model.append_users([make_user(i, name=name) for i, name in enumerate(NAMES)])
    proxy = UserFilterProxy()
    proxy.setSourceModel(model)
    table = UserTableView()
    table.set_proxy(proxy)
    table.resize(900, 400)
    qtbot.addWidget(table)
    table.show()
    yield table


def ticked(view: UserTableView) -> list[str]:
    return [u.display_name for u in view.proxy().source().checked_users()]


def click(
    qtbot: QtBot,
    view: UserTableView,
    row: int,
    column: Column = Column.NAME,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    index = view.proxy().index(row, column)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center()
    )


def highlighted(view: UserTableView) -> list[int]:
    return sorted(i.row() for i in view.selectionModel().selectedRows())


def test_click_picks_one_ctrl_adds_shift_extends(qtbot: QtBot, view: UserTableView) -> None:
    click(qtbot, view, 1)
    click(qtbot, view, 3)
    assert ticked(view) == ["Dawid"]
    click(qtbot, view, 5, modifier=Qt.KeyboardModifier.ControlModifier)
    assert ticked(view) == ["Dawid", "Filip"]
    click(qtbot, view, 3, modifier=Qt.KeyboardModifier.ControlModifier)
    assert ticked(view) == ["Filip"]
    click(qtbot, view, 2, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert ticked(view) == ["Celina", "Dawid"]  # from the last plain or Ctrl click (3) to 2
    assert highlighted(view) == [2, 3]
    click(qtbot, view, 5, modifier=Qt.KeyboardModifier.ShiftModifier)
    assert ticked(view) == ["Dawid", "Ewa", "Filip"]


def test_checkbox_toggles_one_and_keeps_the_others(qtbot: QtBot, view: UserTableView) -> None:
    click(qtbot, view, 0)
    click(qtbot, view, 2, Column.CHECK)
    click(qtbot, view, 4, Column.CHECK)
    assert ticked(view) == ["Anna", "Celina", "Ewa"]
    click(qtbot, view, 2, Column.CHECK)
    assert ticked(view) == ["Anna", "Ewa"]
    assert (
        view.proxy().data(view.proxy().index(4, Column.CHECK), Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )


def test_keyboard_space_arrows_select_all_and_escape(qtbot: QtBot, view: UserTableView) -> None:
    click(qtbot, view, 1)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert ticked(view) == ["Bartek", "Celina", "Dawid"]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert ticked(view) == ["Ewa"]
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert ticked(view) == ["Ewa", "Filip"]
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(ticked(view)) == len(NAMES)
    assert highlighted(view) == list(range(len(NAMES)))
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert ticked(view) == [] and highlighted(view) == []


def test_ticks_outlive_a_search_and_follow_a_sort(qtbot: QtBot, view: UserTableView) -> None:
    proxy = view.proxy()
    click(qtbot, view, 0)  # Anna
    proxy.set_search("henryk")
    click(qtbot, view, 0, Column.CHECK)  # Henryk, the only one shown
    proxy.set_search("")
    assert ticked(view) == ["Anna", "Henryk"]
    assert highlighted(view) == [0, 7]
    view.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert highlighted(view) == [0, 7]  # Henryk first, Anna last
    assert proxy.user_at(0).display_name == "Henryk"


def test_ctrl_a_ticks_only_the_users_shown(qtbot: QtBot, view: UserTableView) -> None:
    view.proxy().set_search("na")
    view.tick_all_shown()
    assert ticked(view) == ["Anna", "Celina", "Grażyna"]


def test_action_button_ticks_the_row_and_asks_for_the_menu(
    qtbot: QtBot, view: UserTableView
) -> None:
    click(qtbot, view, 1)
    click(qtbot, view, 2, modifier=Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(view.menu_requested):
        click(qtbot, view, 2, Column.ACTIONS)  # a ticked row: the selection stays
    assert ticked(view) == ["Bartek", "Celina"]
    with qtbot.waitSignal(view.menu_requested):
        click(qtbot, view, 5, Column.ACTIONS)  # an unticked row: just that user
    assert ticked(view) == ["Filip"]


def test_clicking_outside_rows_changes_nothing(qtbot: QtBot, view: UserTableView) -> None:
    click(qtbot, view, 3)
    bottom = view.viewport().rect().bottomLeft()
    bottom.setY(bottom.y() - 2)
    assert view.indexAt(bottom) == QModelIndex()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=bottom)
    assert ticked(view) == ["Dawid"]


def test_runs_of_rows() -> None:
    assert _runs([]) == []
    assert _runs([1, 2, 3, 7, 8, 10]) == [(1, 3), (7, 8), (10, 10)]


def test_pages_arriving_while_sorted_keep_the_view_consistent(
    qtbot: QtBot, view: UserTableView
) -> None:
    proxy = view.proxy()
    view.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    click(qtbot, view, 2)  # Celina, the current row
    proxy.source().append_users([make_user(20, name="Adam"), make_user(21, name="Zofia")])
    assert view.verticalHeader().count() == proxy.rowCount() == len(NAMES) + 2
    assert [proxy.user_at(r).display_name for r in (0, proxy.rowCount() - 1)] == ["Adam", "Zofia"]
    current = view.currentIndex()
    assert proxy.user_at(current.row()).display_name == "Celina"  # followed its user down
    assert highlighted(view) == [current.row()]
