"""Tools › Insight asks for insight's read permissions when the signed-in token lacks them
(incremental consent, as before a change), over a demo tenant that enforces them with Graph's
403s: granted, Insight reads sign-in activity; declined, it still opens and says what it could
not read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.auth import scopes as graph_scopes
from desktop.auth.errors import ConsentRequiredError
from desktop.cancel import CancelToken
from desktop.graph.tokens import StaticToken
from desktop.open_tenant import open_graph
from tests.demo_tenant import DemoTenantForTests as DemoTenant
from tests.ui.conftest import ACCEPT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.language_support import Switch, in_language
from ui.insight.insight_dialog import InsightDialog
from ui.main_window import MainWindow
from ui.session import TenantSession

__all__ = ["in_language"]  # a fixture, imported for pytest


class GrantingAccess:
    """The connection's sign-in seam: the scopes granted so far; ``grant`` is the browser."""

    def __init__(self) -> None:
        self.granted: set[str] = set(graph_scopes.BROWSE)
        self.asked: list[tuple[str, ...]] = []

    def ensure(self, scopes: Sequence[str]) -> None:
        if not set(scopes) <= self.granted:
            raise ConsentRequiredError(tuple(scopes))

    def grant(self, scopes: Sequence[str], cancel: CancelToken) -> None:
        self.asked.append(tuple(scopes))
        self.granted.update(scopes)


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "insight-data"
    monkeypatch.setattr("desktop.insight.storage.app_data_dir", lambda: folder)
    return folder


@pytest.fixture
def access(demo_tenant: DemoTenant) -> GrantingAccess:
    seam = GrantingAccess()
    demo_tenant.token_scopes = lambda _token: frozenset(seam.granted)  # Graph checks the scp
    return seam


@pytest.fixture
def signed_in(
    qtbot: QtBot,
    demo_tenant: DemoTenant,
    access: GrantingAccess,
    tmp_path: Path,
    dialogs: DialogScript,
) -> Iterator[Desk]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    connection = open_graph(
        demo_tenant.base_url, StaticToken("signed-in"), tmp_path, "test", write_access=access
    )
    session = TenantSession(connection)
    with qtbot.waitSignal(session.loaded, timeout=TIMEOUT_MS):
        window.open_session(session)
    yield Desk(window, session, demo_tenant, qtbot)
    window.close_session()


def _answer_consent(button: str, texts: list[str]) -> object:
    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, QMessageBox)
        texts.append(dialog.text())
        next(b for b in dialog.buttons() if b.text() == button).click()
        return dialog.result()

    return answer


def _open_insight(desk: Desk, dialogs: DialogScript, button: str) -> tuple[list[str], str]:
    asked: list[str] = []
    shown: list[str] = []

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, InsightDialog)
        shown.append(dialog.view.source.text())
        return ACCEPT

    dialogs.expect(QMessageBox, _answer_consent(button, asked))  # type: ignore[arg-type]
    dialogs.expect(InsightDialog, look)
    desk.window.user_actions.insight.trigger()
    desk.qtbot.waitUntil(lambda: len(dialogs.seen) == 2, timeout=TIMEOUT_MS)
    return asked, shown[0]


def test_granted_insight_reads_sign_in_activity(
    signed_in: Desk, dialogs: DialogScript, access: GrantingAccess
) -> None:
    asked, source = _open_insight(signed_in, dialogs, "Sign in")
    assert "read sign-in activity, usage reports and subscriptions" in asked[0]
    assert len(access.asked) == 1
    assert {"AuditLog.Read.All", "Reports.Read.All", "ReportSettings.Read.All",
            "Organization.Read.All"} <= set(access.asked[0])  # fmt: skip
    assert source.startswith("Last activity from: sign-in activity")
    assert "refused" not in source and "could not be read" not in source


def test_declined_insight_still_opens_and_says_what_it_could_not_read(
    signed_in: Desk, dialogs: DialogScript, access: GrantingAccess
) -> None:
    _asked, source = _open_insight(signed_in, dialogs, "Cancel")
    assert access.asked == []  # nothing was granted
    assert "Sign-in activity was refused" in source
    assert "Subscriptions could not be read" in source


def test_the_question_speaks_polish(
    signed_in: Desk, dialogs: DialogScript, access: GrantingAccess, in_language: Switch
) -> None:
    in_language("pl", "pl_PL")
    asked, _source = _open_insight(signed_in, dialogs, "Zaloguj się")
    assert "uprawnień do odczytu aktywności logowania, raportów użycia i subskrypcji" in asked[0]
    assert len(access.asked) == 1
