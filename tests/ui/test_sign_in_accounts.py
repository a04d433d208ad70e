"""The account menu with two tenants signed in at once: switch (the window reopens on the other
tenant), sign in to another tenant and come back, sign out, sign out of all (keyring emptied)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from tests.ui.conftest import TIMEOUT_MS
from tests.ui.sign_in_support import SignInDesk
from ui.session import TenantSession


def menu_action(desk: SignInDesk, name: str) -> QAction:
    return next(a for a in desk.menu.menu.actions() if a.objectName() == name)


def account_action(desk: SignInDesk, username: str) -> QAction:
    return menu_action(desk, f"account:{desk.account_of(username).home_account_id}")


def two_signed_in(desk: SignInDesk) -> TenantSession:
    """The first tenant's admin, then (through the menu) the second tenant's; the second opens."""
    desk.startup.start(demo=False)
    desk.sign_in_with_code(desk.world.admin.username)
    desk.wait_for_menu_user(desk.world.admin.username)
    menu_action(desk, "signInAnother").trigger()
    assert desk.window.session is None and desk.window.welcome.back_button.isVisibleTo(desk.window)
    session = desk.sign_in_with_code(desk.other_admin.username)
    desk.wait_for_menu_user(desk.other_admin.username)
    return session


def click_button(text: str) -> Callable[[QDialog], int]:
    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        next(b for b in dialog.buttons() if b.text() == text).click()
        return dialog.result()

    return answer


def test_switch_between_two_signed_in_tenants(sign_in_desk: SignInDesk) -> None:
    desk = sign_in_desk
    session = two_signed_in(desk)
    assert session.users.rowCount() == 30  # the second tenant
    first, second = desk.world.admin.username, desk.other_admin.username
    assert {a.username for a in desk.service.status().accounts} == {first, second}
    assert account_action(desk, second).isChecked()
    assert not account_action(desk, first).isChecked()

    with desk.qtbot.waitSignal(desk.startup.session_opened, timeout=TIMEOUT_MS) as opened:
        account_action(desk, first).trigger()
    reopened: TenantSession = opened.args[0]
    desk.qtbot.waitUntil(lambda: reopened.ready, timeout=TIMEOUT_MS)
    assert reopened.users.rowCount() == 60  # the window now shows the first tenant
    desk.wait_for_menu_user(first)
    assert account_action(desk, first).isChecked()
    assert not account_action(desk, second).isChecked()
    assert desk.window.session is reopened


def test_choosing_the_open_account_changes_nothing(sign_in_desk: SignInDesk) -> None:
    desk = sign_in_desk
    session = two_signed_in(desk)
    account_action(desk, desk.other_admin.username).trigger()
    assert desk.window.session is session
    assert account_action(desk, desk.other_admin.username).isChecked()


def test_back_from_sign_in_to_another_tenant_reopens_the_first(sign_in_desk: SignInDesk) -> None:
    desk, welcome = sign_in_desk, sign_in_desk.window.welcome
    desk.startup.start(demo=False)
    desk.sign_in_with_code()
    desk.wait_for_menu_user(desk.world.admin.username)
    menu_action(desk, "signInAnother").trigger()
    assert welcome.back_button.text() == f"Back to {desk.world.admin.username}"
    with desk.qtbot.waitSignal(desk.startup.session_opened, timeout=TIMEOUT_MS) as opened:
        welcome.back_button.click()
    desk.qtbot.waitUntil(lambda: opened.args[0].ready, timeout=TIMEOUT_MS)
    assert opened.args[0].users.rowCount() == 60
    assert not welcome.back_button.isVisibleTo(desk.window)


def test_sign_out_moves_to_the_other_account_then_to_the_welcome_page(
    sign_in_desk: SignInDesk,
) -> None:
    desk = sign_in_desk
    two_signed_in(desk)
    with desk.qtbot.waitSignal(desk.startup.session_opened, timeout=TIMEOUT_MS) as opened:
        menu_action(desk, "signOut").trigger()
    desk.qtbot.waitUntil(lambda: opened.args[0].ready, timeout=TIMEOUT_MS)
    assert opened.args[0].users.rowCount() == 60
    assert [a.username for a in desk.service.status().accounts] == [desk.world.admin.username]
    desk.wait_for_menu_user(desk.world.admin.username)

    menu_action(desk, "signOut").trigger()
    welcome = desk.window.welcome
    desk.qtbot.waitUntil(lambda: "You signed out of" in welcome.message.text(), timeout=TIMEOUT_MS)
    assert desk.window.session is None
    assert desk.stored_entries() == []


def test_sign_out_of_all_asks_first_then_empties_the_keyring(sign_in_desk: SignInDesk) -> None:
    desk, welcome = sign_in_desk, sign_in_desk.window.welcome
    session = two_signed_in(desk)
    assert desk.stored_entries()

    desk.dialogs.expect(QMessageBox, click_button("Cancel"))
    menu_action(desk, "signOutAll").trigger()
    assert desk.window.session is session  # a second thought changes nothing
    assert len(desk.service.status().accounts) == 2

    desk.dialogs.expect(QMessageBox, click_button("Sign out of all"))
    menu_action(desk, "signOutAll").trigger()
    desk.qtbot.waitUntil(
        lambda: "signed out of every account" in welcome.message.text(), timeout=TIMEOUT_MS
    )
    assert desk.window.stack.currentWidget() is welcome
    assert desk.window.session is None
    assert not desk.window.account_action.isVisible()
    assert desk.stored_entries() == []
    assert desk.keyring.entries == {}
    assert desk.service.status().accounts == ()
    assert welcome.code_button.isEnabled() and not welcome.back_button.isVisibleTo(desk.window)
