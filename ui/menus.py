"""The per-user action menu, built from the same QActions as the toolbar and the menu bar."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget

from ui.actions import UserActions


def build_user_menu(actions: UserActions, parent: QWidget) -> QMenu:
    menu = QMenu(parent)
    menu.setObjectName("userActionMenu")
    menu.setToolTipsVisible(True)  # a disabled action's tooltip says why it is off
    for action in actions.user_menu():
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    return menu


def open_user_menu(actions: UserActions, parent: QWidget, at: QPoint) -> QMenu:
    """Open the menu without blocking (``popup``), so tests can find it with findChild."""
    for old in parent.findChildren(QMenu, "userActionMenu"):
        old.deleteLater()
    menu = build_user_menu(actions, parent)
    menu.aboutToHide.connect(menu.deleteLater)
    menu.popup(at)
    return menu
