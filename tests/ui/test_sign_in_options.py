"""Sign-in options: an organisation's own app registration and tenant, checked as typed, kept
in QSettings, and used by the next sign-in."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ACCEPT, TIMEOUT_MS
from tests.ui.sign_in_support import SignInDesk
from ui.auth.options import CLIENT_ID_KEY, TENANT_KEY, SignInOptions, load_options
from ui.auth.options_dialog import SignInOptionsDialog


def ok_button(dialog: SignInOptionsDialog) -> QPushButton:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def test_the_dialog_accepts_only_a_guid_and_a_tenant_and_says_where_to_look(
    qtbot: QtBot,
) -> None:
    dialog = SignInOptionsDialog(SignInOptions())
    qtbot.addWidget(dialog)
    help_text = dialog.findChild(QLabel, "clientIdHelp").text()
    assert "App registrations" in help_text and "http://localhost" in help_text
    assert ok_button(dialog).isEnabled()  # the defaults are fine

    dialog.client_id.setText("License Desk app")
    assert not ok_button(dialog).isEnabled()
    assert "GUID" in dialog.problem.text()
    own = str(uuid.uuid4())
    dialog.client_id.setText(f"  {own} ")
    assert ok_button(dialog).isEnabled() and not dialog.problem.isVisibleTo(dialog)

    dialog.tenant.setText("contoso onmicrosoft")
    assert not ok_button(dialog).isEnabled()
    assert "contoso.onmicrosoft.com" in dialog.problem.text()
    dialog.tenant.setText("contoso.onmicrosoft.com")
    assert ok_button(dialog).isEnabled()
    assert dialog.options() == SignInOptions(own, "contoso.onmicrosoft.com")

    dialog.defaults_button.click()
    assert dialog.options() == SignInOptions()


def test_settings_edited_by_hand_never_break_sign_in(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(CLIENT_ID_KEY, "not a guid")
    settings.setValue(TENANT_KEY, "contoso.onmicrosoft.com")
    assert load_options(settings) == SignInOptions("", "contoso.onmicrosoft.com")


def test_an_own_app_registration_and_tenant_are_kept_and_used(sign_in_desk: SignInDesk) -> None:
    desk, world = sign_in_desk, sign_in_desk.world
    own = str(uuid.uuid4())
    world.identity.client_ids.add(own)
    domain = world.admin.username.partition("@")[2]

    def fill_in(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInOptionsDialog)
        dialog.client_id.setText(own)
        dialog.tenant.setText(domain)
        return ACCEPT

    desk.startup.start(demo=False)
    desk.qtbot.waitUntil(desk.window.welcome.code_button.isEnabled, timeout=TIMEOUT_MS)
    desk.dialogs.expect(SignInOptionsDialog, fill_in)
    desk.window.welcome.options_button.click()
    assert load_options(desk.window.settings) == SignInOptions(own, domain)

    desk.sign_in_with_code()
    account = desk.account_of(world.admin.username)
    assert (account.client_id, account.authority_tenant) == (own, domain)
    assert world.identity.consented_scopes(world.admin.username, own)


def test_an_unregistered_app_is_refused_in_words_with_the_platforms_under_details(
    sign_in_desk: SignInDesk,
) -> None:
    desk, welcome = sign_in_desk, sign_in_desk.window.welcome
    desk.startup.start(demo=False)
    desk.qtbot.waitUntil(welcome.code_button.isEnabled, timeout=TIMEOUT_MS)

    def unregistered_app(dialog: QDialog) -> int:
        assert isinstance(dialog, SignInOptionsDialog)
        dialog.client_id.setText(str(uuid.uuid4()))
        return ACCEPT

    desk.dialogs.expect(SignInOptionsDialog, unregistered_app)
    welcome.options_button.click()
    welcome.code_button.click()
    desk.qtbot.waitUntil(
        lambda: "Application not registered" in welcome.message.text(), timeout=TIMEOUT_MS
    )
    assert "AADSTS700016" not in welcome.message.text()
    assert welcome.details_button.isVisibleTo(desk.window)
    assert "AADSTS700016" in welcome.details.toPlainText()
    assert welcome.code_button.isEnabled() and desk.window.session is None
