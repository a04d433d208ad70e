"""Fixtures for the window's tests: a main window on a demo tenant, and a script of answers for
the dialogs it opens (through the launch seam, so no modal loop ever waits for a click)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop.graph.tokens import StaticToken
from desktop.open_tenant import open_graph
from tests.demo_tenant import DemoTenantForTests
from ui.dialogs.launcher import driven_by
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.session import TenantSession

# Generous: the machine running the suite is shared and busy; waits end as soon as the signal
# arrives, so a long limit costs nothing when things work.
TIMEOUT_MS = 60_000


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp: QApplication) -> None:
    """The app always installs the English catalog (it spells the plurals of %n messages:
    "1 user", "2 users"), so the window's tests see what people see."""
    install_translators(qapp, "en")


Handler = Callable[[QDialog], int]
ACCEPT = QDialog.DialogCode.Accepted.value
REJECT = QDialog.DialogCode.Rejected.value


class DialogScript:
    """Answers launched dialogs in order; an unexpected dialog fails the test."""

    def __init__(self) -> None:
        self._expected: deque[tuple[type[QDialog], Handler]] = deque()
        self.seen: list[QDialog] = []

    def expect(self, kind: type[QDialog], handler: Handler) -> None:
        self._expected.append((kind, handler))

    def __call__(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        if not self._expected:
            raise AssertionError(
                f"unexpected dialog {type(dialog).__name__}: {dialog.windowTitle()}"
            )
        kind, handler = self._expected.popleft()
        if not isinstance(dialog, kind):
            raise AssertionError(f"expected {kind.__name__}, got {type(dialog).__name__}")
        return handler(dialog)

    @property
    def pending(self) -> int:
        return len(self._expected)


@pytest.fixture
def dialogs() -> Iterator[DialogScript]:
    script = DialogScript()
    with driven_by(script):
        yield script


@dataclass
class Desk:
    window: MainWindow
    session: TenantSession
    tenant: DemoTenantForTests
    qtbot: QtBot


@pytest.fixture
def desk(
    qtbot: QtBot, demo_tenant: DemoTenantForTests, tmp_path: Path, dialogs: DialogScript
) -> Iterator[Desk]:
    """A main window showing a fresh 60-user demo tenant, fully loaded."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    connection = open_graph(demo_tenant.base_url, StaticToken("demo"), tmp_path, "test")
    session = TenantSession(connection)
    with qtbot.waitSignal(session.loaded, timeout=TIMEOUT_MS):
        window.open_session(session)
    yield Desk(window, session, demo_tenant, qtbot)
    window.close_session()


# Fixtures of the sign-in tests (tests/ui/test_sign_in_*.py), shared through this conftest.
from tests.ui.sign_in_support import memory_keyring, sign_in_desk  # noqa: E402, F401
