"""Light or dark: follow the system's appearance, or a theme asked for (``--theme``).

macOS and most Linux styles follow the system's dark appearance by themselves. The Windows
styles of Qt do not everywhere, so on Windows, when the system is dark, the window uses the
Fusion style with a dark palette (and goes back when the system turns light). ``--theme dark``
or ``light`` forces one anywhere (Fusion and its palette), for screenshots and tests.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)
# Application properties: the style before Fusion took over, and whether the system is followed.
_NATIVE_STYLE = "licenseDeskNativeStyle"
_FOLLOWING = "licenseDeskFollowsSystemTheme"


def dark_palette() -> QPalette:
    """Fusion's colours for a dark window: text at least 7:1 on its background."""
    palette = QPalette()
    roles = QPalette.ColorRole
    window, base, text = QColor("#202020"), QColor("#2b2b2b"), QColor("#f0f0f0")
    for role, colour in (
        (roles.Window, window),
        (roles.WindowText, text),
        (roles.Base, base),
        (roles.AlternateBase, QColor("#323232")),
        (roles.ToolTipBase, QColor("#2b2b2b")),
        (roles.ToolTipText, text),
        (roles.PlaceholderText, QColor("#a8a8a8")),
        (roles.Text, text),
        (roles.Button, QColor("#2d2d2d")),
        (roles.ButtonText, text),
        (roles.BrightText, QColor("#ff99a4")),
        (roles.Light, QColor("#3a3a3a")),
        (roles.Midlight, QColor("#333333")),
        (roles.Mid, QColor("#2a2a2a")),
        (roles.Dark, QColor("#151515")),
        (roles.Shadow, QColor("#000000")),
        (roles.Highlight, QColor("#4cc2ff")),
        (roles.HighlightedText, QColor("#000000")),
        (roles.Link, QColor("#99ebff")),
        (roles.LinkVisited, QColor("#d6a4ff")),
    ):
        palette.setColor(role, colour)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: str = SYSTEM) -> bool:
    """Apply ``theme``; True when the window is now dark."""
    if theme not in THEMES:
        raise ValueError(f"not a theme: {theme}")
    if theme == SYSTEM:
        if sys.platform != "win32":
            return system_is_dark()  # the platform's style follows the system itself
        if not app.property(_FOLLOWING):
            app.setProperty(_FOLLOWING, True)
            QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: follow_system(app))
        return follow_system(app)
    dark = theme == DARK
    QGuiApplication.styleHints().setColorScheme(
        Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light
    )
    _use_fusion(app, dark)
    return dark


def follow_system(app: QApplication) -> bool:
    """Windows: Fusion with the dark palette while the system is dark; the native style (and
    its palette) otherwise. True when dark."""
    dark = system_is_dark()
    if dark:
        _use_fusion(app, True)
    elif app.property(_NATIVE_STYLE):
        app.setStyle(str(app.property(_NATIVE_STYLE)))
        app.setPalette(app.style().standardPalette())
    return dark


def _use_fusion(app: QApplication, dark: bool) -> None:
    if not app.property(_NATIVE_STYLE):
        app.setProperty(_NATIVE_STYLE, app.style().name())  # to go back when it turns light
    app.setStyle("Fusion")
    style = app.style()
    app.setPalette(dark_palette() if dark else style.standardPalette())
