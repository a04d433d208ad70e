"""Sign-in with a code, through the window, against the demo identity platform and the real
MSAL library: the code and link shown, the tenant opened on approval, Cancel, expiry."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from tests.ui.conftest import TIMEOUT_MS
from tests.ui.sign_in_support import SignInDesk


class UrlCatcher(QObject):
    """Stands in for the browser that QDesktopServices would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def start(desk: SignInDesk) -> None:
    desk.startup.start(demo=False)
    desk.qtbot.waitUntil(desk.window.welcome.code_button.isEnabled, timeout=TIMEOUT_MS)


def test_sign_in_with_a_code_opens_the_tenant_and_the_menu_shows_who(
    sign_in_desk: SignInDesk,
) -> None:
    desk, welcome = sign_in_desk, sign_in_desk.window.welcome
    start(desk)
    assert desk.window.stack.currentWidget() is welcome  # nobody signed in yet

    welcome.code_button.click()
    code = desk.wait_for_code()
    panel = welcome.device_code
    # While the worker waits for the code, the window works: Cancel is offered, the other
    # choices wait, the code can be copied and its page opened.
    assert welcome.cancel_button.isVisibleTo(desk.window)
    assert not welcome.sign_in_button.isEnabled() and not welcome.demo_button.isEnabled()
    assert "https://microsoft.com/devicelogin" in panel.link.text()
    assert panel.code.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == code
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        panel.link.linkActivated.emit("https://microsoft.com/devicelogin")
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.opened == ["https://microsoft.com/devicelogin"]

    with desk.qtbot.waitSignal(desk.startup.session_opened, timeout=TIMEOUT_MS) as opened:
        desk.world.identity.approve_device_code(code)
    session = opened.args[0]
    desk.qtbot.waitUntil(lambda: session.ready, timeout=TIMEOUT_MS)
    assert session.users.rowCount() == 60  # Graph accepted the token MSAL got
    assert not panel.isVisibleTo(desk.window)

    admin = desk.world.admin.username
    desk.wait_for_menu_user(admin)
    assert desk.window.account_action.isVisible()
    header = next(a for a in desk.menu.menu.actions() if a.objectName() == "signedInAs")
    organization = session.organization.display_name
    desk.qtbot.waitUntil(lambda: organization in header.text(), timeout=TIMEOUT_MS)
    assert admin in header.text()
    account = desk.menu.menu.findChild(QObject, f"account:{desk.account_of(admin).home_account_id}")
    assert account is not None and account.isChecked()
    assert not desk.window.account_menu.warning.isVisibleTo(desk.window)  # saved in the keyring
    assert desk.stored_entries()


def test_a_code_sign_in_can_be_cancelled(sign_in_desk: SignInDesk) -> None:
    desk, welcome = sign_in_desk, sign_in_desk.window.welcome
    start(desk)
    welcome.code_button.click()
    desk.wait_for_code()
    desk.world.identity.wait_for_device_code()  # the app is polling for it

    welcome.cancel_button.click()
    desk.qtbot.waitUntil(welcome.code_button.isEnabled, timeout=TIMEOUT_MS)
    assert "Sign-in cancelled" in welcome.message.text()
    assert not welcome.device_code.isVisibleTo(desk.window)
    assert not welcome.cancel_button.isVisibleTo(desk.window)
    assert desk.window.session is None
    assert desk.service.status().accounts == ()
    assert desk.stored_entries() == []


def test_cancel_while_the_code_is_still_being_asked_for(sign_in_desk: SignInDesk) -> None:
    desk, welcome = sign_in_desk, sign_in_desk.window.welcome
    start(desk)
    desk.world.tenant.faults.latency_ms = 1500  # the identity platform answers slowly
    welcome.code_button.click()
    welcome.cancel_button.click()  # before any code arrived
    desk.qtbot.waitUntil(lambda: "Sign-in cancelled" in welcome.message.text(), timeout=TIMEOUT_MS)
    assert welcome.code_button.isEnabled()
    assert not welcome.device_code.isVisibleTo(desk.window)  # the late code is never shown
    assert desk.window.session is None


def test_an_expired_code_says_so(sign_in_desk: SignInDesk) -> None:
    desk, welcome = sign_in_desk, sign_in_desk.window.welcome
    start(desk)
    welcome.code_button.click()
    desk.wait_for_code()
    desk.world.identity.advance_clock(desk.world.identity.device_code_lifetime + 1)
    desk.qtbot.waitUntil(lambda: "Sign-in expired" in welcome.message.text(), timeout=TIMEOUT_MS)
    assert welcome.code_button.isEnabled()
    assert desk.window.session is None


def test_a_declined_code_is_explained(sign_in_desk: SignInDesk) -> None:
    desk, welcome = sign_in_desk, sign_in_desk.window.welcome
    start(desk)
    welcome.code_button.click()
    desk.world.identity.decline_device_code(desk.wait_for_code())
    desk.qtbot.waitUntil(
        lambda: "Sign-in not approved" in welcome.message.text(), timeout=TIMEOUT_MS
    )
    assert "declined or cancelled" in welcome.message.text()
    assert "The user declined to sign in." in welcome.details.toPlainText()  # Microsoft's
