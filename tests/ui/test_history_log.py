"""History that reads like a log (issue 11, Deliver 4): each run says what it did and to whom,
in the change's own words; its time in the locale's format; it opens to its users' outcomes."""

from __future__ import annotations

import re

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import QDialog

from desktop.graph.records import AssignedLicense
from desktop.licensing.builders import assign_plan
from desktop.licensing.journal import StepState
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import keep_report, rows_where, user
from tests.ui.language_support import in_language, polish
from ui.dialogs.history_dialog import HistoryChoice, HistoryDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.dialogs.run_details_dialog import RunDetailsDialog

__all__ = ["in_language", "polish"]  # fixtures, imported for pytest


def _add_flow_free_to_five(desk: Desk, dialogs: DialogScript) -> list[str]:
    runner = desk.window.runner
    assert runner is not None
    flow = desk.tenant.sku_id("FLOW_FREE")
    rows = rows_where(desk, lambda u: not u.assigned_licenses and u.usage_location)[:5]
    ids = [user(desk, r).id for r in rows]
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, keep_report([]))
    with desk.qtbot.waitSignals(
        [runner.run_finished, desk.session.users_refreshed], timeout=TIMEOUT_MS
    ):
        runner.run(assign_plan(ids, [AssignedLicense(flow)]))
    return [user(desk, r).display_name for r in rows]


def _open_history(desk: Desk, dialogs: DialogScript, *handlers: tuple[type, object]) -> None:
    for kind, handler in handlers:
        dialogs.expect(kind, handler)  # type: ignore[arg-type]
    desk.window.user_actions.history.trigger()
    desk.qtbot.waitUntil(lambda: dialogs.pending == 0, timeout=TIMEOUT_MS)


def test_a_run_says_what_it_did_to_whom_and_opens_to_its_users(
    desk: Desk, dialogs: DialogScript
) -> None:
    names = _add_flow_free_to_five(desk, dialogs)
    package = desk.session.naming.sku(desk.tenant.sku_id("FLOW_FREE"))
    seen: dict[str, str] = {}

    def read_then_open(dialog: QDialog) -> int:
        assert isinstance(dialog, HistoryDialog)
        dialog.table.selectRow(0)
        when, change = dialog.rows.row(0).cells[:2]
        run = dialog.chosen()
        assert run is not None
        seen.update(when=when, change=change, started=run.started_at)
        # Enter on the row opens it (the "Users…" button does the same).
        assert dialog.details_button.isEnabled()
        dialog.table.activated.emit(dialog.table.currentIndex())
        return dialog.result()

    steps: list[tuple[str, str]] = []

    def details(dialog: QDialog) -> int:
        assert isinstance(dialog, RunDetailsDialog)
        for row in dialog.rows.rows():
            assert row.key.state is StepState.DONE
            steps.append((row.cells[0], row.cells[3]))
        return REJECT

    _open_history(
        desk,
        dialogs,
        (HistoryDialog, read_then_open),
        (RunDetailsDialog, details),
        (HistoryDialog, lambda d: REJECT),  # closing the users returns to History
    )

    assert seen["change"] == f"Add {package} · {names[0]} and {len(names) - 1} others"
    moment = QDateTime.fromString(seen["started"], Qt.DateFormat.ISODate).toLocalTime()
    assert seen["when"] == QLocale().toString(moment, QLocale.FormatType.ShortFormat)
    assert steps == [(name, "Done") for name in names]
    assert HistoryChoice.DETAILS not in (HistoryChoice.UNDO, HistoryChoice.RESUME)


def test_the_log_reads_in_polish(polish: None, desk: Desk, dialogs: DialogScript) -> None:
    names = _add_flow_free_to_five(desk, dialogs)
    package = desk.session.naming.sku(desk.tenant.sku_id("FLOW_FREE"))
    seen: list[tuple[str, ...]] = []

    def read(dialog: QDialog) -> int:
        assert isinstance(dialog, HistoryDialog)
        seen.append(dialog.rows.row(0).cells)
        return REJECT

    _open_history(desk, dialogs, (HistoryDialog, read))
    when, change = seen[0][:2]
    assert change == f"Przypisanie: {package} · {names[0]} i {len(names) - 1} inne osoby", change
    # Day first, dots between, as Polish writes it: "1.12.2026 00:06" or "30.11.2026 09:34",
    # never "11/30/26" (the day has one digit early in a month).
    assert re.fullmatch(r"\d{1,2}\.\d{2}\.\d{4} \d{1,2}:\d{2}", when), when
