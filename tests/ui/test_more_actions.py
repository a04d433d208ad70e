"""The remaining actions end to end: apps in a license, copy licenses, and a run where one user
fails at apply time (a seat taken meanwhile), then "Retry failed" and "Copy report"."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from desktop.graph.client import GraphClient
from desktop.graph.records import AssignedLicense, User
from desktop.graph.tokens import StaticToken
from desktop.licensing.builders import assign_plan
from desktop.licensing.types import Outcome, RunReport
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import apply_and_wait, click, rows_where, sku, user
from ui.dialogs.apps_dialog import AppsDialog
from ui.dialogs.copy_from_dialog import CopyFromDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import RETRY_FAILED, ResultsDialog
from ui.models.columns import Column


def test_switch_an_app_off_inside_a_license(desk: Desk, dialogs: DialogScript) -> None:
    e3 = desk.tenant.sku_id("ENTERPRISEPACK")
    row = rows_where(desk, lambda u: e3 in u.direct_sku_ids)[0]
    plans = sku(desk, e3).service_plans
    switched = next(p for p in plans if p.applies_to == "User").service_plan_id
    click(desk, row)

    def turn_off(dialog: QDialog) -> int:
        assert isinstance(dialog, AppsDialog)
        dialog.package.setCurrentIndex(dialog.package.findData(e3))
        dialog.set_app(switched, on=False)
        assert switched in dialog.disabled_plans()
        return ACCEPT

    dialogs.expect(AppsDialog, turn_off)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, lambda d: REJECT)
    apply_and_wait(desk, desk.window.user_actions.apps.trigger)
    held = user(desk, row).assigned(e3)
    assert held is not None and switched in held.disabled_plans


def test_copy_licenses_from_another_user(desk: Desk, dialogs: DialogScript) -> None:
    skus = {s.sku_id: s for s in desk.session.skus.skus()}

    def copyable(u: User) -> bool:
        direct = u.direct_sku_ids
        return bool(direct) and all(skus[s].assignable_to_users and skus[s].free for s in direct)

    source = user(desk, rows_where(desk, copyable)[0])
    target_row = rows_where(desk, lambda u: not u.assigned_licenses and u.usage_location)[0]
    click(desk, target_row)

    def choose(dialog: QDialog) -> int:
        assert isinstance(dialog, CopyFromDialog)
        dialog.choose(source.user_principal_name)
        assert dialog.source() == source
        return ACCEPT

    dialogs.expect(CopyFromDialog, choose)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, lambda d: REJECT)
    apply_and_wait(desk, desk.window.user_actions.copy_from.trigger)
    assert user(desk, target_row).sku_ids == source.direct_sku_ids


def test_a_seat_taken_meanwhile_fails_one_user_and_retry_shows_why(
    desk: Desk, dialogs: DialogScript
) -> None:
    exchange = desk.tenant.sku_id("EXCHANGESTANDARD")
    free = sku(desk, exchange).free
    candidates = rows_where(desk, lambda u: not u.assigned_licenses and u.usage_location)
    ours, outsider = candidates[:free], candidates[free]
    runner = desk.window.runner
    assert runner is not None

    def take_a_seat_then_apply(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog) and dialog.apply_button.isEnabled()
        # Someone else, in another admin tool, takes a seat between preview and apply.
        with GraphClient(desk.tenant.base_url, StaticToken("other admin")) as other:
            other.assign_license(user(desk, outsider).id, [AssignedLicense(exchange)], [])
        return ACCEPT

    reports: list[RunReport] = []
    copied: list[str] = []

    def results(dialog: QDialog) -> int:
        assert isinstance(dialog, ResultsDialog)
        reports.append(dialog.report)
        assert dialog.retry_button.isEnabled()
        dialog.copy_button.click()
        copied.append(QGuiApplication.clipboard().text())
        return RETRY_FAILED

    retried: list[list[str]] = []

    def retry_preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        retried.append(dialog.problem_texts())
        assert not dialog.apply_button.isEnabled()  # still no seat: blocked, not re-sent
        return REJECT

    dialogs.expect(PlanPreviewDialog, take_a_seat_then_apply)
    dialogs.expect(ResultsDialog, results)
    dialogs.expect(PlanPreviewDialog, retry_preview)
    ids = [user(desk, r).id for r in ours]
    with desk.qtbot.waitSignals(
        [runner.run_finished, desk.session.users_refreshed], timeout=TIMEOUT_MS
    ):
        runner.run(assign_plan(ids, [AssignedLicense(exchange)]))
    desk.qtbot.waitUntil(lambda: dialogs.pending == 0 and not runner.busy, timeout=TIMEOUT_MS)

    report = reports[0]
    failed = [r for r in report.results if r.outcome is Outcome.FAILED]
    assert len(failed) == 1 and "available licenses" in failed[0].message
    assert report.count(Outcome.DONE) == free - 1
    assert "Failed" in copied[0] and "available licenses" in copied[0]
    assert any("Needs 1 seat of" in text for text in retried[0])
    done = {r.user for r in report.results if r.outcome is Outcome.DONE}
    name = desk.session.naming.sku(exchange)
    for row in ours:  # the table shows who got the license and who did not
        shown = desk.session.users.data(desk.session.users.index(row, Column.LICENSES))
        assert (name in shown) == (user(desk, row).id in done)
