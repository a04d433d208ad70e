"""Icons from ``resources/icons``: SVG line drawings tinted with the current palette.

The SVGs draw with ``currentColor``; this engine substitutes the palette's text colour when it
paints, so the same files serve light and dark themes, greyed-out (disabled) actions, and any
screen density (they are rendered at the exact pixel size asked for, never scaled bitmaps).
Status icons (warning, error, done...) carry their own colours and are left as drawn.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
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

PixmapKey = tuple[int, int, QIcon.Mode, str, float]


@cache
def _svg_source(name: str) -> str:
    path = resource_path("icons", f"{name}.svg")
    return path.read_text(encoding="utf-8")


@cache
def _renderer(name: str, tint: str) -> QSvgRenderer:
    svg = _svg_source(name).replace("currentColor", tint)
    return QSvgRenderer(QByteArray(svg.encode("utf-8")))


def _tint(mode: QIcon.Mode) -> str:
    palette = QGuiApplication.palette()
    group = (
        QPalette.ColorGroup.Disabled
        if mode == QIcon.Mode.Disabled
        else (QPalette.ColorGroup.Active)
    )
    role = (
        QPalette.ColorRole.HighlightedText
        if mode == QIcon.Mode.Selected
        else (QPalette.ColorRole.WindowText)
    )
    return palette.color(group, role).name()


class TintedSvgEngine(QIconEngine):
    def __init__(self, name: str, *, quiet: bool = False) -> None:
        super().__init__()
        self._name = name
        self._quiet = quiet  # drawn in the greyed-out colour unless selected
        # Rendered bitmaps per size, mode, colour and screen scale: a table paints the same
        # icon on every row, and an SVG render per row would dominate the paint.
        self._pixmaps: dict[PixmapKey, QPixmap] = {}

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        if self._quiet and mode in (QIcon.Mode.Normal, QIcon.Mode.Active):
            mode = QIcon.Mode.Disabled
        tint = _tint(mode)
        key = (size.width(), size.height(), mode, tint, scale)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        width = max(1, round(size.width() * scale))
        height = max(1, round(size.height() * scale))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _renderer(self._name, tint).render(painter, QRectF(0, 0, width, height))
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        self._pixmaps[key] = pixmap
        return pixmap

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return TintedSvgEngine(self._name, quiet=self._quiet)

    def key(self) -> str:
        return "license-desk-tinted-svg"

    def iconName(self) -> str:
        return self._name

    def isNull(self) -> bool:
        return False


def icon(name: str, *, quiet: bool = False) -> QIcon:
    """The icon ``resources/icons/<name>.svg``; ``quiet`` draws it greyed out except on a
    selected row. Raises FileNotFoundError for a missing name, so a typo fails the first test
    that builds the action rather than showing a blank."""
    _svg_source(name)
    return QIcon(TintedSvgEngine(name, quiet=quiet))


def app_icon() -> QIcon:
    return QIcon(str(resource_path("app", "license-desk.svg")))
