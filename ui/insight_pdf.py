"""The one-page PDF summary of an insight report, drawn with Qt's own painter.

``paint_summary`` draws the page on any ``QPainter`` (the PDF writer, or an image in tests);
``write_summary_pdf`` is what ``license-desk insights --pdf`` calls through the program's entry
point. Works without a window: it starts an offscreen ``QApplication`` when none runs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QApplication

from desktop.insight.findings import FindingKind
from desktop.insight.report import InsightReport
from desktop.private_files import create_private_file
from ui.insight_text import KIND, NOTE, SOURCE, money

SHOWN_PACKAGES = 12
SHOWN_FINDINGS = 12


class _Lines:
    """Draws text top to bottom inside ``area``, in points scaled to the device."""

    def __init__(self, painter: QPainter, area: QRectF) -> None:
        self.painter = painter
        self.area = area
        self.y = area.top()

    def text(self, text: str, size: float, *, bold: bool = False, color: str = "#202020") -> None:
        font = QFont()
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)
        self.painter.setPen(QColor(color))
        height = self.painter.fontMetrics().height()
        rect = QRectF(self.area.left(), self.y, self.area.width(), height * 3)
        used = self.painter.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
        self.painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
        self.y += used.height() + height * 0.25

    def row(
        self, cells: list[str], widths: list[float], size: float, *, bold: bool = False
    ) -> None:
        font = QFont()
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)
        self.painter.setPen(QColor("#202020"))
        height = self.painter.fontMetrics().height()
        x = self.area.left()
        for index, (cell, share) in enumerate(zip(cells, widths, strict=True)):
            width = self.area.width() * share
            align = Qt.AlignmentFlag.AlignLeft if index == 0 else Qt.AlignmentFlag.AlignRight
            rect = QRectF(x, self.y, width - height * 0.3, height)
            elided = self.painter.fontMetrics().elidedText(
                cell, Qt.TextElideMode.ElideRight, int(rect.width())
            )
            self.painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), elided)
            x += width
        self.y += height * 1.15


def paint_summary(painter: QPainter, page: QRectF, report: InsightReport) -> None:
    painter.fillRect(page, QColor("white"))
    lines = _Lines(painter, page)
    summary, findings = report.summary, report.findings
    taken = report.snapshot.taken_at.strftime("%Y-%m-%d")
    lines.text(QCoreApplication.translate("InsightPdf", "License insight"), 20, bold=True)
    lines.text(
        QCoreApplication.translate("InsightPdf", "Tenant {tenant}, {date}").format(
            tenant=report.snapshot.tenant_id, date=taken
        ),
        9,
        color="#606060",
    )
    lines.text(
        QCoreApplication.translate("InsightPdf", "Monthly cost: {amount}").format(
            amount=money(summary.monthly_cost)
        ),
        14,
        bold=True,
    )
    lines.text(
        QCoreApplication.translate("InsightPdf", "Monthly waste: {amount}").format(
            amount=money(summary.monthly_waste)
        ),
        14,
        bold=True,
        color="#b00020",
    )
    source = SOURCE[findings.source]()
    lines.text(
        QCoreApplication.translate(
            "InsightPdf", "Last activity from: {source}; inactive after {days} days"
        ).format(source=source, days=findings.inactive_days),
        9,
    )
    for note in report.notes:
        lines.text(NOTE[note](), 9, color="#8a5a00")
    if summary.unpriced:
        lines.text(
            QCoreApplication.translate(
                "InsightPdf", "Without a price (not counted): {packages}"
            ).format(packages=", ".join(summary.unpriced)),
            9,
            color="#8a5a00",
        )
    lines.text("", 6)
    widths = [0.34, 0.11, 0.11, 0.11, 0.11, 0.22]
    lines.row(
        [
            QCoreApplication.translate("InsightPdf", "Package"),
            QCoreApplication.translate("InsightPdf", "Total"),
            QCoreApplication.translate("InsightPdf", "Assigned"),
            QCoreApplication.translate("InsightPdf", "Inactive"),
            QCoreApplication.translate("InsightPdf", "Free"),
            QCoreApplication.translate("InsightPdf", "Waste / month"),
        ],
        widths,
        9,
        bold=True,
    )
    for package in summary.packages[:SHOWN_PACKAGES]:
        waste = (
            money([package.monthly_waste])
            if package.monthly_waste
            else QCoreApplication.translate("InsightPdf", "no price")
        )
        lines.row(
            [
                package.part_number,
                str(package.total),
                str(package.assigned),
                str(package.inactive),
                str(package.free),
                waste,
            ],
            widths,
            9,
        )
    lines.text("", 6)
    counts = ", ".join(f"{KIND[k]()}: {len(findings.of_kind(k))}" for k in FindingKind)
    lines.text(counts, 9)
    costly = sorted(
        (f for f in findings.findings if f.monthly_cost),
        key=lambda f: -sum(m.amount for m in f.monthly_cost),
    )[:SHOWN_FINDINGS]
    if costly:
        lines.text(QCoreApplication.translate("InsightPdf", "Largest findings"), 11, bold=True)
        widths = [0.45, 0.3, 0.25]
        for finding in costly:
            who = finding.user_principal_name or ", ".join(finding.part_numbers)
            lines.row([who, KIND[finding.kind](), money(finding.monthly_cost)], widths, 8)


def write_summary_pdf(report: InsightReport, path: Path) -> None:
    if QGuiApplication.instance() is None:
        # A QApplication, not a bare QGuiApplication: a later QWidget in the same process (the
        # window, an in-process test) aborts the interpreter under a QGuiApplication.
        QApplication(["license-desk", "-platform", "offscreen"])
    create_private_file(path)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(QCoreApplication.translate("InsightPdf", "License insight"))
    painter = QPainter(writer)
    try:
        paint_summary(painter, QRectF(painter.viewport()), report)
    finally:
        painter.end()
