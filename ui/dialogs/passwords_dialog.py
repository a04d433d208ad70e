"""The one time the temporary passwords of accounts created for people from the list are
shown: each with its user name, copied one by one or all at once, or saved to an owner-only
CSV file. Closing the dialog drops the only copy the window holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.people.password_file import write_passwords_csv
from ui.dialogs.error_dialog import show_error
from ui.dialogs.file_choice import file_to_save
from ui.icons import icon


class PasswordsDialog(QDialog):
    def __init__(
        self, accounts: dict[str, tuple[str, bool]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("peoplePasswords")
        self.setWindowTitle(self.tr("Accounts created"))
        self.setMinimumWidth(560)
        self._accounts = dict(accounts)
        self.saved_to: Path | None = None
        heading = QLabel(self.tr("%Ln accounts were created.", "", len(accounts)))
        self.table = QTableWidget(len(accounts), 2)
        self.table.setObjectName("passwordsTable")
        self.table.setHorizontalHeaderLabels([self.tr("User name (UPN)"),
                                              self.tr("Temporary password")])  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for row, (upn, (password, _must)) in enumerate(self._accounts.items()):
            self.table.setItem(row, 0, QTableWidgetItem(upn))
            item = QTableWidgetItem(password)
            item.setFont(fixed)
            self.table.setItem(row, 1, item)
        self.table.resizeColumnsToContents()
        note = QLabel(
            self.tr(
                "This is the only time the passwords are shown; License Desk does not keep them. "
                "Give them to the people through a safe channel; they change them at first "
                "sign-in."
            )
        )
        note.setWordWrap(True)
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy"))
        self.copy_button.setObjectName("copyPasswords")
        self.copy_button.setToolTip(self.tr("Copy the selected rows, or every row"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(icon("export"), self.tr("Save to file…"))
        self.save_button.setObjectName("savePasswords")
        self.save_button.setToolTip(self.tr("A CSV file only you can read"))
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def passwords(self) -> dict[str, str]:
        return {upn: pw for upn, (pw, _must) in self._accounts.items()}

    def copy(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}) or range(
            self.table.rowCount()
        )
        lines = [f"{self._cell(r, 0)}\t{self._cell(r, 1)}" for r in rows]
        QGuiApplication.clipboard().setText("\n".join(lines))

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def save(self) -> None:
        path = file_to_save(
            self,
            name="passwordsFileDialog",
            title=self.tr("Save passwords"),
            name_filter=self.tr("CSV files (*.csv)"),
            suggested="passwords.csv",
        )
        if path is None:
            return
        try:
            write_passwords_csv(path, self._accounts)
        except OSError as exc:
            show_error(self, exc)
            return
        self.saved_to = path

    def done(self, result: int) -> None:
        self.table.clearContents()  # drop the only copy the window holds
        self._accounts.clear()
        super().done(result)
