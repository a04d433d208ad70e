"""No usable keyring: License Desk never falls back to a file. Signing in asks first whether to
keep the sign-in in memory for this session only, and warns while it does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox

from tests.ui.conftest import TIMEOUT_MS
from tests.ui.sign_in_support import SignInDesk


def answer_offer(button: str, seen: list[str]) -> Callable[[QDialog], int]:
    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        seen.append(f"{dialog.windowTitle()}\n{dialog.text()}\n{dialog.informativeText()}")
        next(b for b in dialog.buttons() if b.text() == button).click()
        return dialog.result()

    return answer


def start_with_a_locked_keyring(desk: SignInDesk) -> None:
    desk.keyring.locked = True
    desk.startup.start(demo=False)
    welcome = desk.window.welcome
    desk.qtbot.waitUntil(welcome.code_button.isEnabled, timeout=TIMEOUT_MS)
    assert "keyring cannot keep your sign-in (the keyring is locked)" in welcome.message.text()


def test_a_locked_keyring_offers_memory_only_and_warns_while_it_lasts(
    sign_in_desk: SignInDesk,
) -> None:
    desk = sign_in_desk
    start_with_a_locked_keyring(desk)
    offers: list[str] = []
    desk.dialogs.expect(QMessageBox, answer_offer("Sign in for this session only", offers))
    session = desk.sign_in_with_code()

    assert "Sign-in cannot be saved" in offers[0]
    assert "never saves it to a plain file" in offers[0]
    assert session.users.rowCount() == 60
    warning = desk.window.account_menu.warning
    desk.qtbot.waitUntil(lambda: warning.isVisibleTo(desk.window), timeout=TIMEOUT_MS)
    assert "memory only" in warning.text.text()
    assert "the keyring is locked" in warning.toolTip()
    notice = next(a for a in desk.menu.menu.actions() if a.objectName() == "memoryOnlyNotice")
    assert "sign in again after License Desk closes" in notice.text()
    assert desk.keyring.entries == {}  # nothing written anywhere

    desk.dialogs.expect(QMessageBox, answer_offer("Sign out of all", []))
    next(a for a in desk.menu.menu.actions() if a.objectName() == "signOutAll").trigger()
    desk.qtbot.waitUntil(lambda: not warning.isVisibleTo(desk.window), timeout=TIMEOUT_MS)


def test_declining_the_offer_signs_nobody_in(sign_in_desk: SignInDesk) -> None:
    desk, welcome = sign_in_desk, sign_in_desk.window.welcome
    start_with_a_locked_keyring(desk)
    offers: list[str] = []
    desk.dialogs.expect(QMessageBox, answer_offer("Cancel", offers))
    welcome.code_button.click()
    desk.qtbot.waitUntil(
        lambda: "Sign-in cannot be saved" in welcome.message.text(), timeout=TIMEOUT_MS
    )
    assert offers and desk.dialogs.pending == 0
    assert welcome.code_button.isEnabled()
    assert not welcome.device_code.isVisibleTo(desk.window)  # no code was asked for
    assert desk.window.session is None
    assert not desk.window.account_menu.warning.isVisibleTo(desk.window)


def test_a_keyring_that_fails_after_sign_in_shows_the_warning(sign_in_desk: SignInDesk) -> None:
    desk = sign_in_desk
    desk.startup.start(demo=False)
    desk.qtbot.waitUntil(desk.window.welcome.code_button.isEnabled, timeout=TIMEOUT_MS)
    desk.keyring.locked = True  # it loaded fine, then refused to save the new sign-in
    desk.sign_in_with_code()
    warning = desk.window.account_menu.warning
    desk.qtbot.waitUntil(lambda: warning.isVisibleTo(desk.window), timeout=TIMEOUT_MS)
    assert "locked" in warning.toolTip()
