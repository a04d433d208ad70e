"""Icons from ``resources/icons``: SVG line drawings tinted with the current palette.

The SVGs draw with ``currentColor``; this engine substitutes the palette's text colour when it
paints, so the same files serve light and dark themes, greyed-out (disabled) actions, and any
screen density (they are rendered at the exact pixel size asked for, never scaled bitmaps).
Status icons (warning, error, done...) carry their own colours and are left as drawn.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from desktop.resources import resource_path


@cache
def _svg_source(name: str) -> str:
    path = resource_path("icons", f"{name}.svg")
    return path.read_text(encoding="utf-8")


def _tint(mode: QIcon.Mode) -> str:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        group = QPalette.ColorGroup.Disabled
    else:
        group = QPalette.ColorGroup.Active
    role = (
        QPalette.ColorRole.HighlightedText
        if mode == QIcon.Mode.Selected
        else (QPalette.ColorRole.WindowText)
    )
    return palette.color(group, role).name()


class TintedSvgEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        svg = _svg_source(self._name).replace("currentColor", _tint(mode))
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        renderer.render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        device_size = QSize(
            max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
        )
        image = QImage(device_size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), device_size), mode, state)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self._name)

    def key(self) -> str:
        return "license-desk-tinted-svg"

    def iconName(self) -> str:
        return self._name

    def isNull(self) -> bool:
        return False


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``. Raises FileNotFoundError for a missing name,
    so a typo fails the first test that builds the action rather than showing a blank."""
    _svg_source(name)
    return QIcon(TintedSvgEngine(name))


def app_icon() -> QIcon:
    return QIcon(str(resource_path("app", "license-desk.svg")))
