"""``--screenshot FILE.png``: render the main window once the tenant has loaded, then quit."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from desktop.commands.exit_codes import EXIT_FAILED
from ui.errors import describe
from ui.main_window import MainWindow
from ui.session import TenantSession

SCREENSHOT_SIZE = (1360, 820)


class ScreenshotTaker(QObject):
    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        window.resize(*SCREENSHOT_SIZE)

    def watch(self, session: object) -> None:
        assert isinstance(session, TenantSession)
        session.loaded.connect(self._loaded)
        session.load_failed.connect(self._failed)

    def _loaded(self) -> None:
        # Let the queued repaints and layout of the last page run before rendering.
        QTimer.singleShot(0, self._capture)

    def _capture(self) -> None:
        image = self._window.grab()
        if not image.save(str(self._path), "PNG"):
            print(f"license-desk: could not write {self._path}", file=sys.stderr)
            QApplication.exit(EXIT_FAILED)
            return
        QApplication.exit(0)

    def _failed(self, exc: BaseException) -> None:
        message = describe(exc)
        print(f"license-desk: {message.title}: {message.text}", file=sys.stderr)
        QApplication.exit(EXIT_FAILED)
