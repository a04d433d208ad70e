"""The window tells the truth about half-done users and runs whose answers were lost."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.graph.records import AssignedLicense
from desktop.licensing.state import has_mailbox
from desktop.licensing.types import Outcome, Plan, PlanKind, RunReport, UserChange
from tests.ui.conftest import ACCEPT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import keep_report, rows_where, user
from ui.dialogs.history_dialog import HistoryChoice, HistoryDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import REVERT_PARTLY, ResultsDialog


def test_a_partly_done_user_is_named_part_by_part_and_the_part_that_happened_reverted(
    desk: Desk, dialogs: DialogScript
) -> None:
    runner = desk.window.runner
    assert runner is not None
    e3 = desk.tenant.sku_id("ENTERPRISEPACK")
    skus = {s.sku_id: s for s in desk.session.controller.list_skus()}
    rows = rows_where(
        desk,
        lambda u: (
            e3 not in u.sku_ids
            and u.usage_location
            and u.account_enabled
            and not has_mailbox(u.holdings, skus)
        ),
    )
    free = desk.tenant.free_seats("ENTERPRISEPACK")
    targets = [user(desk, r) for r in rows[:free]]
    assert len(targets) == free == 2
    # Someone with no license at all, who can take a seat once given a usage location.
    other = user(desk, rows_where(desk, lambda u: not u.license_assignment_states)[0])
    plan = Plan(
        PlanKind.MIXED,
        tuple(UserChange(u.id, add=(AssignedLicense(e3),), account_enabled=False) for u in targets),
    )

    def seats_taken_meanwhile(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        # Another admin takes a seat after the check.
        client = desk.session.controller.client
        client.update_user(other.id, {"usageLocation": "PL"})
        client.assign_license(other.id, [AssignedLicense(e3)], [])
        return ACCEPT

    seen: dict[str, object] = {}

    def results(dialog: QDialog) -> int:
        assert isinstance(dialog, ResultsDialog)
        seen["summary"] = dialog.summary.text()
        seen["revert"] = dialog.revert_button.isVisibleTo(dialog)
        seen["retry"] = dialog.retry_button.isEnabled()  # the license part can be tried again
        seen["rows"] = [row.cells for row in dialog.rows.rows()]
        return REVERT_PARTLY

    def undo_preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        seen["undo"] = [row.change for row in dialog.rows.rows()]
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(PlanPreviewDialog, seats_taken_meanwhile)
    dialogs.expect(ResultsDialog, results)
    dialogs.expect(PlanPreviewDialog, undo_preview)
    dialogs.expect(ResultsDialog, keep_report(reports))
    with desk.qtbot.waitSignal(runner.run_finished, timeout=TIMEOUT_MS):
        runner.run(plan)
    desk.qtbot.waitUntil(lambda: bool(reports), timeout=TIMEOUT_MS)

    assert "1 partly done" in str(seen["summary"]) and seen["revert"] is True
    assert seen["retry"] is True
    partly = [cells for cells in seen["rows"] if cells[1] == "Partly done"]  # type: ignore[attr-defined]
    assert len(partly) == 1
    assert partly[0][2].startswith("Block sign-in: done; add ")
    assert ": failed (" in partly[0][2] and "available licenses" in partly[0][2]
    assert seen["undo"] == ["Allow sign-in"]  # only the part that happened, only that user
    assert reports[0].count(Outcome.DONE) == 1
    desk.qtbot.waitUntil(lambda: desk.session.workers.active == 0, timeout=TIMEOUT_MS)
    fresh = {u.id: u for u in desk.session.controller.refresh_users([t.id for t in targets])}
    enabled = sorted(fresh[t.id].account_enabled for t in targets)
    assert enabled == [False] * (free - 1) + [True]


def test_history_shows_a_run_needing_checking_and_resume_settles_it(
    desk: Desk, dialogs: DialogScript
) -> None:
    runner = desk.window.runner
    assert runner is not None
    flow = desk.tenant.sku_id("FLOW_FREE")
    rows = rows_where(desk, lambda u: flow not in u.sku_ids and u.usage_location)[:3]
    ids = [user(desk, r).id for r in rows]
    controller = desk.session.controller
    checked = controller.check(
        Plan(PlanKind.ASSIGN, tuple(UserChange(i, add=(AssignedLicense(flow),)) for i in ids))
    )
    desk.tenant.faults.drop_after_apply = 1
    desk.tenant.refuse_reads(3600)
    assert controller.apply(checked).count(Outcome.UNCONFIRMED) == 3
    desk.tenant.refuse_reads(0)

    def choose_resume(dialog: QDialog) -> int:
        assert isinstance(dialog, HistoryDialog)
        dialog.table.selectRow(0)
        status = dialog.rows.rows()[0].cells[3]
        assert status == "Needs checking: 3 users unconfirmed (resume the run)"
        assert dialog.resume_button.isEnabled() and dialog.undo_button.isEnabled()
        return HistoryChoice.RESUME.value

    reports: list[RunReport] = []
    dialogs.expect(HistoryDialog, choose_resume)
    dialogs.expect(ResultsDialog, keep_report(reports))
    with desk.qtbot.waitSignal(runner.run_finished, timeout=TIMEOUT_MS):
        desk.window.user_actions.history.trigger()
    assert reports[0].count(Outcome.DONE) == 3


def test_a_run_needing_checking_is_offered_for_checking_when_the_tenant_opens(
    desk: Desk, dialogs: DialogScript
) -> None:
    runner = desk.window.runner
    commands = desk.window.commands
    assert runner is not None and commands is not None
    flow = desk.tenant.sku_id("FLOW_FREE")
    ids = [user(desk, r).id for r in rows_where(desk, lambda u: flow not in u.sku_ids)][:2]
    controller = desk.session.controller
    checked = controller.check(
        Plan(PlanKind.ASSIGN, tuple(UserChange(i, add=(AssignedLicense(flow),)) for i in ids)),
        default_usage_location="PL",
    )
    desk.tenant.faults.drop_after_apply = 1
    desk.tenant.refuse_reads(3600)
    assert controller.apply(checked).count(Outcome.UNCONFIRMED) == 2
    desk.tenant.refuse_reads(0)

    def check_now(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        assert "lost Microsoft's answers" in dialog.text()
        assert dialog.informativeText().startswith("2 users are unconfirmed.")
        next(b for b in dialog.buttons() if b.text() == "Check now").click()
        return dialog.result()

    reports: list[RunReport] = []
    dialogs.expect(QMessageBox, check_now)
    dialogs.expect(ResultsDialog, keep_report(reports))
    with desk.qtbot.waitSignal(runner.run_finished, timeout=TIMEOUT_MS):
        commands.history.offer_resume()
    assert reports[0].count(Outcome.DONE) == 2
