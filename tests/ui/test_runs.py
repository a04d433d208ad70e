"""Runs that do not simply succeed: cancelled midway, undone from History, problem users
left out of a plan, and plans read from a CSV file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.graph.records import AssignedLicense
from desktop.licensing.builders import assign_plan
from desktop.licensing.types import Outcome, RunReport, RunSummary
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import keep_report, rows_where, user
from ui.dialogs.error_dialog import ErrorDialog
from ui.dialogs.history_dialog import HistoryChoice, HistoryDialog
from ui.dialogs.location_dialog import UsageLocationDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import ResultsDialog


def test_cancel_midway_leaves_the_rest_untouched(desk: Desk, dialogs: DialogScript) -> None:
    runner = desk.window.runner
    assert runner is not None
    desk.session.controller.max_in_flight = 1  # one $batch of 20 at a time
    # Twenty writes pass; the next ones are throttled for a minute, so the run is surely
    # still under way when Cancel is pressed.
    desk.tenant.faults.write_limit = (20, 60.0)
    desk.window.user_actions.tick_all.trigger()
    assert desk.session.users.stats.count == 60

    def choose_country(dialog: QDialog) -> int:
        assert isinstance(dialog, UsageLocationDialog)
        dialog.country.set_code("DE")
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(UsageLocationDialog, choose_country)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, keep_report(reports))
    with desk.qtbot.waitSignal(runner.run_finished, timeout=TIMEOUT_MS):
        desk.window.user_actions.usage_location.trigger()
        desk.qtbot.waitUntil(
            lambda: (
                runner.progress_dialog is not None
                and runner.progress_dialog.last is not None
                and runner.progress_dialog.last.done >= 20
            ),
            timeout=TIMEOUT_MS,
        )
        progress = runner.progress_dialog
        assert progress is not None
        progress.cancel_button.click()
        assert "Stopping" in progress.counts.text()

    report = reports[0]
    assert report.count(Outcome.DONE) == 20
    assert report.count(Outcome.CANCELLED) + report.count(Outcome.DONE) + report.count(
        Outcome.SKIPPED
    ) == len(report.results)
    assert report.count(Outcome.CANCELLED) > 0
    desk.qtbot.waitUntil(lambda: desk.session.workers.active == 0, timeout=TIMEOUT_MS)
    locations = [u.usage_location for u in desk.session.users.users()]
    assert locations.count("DE") == 20


def test_undo_from_history(desk: Desk, dialogs: DialogScript) -> None:
    runner = desk.window.runner
    assert runner is not None
    exchange = desk.tenant.sku_id("EXCHANGESTANDARD")
    row = rows_where(desk, lambda u: not u.assigned_licenses and u.usage_location)[0]
    target = user(desk, row)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, keep_report([]))
    with desk.qtbot.waitSignals(
        [runner.run_finished, desk.session.users_refreshed], timeout=TIMEOUT_MS
    ):
        runner.run(assign_plan([target.id], [AssignedLicense(exchange)]))
    assert exchange in user(desk, row).sku_ids

    def choose_undo(dialog: QDialog) -> int:
        assert isinstance(dialog, HistoryDialog)
        assert dialog.rows.rowCount() == 1
        dialog.table.selectRow(0)
        assert dialog.undo_button.isEnabled() and not dialog.resume_button.isEnabled()
        return HistoryChoice.UNDO.value

    def undo_preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert dialog.apply_button.text() == "Undo"
        assert "Remove" in dialog.rows.rows()[0].change
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(HistoryDialog, choose_undo)
    dialogs.expect(PlanPreviewDialog, undo_preview)
    dialogs.expect(ResultsDialog, keep_report(reports))
    with desk.qtbot.waitSignals(
        [runner.run_finished, desk.session.users_refreshed], timeout=TIMEOUT_MS
    ):
        desk.window.user_actions.history.trigger()
    assert reports[0].count(Outcome.DONE) == 1
    assert exchange not in user(desk, row).sku_ids

    # The undone run is marked, and cannot be undone twice: the button says why it is off,
    # and an undo asked for anyway (a stale list) says it was already undone.
    seen: list[RunSummary] = []

    def look_again(dialog: QDialog) -> int:
        assert isinstance(dialog, HistoryDialog)
        first = next(r for r in range(dialog.rows.rowCount()) if dialog.rows.row(r).key.undone_by)
        dialog.table.selectRow(first)
        assert dialog.rows.row(first).cells[3] == "Undone"
        assert not dialog.undo_button.isEnabled()
        assert "Already undone" in dialog.undo_button.toolTip()
        seen.append(dialog.rows.row(first).key)
        return REJECT

    dialogs.expect(HistoryDialog, look_again)
    desk.window.user_actions.history.trigger()
    desk.qtbot.waitUntil(lambda: dialogs.pending == 0, timeout=TIMEOUT_MS)
    titles: list[str] = []

    def already(dialog: QDialog) -> int:
        assert isinstance(dialog, ErrorDialog)
        titles.append(dialog.windowTitle())
        return REJECT

    dialogs.expect(ErrorDialog, already)
    commands = desk.window.commands
    assert commands is not None
    commands.history.undo(seen[0])
    desk.qtbot.waitUntil(lambda: dialogs.pending == 0, timeout=TIMEOUT_MS)
    assert titles == ["Already undone"]
    assert exchange not in user(desk, row).sku_ids


def test_problem_users_are_left_out_in_one_click_then_checked_again(
    desk: Desk, dialogs: DialogScript
) -> None:
    runner = desk.window.runner
    assert runner is not None
    exchange = desk.tenant.sku_id("EXCHANGESTANDARD")
    homeless = rows_where(desk, lambda u: not u.usage_location and not u.assigned_licenses)[0]
    fine = rows_where(desk, lambda u: u.usage_location and not u.assigned_licenses)[0]
    ids = [user(desk, homeless).id, user(desk, fine).id]

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert not dialog.apply_button.isEnabled()
        assert dialog.drop_button.isVisibleTo(dialog)
        with desk.qtbot.waitSignal(dialog.recheck_requested):
            dialog.drop_button.click()
        assert not dialog.drop_button.isEnabled()  # waiting for the new check
        desk.qtbot.waitUntil(dialog.apply_button.isEnabled, timeout=TIMEOUT_MS)
        assert [r.key for r in dialog.rows.rows() if r.included] == [ids[1]]
        assert dialog.rows.left_out() == {ids[0]}  # still shown, unticked
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, keep_report(reports))
    with desk.qtbot.waitSignal(runner.run_finished, timeout=TIMEOUT_MS):
        runner.run(assign_plan(ids, [AssignedLicense(exchange)]))
    assert [r.user for r in reports[0].results] == [ids[1]]


def test_import_a_plan_file_previews_it(desk: Desk, dialogs: DialogScript, tmp_path: Path) -> None:
    runner = desk.window.runner
    assert runner is not None
    row = rows_where(desk, lambda u: u.usage_location and not u.assigned_licenses)[0]
    upn = user(desk, row).user_principal_name
    plan_file = tmp_path / "plan.csv"
    plan_file.write_text(f"userPrincipalName;add\n{upn};EXCHANGESTANDARD\n", encoding="utf-8")

    def choose_file(dialog: QDialog) -> int:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(plan_file))
        return ACCEPT

    dialogs.expect(QFileDialog, choose_file)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, keep_report([]))
    with desk.qtbot.waitSignals(
        [runner.run_finished, desk.session.users_refreshed], timeout=TIMEOUT_MS
    ):
        desk.window.user_actions.import_plan.trigger()
    assert desk.tenant.sku_id("EXCHANGESTANDARD") in user(desk, row).sku_ids


def test_export_writes_the_users_shown(desk: Desk, dialogs: DialogScript, tmp_path: Path) -> None:
    assert desk.window.view is not None
    desk.window.view.filters.search.setText("sprzedaż")
    shown = desk.session.proxy.rowCount()
    assert 0 < shown < 60
    target = tmp_path / "users.csv"

    def choose_file(dialog: QDialog) -> int:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(target))
        return ACCEPT

    dialogs.expect(QFileDialog, choose_file)
    commands = desk.window.commands
    assert commands is not None
    with desk.qtbot.waitSignal(commands.csv.exported, timeout=TIMEOUT_MS) as blocker:
        desk.window.user_actions.export_csv.trigger()
    assert blocker.args == [str(target), shown]
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == shown + 1
    assert "Sprzedaż" in lines[1]
