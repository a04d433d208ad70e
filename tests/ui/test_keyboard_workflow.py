"""Issue 11, Deliver 5: the seed's workflow by key presses alone — find a user, tick them, add
a license, preview, apply, read the results, undo — each key sent to the focused widget."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.licensing.types import Outcome, PlanKind, RunReport
from tests.ui.conftest import TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import rows_where, table, user
from ui.dialogs.history_dialog import HistoryDialog
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import ResultsDialog

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def tab_to(target: QWidget, limit: int = 20) -> None:
    """Tab until ``target`` has the focus (as a person would), failing after ``limit`` presses."""
    for _ in range(limit):
        if focused() is target:
            return
        press(Key.Key_Tab)
    assert focused() is target, f"Tab never reached {target.objectName()}"


def by_keys(work: Callable[[QDialog], None]) -> Callable[[QDialog], int]:
    """A dialog answered by keys: shown and focused like a modal dialog, ``work`` presses keys,
    and the dialog's own result (set by Return, Escape or a pressed button) is the answer."""

    def answer(dialog: QDialog) -> int:
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # as exec() does
        dialog.show()
        dialog.activateWindow()
        QTest.qWaitForWindowActive(dialog)
        if QApplication.activeWindow() is not dialog:
            QApplication.setActiveWindow(dialog)
        work(dialog)
        assert not dialog.isVisible(), f"{type(dialog).__name__} is still open"
        owner = dialog.parentWidget()
        if owner is not None:  # the system gives the focus back to the window beneath
            QApplication.setActiveWindow(owner.window())
        return dialog.result()

    return answer


def read_results(reports: list[RunReport]) -> Callable[[QDialog], None]:
    """The results, kept in ``reports``, closed with Escape."""

    def results(dialog: QDialog) -> None:
        assert isinstance(dialog, ResultsDialog)
        reports.append(dialog.report)
        press(Key.Key_Escape)

    return results


def test_find_tick_add_preview_apply_results_and_undo_by_keys_alone(
    desk: Desk, dialogs: DialogScript
) -> None:
    window = desk.window
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    row = rows_where(
        desk, lambda u: not u.assigned_licenses and u.usage_location and u.account_enabled
    )[0]
    person = user(desk, row)
    sku_id = desk.tenant.sku_id("EXCHANGESTANDARD")
    package = desk.session.naming.sku(sku_id)

    # Find: Ctrl+F, type the name; the table shows that one user.
    window.view.table.setFocus()  # type: ignore[union-attr]
    press(Key.Key_F, CTRL)
    QTest.keyClicks(focused(), person.display_name)
    desk.qtbot.waitUntil(lambda: desk.session.proxy.rowCount() == 1, timeout=TIMEOUT_MS)

    # Tick: into the list, the first row, Space.
    tab_to(table(desk))
    press(Key.Key_Home, CTRL)
    press(Key.Key_Space)
    assert desk.session.users.stats.count == 1

    def pick(dialog: QDialog) -> None:
        assert isinstance(dialog, LicensePickerDialog)
        tree = dialog.tree
        tab_to(tree)
        QTest.keyClicks(focused(), package[:6])  # type-ahead to the package
        press(Key.Key_Space)
        assert [p.sku_id for p in tree.picked()] == [sku_id]
        press(Key.Key_Return)

    def preview(dialog: QDialog) -> None:
        assert isinstance(dialog, PlanPreviewDialog)
        press(Key.Key_Return)

    reports: list[RunReport] = []
    results = read_results(reports)

    dialogs.expect(LicensePickerDialog, by_keys(pick))
    dialogs.expect(PlanPreviewDialog, by_keys(preview))
    dialogs.expect(ResultsDialog, by_keys(results))
    runner = window.runner
    assert runner is not None
    with desk.qtbot.waitSignals(
        [runner.run_finished, desk.session.users_refreshed], timeout=TIMEOUT_MS
    ):
        press(Key.Key_L, CTRL)
    assert reports[0].count(Outcome.DONE) == 1
    assert any(a.sku_id == sku_id for a in user(desk, row).assigned_licenses)

    # Undo: Ctrl+H, the newest run is chosen, Tab to Undo, Space; preview, Return; results.
    def history(dialog: QDialog) -> None:
        assert isinstance(dialog, HistoryDialog)
        runs = dialog.findChild(QWidget, "historyTable")
        assert runs is not None
        tab_to(runs)
        press(Key.Key_Home, CTRL)  # the newest run
        tab_to(dialog.undo_button)
        press(Key.Key_Space)

    def undo_preview(dialog: QDialog) -> None:
        assert isinstance(dialog, PlanPreviewDialog)
        assert dialog._checked.plan.kind is PlanKind.UNDO
        press(Key.Key_Return)

    dialogs.expect(HistoryDialog, by_keys(history))
    dialogs.expect(PlanPreviewDialog, by_keys(undo_preview))
    dialogs.expect(ResultsDialog, by_keys(results))
    with desk.qtbot.waitSignals(
        [runner.run_finished, desk.session.users_refreshed], timeout=TIMEOUT_MS
    ):
        press(Key.Key_H, CTRL)
    assert reports[1].count(Outcome.DONE) == 1
    assert not any(a.sku_id == sku_id for a in user(desk, row).assigned_licenses)
    assert dialogs.pending == 0
