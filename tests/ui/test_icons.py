"""Every icon renders, and outline icons take the palette's colour (so dark mode works)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette

from desktop.resources import resource_path
from ui.icons import icon

NAMES = sorted(p.stem for p in Path(resource_path("icons")).glob("*.svg"))


def opaque_pixels(image: QImage) -> list[QColor]:
    return [
        image.pixelColor(x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 200
    ]


@pytest.mark.parametrize("name", NAMES)
def test_icon_renders_sharp_at_several_sizes(qapp: object, name: str) -> None:
    for side in (16, 24, 48):
        pixmap = icon(name).pixmap(QSize(side, side), 2.0)  # a high-density screen
        image = pixmap.toImage()
        assert (image.width(), image.height()) == (side * 2, side * 2)
        assert opaque_pixels(image), f"{name} drew nothing at {side}px"


def test_outline_icons_follow_the_palette(qapp: object) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    original = app.palette()
    try:
        for text in ("#f0f0f0", "#101010"):  # dark theme, light theme
            palette = QPalette(original)
            palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
            app.setPalette(palette)
            image = icon("refresh").pixmap(QSize(32, 32), 1.0, QIcon.Mode.Normal).toImage()
            wanted = QColor(text)
            for colour in opaque_pixels(image):  # within rounding of premultiplied alpha
                assert abs(colour.red() - wanted.red()) <= 3, (colour.name(), text)
                assert abs(colour.blue() - wanted.blue()) <= 3, (colour.name(), text)
    finally:
        app.setPalette(original)


def test_a_missing_icon_fails_loudly(qapp: object) -> None:
    with pytest.raises(FileNotFoundError):
        icon("no-such-icon")
