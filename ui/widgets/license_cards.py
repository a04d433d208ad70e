"""The strip of license packages above the table: one card per package with its seat counts.

Cards follow SkuModel: new counts after a change update the existing cards in place. Clicking a
card shows only the users holding that package (clicking it again shows everyone).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.graph.records import SKU_SUSPENDED, SKU_WARNING, Sku
from ui.formatting import count
from ui.icons import icon
from ui.models.sku_model import SkuModel
from ui.status_colours import Mark, mark_colour

# Meaning colours, mid-tones that read on light and dark backgrounds alike.
NEARLY_FULL = 0.9
CARD_MIN_WIDTH = 250
CARD_SPACING = 10
MAX_VISIBLE_ROWS = 2


class UsageBar(QWidget):
    """Assigned / total as a thin rounded bar in the palette's highlight colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ratio = 0.0
        self._alarm: QColor | None = None
        self.setFixedHeight(6)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_usage(self, ratio: float, alarm: QColor | None) -> None:
        self._ratio, self._alarm = max(0.0, min(1.0, ratio)), alarm
        self.update()

    @property
    def ratio(self) -> float:
        return self._ratio

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = QRectF(self.rect())
        radius = track.height() / 2
        groove = self.palette().color(QPalette.ColorRole.WindowText)
        groove.setAlphaF(0.12)
        painter.setBrush(groove)
        painter.drawRoundedRect(track, radius, radius)
        if self._ratio > 0:
            fill = QRectF(track)
            fill.setWidth(max(track.height(), track.width() * self._ratio))
            painter.setBrush(self._alarm or self.palette().color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(fill, radius, radius)


class LicenseCard(QFrame):
    clicked = Signal(str)  # sku_id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("licenseCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumWidth(CARD_MIN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.sku_id = ""
        self._shown: tuple[Sku, str, str] | None = None
        self._full_name = ""
        self._active = False
        self.name = QLabel()
        self.name.setObjectName("cardName")
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.badge = QLabel()
        self.badge.setObjectName("cardBadge")
        self.counts = QLabel()
        self.counts.setObjectName("cardCounts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setWordWrap(True)  # a longer language wraps the status, never cuts it
        self.free = QLabel()
        self.free.setObjectName("cardFree")
        self.free.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.bar = UsageBar()

        title = QHBoxLayout()
        title.setSpacing(6)
        title.addWidget(self.name, 1)
        title.addWidget(self.badge)
        numbers = QHBoxLayout()
        numbers.addWidget(self.counts, 1)
        numbers.addWidget(self.free)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        layout.addLayout(title)
        layout.addLayout(numbers)
        layout.addWidget(self.bar)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The system turned dark or light: the status colours follow the new palette.
        if event.type() == QEvent.Type.PaletteChange and self._shown is not None:
            self.show_sku(*self._shown)

    def show_sku(self, sku: Sku, name: str, status: str) -> None:
        self._shown = (sku, name, status)
        self.sku_id = sku.sku_id
        self._full_name = name
        self._elide_name()
        tip = [name, sku.sku_part_number]
        if sku.applies_to != "User":
            tip.append(self.tr("For the organisation; not assignable to users"))
        self.setToolTip("\n".join(tip))
        self.name.setToolTip(sku.sku_part_number)
        counts = self.tr("{used} / {total} assigned").format(
            used=count(sku.consumed_units), total=count(sku.seat_count)
        )
        self.free.setText(self.tr("{free} free").format(free=count(sku.free)))
        ratio = sku.used_share
        red = mark_colour(Mark.PROBLEM, self.palette())  # readable on this card, light or dark
        amber = mark_colour(Mark.WARNING, self.palette())
        alarm = red if sku.free <= 0 else amber if ratio >= NEARLY_FULL else None
        badge_icon, colour, short = None, None, ""
        if sku.capability_status == SKU_SUSPENDED:
            badge_icon, colour, short = "error", red, self.tr("Suspended")
        elif sku.capability_status == SKU_WARNING:
            badge_icon, colour, short = "warning", amber, self.tr("Expiring")
        if colour is not None:
            alarm = colour
            counts = f'{counts} · <span style="color:{colour.name()}">{short}</span>'
        self.counts.setText(counts)
        self.bar.set_usage(ratio, alarm)
        self.badge.setVisible(badge_icon is not None)
        if badge_icon is not None:
            self.badge.setPixmap(icon(badge_icon).pixmap(QSize(16, 16), self.devicePixelRatioF()))
            self.badge.setToolTip(status)
        self.setProperty("status", sku.capability_status)

    def set_active(self, active: bool) -> None:
        self._active = active
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_name()

    def _elide_name(self) -> None:
        room = max(40, self.name.width())
        metrics = self.name.fontMetrics()
        self.name.setText(metrics.elidedText(self._full_name, Qt.TextElideMode.ElideRight, room))

    @property
    def active(self) -> bool:
        return self._active

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit(self.sku_id)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        border = (
            palette.color(QPalette.ColorRole.Highlight)
            if self._active
            else (palette.color(QPalette.ColorRole.Mid))
        )
        painter.setPen(border)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        if self._active:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(border)
            painter.drawRoundedRect(rect, 8, 8)
            painter.setBrush(palette.color(QPalette.ColorRole.Base))
            rect = rect.adjusted(2, 2, -2, -2)
        painter.drawRoundedRect(rect, 7, 7)


def _height_at(card: QWidget, width: int) -> int:
    if card.hasHeightForWidth():
        return max(card.sizeHint().height(), card.heightForWidth(width))
    return card.sizeHint().height()


class LicenseSummary(QScrollArea):
    """The cards of a SkuModel in a grid that reflows with the window's width. Up to two rows
    show at once; more packages scroll."""

    package_clicked = Signal(str)

    def __init__(self, skus: SkuModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("licenseSummary")
        self._skus = skus
        self._cards: list[LicenseCard] = []
        self._active_sku: str | None = None
        self._columns = 0
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._grid_host = QWidget()
        self._grid_host.setObjectName("licenseGrid")
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(CARD_SPACING)
        self.setWidget(self._grid_host)
        self.viewport().setAutoFillBackground(False)
        self._grid_host.setAutoFillBackground(False)
        skus.modelReset.connect(self._rebuild)
        skus.dataChanged.connect(self._refresh)
        self._rebuild()

    def cards(self) -> list[LicenseCard]:
        return list(self._cards)

    def card(self, sku_id: str) -> LicenseCard | None:
        return next((c for c in self._cards if c.sku_id == sku_id), None)

    def set_active(self, sku_id: str | None) -> None:
        self._active_sku = sku_id
        for card in self._cards:
            card.set_active(card.sku_id == sku_id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def _rebuild(self) -> None:
        for card in self._cards:
            self._grid.removeWidget(card)
            card.deleteLater()
        self._cards = []
        for _sku in self._skus.skus():
            card = LicenseCard()
            card.clicked.connect(self.package_clicked)
            self._cards.append(card)
        self._columns = 0
        self._refresh()
        self._reflow()

    def _reflow(self) -> None:
        width = max(1, self.viewport().width())
        columns = max(1, (width + CARD_SPACING) // (CARD_MIN_WIDTH + CARD_SPACING))
        if columns == self._columns and all(self._grid.indexOf(c) >= 0 for c in self._cards):
            return
        self._columns = columns
        for card in self._cards:
            self._grid.removeWidget(card)
        for position, card in enumerate(self._cards):
            self._grid.addWidget(card, position // columns, position % columns)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)
        rows = -(-len(self._cards) // columns) if self._cards else 0
        card_width = (width - (columns - 1) * CARD_SPACING) // columns
        # A status that wraps in a longer language makes a card taller: the tallest one counts.
        card_height = max((_height_at(c, card_width) for c in self._cards), default=0)
        for card in self._cards:
            card.setFixedHeight(card_height)
        shown = min(rows, MAX_VISIBLE_ROWS)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if rows > MAX_VISIBLE_ROWS
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.setFixedHeight(shown * card_height + max(0, shown - 1) * CARD_SPACING + 4)

    def _refresh(self) -> None:
        for card, sku in zip(self._cards, self._skus.skus(), strict=True):
            card.show_sku(sku, self._skus.name(sku.sku_id), self._skus.status_text(sku))
            card.set_active(sku.sku_id == self._active_sku)
