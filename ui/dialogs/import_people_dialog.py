"""Import people from an HR export: which column gives what, the first rows as they will be
kept, and the bad rows by line number. Nothing is imported until the person accepts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.people.fields import Field
from desktop.people.importing import ImportPreview


class ImportPeopleDialog(QDialog):
    def __init__(
        self, file_name: str, preview: ImportPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPeople")
        self.setWindowTitle(self.tr("Import people"))
        self.setMinimumWidth(640)
        self.preview = preview
        field_words = self._field_words()
        heading = QLabel(
            self.tr("%Ln people ready to import from {file}.", "", len(preview.people)).format(
                file=file_name
            )
        )
        heading.setWordWrap(True)
        mapping = "; ".join(f"{column} → {field_words[field]}"
                            for column, field in preview.mapping.items())  # fmt: skip
        self.mapping_label = QLabel(self.tr("Columns used: {mapping}").format(mapping=mapping))
        self.mapping_label.setObjectName("importMapping")
        self.mapping_label.setWordWrap(True)
        self.ignored_label = QLabel(
            self.tr("Columns left out: {columns}").format(columns=", ".join(preview.ignored))
        )
        self.ignored_label.setWordWrap(True)
        self.ignored_label.setVisible(bool(preview.ignored))
        fields = [f for f in Field if f in preview.mapping.values()]
        self.rows = QTableWidget(len(preview.first_rows), len(fields))
        self.rows.setObjectName("importFirstRows")
        self.rows.setHorizontalHeaderLabels([field_words[f] for f in fields])
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, person in enumerate(preview.first_rows):
            values = {
                Field.NAME: person.display_name,
                Field.FIRST: person.first,
                Field.LAST: person.last,
                Field.EMAIL: person.email,
                Field.UPN: person.upn,
                Field.DEPARTMENT: person.department,
                Field.JOB_TITLE: person.job_title,
                Field.USAGE_LOCATION: person.usage_location,
                Field.MANAGER: person.manager,
            }
            for column, field in enumerate(fields):
                self.rows.setItem(row, column, QTableWidgetItem(values[field] or ""))
        self.rows.resizeColumnsToContents()
        self.bad_label = QLabel(self.tr("%Ln rows cannot be imported:", "", len(preview.bad)))
        self.bad = QListWidget()
        self.bad.setObjectName("importBadRows")
        for bad in preview.bad:
            # The reason is the engine's English sentence (as the CLI prints it).
            line = self.tr("Line {line}: {reason}")
            self.bad.addItem(line.format(line=bad.line, reason=bad.message))
        self.bad_label.setVisible(bool(preview.bad))
        self.bad.setVisible(bool(preview.bad))
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import %Ln people", "", len(preview.people)),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setObjectName("acceptImport")
        self.import_button.setEnabled(bool(preview.people))
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.mapping_label, self.ignored_label):
            layout.addWidget(widget)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.bad_label)
        layout.addWidget(self.bad)
        layout.addWidget(self.buttons)

    def bad_rows(self) -> list[str]:
        return [self.bad.item(i).text() for i in range(self.bad.count())]

    def _field_words(self) -> dict[Field, str]:
        return {
            Field.NAME: self.tr("Name"),
            Field.FIRST: self.tr("First name"),
            Field.LAST: self.tr("Last name"),
            Field.EMAIL: self.tr("E-mail"),
            Field.UPN: self.tr("User name (UPN)"),
            Field.DEPARTMENT: self.tr("Department"),
            Field.JOB_TITLE: self.tr("Job title"),
            Field.USAGE_LOCATION: self.tr("Usage location"),
            Field.MANAGER: self.tr("Manager's e-mail"),
        }
