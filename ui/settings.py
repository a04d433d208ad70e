"""Where the window keeps its own preferences (geometry, column widths): QSettings, per user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

ORGANIZATION = "License Desk"
APPLICATION = "License Desk"


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def app_data_dir() -> Path:
    """The app's data folder (journal, demo database), created on first use."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    path = Path(location)
    path.mkdir(parents=True, exist_ok=True)
    return path
