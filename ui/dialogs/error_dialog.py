"""A readable error: what happened, what to do, and the details support needs (copyable)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.launcher import launch
from ui.errors import UserMessage, describe
from ui.icons import icon


class ErrorDialog(QDialog):
    def __init__(self, message: UserMessage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(message.title)
        self.setMinimumWidth(460)
        self._message = message

        picture = QLabel()
        picture.setPixmap(icon("error" if not message.expected else "warning").pixmap(40, 40))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"<b>{message.title}</b>")
        text = QLabel(message.text)
        text.setObjectName("errorText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(text)
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addLayout(words, 1)

        self.details = QPlainTextEdit(message.details)
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setVisible(bool(message.details) and not message.expected)
        self.details.setMinimumHeight(140)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy details"))
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        if message.details and message.expected:
            more = QPushButton(self.tr("Show details"))
            more.setCheckable(True)
            more.toggled.connect(self.details.setVisible)
            buttons.addButton(more, QDialogButtonBox.ButtonRole.HelpRole)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def report_text(self) -> str:
        parts = [self._message.title, self._message.text]
        if self._message.details:
            parts.append(self._message.details)
        return "\n\n".join(parts)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    launch(ErrorDialog(describe(exc), parent))
