"""History › Undo says what the undo will really do: the deletion of a created account first,
with a warning, behind an explicit confirmation; the clearing of a usage location the user did
not have. (Before, the window's preview said "No change" for both.)"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.licensing.builders import usage_location_plan
from desktop.licensing.check import check_plan
from desktop.licensing.phrases import Weight
from desktop.licensing.types import Outcome, Plan, PlanKind, RunReport, UserChange
from tests.licensing import records
from tests.licensing.phrase_samples import view
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import apply_and_wait, keep_report, rows_where, user
from tests.ui.language_support import in_language, polish
from ui.dialogs.history_dialog import HistoryChoice, HistoryDialog
from ui.dialogs.new_user_dialog import NewUserDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.dialogs.user_created_dialog import UserCreatedDialog
from ui.models.naming import LicenseNaming
from ui.models.plan_rows import PlanColumn

__all__ = ["in_language", "polish"]  # fixtures, imported for pytest


def choose_newest_undo(dialog: QDialog) -> int:
    assert isinstance(dialog, HistoryDialog)
    dialog.table.selectRow(0)
    assert dialog.rows.row(0).cells[2].startswith("1 done · 0 failed · 0 needed nothing")
    assert dialog.undo_button.isEnabled()
    return HistoryChoice.UNDO.value


def create_user_in_the_window(desk: Desk, dialogs: DialogScript) -> str:
    shown: dict[str, str] = {}

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, NewUserDialog)
        dialog.display_name.setText("Olga Undo")
        shown["upn"] = dialog.user_principal_name()
        return ACCEPT

    dialogs.expect(NewUserDialog, fill)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, keep_report([]))
    dialogs.expect(UserCreatedDialog, lambda d: REJECT)
    apply_and_wait(desk, desk.window.user_actions.new_user.trigger)
    assert exists(desk, shown["upn"])
    return shown["upn"]


def exists(desk: Desk, upn: str) -> bool:
    client = desk.session.controller.client
    return any(u.user_principal_name == upn for u in client.list_users())


def undo_preview(
    desk: Desk,
    dialogs: DialogScript,
    preview: Callable[[QDialog], int],
    results: list[RunReport] | None = None,
) -> None:
    """History › Undo on the newest run; ``preview`` answers the undo's preview. With
    ``results``, the run is expected to go ahead and its report lands there."""
    dialogs.expect(HistoryDialog, choose_newest_undo)
    dialogs.expect(PlanPreviewDialog, preview)
    if results is not None:
        dialogs.expect(ResultsDialog, keep_report(results))
    desk.window.user_actions.history.trigger()
    desk.qtbot.waitUntil(lambda: dialogs.pending == 0, timeout=TIMEOUT_MS)


def test_undo_of_a_created_user_warns_first_and_return_alone_does_not_delete(
    desk: Desk, dialogs: DialogScript
) -> None:
    upn = create_user_in_the_window(desk, dialogs)
    runner = desk.window.runner
    assert runner is not None
    seen: dict[str, object] = {}

    def press_return(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        # The first line says the account will be deleted, marked as the most serious.
        texts, marks = dialog.problem_texts(), dialog.problem_marks()
        assert texts[0].startswith("1 account will be deleted")
        assert "Deleted users" in texts[0]
        assert marks[0] == Weight.DESTRUCTIVE.name.lower()
        row = dialog.rows.rows()[0]
        assert (row.change, row.weight) == ("Delete the account", Weight.DESTRUCTIVE)
        mark = dialog.rows.index(0, PlanColumn.CHANGE).data(Qt.ItemDataRole.DecorationRole)
        assert mark is not None and not mark.isNull()
        # Nothing can apply it until the person says they understand.
        assert dialog.confirm_deletion.isVisibleTo(dialog)
        assert dialog.confirm_deletion.text() == "I understand that 1 account will be deleted"
        assert not dialog.apply_button.isEnabled()
        dialog.show()
        desk.qtbot.waitExposed(dialog)
        desk.qtbot.keyClick(dialog, Qt.Key.Key_Return)
        seen["result"] = dialog.result()
        return dialog.result()

    undo_preview(desk, dialogs, press_return)
    desk.qtbot.waitUntil(lambda: not runner.busy, timeout=TIMEOUT_MS)
    assert seen["result"] != QDialog.DialogCode.Accepted.value
    assert exists(desk, upn), "Return alone deleted the account"

    def tick_then_return(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        dialog.show()
        desk.qtbot.waitExposed(dialog)
        dialog.confirm_deletion.setChecked(True)
        assert dialog.apply_button.isEnabled()
        desk.qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Return cancels; only a click applies
        seen["after tick"] = dialog.result()
        return dialog.result()

    undo_preview(desk, dialogs, tick_then_return)
    desk.qtbot.waitUntil(lambda: not runner.busy, timeout=TIMEOUT_MS)
    assert seen["after tick"] != QDialog.DialogCode.Accepted.value
    assert exists(desk, upn), "Return deleted the account"

    def tick_then_apply(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        dialog.show()
        desk.qtbot.waitExposed(dialog)
        dialog.confirm_deletion.setChecked(True)
        assert dialog.apply_button.isEnabled()
        assert not dialog.apply_button.isDefault() and dialog.cancel_button.isDefault()
        dialog.apply_button.click()
        return dialog.result()

    reports: list[RunReport] = []
    with desk.qtbot.waitSignal(runner.run_finished, timeout=TIMEOUT_MS):
        undo_preview(desk, dialogs, tick_then_apply, reports)
    assert reports[0].count(Outcome.DONE) == 1
    assert not exists(desk, upn)


def test_undo_of_a_usage_location_set_from_empty_says_it_will_be_cleared(
    desk: Desk, dialogs: DialogScript
) -> None:
    runner = desk.window.runner
    assert runner is not None
    row = rows_where(desk, lambda u: not u.usage_location and not u.assigned_licenses)[0]
    target = user(desk, row)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, keep_report([]))
    apply_and_wait(desk, lambda: runner.run(usage_location_plan([target.id], "DE")))
    assert user(desk, row).usage_location == "DE"

    def cleared(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        (only,) = dialog.rows.rows()
        assert only.change == "Clear the usage location (leave it empty)"
        assert dialog.problem_texts() == []
        assert not dialog.confirm_deletion.isVisibleTo(dialog)
        assert dialog.apply_button.isEnabled() and dialog.apply_button.isDefault()
        return ACCEPT

    reports: list[RunReport] = []
    with desk.qtbot.waitSignals(
        [runner.run_finished, desk.session.users_refreshed], timeout=TIMEOUT_MS
    ):
        undo_preview(desk, dialogs, cleared, reports)
    assert reports[0].count(Outcome.DONE) == 1
    assert user(desk, row).usage_location is None


def test_the_deletion_warning_and_its_confirmation_speak_polish(polish: None, qtbot: QtBot) -> None:
    created = records.user("olga")
    undo = Plan(PlanKind.UNDO, (UserChange(created.id, delete=True),))
    skus = records.standard_skus()
    dialog = PlanPreviewDialog(check_plan(undo, view(created)), LicenseNaming(), skus)
    qtbot.addWidget(dialog)
    assert dialog.problem_texts()[0].startswith("1 konto zostanie usunięte.")
    assert dialog.confirm_deletion.text() == "Rozumiem, że 1 konto zostanie usunięte"
    assert dialog.rows.rows()[0].change == "Usunięcie konta"
    assert not dialog.apply_button.isEnabled()
    dialog.confirm_deletion.setChecked(True)
    assert dialog.apply_button.isEnabled() and dialog.confirmed


def test_the_deletion_warning_wraps_and_is_shown_whole(qtbot: QtBot) -> None:
    created = records.user("olga")
    undo = Plan(PlanKind.UNDO, (UserChange(created.id, delete=True),))
    dialog = PlanPreviewDialog(
        check_plan(undo, view(created)), LicenseNaming(), records.standard_skus()
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(480, dialog.height())
    lines = dialog.problems
    first = lines.item(0)
    one_line = lines.fontMetrics().height()
    # Narrow: the sentence takes several lines, all of them inside the list, none cut off.
    qtbot.waitUntil(lambda: lines.visualItemRect(first).height() > 2 * one_line)
    qtbot.waitUntil(lambda: lines.visualItemRect(first).bottom() <= lines.viewport().height())
    assert lines.visualItemRect(first).right() <= lines.viewport().width()
    assert not lines.horizontalScrollBar().isVisible()
    assert first.toolTip() == first.text()
