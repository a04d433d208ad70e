"""Previews you can act on (issue 11, defects 5 and 6, Deliver 2): the Change column wraps
instead of being cut, rows with a problem are marked in red with an icon and words (the summary's
legend names the same red), each user can be left out with a tick and the plan is checked again
live, and Return applies in every preview where Apply is enabled."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QStyle, QStyleOptionViewItem

from desktop.graph.records import AssignedLicense
from desktop.licensing.builders import assign_plan
from desktop.licensing.types import Outcome, RunReport
from tests.ui.conftest import ACCEPT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import apply_and_wait, keep_report, rows_where, sku, user
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.reassign_dialog import ReassignDialog
from ui.dialogs.remove_dialog import RemoveDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.models.plan_rows import PlanColumn, blocking_red


def _preview_of(desk: Desk, plan_users: list[str], sku_ids: list[str]) -> PlanPreviewDialog:
    plan = assign_plan(plan_users, [AssignedLicense(s) for s in sku_ids])
    checked = desk.session.controller.check(plan)
    skus = {s.sku_id: s for s in desk.session.skus.skus()}
    dialog = PlanPreviewDialog(checked, desk.session.naming, skus, desk.window)
    desk.qtbot.addWidget(dialog)
    dialog.show()
    desk.qtbot.waitExposed(dialog)
    return dialog


def _fits(dialog: PlanPreviewDialog, row: int, column: PlanColumn) -> bool:
    """The cell's whole text fits the rectangle the view paints it in (wrapped if needed)."""
    table = dialog.table
    index = dialog.rows.index(row, column)
    rect = table.visualRect(index)
    text = str(dialog.rows.data(index))
    option = QStyleOptionViewItem()
    option.initFrom(table)
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, table) + 1
    icon = 0 if dialog.rows.data(index, Qt.ItemDataRole.DecorationRole) is None else 24
    check = 24 if column == PlanColumn.USER else 0
    width = rect.width() - 2 * margin - icon - check
    needed = table.fontMetrics().boundingRect(
        QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), text
    )
    return needed.width() <= width and needed.height() <= rect.height()


def test_the_change_column_wraps_instead_of_being_cut(desk: Desk) -> None:
    names = [desk.tenant.sku_id(p) for p in ("ENTERPRISEPACK", "EXCHANGESTANDARD", "FLOW_FREE")]
    row = rows_where(desk, lambda u: u.usage_location and not u.assigned_licenses)[0]
    dialog = _preview_of(desk, [user(desk, row).id], names)
    dialog.resize(640, 480)
    desk.qtbot.waitUntil(lambda: dialog.table.viewport().width() < 640, timeout=TIMEOUT_MS)
    change = str(dialog.rows.data(dialog.rows.index(0, PlanColumn.CHANGE)))
    assert all(desk.session.naming.sku(s) in change for s in names)
    assert _fits(dialog, 0, PlanColumn.CHANGE), change
    assert _fits(dialog, 0, PlanColumn.USER)
    # No user has a note: the empty Note column gives its width to Change.
    assert dialog.table.isColumnHidden(PlanColumn.NOTE)


def _seat_shortage(desk: Desk) -> tuple[str, list[str], int]:
    e3 = desk.tenant.sku_id("ENTERPRISEPACK")
    free = sku(desk, e3).free
    # Users with no license at all: E3 would conflict with an Exchange plan they hold.
    rows = rows_where(desk, lambda u: not u.assigned_licenses and u.usage_location)[: free + 2]
    assert len(rows) == free + 2
    return e3, [user(desk, r).id for r in rows], free


def test_rows_with_a_problem_are_marked_in_red_with_an_icon_and_words(desk: Desk) -> None:
    e3, ids, _free = _seat_shortage(desk)
    homeless = rows_where(desk, lambda u: not u.usage_location and e3 not in u.sku_ids)[0]
    dialog = _preview_of(desk, [user(desk, homeless).id, *ids[:1]], [e3])
    red = blocking_red()
    marked = 0
    for row, shown in enumerate(dialog.rows.rows()):
        brushes = [
            dialog.rows.data(dialog.rows.index(row, c), Qt.ItemDataRole.ForegroundRole)
            for c in PlanColumn
        ]
        note = dialog.rows.index(row, PlanColumn.NOTE)
        if shown.blocked:
            marked += 1
            assert all(isinstance(b, QBrush) and b.color() == red for b in brushes)
            assert dialog.rows.data(note, Qt.ItemDataRole.DecorationRole) is not None
            assert shown.note and dialog.rows.data(note) == shown.note
        else:
            assert all(b is None for b in brushes)
    assert marked == 1
    # The legend: the summary names the red the rows are marked with, in its own colour.
    assert "marked in red" in dialog.summary.text()
    assert red.name() in dialog.summary.styleSheet()
    assert not dialog.table.isColumnHidden(PlanColumn.NOTE)


