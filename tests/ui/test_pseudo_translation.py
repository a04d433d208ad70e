"""Issue 11, Deliver 3: with the pseudo translator (every tr() text wrapped in markers and
~40% longer) every window and dialog shows only marked text, and none of it is cut."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import TIMEOUT_MS, Desk
from tests.ui.dialog_walk import (
    ACTION_DIALOGS,
    IN_BETWEEN,
    Check,
    DialogWalker,
    data_of,
    walk_action_dialogs,
    walk_in_between_dialogs,
)
from tests.ui.language_support import Switch, in_language
from tests.ui.visible_text import Seen, cut, escaped, untranslated_part
from ui.dialogs.launcher import driven_by
from ui.i18n import apply_language
from ui.main_window import MainWindow
from ui.models.columns import Column
from ui.pseudo_translation import CLOSE, ENVIRONMENT, OPEN, PseudoTranslator, install_pseudo, pseudo

__all__ = ["in_language"]  # a fixture, imported for pytest


@pytest.fixture
def pseudo_translated(qapp: QApplication) -> Iterator[PseudoTranslator]:
    translator = install_pseudo(qapp)
    yield translator
    qapp.removeTranslator(translator)
    translator.deleteLater()


def test_pseudo_wraps_and_lengthens_by_forty_percent() -> None:
    text = pseudo("Add licenses…")
    assert text.startswith(OPEN) and text.endswith(CLOSE)
    assert len(text) >= 1.4 * len("Add licenses…")


def test_the_environment_variable_turns_pseudo_translation_on(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    try:
        apply_language(qapp, settings)
        assert not QCoreApplication.translate("MainWindow", "Quit").startswith(OPEN)
        monkeypatch.setenv(ENVIRONMENT, "1")
        apply_language(qapp, settings)
        assert QCoreApplication.translate("MainWindow", "Quit").startswith(OPEN)
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(locale)


def test_the_checker_catches_an_untranslated_word_but_not_data() -> None:
    assert untranslated_part(f"{pseudo('Hello')} Anna Nowak", ["Anna Nowak"]) == ""
    assert untranslated_part(f"{pseudo('Hello')} world", []) != ""
    assert untranslated_part("3 / 5", []) == ""


def show_and_check(widget: QWidget, data: list[str]) -> list[Seen]:
    widget.show()
    QApplication.processEvents()
    return escaped(widget, data) + cut(widget)


def test_main_window_shows_only_translated_text_that_fits(
    pseudo_translated: PseudoTranslator, desk: Desk
) -> None:
    problems = show_and_check(desk.window, data_of(desk))
    assert problems == [], "\n".join(f"{p.where}: {p.text!r}" for p in problems)


def _problems(data: list[str]) -> Check:
    def check(widget: QWidget) -> list[str]:
        return [f"{p.where}: {p.text!r}" for p in escaped(widget, data) + cut(widget)]

    return check


def test_every_dialog_shows_only_translated_text_that_fits(
    pseudo_translated: PseudoTranslator, desk: Desk
) -> None:
    walker = DialogWalker(desk, _problems(data_of(desk)), desk.tenant.sku_id("EXCHANGESTANDARD"))
    walk_action_dialogs(desk, walker)
    assert set(walker.seen) >= ACTION_DIALOGS, walker.seen
    assert walker.problems == [], "\n".join(walker.problems)


@pytest.mark.parametrize("language", ["en", "pl"])
def test_the_dialogs_in_between_show_only_translated_text_that_fits(
    language: str, in_language: Switch, qapp: QApplication, desk: Desk, tmp_path: Path
) -> None:
    """A run's progress, a created user's password, the sign-in options, the code to type at
    Microsoft's page, the people import and the passwords; over the Polish words too, which
    are longer."""
    in_language(language, "pl_PL" if language == "pl" else "en_GB")
    pseudo_translated = install_pseudo(qapp)  # wraps what the language's catalog says
    walker = DialogWalker(desk, _problems(data_of(desk)))
    try:
        walk_in_between_dialogs(desk, walker, tmp_path)
    finally:
        qapp.removeTranslator(pseudo_translated)
        pseudo_translated.deleteLater()
    assert set(walker.seen) == IN_BETWEEN
    assert walker.problems == [], "\n".join(walker.problems)


def test_the_welcome_page_shows_only_translated_text_that_fits(
    pseudo_translated: PseudoTranslator, qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    problems = show_and_check(window, ["License Desk", "Microsoft 365", "Microsoft"])
    assert problems == [], "\n".join(f"{p.where}: {p.text!r}" for p in problems)


def test_the_groups_view_and_the_fix_dialog_show_only_translated_text_that_fits(
    pseudo_translated: PseudoTranslator, desk: Desk
) -> None:
    view = desk.window.view
    assert view is not None
    view.pages.setCurrentWidget(view.groups)  # the groups are read once their page shows
    desk.qtbot.waitUntil(lambda: view.groups.loader.has_loaded, timeout=TIMEOUT_MS)
    rows = view.groups.loader.model.rows()
    data = data_of(desk) + [r.group.display_name for r in rows]
    data += [name for r in rows for name in r.nested_groups]
    desk.window.group_actions.show_groups.trigger()
    in_error = next(r for r in rows if r.errors)
    assert view.groups.select_group(in_error.group.id)
    problems = show_and_check(desk.window, data)
    assert problems == [], "\n".join(f"{p.where}: {p.text!r}" for p in problems)
    # Every cell of both lists: the words are translated, the names are data.
    escaped_cells = [
        f"{model.objectName()} {r}/{c}: {model.index(r, c).data()!r}"
        for model in (view.groups.groups, view.groups.errors)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if untranslated_part(str(model.index(r, c).data()), data)
    ]
    assert escaped_cells == [], "\n".join(escaped_cells)
    walker = DialogWalker(desk, _problems(data))
    with driven_by(walker):
        desk.window.group_actions.fix.trigger()
        desk.window.group_actions.remove_members.trigger()
    assert walker.seen == ["FixDialog", "RemoveMembersDialog"]
    assert walker.problems == [], "\n".join(walker.problems)


def test_the_words_in_the_user_list_are_translated(
    pseudo_translated: PseudoTranslator, desk: Desk
) -> None:
    model, data = desk.session.users, data_of(desk)
    escaped_cells = []
    for row in range(model.rowCount()):
        for column in (Column.STATUS, Column.LICENSES, Column.PROBLEMS):
            text = model.data(model.index(row, column))
            if isinstance(text, str) and untranslated_part(text, data):
                escaped_cells.append(f"{row}/{column.name}: {text!r}")
    assert escaped_cells == [], "\n".join(escaped_cells[:20])
    statuses = [model.data(model.index(r, Column.STATUS)) for r in range(model.rowCount())]
    assert all(OPEN in s for s in statuses)  # the check saw translated words, not nothing


def test_the_insight_dialog_shows_only_translated_text_that_fits(
    pseudo_translated: PseudoTranslator, desk: Desk
) -> None:
    walker = DialogWalker(desk, _problems(data_of(desk)))
    with driven_by(walker):
        desk.window.user_actions.insight.trigger()
        desk.qtbot.waitUntil(lambda: "InsightDialog" in walker.seen, timeout=TIMEOUT_MS)
    assert walker.problems == [], "\n".join(walker.problems)
