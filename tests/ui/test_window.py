"""The main window on a demo tenant: filters, cards, menus, status bar, settings, reload."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.licensing.controller import LicenseController
from desktop.open_tenant import OpenTenant, open_graph
from tests.ui.conftest import REJECT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import click, menu_action, open_menu, rows_where, table, tenant_view
from ui.dialogs.error_dialog import ErrorDialog
from ui.main_window import MainWindow
from ui.models.columns import Column
from ui.models.quick_filter import QuickFilterKind
from ui.session import TenantSession


def test_loaded_tenant_shows_users_cards_and_counts(desk: Desk) -> None:
    assert desk.session.users.rowCount() == 60
    cards = tenant_view(desk).summary.cards()
    assert len(cards) == len(desk.session.skus.skus()) > 0
    assert desk.window.status.counts.text() == "60 users"
    assert "Bursztyn" in desk.window.windowTitle()
    inherited = rows_where(
        desk, lambda u: any(s.assigned_by_group for s in u.license_assignment_states)
    )
    text = desk.session.users.data(desk.session.users.index(inherited[0], Column.LICENSES))
    assert "via Licencje" in text  # the group's name, not its id


def test_search_box_and_quick_filters_narrow_the_table(desk: Desk) -> None:
    filters = tenant_view(desk).filters
    desk.qtbot.keyClicks(filters.search, "sprzeda")  # typed letter by letter
    shown = desk.session.proxy.rowCount()
    assert 0 < shown < 60
    assert all(desk.session.proxy.user_at(r).department == "Sprzedaż" for r in range(shown))
    assert desk.window.status.counts.text() == f"{shown} of 60 users shown"
    filters.search.clear()
    blocked = filters.quick.findText("Blocked")
    filters.quick.setCurrentIndex(blocked)
    assert desk.session.proxy.quick_filter.kind is QuickFilterKind.BLOCKED
    assert desk.session.proxy.rowCount() == len(rows_where(desk, lambda u: not u.account_enabled))


def test_clicking_a_package_card_filters_by_it_and_again_shows_all(desk: Desk) -> None:
    e3 = desk.tenant.sku_id("ENTERPRISEPACK")
    card = tenant_view(desk).summary.card(e3)
    assert card is not None
    desk.qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    holders = rows_where(desk, lambda u: e3 in u.sku_ids)
    assert desk.session.proxy.rowCount() == len(holders)
    assert card.active
    assert tenant_view(desk).filters.current_filter().sku_id == e3
    desk.qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert desk.session.proxy.rowCount() == 60 and not card.active


def test_row_action_button_menu_offers_what_applies(desk: Desk) -> None:
    row = rows_where(desk, lambda u: u.account_enabled and not u.assigned_licenses)[0]
    click(desk, row, Column.ACTIONS)
    menu = open_menu(desk)
    assert menu_action(menu, "addLicenses").isEnabled()
    assert menu_action(menu, "block").isEnabled()
    assert not menu_action(menu, "activate").isEnabled()
    assert not menu_action(menu, "removeLicense").isEnabled()  # nothing to remove
    menu.close()


def test_find_shortcut_focuses_the_search_box(desk: Desk) -> None:
    desk.window.activateWindow()
    table(desk).setFocus()
    desk.window.user_actions.find.trigger()
    desk.qtbot.waitUntil(lambda: QApplication.focusWidget() is tenant_view(desk).filters.search)
    assert desk.window.user_actions.find.shortcut().toString() == "Ctrl+F"


def test_selection_count_and_actions_follow_the_ticks(desk: Desk) -> None:
    actions = desk.window.user_actions
    assert not actions.add_licenses.isEnabled()
    assert "tick users" in desk.window.status.selection.text()
    desk.window.user_actions.tick_all.trigger()
    assert "60 selected" in desk.window.status.selection.text()
    assert actions.add_licenses.isEnabled() and actions.activate.isEnabled()
    actions.clear_ticks.trigger()
    assert not actions.add_licenses.isEnabled()


def test_refresh_reloads_and_keeps_ticks(desk: Desk) -> None:
    row = rows_where(desk, lambda u: True)[5]
    click(desk, row)
    ticked_id = desk.session.users.checked_users()[0].id
    with desk.qtbot.waitSignal(desk.session.loaded, timeout=TIMEOUT_MS):
        desk.window.user_actions.refresh.trigger()
        assert not desk.window.user_actions.refresh.isEnabled()  # no second load meanwhile
    assert desk.session.users.rowCount() == 60
    assert [u.id for u in desk.session.users.checked_users()] == [ticked_id]


def test_column_widths_and_geometry_are_kept(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    header = table(desk).horizontalHeader()
    header.resizeSection(Column.UPN, 333)
    settings = desk.window.settings
    desk.window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    connection = open_graph(
        desk.tenant.base_url,
        StaticToken("demo"),
        tmp_path,
        "test",
        journal_path=tmp_path / "journal2.sqlite3",
    )
    session = TenantSession(connection)
    with qtbot.waitSignal(session.loaded, timeout=TIMEOUT_MS):
        again.open_session(session)
    assert again.view is not None
    assert again.view.table.horizontalHeader().sectionSize(Column.UPN) == 333
    assert isinstance(settings.value("window/geometry"), type(again.saveGeometry()))
    again.close()


def test_a_tenant_that_cannot_be_reached_says_so(
    qtbot: QtBot, dialogs: DialogScript, tmp_path: Path
) -> None:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    # Port 9 on the loopback: nothing listens there, so the connection is refused at once;
    # no retries, so the test does not sit through the client's back-off.
    client = GraphClient("http://127.0.0.1:9/v1.0", StaticToken("x"), max_retries=0)
    controller = LicenseController(client, tmp_path / "j.sqlite3")
    session = TenantSession(OpenTenant(controller, "test", tmp_path))
    shown: list[str] = []

    def error(dialog: QDialog) -> int:
        assert isinstance(dialog, ErrorDialog)
        shown.append(dialog.windowTitle())
        return REJECT

    dialogs.expect(ErrorDialog, error)
    with qtbot.waitSignal(session.load_failed, timeout=TIMEOUT_MS):
        window.open_session(session)
    assert shown == ["No connection"]
    assert not window.user_actions.add_licenses.isEnabled()
    window.close()
