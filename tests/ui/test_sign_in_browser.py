"""Sign-in in the system browser, through the window, with the real MSAL library and the demo
identity platform: the tenant opens; waiting for the browser shows progress and can be
cancelled while the window stays responsive; no browser points to signing in with a code."""

from __future__ import annotations

import threading

from tests.auth.demo_identity import form_posting_browser
from tests.ui.conftest import TIMEOUT_MS
from tests.ui.sign_in_support import SignInDesk


def ready(desk: SignInDesk) -> None:
    desk.startup.start(demo=False)
    desk.qtbot.waitUntil(desk.window.welcome.sign_in_button.isEnabled, timeout=TIMEOUT_MS)


def test_browser_sign_in_opens_the_tenant(sign_in_desk: SignInDesk) -> None:
    desk = sign_in_desk
    opened_pages: list[str] = []
    desk.browser.behaviour = form_posting_browser(opened_pages)
    ready(desk)
    with desk.qtbot.waitSignal(desk.startup.session_opened, timeout=TIMEOUT_MS) as opened:
        desk.window.welcome.sign_in_button.click()
    desk.qtbot.waitUntil(lambda: opened.args[0].ready, timeout=TIMEOUT_MS)
    assert opened.args[0].users.rowCount() == 60
    assert "/oauth2/v2.0/authorize?" in opened_pages[0]
    desk.wait_for_menu_user(desk.world.admin.username)


def test_waiting_for_the_browser_shows_progress_and_can_be_cancelled(
    sign_in_desk: SignInDesk,
) -> None:
    desk, welcome = sign_in_desk, sign_in_desk.window.welcome
    browser_opened = threading.Event()

    def idle_browser(_url: str) -> bool:  # the person never finishes in the browser
        browser_opened.set()
        return True

    desk.browser.behaviour = idle_browser
    ready(desk)
    welcome.sign_in_button.click()
    desk.qtbot.waitUntil(browser_opened.is_set, timeout=TIMEOUT_MS)
    assert welcome.busy.isVisibleTo(desk.window)
    assert "web browser" in welcome.message.text()
    # The window answers while the worker waits: the code panel toggles, buttons repaint.
    welcome.device_code.show_code("ABC", "https://microsoft.com/devicelogin")
    desk.qtbot.waitUntil(lambda: welcome.device_code.isVisibleTo(desk.window), timeout=TIMEOUT_MS)

    welcome.cancel_button.click()
    desk.qtbot.waitUntil(welcome.sign_in_button.isEnabled, timeout=TIMEOUT_MS)
    assert "Sign-in cancelled" in welcome.message.text()
    assert not welcome.busy.isVisibleTo(desk.window)
    assert not welcome.device_code.isVisibleTo(desk.window)
    assert desk.service.status().accounts == ()


def test_no_browser_points_to_sign_in_with_a_code(sign_in_desk: SignInDesk) -> None:
    desk, welcome = sign_in_desk, sign_in_desk.window.welcome
    ready(desk)  # the stand-in browser answers "no browser here" by default
    welcome.sign_in_button.click()
    desk.qtbot.waitUntil(
        lambda: welcome.message.text().startswith("No web browser"), timeout=TIMEOUT_MS
    )
    assert f"“{welcome.code_button.text()}”" in welcome.message.text()  # the button to use
    assert welcome.code_button.isEnabled()
