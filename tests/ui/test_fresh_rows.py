"""Rows stay fresh while a search or a sort is active (issue 11, defect 1).

After Activate the row used to keep saying "Blocked" until the mouse passed over it: under a
search or a sort the filter proxy swallowed the source's dataChanged when no row moved. These
tests read what the view has painted (``ShownCells``: a cell is re-read only when the view is
told it changed) after each action and after F5."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.graph.client import GraphClient
from desktop.graph.records import User
from desktop.graph.tokens import StaticToken
from desktop.licensing.types import RunReport
from tests.ui.conftest import ACCEPT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import apply_and_wait, keep_report, rows_where, table, tenant_view
from tests.ui.shown_cells import ShownCells
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.reassign_dialog import ReassignDialog
from ui.dialogs.remove_dialog import RemoveDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.models.columns import Column


def _shown(desk: Desk, cells: ShownCells, user_id: str, column: Column) -> str:
    """The painted text of ``user_id``'s cell, at the index the view shows it."""
    source_row = desk.session.users.row_of(user_id)
    assert source_row is not None
    proxy_row = desk.session.proxy.proxy_row_of(source_row)
    assert proxy_row >= 0, "the user left the view"
    index = table(desk).model().index(proxy_row, column)
    assert index.isValid()
    return cells.text(index.row(), index.column())


def _tick_only(desk: Desk, user_id: str) -> None:
    row = desk.session.users.row_of(user_id)
    assert row is not None
    desk.session.users.check_only([row])


def _apply(desk: Desk, dialogs: DialogScript, action: Callable[[], object]) -> None:
    reports: list[RunReport] = []
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, keep_report(reports))
    apply_and_wait(desk, action)
    assert dialogs.pending == 0
    assert reports[0].all_done, reports[0]


def _activate_search_or_sort(desk: Desk, mode: str, target: User) -> None:
    if mode == "search":
        tenant_view(desk).filters.search.setText(target.user_principal_name)
        assert desk.session.proxy.rowCount() == 1
    else:
        table(desk).sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
        assert desk.session.proxy.sort_column == Column.NAME


@pytest.mark.parametrize("mode", ["search", "sort"])
def test_rows_show_each_change_at_once_while_searched_or_sorted(
    desk: Desk, dialogs: DialogScript, mode: str
) -> None:
    basic = desk.tenant.sku_id("O365_BUSINESS_ESSENTIALS")
    e3 = desk.tenant.sku_id("ENTERPRISEPACK")
    exchange = desk.tenant.sku_id("EXCHANGESTANDARD")
    naming = desk.session.naming
    row = rows_where(
        desk,
        lambda u: (
            u.account_enabled
            and u.usage_location
            and basic in u.direct_sku_ids
            and e3 not in u.sku_ids
            and exchange not in u.sku_ids
        ),
    )[0]
    target = desk.session.users.user_at(row)
    _activate_search_or_sort(desk, mode, target)
    cells = ShownCells(table(desk).model())
    actions = desk.window.user_actions

    def shown(column: Column) -> str:
        return _shown(desk, cells, target.id, column)

    assert shown(Column.STATUS) == "Active"

    _tick_only(desk, target.id)
    _apply(desk, dialogs, actions.block.trigger)
    assert shown(Column.STATUS) == "Blocked"

    _tick_only(desk, target.id)
    _apply(desk, dialogs, actions.activate.trigger)
    assert shown(Column.STATUS) == "Active"

    def pick_exchange(dialog: QDialog) -> int:
        assert isinstance(dialog, LicensePickerDialog)
        dialog.tree.set_picked(exchange)
        return ACCEPT

    _tick_only(desk, target.id)
    dialogs.expect(LicensePickerDialog, pick_exchange)
    _apply(desk, dialogs, actions.add_licenses.trigger)
    assert naming.sku(exchange) in shown(Column.LICENSES)

    def remove_exchange(dialog: QDialog) -> int:
        assert isinstance(dialog, RemoveDialog)
        dialog.set_picked(exchange)
        return ACCEPT

    _tick_only(desk, target.id)
    dialogs.expect(RemoveDialog, remove_exchange)
    _apply(desk, dialogs, actions.remove.trigger)
    assert naming.sku(exchange) not in shown(Column.LICENSES)

    def basic_to_e3(dialog: QDialog) -> int:
        assert isinstance(dialog, ReassignDialog)
        dialog.source.setCurrentIndex(dialog.source.findData(basic))
        dialog.target.set_picked(e3)
        return ACCEPT

    _tick_only(desk, target.id)
    dialogs.expect(ReassignDialog, basic_to_e3)
    _apply(desk, dialogs, actions.reassign.trigger)
    licenses = shown(Column.LICENSES)
    assert naming.sku(e3) in licenses and naming.sku(basic) not in licenses

    # Someone blocks the user in another tool; F5 shows it.
    with GraphClient(desk.tenant.base_url, StaticToken("other admin")) as other:
        other.update_user(target.id, {"accountEnabled": False})
    with desk.qtbot.waitSignal(desk.session.loaded, timeout=TIMEOUT_MS):
        desk.window.user_actions.refresh.trigger()
    assert shown(Column.STATUS) == "Blocked"
