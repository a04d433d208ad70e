"""Issue 11, Deliver 6: dark mode and high DPI. Status colours readable in both themes, the
window follows a dark theme, and --screenshot renders dark and at 200%."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication

from desktop.graph.records import SKU_SUSPENDED, SKU_WARNING
from tests.ui.conftest import Desk
from tests.ui.helpers import tenant_view
from ui import theme
from ui.models.plan_rows import blocking_red
from ui.screenshot import SCREENSHOT_SIZE
from ui.status_colours import MIN_CONTRAST, Mark, contrast, is_dark, luminance, mark_colour
from ui.theme import DARK, LIGHT, apply_theme, dark_palette

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[None]:
    style, palette = qapp.style().name(), qapp.palette()
    yield
    QGuiApplication.styleHints().unsetColorScheme()
    qapp.setStyle(style)
    qapp.setPalette(palette)


def light_palette(qapp: QApplication) -> QPalette:
    return qapp.style().standardPalette()


@pytest.mark.parametrize("mark", list(Mark))
def test_status_marks_reach_4_5_to_1_in_light_and_dark(qapp: QApplication, mark: Mark) -> None:
    for palette in (light_palette(qapp), dark_palette()):
        colour = mark_colour(mark, palette)
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            assert contrast(colour, palette.color(role)) >= MIN_CONTRAST, (mark, role)


def test_the_old_fixed_amber_failed_on_white() -> None:
    # Why the colours follow the palette: the amber the cards used was 2.6:1 on white.
    assert contrast(QColor("#d48806"), QColor("#ffffff")) < MIN_CONTRAST


def test_a_palette_far_from_both_shades_is_still_made_readable() -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#c42b1c"))  # the red itself
    palette.setColor(QPalette.ColorRole.Base, QColor("#c42b1c"))
    assert contrast(mark_colour(Mark.PROBLEM, palette), QColor("#c42b1c")) >= MIN_CONTRAST


def _status_colour(html: str) -> QColor:
    found = re.search(r"color:\s*(#[0-9a-fA-F]{6})", html)
    assert found, html
    return QColor(found.group(1))


@pytest.mark.usefixtures("themed")
def test_cards_in_the_dark_theme_mark_status_readably(qapp: QApplication, desk: Desk) -> None:
    assert apply_theme(qapp, DARK)
    assert qapp.style().name().lower() == "fusion"
    assert is_dark(qapp.palette())
    desk.qtbot.waitUntil(lambda: is_dark(tenant_view(desk).summary.palette()))
    summary = tenant_view(desk).summary
    marked = [
        card
        for card in summary.cards()
        if desk.session.skus.sku(card.sku_id).capability_status in (SKU_SUSPENDED, SKU_WARNING)
    ]
    assert marked, "the demo tenant has a suspended and an expiring package"
    for card in marked:
        colour = _status_colour(card.counts.text())
        background = card.palette().color(QPalette.ColorRole.Base)
        assert luminance(background) < 0.05  # the card is dark
        assert contrast(colour, background) >= MIN_CONTRAST
    assert not apply_theme(qapp, LIGHT)
    for card in marked:
        colour = _status_colour(card.counts.text())
        assert contrast(colour, card.palette().color(QPalette.ColorRole.Base)) >= MIN_CONTRAST


def test_no_card_is_cut_off(desk: Desk) -> None:
    summary = tenant_view(desk).summary
    cards = summary.cards()
    assert len(cards) > 5  # two rows in the default window
    shown = summary.viewport().height()
    for card in cards:
        assert card.geometry().bottom() < shown, card.sku_id
        assert card.height() >= card.sizeHint().height()


def _screenshot(tmp_path: Path, name: str, *options: str) -> QImage:
    target = tmp_path / f"{name}.png"
    env = dict(
        os.environ,
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
    )
    env.pop("QT_SCALE_FACTOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "ui", "--demo", "--screenshot", str(target), *options],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return QImage(str(target))


def _mean_luminance(image: QImage) -> float:
    small = image.scaled(136, 82)  # every pixel of a thumbnail, not a sample of the full size
    values = [
        luminance(small.pixelColor(x, y))
        for x in range(small.width())
        for y in range(small.height())
    ]
    return sum(values) / len(values)


def test_screenshot_in_the_dark_theme_is_dark_and_the_light_one_light(tmp_path: Path) -> None:
    dark = _screenshot(tmp_path, "dark", "--theme", "dark")
    light = _screenshot(tmp_path, "light", "--theme", "light")
    assert _mean_luminance(dark) < 0.15
    assert _mean_luminance(light) > 0.6


def test_screenshot_at_scale_2_is_twice_the_size(tmp_path: Path) -> None:
    image = _screenshot(tmp_path, "scale2", "--scale", "2")
    assert (image.width(), image.height()) == (SCREENSHOT_SIZE[0] * 2, SCREENSHOT_SIZE[1] * 2)


@pytest.mark.usefixtures("themed")
def test_the_preview_problem_mark_is_readable_in_dark_and_light(qapp: QApplication) -> None:
    for chosen in (DARK, LIGHT):
        apply_theme(qapp, chosen)
        palette = qapp.palette()
        red = blocking_red()
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
            assert contrast(red, palette.color(role)) >= MIN_CONTRAST, (chosen, role)


@pytest.mark.usefixtures("themed")
def test_on_windows_a_dark_system_gets_fusion_dark_and_back(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    native = qapp.style().name()
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    assert theme.follow_system(qapp)
    assert qapp.style().name().lower() == "fusion" and is_dark(qapp.palette())
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    assert not theme.follow_system(qapp)
    assert qapp.style().name() == native and not is_dark(qapp.palette())
