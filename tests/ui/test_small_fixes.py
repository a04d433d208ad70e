"""Issue 11, defect 7: the smaller things an administrator trips over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QStandardPaths, Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import rows_where, sku, tenant_view
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.reassign_dialog import ReassignDialog
from ui.formatting import count
from ui.launcher import main
from ui.models.sku_model import SkuColumn


def test_reassign_never_offers_the_package_being_replaced(desk: Desk) -> None:
    basic = desk.tenant.sku_id("O365_BUSINESS_ESSENTIALS")
    exchange = desk.tenant.sku_id("EXCHANGESTANDARD")
    held = [(sku(desk, basic), 3), (sku(desk, exchange), 1)]
    dialog = ReassignDialog(held, desk.session.skus.skus(), desk.session.naming, desk.window)
    desk.qtbot.addWidget(dialog)

    def offered(sku_id: str) -> bool:
        item = dialog.target.package_item(sku_id)
        return item is not None and not item.isHidden()

    assert dialog.source_sku() == basic
    assert not offered(basic) and offered(exchange)
    dialog.target.set_picked(exchange)
    dialog.source.setCurrentIndex(dialog.source.findData(exchange))
    # The picked target became the source: it is no longer offered, nor picked.
    assert offered(basic) and not offered(exchange)
    assert dialog.target_sku() is None


def test_export_opens_in_documents_then_the_last_folder_and_says_where_it_wrote(
    desk: Desk, dialogs: DialogScript, tmp_path: Path
) -> None:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if not QDir(documents).exists():
        documents = QDir.homePath()  # a machine without a Documents folder: home instead
    target = tmp_path / "users.csv"
    opened_in: list[str] = []

    def choose_file(dialog: QDialog) -> int:
        assert isinstance(dialog, QFileDialog)
        opened_in.append(dialog.directory().absolutePath())
        dialog.selectFile(str(target))
        return ACCEPT

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, QFileDialog)
        opened_in.append(dialog.directory().absolutePath())
        return REJECT

    commands = desk.window.commands
    assert commands is not None
    dialogs.expect(QFileDialog, choose_file)
    with desk.qtbot.waitSignal(commands.csv.exported, timeout=TIMEOUT_MS):
        desk.window.user_actions.export_csv.trigger()
    message = desk.window.status.currentMessage()
    assert QDir.toNativeSeparators(str(target)) in message
    assert "60 users" in message
    dialogs.expect(QFileDialog, look)
    desk.window.user_actions.export_csv.trigger()
    assert opened_in == [QDir(documents).absolutePath(), QDir(str(tmp_path)).absolutePath()]
    assert rows_where(desk, lambda u: True)  # the table is untouched


def test_down_arrow_from_the_search_box_enters_the_list(desk: Desk) -> None:
    page = desk.window.view
    assert page is not None
    page.filters.search.setFocus()
    page.filters.search.setText("a")
    assert desk.session.proxy.rowCount() > 1
    desk.qtbot.keyClick(page.filters.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() or desk.window.focusWidget() is page.table
    current = page.table.currentIndex()
    assert current.isValid() and current.row() == 0
    # From there the arrows walk the list as usual.
    desk.qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 1


def test_a_suspended_package_shows_the_same_seats_everywhere(
    desk: Desk, capsys: pytest.CaptureFixture[str]
) -> None:
    suspended = next(s for s in desk.session.skus.skus() if s.capability_status == "Suspended")
    seats = suspended.seat_count
    assert seats > 0 and suspended.consumed_units > 0  # bought, in use, none enabled
    card = tenant_view(desk).summary.card(suspended.sku_id)
    assert card is not None
    assert card.counts.text().startswith(
        f"{count(suspended.consumed_units)} / {count(seats)} assigned"
    )
    picker = LicensePickerDialog(
        desk.session.skus.skus(),
        desk.session.naming,
        users=1,
        users_without_location=0,
        default_location=None,
        parent=desk.window,
    )
    desk.qtbot.addWidget(picker)
    item = picker.tree.package_item(suspended.sku_id)
    assert item is not None and item.text(1) == f"0 / {count(seats)}"
    model = desk.session.skus
    row = next(r for r in range(model.rowCount()) if model.skus()[r].sku_id == suspended.sku_id)
    assert model.data(model.index(row, SkuColumn.TOTAL)) == str(seats)

    code = main(["skus", "--graph-url", desk.tenant.base_url, "--token", "t", "--json"])
    listed = json.loads(capsys.readouterr().out)
    assert code == 0
    shown = next(s for s in listed if s["skuId"] == suspended.sku_id)
    assert (shown["total"], shown["assigned"], shown["free"]) == (
        seats,
        suspended.consumed_units,
        0,
    )
