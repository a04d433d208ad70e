"""License templates in the window, over real HTTP against the demo tenant: save a user's
licenses from the user's menu, use the template in New user and Add licenses (its group
joined; undone from History as the add it is), the Templates manager (rename, delete, export,
import), the drift dialog and its Align… change, Polish words; and new users from one template
in two customer tenants of the multi-tenant demo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.demo.customers import CustomerState
from desktop.demo.multi_tenant import DemoTenants
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.open_tenant import open_graph
from desktop.templates.store import TemplateStore
from tests.ui.accessible import unnamed
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import apply_and_wait, click, menu_action, right_click_menu, rows_where, user
from tests.ui.language_support import in_language, polish
from ui.dialogs.drift_dialog import DriftDialog
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.new_user_dialog import NewUserDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.dialogs.save_template_dialog import SaveTemplateDialog
from ui.dialogs.templates_dialog import TemplatesDialog
from ui.dialogs.user_created_dialog import UserCreatedDialog
from ui.main_window import MainWindow
from ui.session import TenantSession

__all__ = ["in_language", "polish"]  # fixtures, imported for pytest

DOMAIN = "bursztynlogistyka.pl"


def store(desk: Desk) -> TemplateStore:
    return TemplateStore(desk.session.connection.data_dir)


def row_of(desk: Desk, upn: str) -> int:
    return rows_where(desk, lambda u: u.user_principal_name == upn)[0]


def save_template(desk: Desk, dialogs: DialogScript, upn: str, name: str) -> None:
    """Right-click the user, Save licenses as template…, name it."""
    row = row_of(desk, upn)
    click(desk, row)
    menu = right_click_menu(desk, row)
    action = menu_action(menu, "saveTemplate")
    assert action.isEnabled()
    menu.close()

    def name_it(dialog: QDialog) -> int:
        assert isinstance(dialog, SaveTemplateDialog)
        assert not dialog.save_button.isEnabled()  # no name yet
        dialog.name.setText(name)
        assert dialog.save_button.isEnabled()
        return ACCEPT

    dialogs.expect(SaveTemplateDialog, name_it)
    action.trigger()
    assert dialogs.pending == 0


def direct(desk: Desk, row: int) -> set[tuple[str, tuple[str, ...]]]:
    return {
        (lic.sku_id, tuple(sorted(lic.disabled_plans))) for lic in user(desk, row).direct_licenses
    }


def test_save_from_the_user_menu_then_create_a_new_user_from_it(
    desk: Desk, dialogs: DialogScript
) -> None:
    source = f"justyna.zalewska@{DOMAIN}"
    save_template(desk, dialogs, source, "IT basic")
    template = store(desk).get("IT basic")
    assert template.department == "IT" and template.licenses[0].disabled_plans
    wanted = direct(desk, row_of(desk, source))

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, NewUserDialog)
        dialog.display_name.setText("Nowa Informatyczka")
        dialog.template.choose("IT basic")
        picked = {
            (lic.sku_id, tuple(sorted(lic.disabled_plans))) for lic in dialog.picked_licenses()
        }
        assert picked == wanted
        assert dialog.department.text() == "IT" and dialog.location.code() == "PL"
        return ACCEPT

    dialogs.expect(NewUserDialog, fill)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, lambda d: REJECT)
    dialogs.expect(UserCreatedDialog, lambda d: REJECT)
    apply_and_wait(desk, desk.window.user_actions.new_user.trigger)
    created = row_of(desk, f"nowa.informatyczka@{DOMAIN}")
    assert direct(desk, created) == wanted
    assert user(desk, created).department == "IT"


def test_add_licenses_with_a_template_joins_its_group_and_undo_takes_it_back(
    desk: Desk, dialogs: DialogScript
) -> None:
    save_template(desk, dialogs, f"wieslaw.kolodziej@{DOMAIN}", "Kadry")  # Flow + E3 by group
    template = store(desk).get("Kadry")
    assert template.groups and template.groups[0].name
    target = row_of(desk, f"natalia.lewandowska@{DOMAIN}")
    assert not user(desk, target).assigned_licenses
    click(desk, target)

    def pick(dialog: QDialog) -> int:
        assert isinstance(dialog, LicensePickerDialog)
        dialog.template.choose("Kadry")
        assert [lic.sku_id for lic in dialog.picked()] == [lic.sku_id for lic in template.licenses]
        return ACCEPT

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        text = " ".join(r.change for r in dialog.rows.rows())
        assert template.groups[0].name in text
        return ACCEPT

    dialogs.expect(LicensePickerDialog, pick)
    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, lambda d: REJECT)
    apply_and_wait(desk, desk.window.user_actions.add_licenses.trigger)
    after = user(desk, target)
    assert template.groups[0].id in after.granting_group_ids
    assert {lic.sku_id for lic in after.direct_licenses} == {template.licenses[0].sku_id}

    commands = desk.window.commands
    assert commands is not None
    run = desk.session.controller.history()[0]
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, lambda d: REJECT)
    apply_and_wait(desk, lambda: commands.history.undo(run))
    undone = user(desk, target)
    assert not undone.direct_licenses and not undone.granting_group_ids


def test_the_templates_manager_renames_deletes_exports_and_imports(
    desk: Desk, dialogs: DialogScript, tmp_path: Path
) -> None:
    save_template(desk, dialogs, f"justyna.zalewska@{DOMAIN}", "IT basic")
    shared = tmp_path / "shared" / "it.json"
    shared.parent.mkdir()
    bad = tmp_path / "shared" / "bad.json"
    bad.write_text('{"format": "license-desk-template", "version": 7}', encoding="utf-8")
    seen: dict[str, object] = {}

    def rename(dialog: QDialog) -> int:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("IT – Business Basic, PL")
        return ACCEPT

    def save_to(path: Path) -> object:
        def answer(dialog: QDialog) -> int:
            assert isinstance(dialog, QFileDialog)
            dialog.selectFile(str(path))
            return ACCEPT

        return answer

    def manage(dialog: QDialog) -> int:
        assert isinstance(dialog, TemplatesDialog)
        assert dialog.names() == ["IT basic"]
        assert "Microsoft 365 Business Basic" in dialog.details.text()
        dialogs.expect(QInputDialog, rename)
        dialog.rename_button.click()
        assert dialog.names() == ["IT – Business Basic, PL"]
        dialogs.expect(QFileDialog, save_to(shared))
        dialog.export_button.click()
        seen["exported"] = json.loads(shared.read_text(encoding="utf-8"))
        dialogs.expect(QMessageBox, lambda d: QMessageBox.StandardButton.Yes.value)
        dialog.delete_button.click()
        assert dialog.names() == []
        dialogs.expect(QFileDialog, save_to(bad))
        dialog.import_button.click()
        seen["bad"] = dialog.message.text()
        dialogs.expect(QFileDialog, save_to(shared))
        dialog.import_button.click()
        assert dialog.names() == ["IT – Business Basic, PL"]
        return REJECT

    dialogs.expect(TemplatesDialog, manage)
    desk.window.user_actions.manage_templates.trigger()
    assert dialogs.pending == 0
    assert seen["exported"]["name"] == "IT – Business Basic, PL"  # type: ignore[index]
    assert "newer License Desk" in str(seen["bad"])
    assert [t.name for t in store(desk).templates] == ["IT – Business Basic, PL"]


def test_drift_dialog_lists_the_department_and_align_makes_them_match(
    desk: Desk, dialogs: DialogScript
) -> None:
    save_template(desk, dialogs, f"justyna.zalewska@{DOMAIN}", "IT basic")
    listed: list[str] = []

    def align(dialog: QDialog) -> int:
        assert isinstance(dialog, DriftDialog)
        dialog.department.setCurrentIndex(dialog.department.findData("IT"))
        listed.extend(d.user.user_principal_name for d in dialog.drifts)
        assert dialog.table.rowCount() == len(listed) > 0
        assert dialog.align_button.isEnabled()
        return ACCEPT

    dialogs.expect(DriftDialog, align)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, lambda d: REJECT)
    apply_and_wait(desk, desk.window.user_actions.template_drift.trigger)
    assert f"lucja.chmielewska@{DOMAIN}" in listed
    assert f"damian.nowak@{DOMAIN}" not in listed  # blocked

    def nothing_left(dialog: QDialog) -> int:
        assert isinstance(dialog, DriftDialog)
        dialog.department.setCurrentIndex(dialog.department.findData("IT"))
        assert dialog.drifts == [] and not dialog.align_button.isEnabled()
        return REJECT

    dialogs.expect(DriftDialog, nothing_left)
    desk.window.user_actions.template_drift.trigger()
    assert dialogs.pending == 0


def test_the_template_dialogs_speak_polish(polish: None, desk: Desk, dialogs: DialogScript) -> None:
    row = row_of(desk, f"justyna.zalewska@{DOMAIN}")
    click(desk, row)
    assert desk.window.user_actions.save_template.text() == "Zapisz licencje jako szablon…"

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, SaveTemplateDialog)
        assert dialog.windowTitle() == "Zapisz jako szablon licencji"
        assert dialog.problem.text() == "Nadaj szablonowi nazwę."
        desk.qtbot.addWidget(dialog)
        dialog.show()
        assert unnamed(dialog) == []  # every control named and described, in Polish too
        dialog.hide()
        return REJECT

    def drift(dialog: QDialog) -> int:
        assert isinstance(dialog, DriftDialog)
        assert dialog.windowTitle() == "Odstępstwa od szablonów"
        assert dialog.align_button.text() == "Wyrównaj…"
        return REJECT

    dialogs.expect(SaveTemplateDialog, look)
    desk.window.user_actions.save_template.trigger()
    dialogs.expect(DriftDialog, drift)
    desk.window.user_actions.template_drift.trigger()
    assert dialogs.pending == 0


# -- two customer tenants -------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoTenants]:
    with DemoTenants.start(5, partner_users=16, sizes=(30,)) as started:
        yield started


def open_tenant_window(
    qtbot: QtBot, demo: DemoTenants, tenant_id: str, data: Path, settings: Path
) -> tuple[MainWindow, TenantSession]:
    window = MainWindow(QSettings(str(settings), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    connection = open_graph(demo.base_url, StaticToken(demo.token_for(tenant_id)), data, "test")
    session = TenantSession(connection)
    with qtbot.waitSignal(session.loaded, timeout=TIMEOUT_MS):
        window.open_session(session)
    return window, session


def test_a_template_creates_new_users_in_two_customer_tenants_through_the_window(
    qtbot: QtBot, demo: DemoTenants, dialogs: DialogScript, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    parts = {s.sku_id: s.part_number for s in demo.partner.store.skus()}
    with GraphClient(demo.base_url, StaticToken(demo.token_for(demo.partner.tenant_id))) as c:
        source = next(
            u for u in c.list_users()
            if u.account_enabled
            and [parts[lic.sku_id] for lic in u.direct_licenses] == ["O365_BUSINESS_ESSENTIALS"]
        )  # fmt: skip
    window, session = open_tenant_window(qtbot, demo, demo.partner.tenant_id, data,
                                         tmp_path / "p.ini")  # fmt: skip
    from desktop.templates.model import from_user

    TemplateStore(data).save(from_user("Basic PL", source, session.skus.skus()))
    window.close_session()

    for number, state in enumerate((CustomerState.WASTE, CustomerState.HEALTHY), 1):
        tenant = demo.by_state(state)
        window, session = open_tenant_window(qtbot, demo, tenant.tenant_id, data,
                                             tmp_path / f"{number}.ini")  # fmt: skip

        def fill(dialog: QDialog, number: int = number) -> int:
            assert isinstance(dialog, NewUserDialog)
            dialog.display_name.setText(f"Nowa Osoba {number}")
            dialog.template.choose("Basic PL")
            return ACCEPT

        dialogs.expect(NewUserDialog, fill)
        dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
        dialogs.expect(ResultsDialog, lambda d: REJECT)
        dialogs.expect(UserCreatedDialog, lambda d: REJECT)
        runner = window.runner
        assert runner is not None
        with qtbot.waitSignals([runner.run_finished, session.users_refreshed], timeout=TIMEOUT_MS):
            window.user_actions.new_user.trigger()
        created = [u for u in session.users.users() if u.display_name == f"Nowa Osoba {number}"]
        assert len(created) == 1
        held = {
            (lic.sku_id, tuple(sorted(lic.disabled_plans))) for lic in created[0].direct_licenses
        }
        assert held == {
            (lic.sku_id, tuple(sorted(lic.disabled_plans))) for lic in source.direct_licenses
        }
        assert tenant.store.user(created[0].user_principal_name) is not None
        window.close_session()


def test_a_new_user_from_a_template_with_a_group_joins_it_after_a_second_preview(
    desk: Desk, dialogs: DialogScript
) -> None:
    save_template(desk, dialogs, f"wieslaw.kolodziej@{DOMAIN}", "Kadry")  # Flow + E3 by group
    template = store(desk).get("Kadry")
    runner = desk.window.runner
    assert runner is not None

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, NewUserDialog)
        dialog.display_name.setText("Nowa Kadrowa")
        dialog.template.choose("Kadry")
        assert template.groups[0].name in dialog.template_note.text()
        return ACCEPT

    def join(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert template.groups[0].name in " ".join(r.change for r in dialog.rows.rows())
        return ACCEPT

    dialogs.expect(NewUserDialog, fill)
    dialogs.expect(PlanPreviewDialog, lambda d: ACCEPT)
    dialogs.expect(ResultsDialog, lambda d: REJECT)
    dialogs.expect(UserCreatedDialog, lambda d: REJECT)
    dialogs.expect(PlanPreviewDialog, join)
    dialogs.expect(ResultsDialog, lambda d: REJECT)
    with desk.qtbot.waitSignals([runner.run_finished, runner.run_finished], timeout=TIMEOUT_MS):
        desk.window.user_actions.new_user.trigger()
    desk.qtbot.waitUntil(lambda: dialogs.pending == 0 and not runner.busy, timeout=TIMEOUT_MS)
    desk.qtbot.waitUntil(
        lambda: (
            template.groups[0].id
            in user(desk, row_of(desk, f"nowa.kadrowa@{DOMAIN}")).granting_group_ids
        ),
        timeout=TIMEOUT_MS,
    )


def test_a_damaged_templates_file_is_said_in_a_dialog_not_a_crash(
    desk: Desk, dialogs: DialogScript
) -> None:
    from ui.dialogs.error_dialog import ErrorDialog

    store(desk).path.write_text("{damaged", encoding="utf-8")
    seen: list[str] = []

    def said(dialog: QDialog) -> int:
        assert isinstance(dialog, ErrorDialog)
        seen.append(dialog.report_text())
        return REJECT

    dialogs.expect(ErrorDialog, said)
    desk.window.user_actions.manage_templates.trigger()
    assert dialogs.pending == 0 and "templates.json" in seen[0]
