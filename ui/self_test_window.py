"""The window half of the self-test that proves the real thing: the main window opens the demo
tenant, loads every user and paints, on whatever platform plugin and style Qt chose.

Everything it touches lives in a temporary folder (demo database, window settings), so running
the self-test on a user's machine leaves nothing behind. Waits are bounded.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog

from desktop.selftest import SelfTestFailedError
from ui.dialogs.launcher import driven_by
from ui.errors import describe
from ui.main_window import MainWindow
from ui.session import TenantSession
from ui.startup import Startup

LOAD_TIMEOUT_MS = 90_000
MIN_COLOURS = 8  # a blank or single-colour grab means nothing was painted


def distinct_colours(image: QImage, limit: int = 64) -> int:
    """Colours on a coarse grid over ``image``, counted up to ``limit``."""
    seen: set[int] = set()
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            seen.add(image.pixel(x, y))
            if len(seen) >= limit:
                return len(seen)
    return len(seen)


def render_window(report: Callable[[str], None]) -> None:
    with tempfile.TemporaryDirectory(prefix="license-desk-window-") as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings)
        startup = Startup(window, Path(folder))
        loop = QEventLoop()
        outcome: list[str] = []
        users: list[int] = []

        def finish(result: str) -> None:
            if not outcome:
                outcome.append(result)
                loop.quit()

        def opened(session: object) -> None:
            assert isinstance(session, TenantSession)

            def loaded() -> None:
                users.append(session.proxy.rowCount())
                finish("")

            session.loaded.connect(loaded)
            session.load_failed.connect(lambda exc: finish(describe(exc).text))

        startup.session_opened.connect(opened)
        timer = QTimer(singleShot=True, interval=LOAD_TIMEOUT_MS)
        timer.timeout.connect(lambda: finish(f"no demo tenant after {LOAD_TIMEOUT_MS // 1000} s"))
        try:
            # Nobody is there to answer a question: every dialog is declined.
            with driven_by(lambda _dialog: QDialog.DialogCode.Rejected.value):
                window.resize(1200, 760)
                window.show()
                startup.start(demo=True)
                timer.start()
                if not outcome:
                    loop.exec()
                timer.stop()
                if outcome[0]:
                    raise SelfTestFailedError(
                        f"the window could not open the demo tenant: {outcome[0]}"
                    )
                QApplication.processEvents()  # the last layout and paint of the loaded table
                image = window.grab().toImage()
        finally:
            window.close()
            window.deleteLater()
            QApplication.processEvents()
        colours = distinct_colours(image)
        if image.isNull() or colours < MIN_COLOURS:
            raise SelfTestFailedError(
                f"the window did not paint ({image.width()}x{image.height()}, {colours} colours)"
            )
        report(
            f"window: {users[0]} users painted at {image.width()}x{image.height()} "
            f"({colours}+ colours)"
        )
