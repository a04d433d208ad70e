"""Per package: seats used by active holders, by inactive ones, and free, as stacked bars drawn
with QPainter (no chart library: the installer stays small). Each bar is its package's whole
(10,000 free Power Automate seats must not flatten a 15-seat E3 bar); the label gives the count."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.insight.summary import PackageSummary

ACTIVE = QColor("#2e7d32")
INACTIVE = QColor("#c62828")
FREE = QColor("#b0bec5")
ROW_HEIGHT = 22


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    active: int
    inactive: int
    free: int

    @property
    def total(self) -> int:
        return self.active + self.inactive + self.free


def bars(packages: list[PackageSummary]) -> list[Bar]:
    """One bar per package that has seats; consumed seats beyond the total count as used."""
    found = []
    for package in packages:
        if package.total <= 0 and package.assigned <= 0:
            continue
        inactive = min(package.inactive, package.assigned)
        found.append(
            Bar(package.part_number, package.assigned - inactive, inactive, max(0, package.free))
        )
    return found


class PackageChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName(QCoreApplication.translate("PackageChart", "Seats per package"))

    def set_packages(self, packages: list[PackageSummary]) -> None:
        self._bars = bars(packages)
        self.setToolTip(self.describe())
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    @property
    def shown(self) -> list[Bar]:
        return list(self._bars)

    def describe(self) -> str:
        """The chart in words (tooltip and screen readers)."""
        line = QCoreApplication.translate(
            "PackageChart", "{package}: {active} active, {inactive} inactive, {free} free"
        )
        return "\n".join(
            line.format(package=b.label, active=b.active, inactive=b.inactive, free=b.free)
            for b in self._bars
        )

    def sizeHint(self) -> QSize:
        return QSize(480, ROW_HEIGHT * (len(self._bars) + 1) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        labels = [f"{b.label} ({QLocale().toString(b.total)})" for b in self._bars]
        label_width = max((metrics.horizontalAdvance(t) for t in labels), default=0) + 12
        area = max(40.0, self.width() - label_width - 8.0)
        y = 4.0
        for bar, label in zip(self._bars, labels, strict=True):
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_width - 6, ROW_HEIGHT - 4),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            x = float(label_width)
            whole = bar.total or 1
            for count, color in ((bar.active, ACTIVE), (bar.inactive, INACTIVE), (bar.free, FREE)):
                width = area * count / whole
                painter.fillRect(QRectF(x, y + 3, width, ROW_HEIGHT - 10), color)
                x += width
            y += ROW_HEIGHT
        legend = [
            (ACTIVE, QCoreApplication.translate("PackageChart", "active")),
            (INACTIVE, QCoreApplication.translate("PackageChart", "inactive")),
            (FREE, QCoreApplication.translate("PackageChart", "free")),
        ]
        x = float(label_width)
        for color, text in legend:
            painter.fillRect(QRectF(x, y + 5, 10, 10), color)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(x + 14, y, 120, ROW_HEIGHT), int(Qt.AlignmentFlag.AlignVCenter), text
            )
            x += 24 + metrics.horizontalAdvance(text)
        if self.hasFocus():
            painter.setPen(self.palette().highlight().color())
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
