"""The one seam through which every modal dialog is shown.

Code never calls ``dialog.exec()`` directly: it calls ``launch(dialog)``. Tests install a
driver that receives the fully built dialog, works it like a person would (ticks boxes, clicks
buttons) and returns the result code, so workflows run end to end without a nested event loop
waiting for a click that never comes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from ui.accessibility import name_controls

DialogDriver = Callable[[QDialog], int]

_drivers: list[DialogDriver] = []  # innermost last; empty: people answer


def launch(dialog: QDialog) -> int:
    """Show ``dialog`` modally and return its result (``QDialog.DialogCode`` as an int)."""
    name_controls(dialog)  # for screen readers, whoever answers
    if _drivers:
        return _drivers[-1](dialog)
    return dialog.exec()


def accepted(result: int) -> bool:
    return result == QDialog.DialogCode.Accepted.value


def chosen_path(dialog: QFileDialog) -> Path | None:
    """Launch a file dialog: the file chosen, or None when the person cancelled. The dialog
    is deleted afterwards."""
    try:
        if not accepted(launch(dialog)) or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()


@contextmanager
def driven_by(driver: DialogDriver) -> Iterator[None]:
    """Answer every dialog launched inside the block with ``driver``."""
    _drivers.append(driver)
    try:
        yield
    finally:
        _drivers.remove(driver)
