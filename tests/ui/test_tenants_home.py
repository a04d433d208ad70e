"""The Tenants home over the multi-tenant demo (real HTTP): a partner sees every customer,
spots those needing action (sort, filter), opens one with Enter, sees it named in the title
and on the preview, exports the rows and runs the billing audit from the menu."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from desktop.demo.customers import CustomerState
from desktop.demo.multi_tenant import DemoTenants
from desktop.graph.tokens import StaticToken
from desktop.licensing.builders import remove_plan
from desktop.open_tenant import OpenTenant, open_graph
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, DialogScript
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.main_window import MainWindow
from ui.startup import Startup
from ui.tenants.coordinator import TenantsCoordinator
from ui.tenants.rows_model import ROW_ROLE, TenantColumn


@dataclass
class PartnerDesk:
    window: MainWindow
    startup: Startup
    demo: DemoTenants

    @property
    def tenants(self) -> TenantsCoordinator:
        return self.startup.tenants


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoTenants]:
    with DemoTenants.start(5, partner_users=12, sizes=(20, 45, 15, 25, 30)) as started:
        yield started


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path, demo: DemoTenants, dialogs: DialogScript) -> PartnerDesk:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    partner = demo.partner.tenant_id

    def open_partner(data_dir: Path) -> OpenTenant:
        token = StaticToken(demo.token_for(partner))
        return open_graph(demo.base_url, token, data_dir, "Chmura Partner", tenant_id=partner)

    startup = Startup(window, tmp_path, demo_opener=open_partner)
    window.show()
    startup.start(demo=True)
    desk = PartnerDesk(window, startup, demo)
    home = desk.tenants.home
    qtbot.waitUntil(lambda: home.model.rowCount() == 6 and home.refresh_button.isEnabled(),
                    timeout=TIMEOUT_MS)  # fmt: skip
    return desk


def _row_of(desk: PartnerDesk, name: str) -> int:
    proxy = desk.tenants.home.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, TenantColumn.TENANT).data() == name:
            return row
    raise AssertionError(f"{name} is not shown")


def test_the_home_shows_every_tenant_and_what_needs_action(desk: PartnerDesk) -> None:
    home = desk.tenants.home
    assert desk.window.stack.currentWidget() is home
    assert desk.tenants.show_action.isVisible()
    assert "6 tenants" in home.summary.text()
    healthy = desk.demo.display_name(desk.demo.by_state(CustomerState.HEALTHY).tenant_id)
    bakery = _row_of(desk, "Piekarnia Mazur")
    attention = home.proxy.index(bakery, TenantColumn.ATTENTION).data()
    assert "out of seats" in attention
    seats = home.proxy.index(bakery, TenantColumn.SEATS).data()
    assert "Microsoft 365 Business" in seats and "of" in seats
    grace = _row_of(desk, "Apteka Zielona")
    assert "grace ends" in home.proxy.index(grace, TenantColumn.UPCOMING).data()
    home.needs_action.setChecked(True)
    shown = {home.proxy.index(r, 0).data() for r in range(home.proxy.rowCount())}
    assert healthy not in shown and "Piekarnia Mazur" in shown
    home.needs_action.setChecked(False)
    home.filter.setText("apteka")
    assert home.proxy.rowCount() == 1
    home.filter.clear()
    home.table.sortByColumn(TenantColumn.WASTE, Qt.SortOrder.DescendingOrder)
    assert home.proxy.index(0, TenantColumn.TENANT).data() == "Kancelaria Wrona"


def test_enter_opens_a_customer_named_in_the_title_and_on_the_preview(
    desk: PartnerDesk, qtbot: QtBot, dialogs: DialogScript
) -> None:
    home = desk.tenants.home
    home.table.setCurrentIndex(home.proxy.index(_row_of(desk, "Piekarnia Mazur"), 0))
    home.table.setFocus()
    QTest.keyClick(home.table, Qt.Key.Key_Return)
    window = desk.window

    def opened() -> bool:
        session = window.session
        return (
            session is not None
            and session.ready
            and session.organization is not None
            and session.organization.display_name == "Piekarnia Mazur"
        )

    qtbot.waitUntil(opened, timeout=TIMEOUT_MS)
    assert "Piekarnia Mazur" in window.windowTitle()
    assert window.stack.currentWidget() is window.view
    bakery = desk.demo.by_state(CustomerState.OUT_OF_SEATS)
    rowid, sku_id = bakery.store.query("SELECT user_rowid, sku_id FROM direct_licenses LIMIT 1")[0]
    upn = str(bakery.store.query("SELECT upn FROM users WHERE rowid = ?", (rowid,))[0][0])
    seen: list[str] = []

    def look(dialog: PlanPreviewDialog) -> int:
        seen.append(dialog.tenant.text())
        assert dialog.checked.tenant_id == bakery.tenant_id
        return REJECT

    dialogs.expect(PlanPreviewDialog, look)  # type: ignore[arg-type]
    runner = window.runner
    assert runner is not None
    runner.run(remove_plan([upn], [sku_id]))
    qtbot.waitUntil(lambda: bool(seen) and not runner.busy, timeout=TIMEOUT_MS)
    assert seen == ["Tenant: Piekarnia Mazur"]
    assert sku_id in bakery.store.user_licenses(upn), "the preview was cancelled"
    desk.tenants.show_action.trigger()
    assert window.stack.currentWidget() is home
    assert "All tenants" in window.windowTitle()


def test_a_double_click_opens_too(desk: PartnerDesk, qtbot: QtBot) -> None:
    home = desk.tenants.home
    index = home.proxy.index(_row_of(desk, "Apteka Zielona"), TenantColumn.STATUS)
    rect = home.table.visualRect(index)
    # A person's double click: press and release, then the second press Qt reports as double.
    QTest.mouseClick(home.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(home.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: (
            desk.window.session is not None
            and desk.window.session.organization is not None
            and desk.window.session.organization.display_name == "Apteka Zielona"
        ),
        timeout=TIMEOUT_MS,
    )


def _save_as(path: Path) -> object:
    def answer(dialog: QFileDialog) -> int:
        dialog.selectFile(str(path))
        return ACCEPT

    return answer


def test_export_and_the_billing_audit_menu_item(
    desk: PartnerDesk, qtbot: QtBot, dialogs: DialogScript, tmp_path: Path
) -> None:
    home = desk.tenants.home
    home.needs_action.setChecked(True)
    exported = tmp_path / "tenants.csv"
    dialogs.expect(QFileDialog, _save_as(exported))  # type: ignore[arg-type]
    home.export_button.click()
    qtbot.waitUntil(exported.exists, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: "Wrote" in desk.window.statusBar().currentMessage(),
                    timeout=TIMEOUT_MS)  # fmt: skip
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert len(lines) == home.proxy.rowCount() == 5  # the shown rows: all but the healthy one
    audit = tmp_path / "audit.xlsx"
    dialogs.expect(QFileDialog, _save_as(audit))  # type: ignore[arg-type]
    assert desk.tenants.audit_action in desk.window.tools_menu.actions()
    desk.tenants.audit_action.trigger()
    qtbot.waitUntil(lambda: "CSV files beside it" in desk.window.statusBar().currentMessage(),
                    timeout=TIMEOUT_MS)  # fmt: skip
    book = load_workbook(audit)
    assert book.sheetnames[0] == "Summary" and len(book.sheetnames) == 7
    assert len(list((tmp_path / "audit").glob("*.csv"))) == 6


def test_a_tenants_own_default_usage_location_comes_first(
    desk: PartnerDesk, qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop.tenants.settings import TenantSettings, save_settings

    tenant = desk.demo.by_state(CustomerState.GRACE)
    save_settings(tenant.tenant_id, TenantSettings("DE"), tmp_path)
    home = desk.tenants.home
    home.open_requested.emit(
        home.proxy.index(_row_of(desk, "Apteka Zielona"), 0).data(ROW_ROLE).tenant
    )
    qtbot.waitUntil(
        lambda: (
            desk.window.session is not None
            and desk.window.session.ready
            and desk.window.session.tenant_name == "Apteka Zielona"
        ),
        timeout=TIMEOUT_MS,
    )
    session = desk.window.session
    assert session is not None
    assert session.most_common_usage_location() == "DE"
    save_settings(tenant.tenant_id, TenantSettings(), tmp_path)
    assert session.most_common_usage_location() == "PL"


def test_a_change_previewed_for_one_customer_is_refused_in_another(
    desk: PartnerDesk, qtbot: QtBot, dialogs: DialogScript, tmp_path: Path
) -> None:
    from desktop.graph.client import GraphClient
    from desktop.licensing.controller import LicenseController
    from ui.dialogs.error_dialog import ErrorDialog

    bakery = desk.demo.by_state(CustomerState.OUT_OF_SEATS)
    rowid, sku_id = bakery.store.query("SELECT user_rowid, sku_id FROM direct_licenses LIMIT 1")[0]
    upn = str(bakery.store.query("SELECT upn FROM users WHERE rowid = ?", (rowid,))[0][0])
    client = GraphClient(desk.demo.base_url, StaticToken(desk.demo.token_for(bakery.tenant_id)))
    elsewhere = LicenseController(client, tmp_path / "elsewhere.sqlite3")
    try:
        checked = elsewhere.check(remove_plan([upn], [sku_id]))
    finally:
        elsewhere.close()
    home = desk.tenants.home
    home.open_requested.emit(
        home.proxy.index(_row_of(desk, "Apteka Zielona"), 0).data(ROW_ROLE).tenant
    )
    qtbot.waitUntil(
        lambda: (
            desk.window.session is not None
            and desk.window.session.ready
            and desk.window.session.tenant_name == "Apteka Zielona"
        ),
        timeout=TIMEOUT_MS,
    )
    words: list[str] = []
    dialogs.expect(PlanPreviewDialog, lambda _dialog: ACCEPT)  # type: ignore[arg-type,return-value]

    def read(dialog: ErrorDialog) -> int:
        words.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        return ACCEPT

    dialogs.expect(ErrorDialog, read)  # type: ignore[arg-type]
    runner = desk.window.runner
    assert runner is not None
    runner.preview(checked)
    qtbot.waitUntil(lambda: bool(words) and not runner.busy, timeout=TIMEOUT_MS)
    assert "previewed for another tenant" in words[-1]
    assert bakery.tenant_id in words[-1]
    assert sku_id in bakery.store.user_licenses(upn), "nothing was sent"
    assert desk.window.session is not None
    assert desk.window.session.controller.history() == []


def test_the_windows_csv_files_are_separated_as_a_polish_spreadsheet_reads_them(
    desk: PartnerDesk, qtbot: QtBot, dialogs: DialogScript, tmp_path: Path
) -> None:
    QLocale.setDefault(QLocale("pl_PL"))  # decimal comma: cells are split by ";" (taken back after)
    home = desk.tenants.home
    exported = tmp_path / "tenants.csv"
    dialogs.expect(QFileDialog, _save_as(exported))  # type: ignore[arg-type]
    home.export_button.click()
    qtbot.waitUntil(lambda: "Wrote" in desk.window.statusBar().currentMessage(),
                    timeout=TIMEOUT_MS)  # fmt: skip
    audit = tmp_path / "audit.xlsx"
    dialogs.expect(QFileDialog, _save_as(audit))  # type: ignore[arg-type]
    desk.tenants.audit_action.trigger()
    qtbot.waitUntil(lambda: "CSV files beside it" in desk.window.statusBar().currentMessage(),
                    timeout=TIMEOUT_MS)  # fmt: skip
    for written in [exported, *sorted((tmp_path / "audit").glob("*.csv"))]:
        header = written.read_text(encoding="utf-8-sig").splitlines()[0]
        assert len(header.split(";")) > 2, (written.name, header)
