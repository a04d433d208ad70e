"""From launch to an open tenant: welcome page, the demo tenant, sign-in failures, demo reset,
an interrupted run offered for resume, and ``--demo --screenshot``."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.auth.errors import SignInCancelledError, SignInFailedError
from desktop.cancel import CancelToken
from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.records import AssignedLicense
from desktop.graph.tokens import StaticToken
from desktop.licensing.journal import Journal, NewStep
from desktop.licensing.types import Outcome, PlanKind, RunReport, UserChange
from desktop.open_tenant import OpenTenant, open_graph
from tests.ui.conftest import TIMEOUT_MS, DialogScript
from ui.dialogs.results_dialog import ResultsDialog
from ui.main_window import MainWindow
from ui.screenshot import SCREENSHOT_SIZE
from ui.session import TenantSession
from ui.startup import Startup

ROOT = Path(__file__).resolve().parents[2]


class NobodySignedIn:
    """Stands in for the sign-in seam: nobody remembered, and sign-in is refused."""

    keyring_problem = ""

    def remembered(self) -> OpenTenant | None:
        return None

    def sign_in(self, cancel: CancelToken) -> OpenTenant:
        raise SignInFailedError("access_denied", "AADSTS50105: not assigned to a role.")


class WaitsForTheBrowser(NobodySignedIn):
    """A sign-in that only ends when cancelled, like a browser tab left open."""

    def sign_in(self, cancel: CancelToken) -> OpenTenant:
        cancel.wait(60)
        raise SignInCancelledError()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()


def test_nobody_signed_in_shows_the_welcome_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    startup = Startup(window, tmp_path, sign_in=NobodySignedIn())
    startup.start(demo=False)
    qtbot.waitUntil(window.welcome.demo_button.isEnabled, timeout=TIMEOUT_MS)
    assert window.stack.currentWidget() is window.welcome
    assert not window.user_actions.add_licenses.isEnabled()


def test_a_refused_sign_in_is_explained_on_the_welcome_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    startup = Startup(window, tmp_path, sign_in=NobodySignedIn())
    window.welcome.sign_in_button.click()
    welcome = window.welcome
    qtbot.waitUntil(
        lambda: welcome.message.text().startswith("Not allowed to use this application"),
        timeout=TIMEOUT_MS,
    )
    assert "AADSTS50105" in welcome.details.toPlainText()  # Microsoft's words, under Details
    assert welcome.sign_in_button.isEnabled()
    del startup


def test_a_sign_in_waiting_for_the_browser_can_be_cancelled(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    Startup(window, tmp_path, sign_in=WaitsForTheBrowser())
    window.welcome.sign_in_button.click()
    assert window.welcome.cancel_button.isVisibleTo(window)
    assert not window.welcome.demo_button.isEnabled()
    window.welcome.cancel_button.click()
    qtbot.waitUntil(window.welcome.demo_button.isEnabled, timeout=TIMEOUT_MS)
    assert "Sign-in cancelled" in window.welcome.message.text()
    assert not window.welcome.cancel_button.isVisibleTo(window)


def test_open_the_demo_tenant_then_reset_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, dialogs: DialogScript
) -> None:
    startup = Startup(window, tmp_path, sign_in=NobodySignedIn())
    with qtbot.waitSignal(startup.session_opened, timeout=TIMEOUT_MS) as blocker:
        window.welcome.demo_button.click()
    session: TenantSession = blocker.args[0]
    qtbot.waitUntil(lambda: session.ready, timeout=TIMEOUT_MS)
    assert (tmp_path / "demo-tenant.sqlite3").exists()
    assert window.view is not None and window.view.header.demo_badge.isVisibleTo(window)
    assert window.reset_demo.isVisible()

    demo = session.connection.demo
    assert demo is not None
    user = session.users.user_at(0)
    client = GraphClient(demo.base_url, StaticToken("demo"))
    client.update_user(user.id, {"department": "Changed"})  # drift away from the seed
    client.close()

    def yes(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        next(b for b in dialog.buttons() if b.text() == "Reset").click()
        return dialog.result()

    dialogs.expect(QMessageBox, yes)
    with qtbot.waitSignal(session.loaded, timeout=TIMEOUT_MS):
        window.reset_demo.trigger()
    assert session.users.user_at(0).department == user.department
    window.close_session()


def test_screenshot_writes_a_png_and_exits_zero(tmp_path: Path) -> None:
    target = tmp_path / "shot.png"
    env = dict(
        os.environ,
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
    )
    done = subprocess.run(
        [sys.executable, "-m", "ui", "--demo", "--screenshot", str(target)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE
    assert (tmp_path / "data" / "license-desk" / "demo-tenant.sqlite3").exists()


def test_an_interrupted_run_is_offered_for_resume_and_finished(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    demo_tenant: DemoTenant,
    dialogs: DialogScript,
) -> None:
    exchange = demo_tenant.sku_id("EXCHANGESTANDARD")
    with GraphClient(demo_tenant.base_url, StaticToken("demo")) as client:
        target = next(
            u for u in client.list_users() if not u.assigned_licenses and u.usage_location
        )
    journal_path = tmp_path / "journal.sqlite3"
    journal = Journal(journal_path)
    change = UserChange(target.id, add=(AssignedLicense(exchange),))
    step = NewStep(target.id, target.user_principal_name, change, target, target.id)
    journal.create_run(PlanKind.ASSIGN, "Assign licenses to 1 user", [step])
    journal.close()  # the app "crashed": the run stays 'running' with no owner

    def open_tenant(_folder: Path) -> OpenTenant:
        return open_graph(
            demo_tenant.base_url,
            StaticToken("demo"),
            journal_path.parent,
            "test",
            journal_path=journal_path,
        )

    reports: list[RunReport] = []

    def resume(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        assert "interrupted" in dialog.text()
        next(b for b in dialog.buttons() if b.text() == "Resume").click()
        return dialog.result()

    def results(dialog: QDialog) -> int:
        assert isinstance(dialog, ResultsDialog)
        reports.append(dialog.report)
        return QDialog.DialogCode.Rejected.value

    dialogs.expect(QMessageBox, resume)
    dialogs.expect(ResultsDialog, results)
    startup = Startup(window, tmp_path, sign_in=NobodySignedIn(), demo_opener=open_tenant)
    startup.start(demo=True)
    qtbot.waitUntil(lambda: bool(reports), timeout=TIMEOUT_MS)
    assert reports[0].count(Outcome.DONE) == 1
    with GraphClient(demo_tenant.base_url, StaticToken("demo")) as client:
        assert exchange in client.get_user(target.id).sku_ids
    window.close_session()
