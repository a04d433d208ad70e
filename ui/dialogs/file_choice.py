"""Asking the person for a file to read or a file to write: one way for every window, so each
file dialog is named for tests and screen readers, launched through the driver tests answer,
and deleted afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ui.dialogs.launcher import chosen_path


def _file_dialog(
    parent: QWidget | None, name: str, title: str, name_filter: str, folder: str
) -> QFileDialog:
    dialog = QFileDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setNameFilter(name_filter)
    if folder:
        dialog.setDirectory(folder)
    return dialog


def file_to_open(
    parent: QWidget | None, *, name: str, title: str, name_filter: str, folder: str = ""
) -> Path | None:
    """An existing file the person chose, or None when they cancelled."""
    dialog = _file_dialog(parent, name, title, name_filter, folder)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return chosen_path(dialog)


def file_to_save(
    parent: QWidget | None,
    *,
    name: str,
    title: str,
    name_filter: str,
    suggested: str,
    folder: str = "",
) -> Path | None:
    """Where the person wants a file written (``suggested``'s ending added when they typed
    none), or None when they cancelled."""
    dialog = _file_dialog(parent, name, title, name_filter, folder)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(Path(suggested).suffix.lstrip("."))
    dialog.selectFile(suggested)
    return chosen_path(dialog)
