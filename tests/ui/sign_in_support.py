"""A window whose sign-in goes to a demo identity platform through the real MSAL library: two
demo tenants (one serving the identity endpoints), an in-memory Windows-like keyring, and the
window's SignInService pointed at them through its seams (config, store, Graph URL)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.auth.accounts import AccountInfo
from desktop.auth.token_store import open_token_store
from desktop.demo import DemoTenant
from tests.auth.demo_identity import NAMESPACE, SignInWorld, start_world
from tests.auth.fake_keyring import WindowsLikeKeyring
from tests.identity import DemoAccount
from tests.ui.conftest import TIMEOUT_MS, DialogScript
from ui.auth.account_menu import AccountMenu
from ui.auth.options import load_options
from ui.main_window import MainWindow
from ui.session import TenantSession
from ui.sign_in import SignInService
from ui.startup import Startup


class Browser:
    """The system browser as the window's sign-in sees it; each test says how it behaves."""

    def __init__(self) -> None:
        self.behaviour: Callable[[str], bool] = lambda _url: False  # "no browser here"

    def __call__(self, url: str) -> bool:
        return self.behaviour(url)


@dataclass
class SignInDesk:
    window: MainWindow
    startup: Startup
    service: SignInService
    world: SignInWorld
    other: DemoTenant  # a second tenant, its admin signs in through the same identity
    other_admin: DemoAccount
    keyring: WindowsLikeKeyring
    dialogs: DialogScript
    qtbot: QtBot
    browser: Browser

    @property
    def menu(self) -> AccountMenu:
        return self.window.account_menu

    def stored_entries(self) -> list[str]:
        return self.keyring.services(NAMESPACE)

    def wait_for_code(self) -> str:
        panel = self.window.welcome.device_code
        self.qtbot.waitUntil(lambda: bool(panel.code.text()), timeout=TIMEOUT_MS)
        return panel.code.text()

    def sign_in_with_code(self, username: str | None = None) -> TenantSession:
        """Click "Sign in with a code", enter the shown code as ``username``; the tenant opens."""
        self.qtbot.waitUntil(self.window.welcome.code_button.isEnabled, timeout=TIMEOUT_MS)
        self.window.welcome.code_button.click()
        code = self.wait_for_code()
        with self.qtbot.waitSignal(self.startup.session_opened, timeout=TIMEOUT_MS) as opened:
            self.world.identity.approve_device_code(code, username)
        session: TenantSession = opened.args[0]
        self.qtbot.waitUntil(lambda: session.ready, timeout=TIMEOUT_MS)
        return session

    def wait_for_menu_user(self, username: str) -> None:
        self.qtbot.waitUntil(lambda: self.menu.button.text() == username, timeout=TIMEOUT_MS)

    def account_of(self, username: str) -> AccountInfo:
        return next(a for a in self.service.status().accounts if a.username == username)


@pytest.fixture
def memory_keyring() -> Iterator[WindowsLikeKeyring]:
    previous = keyring.get_keyring()
    backend = WindowsLikeKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def sign_in_desk(
    qtbot: QtBot, tmp_path: Path, memory_keyring: WindowsLikeKeyring, dialogs: DialogScript
) -> Iterator[SignInDesk]:
    worlds = start_world()
    world = next(worlds)
    other = DemoTenant.start(users=30, seed=2)
    try:
        other_admin = world.identity.protect(other)
        graph = {world.tenant.tenant_id: world.tenant.base_url, other.tenant_id: other.base_url}
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        qtbot.addWidget(window)
        browser = Browser()
        service = SignInService(
            tmp_path,
            options=load_options(settings),
            config=world.config,
            open_store=lambda: open_token_store(NAMESPACE),
            graph_url=lambda account: graph[account.tenant_id],
            open_browser=browser,
        )
        startup = Startup(window, tmp_path, sign_in=service)
        window.show()
        yield SignInDesk(
            window,
            startup,
            service,
            world,
            other,
            other_admin,
            memory_keyring,
            dialogs,
            qtbot,
            browser,
        )
        startup.cancel_sign_in()  # a wait still polling must not outlive the tenants
        window.close()
    finally:
        other.stop()
        worlds.close()
