"""Insight in the window's layer: every finding kind, source, note and term has words (English
and Polish, and English for the command line), and the one-page PDF summary renders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.demo.example_prices import EXAMPLE_PRICES
from desktop.graph.client import GraphClient
from desktop.graph.tokens import StaticToken
from desktop.insight import english
from desktop.insight.findings import FindingKind
from desktop.insight.prices import PriceBook
from desktop.insight.records import ActivitySource, SnapshotNote
from desktop.insight.renewals import Term
from desktop.insight.report import InsightReport, build_report
from desktop.insight.snapshot import read_snapshot
from tests.demo_tenant import DemoTenantForTests as DemoTenant
from tests.ui.language_support import Switch, in_language
from ui import insight_text
from ui.insight_pdf import paint_summary, write_summary_pdf

__all__ = ["in_language"]  # a fixture, imported for pytest

ENUMS = [
    (FindingKind, english.KIND, insight_text.KIND),
    (ActivitySource, english.SOURCE, insight_text.SOURCE),
    (SnapshotNote, english.NOTE, insight_text.NOTE),
    (Term, english.TERM, insight_text.TERM),
]


@pytest.fixture
def report(demo_tenant_readonly: DemoTenant) -> Iterator[InsightReport]:
    with GraphClient(demo_tenant_readonly.base_url, StaticToken("pdf")) as client:
        snapshot = read_snapshot(client)
    yield build_report(snapshot, PriceBook.from_mapping(EXAMPLE_PRICES))


@pytest.mark.parametrize(("enum", "cli", "window"), ENUMS, ids=lambda e: getattr(e, "__name__", ""))
def test_every_member_has_words_in_english_and_polish(
    enum: type, cli: dict[object, str], window: dict[object, object], in_language: Switch
) -> None:
    members = list(enum)  # type: ignore[call-overload]
    assert all(cli[m] for m in members)
    english_words = {m: window[m]() for m in members}  # type: ignore[operator]
    assert all(english_words.values())
    in_language("pl", "pl_PL")
    polish = {m: window[m]() for m in members}  # type: ignore[operator]
    assert all(polish[m] != english_words[m] for m in members), polish


def test_the_summary_page_renders_with_its_figures(report: InsightReport) -> None:
    image = QImage(1240, 1754, QImage.Format.Format_ARGB32)  # A4 at 150 dpi
    image.fill(QColor("black"))
    painter = QPainter(image)
    try:
        paint_summary(painter, QRectF(60, 60, 1120, 1634), report)
    finally:
        painter.end()
    assert image.pixelColor(5, 5) == QColor("black")  # outside the page: untouched
    assert image.pixelColor(600, 1680) == QColor("white")  # the page itself is white
    title = [image.pixelColor(x, y) for x in range(60, 700, 2) for y in range(60, 110, 2)]
    assert sum(c != QColor("white") for c in title) > 50  # the title was drawn
    waste = [image.pixelColor(x, y) for x in range(60, 1180, 3) for y in range(60, 400, 3)]
    assert any(c.red() > 150 and c.green() < 60 for c in waste)  # the waste line, in red


def test_the_pdf_has_one_page(report: InsightReport, tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    write_summary_pdf(report, target)
    content = target.read_bytes()
    assert content.startswith(b"%PDF-")
    assert content.count(b"/Type /Pages") == 1
    assert b"/Count 1" in content
