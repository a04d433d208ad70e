"""Where the window keeps its own preferences (geometry, column widths): QSettings, per user.

The app's data folder (journal, demo database) is not here: the window and the command line
share one definition, ``desktop.paths.app_data_dir``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.private_files import make_private_dir, make_private_file

ORGANIZATION = "License Desk"
APPLICATION = "License Desk"


def app_settings() -> QSettings:
    settings = QSettings(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
    make_settings_private(settings)
    return settings


def make_settings_private(settings: QSettings) -> None:
    """Owner-only settings: a folder of our own (0700) holding the file (0600). Qt writes the
    file later, with the umask's mode; the private folder keeps it from other accounts then,
    and this makes the file itself owner-only from the next start on. (On Windows the
    settings live in the user's own registry hive.)"""
    where = Path(settings.fileName())
    if settings.format() != QSettings.Format.NativeFormat or not where.is_absolute():
        return
    if where.parent.name == ORGANIZATION:  # ~/.config/License Desk: ours alone
        make_private_dir(where.parent)
    make_private_file(where)
