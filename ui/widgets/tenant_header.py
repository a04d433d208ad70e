"""The line above the packages: the organisation's name, who is signed in, and a "Demo tenant"
badge when the window shows the built-in demo."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from ui.icons import icon


class Badge(QLabel):
    """A small rounded pill in the highlight colour, drawn from the palette (dark-mode safe)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setContentsMargins(10, 2, 10, 2)
        self.setForegroundRole(QPalette.ColorRole.HighlightedText)
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.Highlight))
        rect = QRectF(self.rect())
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.end()
        super().paintEvent(event)


class TenantHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tenantHeader")
        self.organization = QLabel()
        self.organization.setObjectName("organizationName")
        font = self.organization.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.organization.setFont(font)
        self.account = QLabel()
        self.account.setObjectName("accountLabel")
        self.account.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.demo_badge = Badge(self.tr("Demo tenant"))
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setToolTip(
            self.tr("Built-in practice tenant on this computer: nothing here touches Microsoft 365")
        )
        self.demo_badge.hide()
        picture = QLabel()
        picture.setPixmap(icon("license").pixmap(22, 22))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(picture)
        layout.addWidget(self.organization)
        layout.addWidget(self.demo_badge)
        layout.addStretch(1)
        layout.addWidget(self.account)

    def show_tenant(self, organization: str, account: str, demo: bool) -> None:
        self.organization.setText(organization or self.tr("Loading…"))
        self.account.setText(account)
        self.demo_badge.setVisible(demo)
