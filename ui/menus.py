"""The per-user and per-group action menus, built from the same QActions as the toolbar and the
menu bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ui.actions import UserActions
from ui.groups.group_actions import GroupActions

USER_MENU = "userActionMenu"
GROUP_MENU = "groupActionMenu"


def _build(actions: Sequence[QAction | None], parent: QWidget, name: str) -> QMenu:
    menu = QMenu(parent)
    menu.setObjectName(name)
    menu.setToolTipsVisible(True)  # a disabled action's tooltip says why it is off
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    return menu


def build_user_menu(actions: UserActions, parent: QWidget) -> QMenu:
    return _build(actions.user_menu(), parent, USER_MENU)


def _popup(menu: QMenu, parent: QWidget, at: QPoint) -> QMenu:
    """Open the menu without blocking (``popup``), so tests can find it with findChild."""
    for old in parent.findChildren(QMenu, menu.objectName()):
        if old is not menu:
            old.deleteLater()
    menu.aboutToHide.connect(menu.deleteLater)
    menu.popup(at)
    return menu


def open_user_menu(actions: UserActions, parent: QWidget, at: QPoint) -> QMenu:
    return _popup(build_user_menu(actions, parent), parent, at)


def open_group_menu(actions: GroupActions, parent: QWidget, at: QPoint) -> QMenu:
    return _popup(_build(actions.change_actions(), parent, GROUP_MENU), parent, at)
