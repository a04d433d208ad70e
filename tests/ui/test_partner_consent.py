"""View › Show my customers…: an administrator signed in through the window without the
partner's permission gets no Tenants home by itself; the action asks for it through the one
consent flow (ScopeConsent), then finds the customers and shows the home. Over the
multi-tenant demo (real HTTP), whose Graph refuses the customers' list (403) to a token
without DelegatedAdminRelationship.Read.All."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.demo.multi_tenant import DemoTenants
from desktop.demo.server import DemoTenant
from desktop.graph.tokens import StaticToken
from desktop.open_tenant import OpenTenant, open_graph
from tests.ui.conftest import ACCEPT, TIMEOUT_MS, DialogScript
from tests.ui.language_support import Switch, in_language
from tests.ui.test_insight_access import GrantingAccess
from ui.main_window import MainWindow
from ui.startup import Startup
from ui.tenants.coordinator import TenantsCoordinator

__all__ = ["in_language"]  # a fixture, imported for pytest

CUSTOMERS_SCOPE = "DelegatedAdminRelationship.Read.All"


@dataclass
class SignedIn:
    window: MainWindow
    tenants: TenantsCoordinator
    access: GrantingAccess
    demo: DemoTenants


@pytest.fixture
def demo() -> Iterator[DemoTenants]:
    with DemoTenants.start(2, partner_users=8, sizes=(10, 12)) as started:
        yield started


def _sign_in(qtbot: QtBot, tmp_path: Path, demo: DemoTenants, home: DemoTenant) -> SignedIn:
    """The window signed in to ``home`` with browse scopes only; Graph checks the token's."""
    access = GrantingAccess()
    home.token_scopes = lambda _token: frozenset(access.granted)
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)

    def open_home(data_dir: Path) -> OpenTenant:
        token = StaticToken(demo.token_for(home.tenant_id))
        return open_graph(demo.base_url, token, data_dir, "admin@partner", write_access=access,
                          tenant_id=home.tenant_id)  # fmt: skip

    startup = Startup(window, tmp_path, demo_opener=open_home)
    window.show()
    startup.start(demo=True)
    tenants = startup.tenants
    qtbot.waitUntil(lambda: tenants.reach is not None, timeout=TIMEOUT_MS)  # looked, silently
    return SignedIn(window, tenants, access, demo)


@pytest.fixture
def partner(qtbot: QtBot, tmp_path: Path, demo: DemoTenants) -> Iterator[SignedIn]:
    signed = _sign_in(qtbot, tmp_path, demo, demo.partner)
    yield signed
    signed.window.close_session()


def _answer(button: str, texts: list[str]) -> object:
    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        texts.append(f"{dialog.text()} {dialog.informativeText()}")
        next(b for b in dialog.buttons() if b.text() == button).click()
        return dialog.result()

    return answer


def _show_customers(signed: SignedIn, dialogs: DialogScript, button: str) -> list[str]:
    """View › Show my customers…, the question answered with ``button``; what it said."""
    asked: list[str] = []
    dialogs.expect(QMessageBox, _answer(button, asked))  # type: ignore[arg-type]
    signed.tenants.customers_action.trigger()
    return asked


def _in_view_menu(signed: SignedIn) -> bool:
    return signed.tenants.customers_action in signed.window.view_menu.actions()


def test_without_the_permission_no_home_but_the_action_is_offered(partner: SignedIn) -> None:
    reach = partner.tenants.reach
    assert reach is not None and len(reach.registry.tenants) == 1
    assert "Insufficient privileges" in reach.registry.note  # Graph's 403, not an empty list
    assert partner.window.stack.currentWidget() is not partner.tenants.home
    assert not partner.tenants.show_action.isVisible()
    assert partner.tenants.customers_action.isVisible() and _in_view_menu(partner)
    assert partner.tenants.customers_action.text() == "Show my customers…"


def test_granted_the_customers_are_found_and_the_home_shows(
    partner: SignedIn, qtbot: QtBot, dialogs: DialogScript
) -> None:
    asked = _show_customers(partner, dialogs, "Sign in")
    home = partner.tenants.home
    qtbot.waitUntil(lambda: home.model.rowCount() == 3, timeout=TIMEOUT_MS)
    assert "list your delegated admin relationships" in asked[0]
    assert len(partner.access.asked) == 1 and CUSTOMERS_SCOPE in partner.access.asked[0]
    assert partner.window.stack.currentWidget() is home
    assert partner.tenants.show_action.isVisible()
    assert not partner.tenants.customers_action.isVisible()
    names = {home.proxy.index(r, 0).data() for r in range(home.proxy.rowCount())}
    assert {partner.demo.display_name(c.tenant_id) for c in partner.demo.customers} < names


def test_declined_nothing_is_granted_and_the_home_stays_away(
    partner: SignedIn, qtbot: QtBot, dialogs: DialogScript
) -> None:
    asked = _show_customers(partner, dialogs, "Cancel")
    qtbot.waitUntil(lambda: dialogs.pending == 0 and bool(asked), timeout=TIMEOUT_MS)
    assert partner.access.asked == []
    assert partner.window.stack.currentWidget() is not partner.tenants.home
    assert partner.tenants.customers_action.isVisible()  # still there to ask again


def test_an_account_without_customers_is_told_so(
    qtbot: QtBot, tmp_path: Path, demo: DemoTenants, dialogs: DialogScript
) -> None:
    signed = _sign_in(qtbot, tmp_path, demo, demo.customers[0])  # nobody's partner
    told: list[str] = []
    dialogs.expect(QMessageBox, _answer("Sign in", []))  # type: ignore[arg-type]
    dialogs.expect(QMessageBox, lambda box: told.append(box.text()) or ACCEPT)  # type: ignore[arg-type,attr-defined]
    try:
        signed.tenants.customers_action.trigger()
        qtbot.waitUntil(lambda: bool(told), timeout=TIMEOUT_MS)
        name = demo.display_name(demo.customers[0].tenant_id)
        assert told == [f"No customers' tenants were found for {name}."]
        assert signed.window.stack.currentWidget() is not signed.tenants.home
    finally:
        signed.window.close_session()


def test_the_action_and_the_question_speak_polish(
    qtbot: QtBot, tmp_path: Path, demo: DemoTenants, dialogs: DialogScript, in_language: Switch
) -> None:
    in_language("pl", "pl_PL")  # before the window is built, as at start-up
    signed = _sign_in(qtbot, tmp_path, demo, demo.partner)
    try:
        assert signed.tenants.customers_action.text() == "Pokaż moich klientów…"
        asked = _show_customers(signed, dialogs, "Zaloguj się")
        qtbot.waitUntil(lambda: signed.tenants.home.model.rowCount() == 3, timeout=TIMEOUT_MS)
        assert "relacji delegowanej administracji" in asked[0]
    finally:
        signed.window.close_session()
