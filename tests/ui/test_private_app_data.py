"""The window's data folder and settings are owner-only (POSIX)."""

from __future__ import annotations

import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from ui.settings import app_settings

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def settings_home(tmp_path: Path) -> Iterator[Path]:
    home = tmp_path / "config"
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home))
    yield home
    QSettings.setPath(
        QSettings.Format.NativeFormat,
        QSettings.Scope.UserScope,
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation),
    )


def test_settings_file_and_folder_are_owner_only(qapp: object, settings_home: Path) -> None:
    settings = app_settings()
    settings.setValue("window/geometry", b"x")
    settings.sync()
    where = Path(settings.fileName())
    assert where.is_relative_to(settings_home)
    where.chmod(0o644)  # as Qt writes it with the umask's mode
    app_settings()
    assert mode(where) == 0o600
    assert mode(where.parent) == 0o700
