"""The window half of ``license-desk --self-test``: Qt, its plugins and translations load from
the frozen bundle, and the main window opens the demo tenant and paints. The core half is
``desktop.selftest``.

``--require-native`` (run by the installer workflow on the Windows and macOS runners, before and
after signing) proves what offscreen cannot: Qt started with the platform's own plugin and style,
and the OS keyring stores a secret. Without it the self-test runs offscreen, as in Linux CI.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from desktop.commands.exit_codes import EXIT_FAILED, EXIT_OK
from desktop.resources import resource_path
from desktop.selftest import SelfTestFailedError, run_core_checks

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication


def say(line: str) -> None:
    print(f"self-test: {line}", flush=True)


# What "native" means per platform: Qt's platform plugin, and its style (None: any, as Linux
# desktops have no single native style).
NATIVE_PLATFORMS = {"win32": {"windows"}, "darwin": {"cocoa"}, "linux": {"xcb", "wayland"}}
NATIVE_STYLES: dict[str, set[str] | None] = {
    "win32": {"windowsvista", "windows11"},
    "darwin": {"macos"},
    "linux": None,
}


def platform_key() -> str:
    return "linux" if sys.platform.startswith("linux") else sys.platform


def check_native_qt() -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    platform = QGuiApplication.platformName()
    wanted = NATIVE_PLATFORMS.get(platform_key(), set())
    if platform not in wanted:
        raise SelfTestFailedError(
            f"Qt runs on the {platform!r} platform plugin, not the native one "
            f"({', '.join(sorted(wanted))}): is QT_QPA_PLATFORM set, or the plugin missing?"
        )
    style = QApplication.style().name().lower()
    styles = NATIVE_STYLES.get(platform_key())
    if styles is not None and style not in styles:
        raise SelfTestFailedError(
            f"Qt uses the {style!r} style, not the native one ({', '.join(sorted(styles))}): "
            "the styles plugin is missing from the bundle"
        )
    say(f"native: {platform} platform plugin, {style} style")


def check_qt() -> QCoreApplication:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    # Keep a reference: an unreferenced QApplication would be destroyed at once.
    app: QCoreApplication = QApplication.instance() or QApplication(sys.argv[:1])
    icon = QIcon(str(resource_path("app", "license-desk.svg")))
    if icon.pixmap(64, 64).isNull():
        raise SelfTestFailedError("the SVG icon plugin did not load (imageformats/qsvg missing)")
    say(f"qt: {QGuiApplication.platformName()} platform, SVG icons render")

    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator()
    if not qtbase.load(QLocale(QLocale.Language.Polish), "qtbase", "_", qt_translations):
        raise SelfTestFailedError(f"Qt's own Polish translation not found in {qt_translations}")
    folder = str(resource_path("translations"))
    ours = QTranslator()
    if not ours.load(QLocale(QLocale.Language.Polish), "license_desk", "_", folder):
        raise SelfTestFailedError(f"License Desk's Polish translation not found in {folder}")
    # Loading is not enough: an empty or stale catalog loads too.
    if ours.translate("UserActions", "Block sign-in") != "Zablokuj logowanie":
        raise SelfTestFailedError("License Desk's Polish translation does not translate")
    plurals = QTranslator()  # English spells its plurals ("1 user") through a catalog too
    if not plurals.load("license_desk_en", folder):
        raise SelfTestFailedError(f"License Desk's English plural forms not found in {folder}")
    say("translations: qtbase_pl, license_desk_pl and license_desk_en load")
    return app


def run_self_test(*, require_native: bool = False) -> int:
    if not require_native:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        run_core_checks(say, require_native=require_native)
        app = check_qt()  # held until the end: the window below needs it
        if require_native:
            check_native_qt()
        from ui.self_test_window import render_window

        render_window(say)
        del app
    except SelfTestFailedError as failure:
        say(f"FAILED: {failure}")
        return EXIT_FAILED
    say("passed")
    return EXIT_OK
