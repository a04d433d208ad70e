"""Colours that carry meaning (a problem, a warning), readable on the palette they sit on.

A fixed colour that reads well on white vanishes on a dark window (and the other way round),
so each one is picked for the palette: the light or the dark shade by the window's lightness,
then darkened or lightened until it reaches WCAG's 4.5:1 against the background (text-sized
marks such as "Suspended" on a card). tests/ui/test_theme.py measures the ratio in both themes.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QPalette

MIN_CONTRAST = 4.5


class Mark(Enum):
    PROBLEM = "problem"  # no seats left, suspended, blocked by a problem
    WARNING = "warning"  # nearly full, expiring


# (on a light background, on a dark background): Fluent's status shades.
_SHADES = {
    Mark.PROBLEM: ("#c42b1c", "#ff99a4"),
    Mark.WARNING: ("#8a5300", "#fce100"),
}


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2): 0 for black, 1 for white."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    rgb = colour.toRgb()
    return (
        0.2126 * channel(rgb.redF())
        + 0.7152 * channel(rgb.greenF())
        + 0.0722 * channel(rgb.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_dark(palette: QPalette) -> bool:
    return luminance(palette.color(QPalette.ColorRole.Window)) < 0.25


def mark_colour(mark: Mark, palette: QPalette) -> QColor:
    """``mark``'s colour for text on ``palette``'s window and base, at least 4.5:1."""
    # Marks sit on the window (status bar, headings), on cards and in lists.
    backgrounds = tuple(
        palette.color(role)
        for role in (
            QPalette.ColorRole.Window,
            QPalette.ColorRole.Base,
            QPalette.ColorRole.AlternateBase,  # every other row of a list
        )
    )
    dark = is_dark(palette)
    colour = QColor(_SHADES[mark][1 if dark else 0])
    for _ in range(20):  # an unusual palette (high contrast themes): step away until legible
        if min(contrast(colour, b) for b in backgrounds) >= MIN_CONTRAST:
            break
        colour = colour.lighter(115) if dark else colour.darker(115)
    return colour
