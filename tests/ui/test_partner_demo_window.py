"""license-desk --demo-tenants N: the window opens the partner demo in a data folder of its
own, and closing the window stops the demo and deletes the folder (nothing left behind)."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT_MS
from ui.app import _startup
from ui.main_window import MainWindow


def test_closing_the_partner_demo_window_deletes_its_data_folder(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    args = argparse.Namespace(demo_tenants=2)
    with contextlib.ExitStack() as ends:
        startup = _startup(window, args, ends)
        assert args.demo is True
        window.show()
        startup.start(demo=True)
        home = startup.tenants.home
        qtbot.waitUntil(lambda: home.model.rowCount() == 3, timeout=TIMEOUT_MS)
        session = window.session
        assert session is not None
        folder = session.connection.data_dir
        assert session.connection.journal_path.is_relative_to(folder)
        assert (folder / "tenants.json").exists()  # the registry the home wrote
        window.close()
    assert not folder.exists()
