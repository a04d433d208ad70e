"""Issue 11, Deliver 5: every control of the window and its dialogs has an accessible name and
description; toolbar buttons say their shortcut; the focus ring is visible."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.accessible import Heard, unnamed
from tests.ui.conftest import TIMEOUT_MS, Desk
from tests.ui.dialog_walk import (
    ACTION_DIALOGS,
    IN_BETWEEN,
    DialogWalker,
    walk_action_dialogs,
    walk_in_between_dialogs,
)
from ui.dialogs.launcher import driven_by
from ui.focus_ring import install_focus_rings
from ui.main_window import MainWindow


def _lines(found: list[Heard]) -> str:
    return "\n".join(f"{h.widget}: name={h.name!r} description={h.description!r}" for h in found)


def _unnamed(widget: QWidget) -> list[str]:
    return _lines(unnamed(widget)).splitlines()


def test_every_control_of_the_main_window_is_named_and_described(desk: Desk) -> None:
    found = unnamed(desk.window)
    assert found == [], _lines(found)


def test_every_control_of_every_dialog_is_named_and_described(desk: Desk) -> None:
    walker = DialogWalker(desk, _unnamed, desk.tenant.sku_id("EXCHANGESTANDARD"))
    walk_action_dialogs(desk, walker)
    assert set(walker.seen) >= ACTION_DIALOGS, walker.seen
    assert walker.problems == [], "\n".join(walker.problems)


def test_every_control_of_the_dialogs_in_between_is_named_and_described(
    desk: Desk, tmp_path: Path
) -> None:
    """A run's progress, a created user's password, the sign-in options, the code to type at
    Microsoft's page, the people import and the passwords."""
    walker = DialogWalker(desk, _unnamed)
    walk_in_between_dialogs(desk, walker, tmp_path)
    assert set(walker.seen) == IN_BETWEEN
    assert walker.problems == [], "\n".join(walker.problems)


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
    walker = DialogWalker(desk, _unnamed)
    with driven_by(walker):
        desk.window.user_actions.insight.trigger()
        desk.qtbot.waitUntil(lambda: "InsightDialog" in walker.seen, timeout=TIMEOUT_MS)
    assert walker.problems == [], "\n".join(walker.problems)


def test_every_control_of_the_groups_view_and_the_fix_dialog_is_named_and_described(
    desk: Desk,
) -> None:
    groups = desk.window.view.groups if desk.window.view is not None else None
    assert groups is not None
    desk.window.group_actions.show_groups.trigger()  # the groups are read once shown
    desk.qtbot.waitUntil(lambda: groups.loader.has_loaded, timeout=TIMEOUT_MS)
    found = unnamed(desk.window)
    assert found == [], _lines(found)
    in_error = next(r for r in groups.loader.model.rows() if r.errors)
    assert groups.select_group(in_error.group.id)
    walker = DialogWalker(desk, _unnamed)
    with driven_by(walker):
        desk.window.group_actions.fix.trigger()
        desk.window.group_actions.remove_members.trigger()
    assert walker.seen == ["FixDialog", "RemoveMembersDialog"]
    assert walker.problems == [], "\n".join(walker.problems)
