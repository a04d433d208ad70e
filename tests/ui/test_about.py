"""Help › About shows the version, the licence and every bundled third party's notice, in the
window's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, qVersion
from PySide6.QtWidgets import QDialog, QLabel, QMenu
from pytestqt.qtbot import QtBot

from desktop import __version__
from tests.ui.conftest import REJECT, DialogScript
from tests.ui.language_support import in_language, polish
from ui.dialogs import about_dialog
from ui.dialogs.about_dialog import AboutDialog
from ui.main_window import MainWindow

__all__ = ["in_language", "polish"]  # fixtures, imported for pytest


def make_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    window = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def help_menu(window: MainWindow) -> QMenu:
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    found = [m for m in menus if window.about_action in m.actions()]
    assert len(found) == 1, "About is in exactly one menu"
    return found[0]


def test_help_about_shows_version_licences_and_every_notice(
    qtbot: QtBot, tmp_path: Path, dialogs: DialogScript
) -> None:
    window = make_window(qtbot, tmp_path)
    menu = help_menu(window)
    assert menu.title() == "&Help"
    assert window.menuBar().actions()[-1].menu() is menu  # Help comes last, as everywhere
    seen: list[str] = []

    def read(dialog: QDialog) -> int:
        assert isinstance(dialog, AboutDialog)
        assert dialog.windowTitle() == "About License Desk"
        heading = dialog.findChild(QLabel, "aboutHeading")
        assert heading is not None and heading.text() == f"License Desk {__version__}"
        assert qVersion() in dialog.licence.text() and "LGPL" in dialog.licence.text()
        seen.append(dialog.notices.toPlainText())
        return REJECT

    dialogs.expect(AboutDialog, read)
    window.about_action.trigger()
    assert dialogs.pending == 0
    (notices,) = seen
    assert f"License Desk {__version__}" not in notices  # the notices are the others', not ours
    for component in (
        "Qt",
        "PySide6_Essentials",
        "shiboken6",
        "msal",
        "requests",
        "keyring",
        "truststore",
        "urllib3",
        "certifi",
        "cryptography",
        "Python",
    ):
        assert f"\n{component} " in notices, component
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices
    assert "Version 3, 29 June 2007" in notices


def test_about_says_where_the_notices_should_be_when_they_are_missing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(about_dialog, "NOTICES", ("licenses", "gone.txt"))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.notices.toPlainText()
    assert text.startswith("The third-party notices are missing: ")
    assert text.endswith(str(Path("licenses") / "gone.txt"))


def test_about_speaks_polish(polish: None, qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    assert help_menu(window).title() == "Pomo&c"
    assert window.about_action.text() == "O programie License Desk…"
    assert window.about_qt_action.text() == "O Qt…"
    dialog = AboutDialog(window)
    assert dialog.windowTitle() == "O programie License Desk"
    assert dialog.licence.text().startswith("License Desk jest wolnym oprogramowaniem")
    assert qVersion() in dialog.licence.text()
