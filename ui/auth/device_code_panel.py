"""The code to type at Microsoft's sign-in page, for signing in from another device or when no
browser opens here: the link (opens the browser), the code (large, selectable) and Copy."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.icons import icon


class DeviceCodePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviceCodePanel")
        self.instruction = QLabel(
            self.tr("On this or any other device, open this page and enter the code:")
        )
        self.instruction.setWordWrap(True)
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link = QLabel()
        self.link.setObjectName("deviceCodeLink")
        self.link.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link.setTextFormat(Qt.TextFormat.RichText)
        # Opened by us rather than by the label, so there is one place (QDesktopServices) that
        # tests can intercept and that every platform routes to the default browser.
        self.link.setOpenExternalLinks(False)
        self.link.linkActivated.connect(self.open_link)
        self.code = QLabel()
        self.code.setObjectName("deviceCode")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(self.font().pointSizeF() * 2.4)
        font.setBold(True)
        font.setLetterSpacing(font.SpacingType.PercentageSpacing, 115)
        self.code.setFont(font)
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy code"))
        self.copy_button.setObjectName("copyDeviceCode")
        self.copy_button.clicked.connect(self.copy_code)
        self.waiting = QLabel(self.tr("Waiting for you to finish signing in…"))
        self.waiting.setObjectName("deviceCodeWaiting")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)

        code_row = QHBoxLayout()
        code_row.addStretch(1)
        code_row.addWidget(self.code)
        code_row.addWidget(self.copy_button)
        code_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.instruction)
        layout.addWidget(self.link)
        layout.addLayout(code_row)
        layout.addWidget(self.waiting)
        self._uri = ""
        self.hide()

    def show_code(self, user_code: str, verification_uri: str) -> None:
        self._uri = verification_uri
        self.code.setText(user_code)
        self.link.setText(f'<a href="{escape(verification_uri)}">{escape(verification_uri)}</a>')
        self.copy_button.setText(self.tr("Copy code"))
        self.show()

    def clear(self) -> None:
        self._uri = ""
        self.code.clear()
        self.link.clear()
        self.hide()

    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.code.text())
        self.copy_button.setText(self.tr("Copied"))

    def open_link(self, _href: str = "") -> None:
        if self._uri:
            QDesktopServices.openUrl(QUrl(self._uri))
