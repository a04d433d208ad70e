"""Shown when nobody is signed in: sign in to Microsoft 365, or open the demo tenant."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.auth.device_code_panel import DeviceCodePanel
from ui.icons import app_icon, icon

COLUMN_WIDTH = 540


class WelcomePage(QWidget):
    sign_in_requested = Signal()
    demo_requested = Signal()
    cancel_requested = Signal()
    code_sign_in_requested = Signal()
    options_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(96, 96), self.devicePixelRatioF()))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo.setFixedHeight(112)
        title = QLabel(self.tr("Welcome to License Desk"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "See who holds which Microsoft 365 license, and assign, swap or remove them "
                "for many people at once. Sign in with an administrator account, or try "
                "everything on the built-in demo tenant first."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sign_in_button = QPushButton(icon("sign-in"), self.tr("Sign in to Microsoft 365"))
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        self.demo_button = QPushButton(icon("demo"), self.tr("Open the demo tenant"))
        self.demo_button.setObjectName("openDemoButton")
        self.demo_button.clicked.connect(self.demo_requested)
        self.code_button = QPushButton(self.tr("Sign in with a code"))
        self.code_button.setObjectName("codeSignInButton")
        self.code_button.setToolTip(
            self.tr("Sign in on another device, or when no browser opens on this computer")
        )
        self.code_button.clicked.connect(self.code_sign_in_requested)
        self.back_button = QPushButton()
        self.back_button.setObjectName("backToTenant")
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.hide()
        for button in (self.sign_in_button, self.code_button, self.demo_button, self.back_button):
            button.setMinimumWidth(280)
            button.setMinimumHeight(36)
            button.setIconSize(QSize(20, 20))
        self.cancel_button = QPushButton(self.tr("Cancel sign-in"))
        self.cancel_button.setObjectName("cancelSignIn")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.cancel_button.hide()
        self.options_button = QPushButton(self.tr("Sign-in options…"))
        self.options_button.setObjectName("signInOptionsButton")
        self.options_button.setFlat(True)
        self.options_button.clicked.connect(self.options_requested)
        self.device_code = DeviceCodePanel()
        self.busy = QProgressBar()  # moving while a sign-in or a tenant is on its way
        self.busy.setObjectName("welcomeBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedSize(280, 6)
        self.busy.hide()
        self.message = QLabel()
        self.message.setObjectName("welcomeMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Microsoft's own (English) words of a failure, for support: behind a button.
        self.details_button = QPushButton(self.tr("Show details"))
        self.details_button.setObjectName("welcomeDetailsButton")
        self.details_button.setFlat(True)
        self.details_button.setCheckable(True)
        self.details_button.hide()
        self.details = QPlainTextEdit()
        self.details.setObjectName("welcomeDetails")
        self.details.setAccessibleName(self.tr("Details for support"))
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(120)
        self.details.hide()
        self.details_button.toggled.connect(self.details.setVisible)

        # A fixed-width column keeps wrapped text wrapping (labels centred by alignment flags
        # in a plain box layout get squeezed to one word per line).
        column = QWidget()
        column.setFixedWidth(COLUMN_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(10)
        inner.addWidget(logo)
        inner.addSpacing(6)
        inner.addWidget(title)
        inner.addWidget(text)
        inner.addSpacing(16)
        for button in (self.sign_in_button, self.code_button, self.demo_button, self.back_button):
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.device_code)
        inner.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.options_button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addSpacing(8)
        inner.addWidget(self.message)
        inner.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def show_message(self, text: str, details: str = "") -> None:
        """``text`` under the buttons; ``details`` (a failure's own words) behind a button."""
        self.message.setText(text)
        self.details.setPlainText(details)
        self.details_button.setChecked(False)
        self.details_button.setVisible(bool(details))
        self.details.hide()

    def show_back(self, text: str) -> None:
        """Offer a way back to the tenant that was open ("" hides it)."""
        self.back_button.setText(text)
        self.back_button.setVisible(bool(text))

    def set_waiting(self, waiting: bool, *, cancellable: bool = False) -> None:
        for button in (
            self.sign_in_button,
            self.code_button,
            self.demo_button,
            self.back_button,
            self.options_button,
        ):
            button.setEnabled(not waiting)
        self.cancel_button.setVisible(waiting and cancellable)
        self.busy.setVisible(waiting)
        if not waiting:
            self.device_code.clear()
