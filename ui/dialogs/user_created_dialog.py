"""The one time a new user's temporary password is shown, with a button to copy it."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.icons import icon


class UserCreatedDialog(QDialog):
    def __init__(
        self, user_principal_name: str, password: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("userCreated")
        self.setWindowTitle(self.tr("User created"))
        self.setMinimumWidth(480)
        heading = QLabel(self.tr("<b>{upn}</b> was created.").format(upn=user_principal_name))
        heading.setWordWrap(True)  # a long user name, a longer language
        self.password = QLineEdit(password)
        self.password.setObjectName("temporaryPassword")
        self.password.setReadOnly(True)
        self.password.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy"))
        self.copy_button.setObjectName("copyPassword")
        self.copy_button.clicked.connect(self.copy_password)
        form = QFormLayout()
        form.addRow(self.tr("Temporary password:"), self.password)
        note = QLabel(
            self.tr(
                "This is the only time the password is shown; License Desk does not keep it. "
                "Give it to the person through a safe channel."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def copy_password(self) -> None:
        QGuiApplication.clipboard().setText(self.password.text())

    def done(self, result: int) -> None:
        self.password.clear()  # drop the only copy the window holds
        super().done(result)