def test_users_can_be_left_out_with_a_tick_and_the_plan_is_checked_again(
    desk: Desk, dialogs: DialogScript
) -> None:
    e3, ids, free = _seat_shortage(desk)
    runner = desk.window.runner
    assert runner is not None

    def untick_two(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert not dialog.apply_button.isEnabled()  # two users too many
        rows = dialog.rows
        assert all(
            rows.data(rows.index(r, PlanColumn.USER), Qt.ItemDataRole.CheckStateRole)
            == Qt.CheckState.Checked
            for r in range(rows.rowCount())
        )
        for key in ids[-2:]:  # like a click on each tick, one after the other
            row = next(i for i, r in enumerate(rows.rows()) if r.key == key)
            rows.setData(
                rows.index(row, PlanColumn.USER),
                Qt.CheckState.Unchecked,
                Qt.ItemDataRole.CheckStateRole,
            )
        desk.qtbot.waitUntil(dialog.apply_button.isEnabled, timeout=TIMEOUT_MS)
        assert {c.user for c in dialog.checked.plan.changes} == set(ids[:-2])
        assert rows.left_out() == set(ids[-2:])
        assert "2 left out" in dialog.summary.text()
        assert "marked in red" not in dialog.summary.text()
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(PlanPreviewDialog, untick_two)
    dialogs.expect(ResultsDialog, keep_report(reports))
    with desk.qtbot.waitSignal(runner.run_finished, timeout=TIMEOUT_MS):
        runner.run(assign_plan(ids, [AssignedLicense(e3)]))
    assert {r.user for r in reports[0].results} == set(ids[:-2])
    assert reports[0].count(Outcome.DONE) == free
    assert all(e3 not in desk.tenant.assigned_licenses(i) for i in ids[-2:])


def _press_return(desk: Desk) -> Callable[[QDialog], int]:
    """Return from the rows (where the tab chain starts): Apply, the default button."""

    def handler(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        dialog.show()
        desk.qtbot.waitExposed(dialog)
        assert dialog.apply_button.isEnabled() and dialog.apply_button.isDefault()
        dialog.table.setFocus()
        desk.qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        return dialog.result()

    return handler


@pytest.mark.parametrize("action", ["add", "remove", "reassign", "block"])
def test_return_applies_in_every_preview(desk: Desk, dialogs: DialogScript, action: str) -> None:
    exchange = desk.tenant.sku_id("EXCHANGESTANDARD")
    basic = desk.tenant.sku_id("O365_BUSINESS_ESSENTIALS")
    e3 = desk.tenant.sku_id("ENTERPRISEPACK")
    actions = desk.window.user_actions
    if action == "add":
        row = rows_where(desk, lambda u: u.usage_location and not u.assigned_licenses)[0]

        def pick(dialog: QDialog) -> int:
            assert isinstance(dialog, LicensePickerDialog)
            dialog.tree.set_picked(exchange)
            return ACCEPT

        dialogs.expect(LicensePickerDialog, pick)
        trigger = actions.add_licenses.trigger
    elif action == "remove":
        row = rows_where(desk, lambda u: exchange in u.direct_sku_ids)[0]

        def remove(dialog: QDialog) -> int:
            assert isinstance(dialog, RemoveDialog)
            dialog.set_picked(exchange)
            return ACCEPT

        dialogs.expect(RemoveDialog, remove)
        trigger = actions.remove.trigger
    elif action == "reassign":
        row = rows_where(desk, lambda u: basic in u.direct_sku_ids and e3 not in u.sku_ids)[0]

        def swap(dialog: QDialog) -> int:
            assert isinstance(dialog, ReassignDialog)
            dialog.source.setCurrentIndex(dialog.source.findData(basic))
            dialog.target.set_picked(e3)
            return ACCEPT

        dialogs.expect(ReassignDialog, swap)
        trigger = actions.reassign.trigger
    else:
        row = rows_where(desk, lambda u: u.account_enabled)[0]
        trigger = actions.block.trigger
    desk.session.users.check_only([row])
    reports: list[RunReport] = []
    dialogs.expect(PlanPreviewDialog, _press_return(desk))
    dialogs.expect(ResultsDialog, keep_report(reports))
    apply_and_wait(desk, trigger)
    assert reports and reports[0].all_done
