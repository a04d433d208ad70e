"""Where the window keeps its own preferences (geometry, column widths): QSettings, per user.

The app's data folder (journal, demo database) is not here: the window and the command line
share one definition, ``desktop.paths.app_data_dir``."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "License Desk"
APPLICATION = "License Desk"


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
