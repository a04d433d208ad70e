"""Assigned vs. total seats of one package over time, from the local seat history, drawn with
QPainter: the total as a grey line, the assigned seats as a green one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.insight.history import SeatCount

TOTAL = QColor("#78909c")
ASSIGNED = QColor("#2e7d32")


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[SeatCount] = []
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(QCoreApplication.translate("TrendChart", "Seats over time"))

    def set_series(self, points: list[SeatCount]) -> None:
        self._points = sorted(points, key=lambda c: c.day)
        self.setAccessibleDescription(self.describe())
        self.setToolTip(self.describe())
        self.update()

    @property
    def points(self) -> list[SeatCount]:
        return list(self._points)

    def describe(self) -> str:
        if not self._points:
            return QCoreApplication.translate("TrendChart", "No history yet")
        first, last = self._points[0], self._points[-1]
        return QCoreApplication.translate(
            "TrendChart", "From {start} to {end}: assigned {before} → {after} of {total}"
        ).format(
            start=_day(first.day),
            end=_day(last.day),
            before=first.assigned,
            after=last.assigned,
            total=last.total,
        )

    def sizeHint(self) -> QSize:
        return QSize(480, 220)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().text().color()
        area = QRectF(self.rect()).adjusted(48, 12, -12, -28)
        if not self._points:
            painter.setPen(text)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self.describe())
            return
        days = [(c.day - self._points[0].day).days for c in self._points]
        span = max(days[-1], 1)
        top = max([1, *(c.total for c in self._points), *(c.assigned for c in self._points)])

        def at(index: int, value: int) -> QPointF:
            x = area.left() + area.width() * days[index] / span if days[-1] else area.center().x()
            return QPointF(x, area.bottom() - area.height() * value / top)

        painter.setPen(QPen(text, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        painter.drawText(
            QRectF(0, area.top() - 6, 44, 14), int(Qt.AlignmentFlag.AlignRight), str(top)
        )
        painter.drawText(
            QRectF(0, area.bottom() - 7, 44, 14), int(Qt.AlignmentFlag.AlignRight), "0"
        )
        painter.drawText(
            QRectF(area.left(), area.bottom() + 4, area.width(), 18),
            int(Qt.AlignmentFlag.AlignLeft),
            _day(self._points[0].day),
        )
        painter.drawText(
            QRectF(area.left(), area.bottom() + 4, area.width(), 18),
            int(Qt.AlignmentFlag.AlignRight),
            _day(self._points[-1].day),
        )
        for color, values in (
            (TOTAL, [c.total for c in self._points]),
            (ASSIGNED, [c.assigned for c in self._points]),
        ):
            painter.setPen(QPen(color, 2))
            points = [at(i, v) for i, v in enumerate(values)]
            if len(points) == 1:
                painter.setBrush(color)
                painter.drawEllipse(points[0], 3, 3)
            else:
                painter.drawPolyline(QPolygonF(points))


def _day(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
