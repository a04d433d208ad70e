"""Issue 11, Deliver 5: every control of the window and its dialogs has an accessible name and
description; toolbar buttons say their shortcut; the focus ring is visible."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.graph.errors import GraphError
from tests.ui.accessible import Heard, unnamed
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk
from tests.ui.helpers import apply_and_wait, click, rows_where
from ui.dialogs.error_dialog import ErrorDialog
from ui.dialogs.launcher import driven_by, launch
from ui.dialogs.license_picker import LicensePickerDialog
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.errors import describe
from ui.focus_ring import install_focus_rings
from ui.main_window import MainWindow
from ui.models.columns import Column


def _lines(found: list[Heard]) -> str:
    return "\n".join(f"{h.widget}: name={h.name!r} description={h.description!r}" for h in found)


def test_every_control_of_the_main_window_is_named_and_described(desk: Desk) -> None:
    found = unnamed(desk.window)
    from PySide6.QtWidgets import QToolButton

    for b in desk.window.findChildren(QToolButton):
        print(
            repr(b.objectName()),
            repr(b.text()),
            repr(b.toolTip()),
            b.parentWidget(),
            b.isVisibleTo(desk.window),
            b.defaultAction(),
        )
    assert found == [], _lines(found)


class Listener:
    def __init__(self, desk: Desk, sku_id: str) -> None:
        self.desk, self.sku_id = desk, sku_id
        self.problems: list[str] = []
        self.seen: list[str] = []

    def __call__(self, dialog: QDialog) -> int:
        self.desk.qtbot.addWidget(dialog)
        self.seen.append(type(dialog).__name__)
        dialog.show()
        QApplication.processEvents()
        self.problems += [
            f"{type(dialog).__name__} {line}" for line in _lines(unnamed(dialog)).splitlines()
        ]
        dialog.hide()
        if isinstance(dialog, LicensePickerDialog):
            dialog.tree.set_picked(self.sku_id)
            return ACCEPT
        if isinstance(dialog, PlanPreviewDialog):
            return ACCEPT
        return REJECT


def test_every_control_of_every_dialog_is_named_and_described(desk: Desk) -> None:
    rows = rows_where(
        desk, lambda u: bool(u.assigned_licenses) and u.usage_location and u.account_enabled
    )[:2]
    for row in rows:
        click(desk, row, Column.CHECK)
    listener = Listener(desk, desk.tenant.sku_id("EXCHANGESTANDARD"))
    actions = desk.window.user_actions
    with driven_by(listener):
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
            action.trigger()
        launch(ErrorDialog(describe(GraphError("X", "words", status=400)), desk.window))
    assert len(listener.seen) >= 13, listener.seen
    assert listener.problems == [], "\n".join(listener.problems)


def test_toolbar_buttons_show_their_text_or_a_tooltip_with_the_shortcut(desk: Desk) -> None:
    toolbar = desk.window.toolbar
    buttons = [
        b
        for b in toolbar.findChildren(QToolButton)
        if b.defaultAction() is not None and b.isVisibleTo(desk.window)
    ]
    assert len(buttons) >= 10
    for button in buttons:
        action = button.defaultAction()
        shows_text = button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert shows_text or (shortcut and shortcut in button.toolTip()), action.objectName()
        if shortcut:
            assert shortcut in button.toolTip(), action.objectName()


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_focused_control_wears_a_visible_ring(qapp: QApplication, desk: Desk) -> None:
    rings = install_focus_rings(qapp)
    try:
        desk.window.activateWindow()
        search = desk.window.findChild(QLineEdit, "searchBox")
        assert search is not None
        search.setFocus(Qt.FocusReason.TabFocusReason)
        desk.qtbot.waitUntil(lambda: rings.ring is not None and rings.ring.isVisible())
        ring = rings.ring
        assert ring is not None and ring.parentWidget() is search
        assert ring.geometry() == search.rect()
        picture = search.grab().toImage()
        edge = picture.pixelColor(picture.width() // 2, 1)  # on the ring's top line
        highlight = ring.palette().color(QPalette.ColorRole.Highlight)
        assert _contrast(edge, highlight) < 1.3  # the ring is drawn there
        # Non-text contrast (WCAG 1.4.11): the ring stands out from the window at least 3:1.
        window = desk.window.palette().color(QPalette.ColorRole.Window)
        assert _contrast(highlight, window) >= 3

        table = desk.window.findChild(QWidget, "userTable")
        assert table is not None
        table.setFocus(Qt.FocusReason.TabFocusReason)
        desk.qtbot.waitUntil(lambda: rings.ring is not None and rings.ring.parentWidget() is table)
    finally:
        rings.deleteLater()
        if rings.ring is not None:
            rings.ring.deleteLater()


def test_every_control_of_the_welcome_page_is_named_and_described(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    found = unnamed(window)
    assert found == [], _lines(found)


def test_every_control_of_the_insight_dialog_is_named_and_described(desk: Desk) -> None:
    listener = Listener(desk, "")
    with driven_by(listener):
        desk.window.user_actions.insight.trigger()
        desk.qtbot.waitUntil(lambda: "InsightDialog" in listener.seen, timeout=TIMEOUT_MS)
    assert listener.problems == [], "\n".join(listener.problems)


def test_every_control_of_the_groups_view_and_the_fix_dialog_is_named_and_described(
    desk: Desk,
) -> None:
    groups = desk.window.view.groups if desk.window.view is not None else None
    assert groups is not None
    desk.qtbot.waitUntil(lambda: groups.loader.has_loaded, timeout=TIMEOUT_MS)
    desk.window.group_actions.show_groups.trigger()
    found = unnamed(desk.window)
    assert found == [], _lines(found)
    in_error = next(r for r in groups.loader.model.rows() if r.errors)
    assert groups.select_group(in_error.group.id)
    listener = Listener(desk, "")
    with driven_by(listener):
        desk.window.group_actions.fix.trigger()
    assert listener.seen == ["FixDialog"]
    assert listener.problems == [], "\n".join(listener.problems)
