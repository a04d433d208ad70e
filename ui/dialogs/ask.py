"""Yes/no questions and notices, shown through the launch seam."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.dialogs.launcher import launch


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    yes: str,
    informative: str = "",
    warning: bool = False,
    cancel_default: bool = False,
) -> bool:
    """Ask before doing something; ``yes`` names the action ("Create user"), never just "OK".
    ``cancel_default``: Return cancels (for what cannot be undone from History)."""
    box = QMessageBox(parent)
    box.setObjectName("confirm")
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel if cancel_default else yes_button)
    box.setEscapeButton(cancel)
    launch(box)
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str, *, informative: str = "") -> None:
    box = QMessageBox(parent)
    box.setObjectName("inform")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    box.addButton(QCoreApplication.translate("Ask", "Close"), QMessageBox.ButtonRole.AcceptRole)
    launch(box)
