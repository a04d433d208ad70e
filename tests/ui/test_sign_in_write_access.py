"""The first change of a signed-in session asks for the write permission it needs, through the
window, with the real MSAL library and the demo identity platform (which, like Graph, refuses
writes without the scope): accept -> browser sign-in -> the change is applied; decline ->
nothing is sent. Each signed-in tenant keeps its own journal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.licensing.types import Outcome, RunReport
from desktop.paths import tenant_journal_file
from tests.auth.demo_identity import form_posting_browser
from tests.ui.conftest import ACCEPT, TIMEOUT_MS, Desk
from tests.ui.helpers import apply_and_wait, click, keep_report, rows_where
from tests.ui.sign_in_support import SignInDesk
from tests.ui.test_sign_in_accounts import two_signed_in
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.models.columns import Column

LICENSE = "EXCHANGESTANDARD"


def signed_in_with_read_access(desk: SignInDesk) -> Desk:
    """Signed in with a code (read scopes only, as every sign-in starts); one unlicensed user
    with a usage location ticked."""
    desk.startup.start(demo=False)
    desk.qtbot.waitUntil(desk.window.welcome.code_button.isEnabled, timeout=TIMEOUT_MS)
    session = desk.sign_in_with_code(desk.world.admin.username)
    ui = Desk(desk.window, session, desk.world.tenant, desk.qtbot)
    row = rows_where(ui, lambda u: not u.assigned_licenses and u.usage_location)[0]
    click(ui, row, Column.CHECK)
    return ui


def add_license(desk: SignInDesk) -> None:
    sku_id = desk.world.tenant.sku_id(LICENSE)

    def pick(dialog: QDialog) -> int:
        assert isinstance(dialog, LicensePickerDialog)
        dialog.tree.set_picked(sku_id)
        return ACCEPT

    desk.dialogs.expect(LicensePickerDialog, pick)
    desk.dialogs.expect(PlanPreviewDialog, lambda _dialog: ACCEPT)


def answer_question(button: str, asked: list[str]) -> Callable[[QDialog], int]:
    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        asked.append(dialog.text())
        next(b for b in dialog.buttons() if b.text() == button).click()
        return dialog.result()

    return answer


def test_apply_asks_for_permission_signs_in_again_in_the_browser_and_applies(
    sign_in_desk: SignInDesk,
) -> None:
    desk = sign_in_desk
    ui = signed_in_with_read_access(desk)
    [target] = [u.id for u in ui.session.users.checked_users()]
    tenant, sku_id = desk.world.tenant, desk.world.tenant.sku_id(LICENSE)
    opened: list[str] = []
    desk.browser.behaviour = form_posting_browser(opened)
    asked: list[str] = []
    reports: list[RunReport] = []
    add_license(desk)
    desk.dialogs.expect(QMessageBox, answer_question("Sign in", asked))
    desk.dialogs.expect(ResultsDialog, keep_report(reports))

    apply_and_wait(ui, desk.window.user_actions.add_licenses.trigger)

    assert "needs permission to change licenses in" in asked[0]
    assert "Sign in again in your browser to grant it?" in asked[0]
    # The browser asked the same person for the write scope.
    assert "/oauth2/v2.0/authorize?" in opened[0]
    assert "LicenseAssignment.ReadWrite.All" in opened[0]
    assert "login_hint=" in opened[0]
    [report] = reports
    assert report.count(Outcome.DONE) == 1
    assert sku_id in tenant.assigned_licenses(target)
    assert desk.dialogs.pending == 0


def test_declining_the_permission_sends_nothing(sign_in_desk: SignInDesk) -> None:
    desk = sign_in_desk
    ui = signed_in_with_read_access(desk)
    runner = desk.window.runner
    assert runner is not None
    writes = desk.world.tenant.stats.snapshot()["writes"]
    opened: list[str] = []
    desk.browser.behaviour = form_posting_browser(opened)
    asked: list[str] = []
    add_license(desk)
    desk.dialogs.expect(QMessageBox, answer_question("Cancel", asked))

    with desk.qtbot.waitSignal(runner.run_cancelled, timeout=TIMEOUT_MS):
        desk.window.user_actions.add_licenses.trigger()

    assert asked and opened == []  # asked, and no browser opened
    assert desk.world.tenant.stats.snapshot()["writes"] == writes
    assert not runner.busy
    assert desk.window.user_actions.add_licenses.isEnabled()
    assert desk.dialogs.pending == 0
    assert ui.session.ready


def test_each_signed_in_tenant_has_its_own_journal(sign_in_desk: SignInDesk) -> None:
    desk = sign_in_desk
    session = two_signed_in(desk)
    second = Path(session.controller.journal.path)
    assert second.name == tenant_journal_file(desk.other.tenant_id)
    first_admin = desk.account_of(desk.world.admin.username)
    with desk.qtbot.waitSignal(desk.startup.session_opened, timeout=TIMEOUT_MS) as opened:
        desk.startup.accounts.switch_to(first_admin.home_account_id)
    first = Path(opened.args[0].controller.journal.path)
    assert first.name == tenant_journal_file(desk.world.tenant.tenant_id)
    assert first != second and first.parent == second.parent
