"""The window half of ``license-desk --self-test``: Qt, its plugins and translations load from
the frozen bundle. The core half is ``desktop.selftest``."""

from __future__ import annotations

import os
import sys

from desktop.commands.exit_codes import EXIT_FAILED, EXIT_OK
from desktop.resources import resource_path
from desktop.selftest import SelfTestFailedError, run_core_checks


def say(line: str) -> None:
    print(f"self-test: {line}", flush=True)


def check_qt() -> None:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    # Keep a reference: an unreferenced QApplication would be destroyed at once.
    app = QApplication.instance() or QApplication(sys.argv[:1])
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
    del app


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        run_core_checks(say)
        check_qt()
    except SelfTestFailedError as failure:
        say(f"FAILED: {failure}")
        return EXIT_FAILED
    say("passed")
    return EXIT_OK
