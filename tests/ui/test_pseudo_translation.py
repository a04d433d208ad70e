"""Issue 11, Deliver 3: with the pseudo translator (every tr() text wrapped in markers and
~40% longer) every window and dialog shows only marked text, and none of it is cut."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.catalog import plan_name
from desktop.graph.errors import GraphError
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk
from tests.ui.helpers import apply_and_wait, click, rows_where
from tests.ui.visible_text import Seen, cut, escaped, untranslated_part
from ui.dialogs.error_dialog import ErrorDialog
from ui.dialogs.launcher import driven_by
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.errors import describe
from ui.i18n import apply_language
from ui.main_window import MainWindow
from ui.models.columns import Column
from ui.pseudo_translation import CLOSE, ENVIRONMENT, OPEN, PseudoTranslator, install_pseudo, pseudo


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


def data_of(desk: Desk) -> list[str]:
    """What the tenant says and the window shows as it is (names, not words)."""
    users = desk.session.users.users()
    values = [u.display_name for u in users] + [u.user_principal_name for u in users]
    values += [u.department or "" for u in users] + [u.job_title or "" for u in users]
    naming = desk.session.naming
    for sku in desk.session.skus.skus():
        values += [naming.sku(sku.sku_id), sku.sku_part_number]
        values += [plan_name(p.service_plan_id, p.service_plan_name) for p in sku.service_plans]
    organization = desk.session.organization
    values += [
        organization.display_name if organization else "",
        desk.session.connection.account_label,
    ]
    values += ["License Desk", "Microsoft 365", "Microsoft", "Qt", "PySide6", "Contoso"]
    return values


def show_and_check(widget: QWidget, data: list[str]) -> list[Seen]:
    widget.show()
    QApplication.processEvents()
    return escaped(widget, data) + cut(widget)


def test_main_window_shows_only_translated_text_that_fits(
    pseudo_translated: PseudoTranslator, desk: Desk
) -> None:
    problems = show_and_check(desk.window, data_of(desk))
    assert problems == [], "\n".join(f"{p.where}: {p.text!r}" for p in problems)


class Inspector:
    """Answers every dialog the window launches: shows it, records what escaped or is cut, and
    goes on (Add licenses picks a package so the preview and the results show too)."""

    def __init__(self, desk: Desk, sku_id: str) -> None:
        self.desk = desk
        self.sku_id = sku_id
        self.data = data_of(desk)
        self.problems: list[str] = []
        self.seen: list[str] = []

    def __call__(self, dialog: QDialog) -> int:
        self.desk.qtbot.addWidget(dialog)
        self.seen.append(type(dialog).__name__)
        found = show_and_check(dialog, self.data)
        self.problems += [f"{type(dialog).__name__} {p.where}: {p.text!r}" for p in found]
        dialog.hide()
        if isinstance(dialog, LicensePickerDialog):
            dialog.tree.set_picked(self.sku_id)
            return ACCEPT
        if isinstance(dialog, PlanPreviewDialog):
            return ACCEPT
        return REJECT


def test_every_dialog_shows_only_translated_text_that_fits(
    pseudo_translated: PseudoTranslator, desk: Desk
) -> None:
    rows = rows_where(
        desk, lambda u: bool(u.assigned_licenses) and u.usage_location and u.account_enabled
    )[:2]
    for row in rows:
        click(desk, row, Column.CHECK)
    inspector = Inspector(desk, desk.tenant.sku_id("EXCHANGESTANDARD"))
    actions = desk.window.user_actions
    with driven_by(inspector):
        apply_and_wait(desk, actions.add_licenses.trigger)
        for action in (
            actions.reassign,
            actions.remove,
            actions.apps,
            actions.usage_location,
            actions.new_user,
            actions.copy_from,
            actions.history,
            desk.window.settings_action,
            desk.window.about_action,
        ):
            assert action.isEnabled(), action.objectName()
            action.trigger()
        QApplication.processEvents()
    error = GraphError("Request_BadRequest", "Graph's words.", status=400)
    inspector(ErrorDialog(describe(error), desk.window))
    expected = {
        "LicensePickerDialog",
        "PlanPreviewDialog",
        "ResultsDialog",
        "ReassignDialog",
        "RemoveDialog",
        "AppsDialog",
        "UsageLocationDialog",
        "NewUserDialog",
        "CopyFromDialog",
        "HistoryDialog",
        "SettingsDialog",
        "AboutDialog",
        "ErrorDialog",
    }
    assert expected <= set(inspector.seen), inspector.seen
    assert inspector.problems == [], "\n".join(inspector.problems)


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
    inspector = Inspector(desk, "")
    inspector.data = data
    with driven_by(inspector):
        desk.window.group_actions.fix.trigger()
    assert inspector.seen == ["FixDialog"]
    assert inspector.problems == [], "\n".join(inspector.problems)


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
    inspector = Inspector(desk, "")
    with driven_by(inspector):
        desk.window.user_actions.insight.trigger()
        desk.qtbot.waitUntil(lambda: "InsightDialog" in inspector.seen, timeout=TIMEOUT_MS)
    assert inspector.problems == [], "\n".join(inspector.problems)
