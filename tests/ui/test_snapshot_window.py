"""The window opens a tenant from its local snapshot at once, says how old the rows are, and
brings them up to date by delta behind them; F5 asks only for the changes, "Reload everything"
reads it all again."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.open_tenant import open_graph
from tests.auth.fake_keyring import WindowsLikeKeyring
from tests.demo_tenant import DemoTenantForTests
from tests.snapshot.spies import count_full_reads
from tests.ui.conftest import REJECT, TIMEOUT_MS, DialogScript
from ui.dialogs.error_dialog import ErrorDialog
from ui.main_window import MainWindow
from ui.session import TenantSession


@pytest.fixture
def full_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    return count_full_reads(monkeypatch)


@pytest.fixture
def elsewhere(demo_tenant: DemoTenantForTests) -> Iterator[GraphClient]:
    client = GraphClient(demo_tenant.base_url, StaticToken("another admin"))
    yield client
    client.close()


def location_shown(session: TenantSession, user_id: str) -> str | None:
    row = session.users.row_of(user_id)
    assert row is not None
    return session.users.user_at(row).usage_location


def test_opens_from_the_snapshot_with_its_age_then_refreshes_by_delta(
    qtbot: QtBot,
    *,
    demo_tenant: DemoTenantForTests,
    tmp_path: Path,
    memory_keyring: WindowsLikeKeyring,
    elsewhere: GraphClient,
    full_reads: list[int],
) -> None:
    first_visit = open_graph(demo_tenant.base_url, StaticToken("demo"), tmp_path, "test")
    users = first_visit.loader().full_read().users
    first_visit.close()
    moved, gone = users[0], users[1]
    elsewhere.update_user(moved.id, {"usageLocation": "NO"})
    elsewhere.delete_user(gone.id)
    full_reads.clear()

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.status.clock = lambda: time.time() + 7 * 60  # the snapshot is seven minutes old
    session = TenantSession(open_graph(demo_tenant.base_url, StaticToken("demo"), tmp_path, "t"))
    seen: dict[str, Any] = {}

    def at_snapshot(_saved_at: float) -> None:
        seen["rows"] = session.users.rowCount()
        seen["moved"] = location_shown(session, moved.id)
        seen["label"] = window.status.freshness.text()

    with qtbot.waitSignals([session.snapshot_shown, session.loaded], timeout=TIMEOUT_MS,
                           order="strict"):  # fmt: skip
        window.open_session(session)
        # After the window's own slots (the load runs on a worker; nothing arrives before the
        # wait lets the event loop run).
        session.snapshot_shown.connect(at_snapshot)

    assert seen["rows"] == 60 and seen["moved"] == moved.usage_location  # the saved rows
    assert "7 minutes ago" in seen["label"]
    assert session.users.rowCount() == 59
    assert location_shown(session, moved.id) == "NO"
    assert session.users.row_of(gone.id) is None
    assert "up to date" in window.status.freshness.text()
    assert full_reads == []  # by delta only

    # F5: only the changes, rows updated in place.
    elsewhere.update_user(users[2].id, {"usageLocation": "IS"})
    with qtbot.waitSignal(session.loaded, timeout=TIMEOUT_MS):
        window.user_actions.refresh.trigger()
    assert location_shown(session, users[2].id) == "IS"
    assert full_reads == []

    # Reload everything: one full read.
    with qtbot.waitSignal(session.loaded, timeout=TIMEOUT_MS):
        window.user_actions.reload_all.trigger()
    assert len(full_reads) == 1 and session.users.rowCount() == 59
    window.close_session()


def test_a_refresh_that_fails_leaves_the_saved_rows_marked_as_not_up_to_date(
    qtbot: QtBot,
    demo_tenant: DemoTenantForTests,
    tmp_path: Path,
    memory_keyring: WindowsLikeKeyring,
    dialogs: DialogScript,
) -> None:
    first_visit = open_graph(demo_tenant.base_url, StaticToken("demo"), tmp_path, "test")
    first_visit.loader().full_read()
    first_visit.close()
    demo_tenant.stop()  # Microsoft 365 cannot be reached now
    failures: list[str] = []
    dialogs.expect(ErrorDialog, lambda dialog: failures.append(dialog.windowTitle()) or REJECT)

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    session = TenantSession(open_graph(demo_tenant.base_url, StaticToken("demo"), tmp_path, "t"))
    with qtbot.waitSignals([session.snapshot_shown, session.load_failed], timeout=TIMEOUT_MS,
                           order="strict"):  # fmt: skip
        window.open_session(session)

    assert session.users.rowCount() == 60  # the saved rows stay
    assert "not brought up to date" in window.status.freshness.text()
    assert len(failures) == 1 and dialogs.pending == 0
    window.close_session()
