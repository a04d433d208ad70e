"""The window's entry point: ``license-desk`` (and ``--demo``, ``--screenshot FILE.png``)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from desktop.paths import APP_NAME, app_data_dir
from desktop.tenants.partner_demo import partner_demo
from ui.crash import ErrorReporter
from ui.dialogs.launcher import driven_by
from ui.focus_ring import install_focus_rings
from ui.i18n import apply_language
from ui.icons import app_icon
from ui.main_window import MainWindow
from ui.screenshot import ScreenshotTaker
from ui.settings import app_settings
from ui.startup import Startup
from ui.theme import SYSTEM, apply_theme


def configure_application(app: QApplication) -> None:
    # The names the platform shows and files under: "License Desk" on Windows and macOS,
    # "license-desk" elsewhere, as desktop.paths names the data folder the CLI shares.
    if sys.platform in ("win32", "darwin"):
        QCoreApplication.setApplicationName(APP_NAME)
    else:
        QCoreApplication.setApplicationName("license-desk")
    QCoreApplication.setOrganizationName("")
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setDesktopFileName("license-desk")
    app.setWindowIcon(app_icon())
    apply_language(app, app_settings())
    install_focus_rings(app)


def _headless_default(args: argparse.Namespace) -> None:
    # A screenshot needs no screen: render offscreen when there is no display to use.
    no_display = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if args.screenshot and sys.platform.startswith("linux") and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _scale(args: argparse.Namespace) -> None:
    # Qt reads the factor when the application starts: 2 draws every pixel twice, as on a
    # 200% display (icons and text in their high-resolution forms).
    factor = getattr(args, "scale", None)
    if factor:
        os.environ["QT_SCALE_FACTOR"] = f"{factor:g}"


MAX_DEMO_CUSTOMERS = 50


def _startup(window: MainWindow, args: argparse.Namespace, ends: contextlib.ExitStack) -> Startup:
    """The usual start, or with --demo-tenants a demo partner in a throwaway data folder, which
    ``ends`` stops and deletes."""
    customers = getattr(args, "demo_tenants", None)
    if not customers:
        return Startup(window, app_data_dir())
    args.demo = True
    demo = ends.enter_context(partner_demo(max(1, min(customers, MAX_DEMO_CUSTOMERS))))
    return Startup(window, demo.folder, demo_opener=demo.open_partner)


def run_window(args: argparse.Namespace) -> int:
    _headless_default(args)
    _scale(args)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    configure_application(app)
    apply_theme(app, getattr(args, "theme", None) or SYSTEM)
    window = MainWindow()
    reporter = ErrorReporter(lambda: window)
    reporter.install()
    with contextlib.ExitStack() as ends:
        startup = _startup(window, args, ends)
        screenshot = getattr(args, "screenshot", None)
        quiet: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
        if screenshot:
            taker = ScreenshotTaker(window, Path(screenshot))
            startup.session_opened.connect(taker.watch)
            # Nobody is there to answer a dialog: every question is declined.
            quiet = driven_by(lambda _dialog: QDialog.DialogCode.Rejected.value)
        window.show()
        startup.start(demo=bool(getattr(args, "demo", False)))
        try:
            with quiet:
                return int(app.exec())
        finally:
            reporter.uninstall()
            window.close()  # the session's files close before a demo's folder goes
