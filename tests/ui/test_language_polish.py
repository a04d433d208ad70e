"""With the shipped Polish catalog the window really speaks Polish: the admin center's words
on the main actions, Polish plural forms, Qt's own buttons, Polish country names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.licensing.types import PlanKind
from tests.ui.conftest import Desk
from tests.ui.language_support import Switch, in_language, polish
from ui.main_window import MainWindow
from ui.plan_text import plan_title
from ui.widgets.country_combo import CountryCombo
from ui.widgets.status_bar import WindowStatusBar

__all__ = ["in_language", "polish"]  # fixtures, imported for pytest


@pytest.fixture
def window(polish: None, qtbot: QtBot, tmp_path: object) -> MainWindow:
    window = MainWindow(QSettings(f"{tmp_path}/settings.ini", QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_main_actions_use_the_admin_centers_words(window: MainWindow) -> None:
    a = window.user_actions
    assert a.add_licenses.text() == "Przypisz licencję…"
    assert a.reassign.text() == "Zmień licencję…"
    assert a.remove.text() == "Usuń usługę…"
    assert a.activate.text() == "Aktywuj użytkownika"
    assert a.block.text() == "Zablokuj logowanie"
    assert a.usage_location.text() == "Ustaw lokalizację użycia…"
    assert a.apps.text() == "Aplikacje w licencji…"
    assert a.new_user.text() == "Nowy użytkownik…"
    assert a.history.text() == "Historia…"
    assert window.settings_action.text() == "Ustawienia…"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:6] == ["&Plik", "&Edycja", "&Użytkownicy", "&Grupy", "&Widok", "&Narzędzia"]


def test_shortcuts_stay_the_same_in_polish(window: MainWindow) -> None:
    assert window.user_actions.refresh.shortcut().toString() == "F5"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_qts_own_buttons_are_polish_too(polish: None, qtbot: QtBot) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Anuluj"


@pytest.mark.parametrize(
    ("users", "text"),
    [
        (1, "1 użytkownik"),
        (2, "2 użytkowników"),  # read "dwóch użytkowników"
        (5, "5 użytkowników"),
        (22, "22 użytkowników"),
        (10_000, "10\u00a0000 użytkowników"),  # Polish groups thousands with a no-break space
    ],
)
def test_counts_take_polish_plural_forms(polish: None, qtbot: QtBot, users: int, text: str) -> None:
    bar = WindowStatusBar()
    qtbot.addWidget(bar)
    bar.show_counts(users, users)
    assert bar.counts.text() == text


def test_plural_forms_differ_where_polish_grammar_does(polish: None, qtbot: QtBot) -> None:
    bar = WindowStatusBar()
    qtbot.addWidget(bar)
    bar.show_counts(1, 0)
    assert bar.counts.text() == "Pokazano 0 z 1 użytkownika"  # genitive singular
    bar.show_counts(3, 1)
    assert bar.counts.text() == "Pokazano 1 z 3 użytkowników"
    assert plan_title(PlanKind.ASSIGN, 3) == "Przypisanie licencji · 3 użytkowników"


def test_english_plurals_come_from_the_english_catalog(in_language: Switch, qtbot: QtBot) -> None:
    in_language("en", "en_US")
    bar = WindowStatusBar()
    qtbot.addWidget(bar)
    bar.show_counts(1, 1)
    assert bar.counts.text() == "1 user"
    bar.show_counts(10_000, 10_000)
    assert bar.counts.text() == "10,000 users"


def test_countries_have_polish_names_in_polish_order(polish: None, qtbot: QtBot) -> None:
    combo = CountryCombo()
    qtbot.addWidget(combo)
    combo.set_code("PL")
    assert combo.currentText() == "Polska (PL)"
    names = [combo.itemText(i) for i in range(combo.count())]
    # Ł sorts after L in Polish, not after Z as plain code points would put it.
    assert names.index("Luksemburg (LU)") < names.index("Łotwa (LV)") < names.index("Malta (MT)")


def test_the_open_tenant_reads_polish(polish: None, desk: Desk) -> None:
    view = desk.window.view
    assert view is not None
    card = view.summary.cards()[0]
    assert card.counts.text().startswith("Zajęte: ")
    assert card.free.text().startswith("Wolne: ")
    assert desk.window.status.counts.text() == "60 użytkowników"
