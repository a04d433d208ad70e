"""Which language the window uses (the OS's by default, or the one chosen in Settings), and
that dates and numbers follow it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ACCEPT, REJECT, DialogScript
from tests.ui.language_support import Switch, in_language
from ui.dialogs.history_dialog import when
from ui.dialogs.settings_dialog import SettingsDialog
from ui.formatting import count
from ui.i18n import (
    LANGUAGE_KEY,
    RUNNING_CHOICE_PROPERTY,
    apply_language,
    chosen_language,
    formats_locale,
    resolve_language,
    running_choice,
)
from ui.main_window import MainWindow

__all__ = ["in_language"]  # a fixture, imported for pytest


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.mark.parametrize(
    ("choice", "system", "shown"),
    [
        ("system", "pl_PL", "pl"),
        ("system", "en_GB", "en"),
        ("system", "de_DE", "en"),  # not shipped: English
        ("pl", "en_US", "pl"),
        ("en", "pl_PL", "en"),
    ],
)
def test_the_language_follows_the_os_unless_chosen(choice: str, system: str, shown: str) -> None:
    assert resolve_language(choice, QLocale(system)) == shown


def test_formats_keep_the_os_region_when_it_speaks_the_language() -> None:
    assert formats_locale("system", QLocale("de_DE")).name() == "de_DE"
    assert formats_locale("en", QLocale("en_GB")).name() == "en_GB"
    assert formats_locale("pl", QLocale("en_GB")).name() == "pl_PL"


def test_an_unknown_saved_value_means_system(settings: QSettings) -> None:
    settings.setValue(LANGUAGE_KEY, "klingon")
    assert chosen_language(settings) == "system"


@pytest.fixture
def started(qapp: QCoreApplication, settings: QSettings) -> Iterator[QSettings]:
    """apply_language as at start-up, undone afterwards (it changes process-wide state)."""
    before_locale = QLocale()
    before = set(qapp.findChildren(QTranslator))
    yield settings
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before_locale)
    qapp.setProperty(RUNNING_CHOICE_PROPERTY, None)


def test_start_up_applies_the_saved_language(qapp: QCoreApplication, started: QSettings) -> None:
    started.setValue(LANGUAGE_KEY, "pl")
    assert apply_language(qapp, started) == "pl"
    assert running_choice() == "pl"
    assert QLocale().language() == QLocale.Language.Polish
    assert QCoreApplication.translate("UserActions", "Block sign-in") == "Zablokuj logowanie"


def test_numbers_follow_the_language(in_language: Switch) -> None:
    in_language("pl", "pl_PL")
    assert count(10_000) == "10\u00a0000"
    in_language("en", "en_US")
    assert count(10_000) == "10,000"


def test_history_dates_follow_the_language(in_language: Switch) -> None:
    # Noon UTC stays on the 27th in every time zone from UTC-11 to UTC+11.
    in_language("pl", "pl_PL")
    assert re.fullmatch(r"27\.11\.2026 \d{2}:\d{2}", when("2026-11-27T12:00:00Z"))
    in_language("en", "en_US")
    assert re.fullmatch(r"11/27/26 \d{1,2}:\d{2}\s[AP]M", when("2026-11-27T12:00:00Z"))


def test_settings_saves_the_choice_and_says_it_applies_at_restart(
    qtbot: QtBot, settings: QSettings, dialogs: DialogScript
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    notes: list[bool] = []

    def choose_polish(dialog: QDialog) -> int:
        assert isinstance(dialog, SettingsDialog)
        assert dialog.choice() == "system"
        assert not dialog.note.isVisibleTo(dialog)  # nothing to restart for yet
        dialog.choose("pl")
        notes.append(dialog.note.isVisibleTo(dialog))
        return ACCEPT

    dialogs.expect(SettingsDialog, choose_polish)
    window.settings_action.trigger()
    assert notes == [True]
    assert chosen_language(settings) == "pl"
    # Once the dialog is closed, the status bar still says when the choice takes effect.
    assert window.status.currentMessage() == (
        "The new language applies the next time License Desk starts."
    )

    def change_mind(dialog: QDialog) -> int:
        assert isinstance(dialog, SettingsDialog)
        assert dialog.choice() == "pl"  # the saved choice is shown
        dialog.choose("en")
        return REJECT

    dialogs.expect(SettingsDialog, change_mind)
    window.settings_action.trigger()
    assert chosen_language(settings) == "pl"  # Cancel keeps it
