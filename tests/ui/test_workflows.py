"""The window end to end against a demo tenant: tick, act, preview, apply, see the result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from desktop.licensing.types import Outcome, RunReport
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import (
    apply_and_wait,
    click,
    keep_report,
    menu_action,
    right_click_menu,
    rows_where,
    sku,
    tenant_view,
    user,
)
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.new_user_dialog import NewUserDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.reassign_dialog import ReassignDialog
from ui.dialogs.remove_dialog import RemoveDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.dialogs.user_created_dialog import UserCreatedDialog
from ui.models.columns import Column


def licenses_shown(desk: Desk, source_row: int) -> str:
    model = desk.session.users
    return str(model.data(model.index(source_row, Column.LICENSES)))


def test_tick_two_users_add_a_license_and_the_table_and_counters_update(
    desk: Desk, dialogs: DialogScript
) -> None:
    sku_id = desk.tenant.sku_id("EXCHANGESTANDARD")
    name = desk.session.naming.sku(sku_id)
    consumed = sku(desk, sku_id).consumed_units
    first, second = rows_where(
        desk, lambda u: not u.assigned_licenses and u.usage_location and u.account_enabled
    )[:2]
    click(desk, first, Column.CHECK)
    click(desk, second, Column.NAME, Qt.KeyboardModifier.ControlModifier)
    assert desk.session.users.stats.count == 2
    assert "2 selected" in desk.window.status.selection.text()
    assert desk.window.user_actions.add_licenses.isEnabled()

    def pick(dialog: QDialog) -> int:
        assert isinstance(dialog, LicensePickerDialog)
        assert not dialog.location_row.isVisibleTo(dialog)  # both have a usage location
        dialog.tree.set_picked(sku_id)
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        return ACCEPT

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert dialog.rows.rowCount() == 2
        assert dialog.apply_button.isEnabled()
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(LicensePickerDialog, pick)
    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, keep_report(reports))
    apply_and_wait(desk, desk.window.user_actions.add_licenses.trigger)

    assert reports[0].count(Outcome.DONE) == 2
    assert name in licenses_shown(desk, first)
    assert name in licenses_shown(desk, second)
    assert sku(desk, sku_id).consumed_units == consumed + 2
    card = tenant_view(desk).summary.card(sku_id)
    assert card is not None and card.counts.text().startswith(f"{consumed + 2} /")
    assert desk.session.users.rowCount() == 60  # updated in place, not reloaded


def test_reassign_through_the_row_action_menu(desk: Desk, dialogs: DialogScript) -> None:
    basic = desk.tenant.sku_id("O365_BUSINESS_ESSENTIALS")
    e3 = desk.tenant.sku_id("ENTERPRISEPACK")
    row = rows_where(desk, lambda u: basic in u.direct_sku_ids and e3 not in u.sku_ids)[0]
    e3_before = sku(desk, e3).consumed_units

    menu = right_click_menu(desk, row)
    assert desk.session.users.checked_users() == [user(desk, row)]
    reassign = menu_action(menu, "reassign")
    assert reassign.isEnabled()

    def choose(dialog: QDialog) -> int:
        assert isinstance(dialog, ReassignDialog)
        dialog.source.setCurrentIndex(dialog.source.findData(basic))
        dialog.target.set_picked(e3)
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(ReassignDialog, choose)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, keep_report(reports))
    apply_and_wait(desk, reassign.trigger)

    after = user(desk, row)
    assert e3 in after.sku_ids and basic not in after.sku_ids
    assert sku(desk, e3).consumed_units == e3_before + 1


def test_remove_service_warns_about_the_mailbox(desk: Desk, dialogs: DialogScript) -> None:
    exchange = desk.tenant.sku_id("EXCHANGESTANDARD")
    row = rows_where(desk, lambda u: exchange in u.direct_sku_ids)[0]
    before = sku(desk, exchange).consumed_units
    click(desk, row)

    def choose(dialog: QDialog) -> int:
        assert isinstance(dialog, RemoveDialog)
        warning = dialog.findChild(QLabel, "mailboxWarning")
        assert warning is not None and "30 days" in warning.text()
        dialog.set_picked(exchange)
        return ACCEPT

    dialogs.expect(RemoveDialog, choose)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, keep_report([]))
    apply_and_wait(desk, desk.window.user_actions.remove.trigger)

    assert exchange not in user(desk, row).sku_ids
    assert sku(desk, exchange).consumed_units == before - 1


def test_activate_a_blocked_user(desk: Desk, dialogs: DialogScript) -> None:
    row = rows_where(desk, lambda u: not u.account_enabled)[0]
    click(desk, row)
    actions = desk.window.user_actions
    assert actions.activate.isEnabled() and not actions.block.isEnabled()

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert "Allow sign-in" in dialog.rows.rows()[0].change
        return ACCEPT

    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, keep_report([]))
    apply_and_wait(desk, actions.activate.trigger)

    model = desk.session.users
    assert model.data(model.index(row, Column.STATUS)) == "Active"
    assert actions.block.isEnabled() and not actions.activate.isEnabled()


def test_create_a_user_with_a_license_after_confirming(desk: Desk, dialogs: DialogScript) -> None:
    e3 = desk.tenant.sku_id("ENTERPRISEPACK")
    shown: dict[str, str] = {}

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, NewUserDialog)
        dialog.display_name.setText("Żaneta Łęcka")
        assert dialog.local_part.text() == "zaneta.lecka"
        dialog.licenses.set_picked(e3)
        shown["upn"] = dialog.user_principal_name()
        return ACCEPT

    def confirm(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert dialog.apply_button.text() == "Create user"
        assert "Create the user" in dialog.rows.rows()[0].change
        return ACCEPT

    def password(dialog: QDialog) -> int:
        assert isinstance(dialog, UserCreatedDialog)
        shown["password"] = dialog.password.text()
        dialog.copy_button.click()
        assert QGuiApplication.clipboard().text() == shown["password"]
        return REJECT

    dialogs.expect(NewUserDialog, fill)
    dialogs.expect(PlanPreviewDialog, confirm)
    dialogs.expect(ResultsDialog, keep_report([]))
    dialogs.expect(UserCreatedDialog, password)
    apply_and_wait(desk, desk.window.user_actions.new_user.trigger)

    assert len(shown["password"]) >= 12
    assert desk.session.users.rowCount() == 61
    created = [u for u in desk.session.users.users() if u.user_principal_name == shown["upn"]]
    assert created and e3 in created[0].sku_ids and created[0].usage_location == "PL"


def test_more_users_than_free_seats_shows_the_problem_and_cannot_apply(
    desk: Desk, dialogs: DialogScript
) -> None:
    e3 = desk.tenant.sku_id("ENTERPRISEPACK")
    free = sku(desk, e3).free
    rows = rows_where(desk, lambda u: e3 not in u.sku_ids and u.usage_location)[: free + 1]
    desk.session.users.set_checked(rows, True)
    seen: list[str] = []

    def pick(dialog: QDialog) -> int:
        assert isinstance(dialog, LicensePickerDialog)
        dialog.tree.set_picked(e3)
        return ACCEPT

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        seen.extend(dialog.problem_texts())
        assert not dialog.apply_button.isEnabled()
        return ACCEPT  # even a forced accept must not apply a blocked plan

    runner = desk.window.runner
    assert runner is not None
    dialogs.expect(LicensePickerDialog, pick)
    dialogs.expect(PlanPreviewDialog, preview)
    with desk.qtbot.waitSignal(
        runner.busy_changed, check_params_cb=lambda busy: not busy, timeout=TIMEOUT_MS
    ):
        desk.window.user_actions.add_licenses.trigger()
    name = desk.session.naming.sku(e3)
    assert f"Needs {free + 1} seats of {name}, {free} free" in seen
    assert dialogs.pending == 0
    assert all(e3 not in user(desk, r).sku_ids for r in rows)
