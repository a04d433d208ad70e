"""Import people from an HR export: which column gives what (a choice per column, recognised
English and Polish headers chosen already), the first rows as they will be kept, and the bad
rows by line number, all read again as a choice changes. Nothing is imported until the person
accepts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.people.fields import Field
from desktop.people.importing import (
    SKIP,
    ImportPreview,
    MappingError,
    preview_import,
    recognised_columns,
)
from desktop.people.records import Person
from desktop.people.table import Table
from ui.people_words import bad_row_text, field_words, mapping_problem_text
from ui.status_colours import Mark, mark_colour


def _values(person: Person) -> dict[Field, str | None]:
    return {
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


class ImportPeopleDialog(QDialog):
    def __init__(self, file_name: str, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPeople")
        self.setWindowTitle(self.tr("Import people"))
        self.setMinimumWidth(640)
        self._file_name = file_name
        self._table = table
        self.preview: ImportPreview | None = None  # None while the mapping cannot be used
        self._words = field_words()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        mapping_heading = QLabel(self.tr("Which column gives what:"))
        self.columns: dict[str, QComboBox] = {}
        form = QFormLayout()
        recognised = recognised_columns(table.header)
        for column in (h for h in table.header if h):
            combo = self._column_choice(column, recognised.get(column))
            self.columns[column] = combo
            label = QLabel(column)
            label.setBuddy(combo)
            form.addRow(label, combo)
        self.mapping_problem = QLabel()
        self.mapping_problem.setObjectName("importMappingProblem")
        self.mapping_problem.setWordWrap(True)
        colour = mark_colour(Mark.PROBLEM, self.palette()).name()
        self.mapping_problem.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.rows = QTableWidget()
        self.rows.setObjectName("importFirstRows")
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bad_label = QLabel()
        self.bad = QListWidget()
        self.bad.setObjectName("importBadRows")
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "",
            QDialogButtonBox.ButtonRole.AcceptRole,  # the count, set by _show
        )
        self.import_button.setObjectName("acceptImport")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(mapping_heading)
        layout.addLayout(form)
        layout.addWidget(self.mapping_problem)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.bad_label)
        layout.addWidget(self.bad)
        layout.addWidget(self.buttons)
        self._mapping_changed()

    def _column_choice(self, column: str, field: Field | None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"importColumn:{column}")
        combo.setAccessibleName(self.tr("Column {column}").format(column=column))
        combo.setAccessibleDescription(self.tr("What this column of the file gives"))
        combo.addItem(self.tr("Leave out"), "")
        for choice in Field:  # the field's value as data: Qt keeps strings, not enums
            combo.addItem(self._words[choice], choice.value)
        combo.setCurrentIndex(max(0, combo.findData(field.value)) if field is not None else 0)
        combo.currentIndexChanged.connect(self._mapping_changed)
        return combo

    def mapping(self) -> dict[str, Field | None]:
        """Each column of the file -> the field chosen for it (None: left out)."""
        return {c: Field(box.currentData()) if box.currentData() else None
                for c, box in self.columns.items()}  # fmt: skip

    def set_column(self, column: str, field: Field | None) -> None:
        combo = self.columns[column]
        combo.setCurrentIndex(combo.findData(field.value) if field is not None else 0)

    def _mapping_changed(self) -> None:
        overrides = {c: (f.value if f is not None else SKIP) for c, f in self.mapping().items()}
        try:
            preview = preview_import(self._table, overrides)
        except MappingError as exc:
            self._show(None, exc)
            return
        self._show(preview, None)

    def _show(self, preview: ImportPreview | None, problem: MappingError | None) -> None:
        self.preview = preview
        people = len(preview.people) if preview is not None else 0
        self.heading.setText(
            self.tr("%Ln people ready to import from {file}.", "", people).format(
                file=self._file_name
            )
        )
        self.mapping_problem.setText(mapping_problem_text(problem) if problem else "")
        self.mapping_problem.setVisible(problem is not None)
        self._fill_rows(preview)
        bad = preview.bad if preview is not None else ()
        self.bad_label.setText(self.tr("%Ln rows cannot be imported:", "", len(bad)))
        self.bad.clear()
        for row in bad:
            self.bad.addItem(bad_row_text(row))
        self.bad_label.setVisible(bool(bad))
        self.bad.setVisible(bool(bad))
        self.import_button.setText(self.tr("Import %Ln people", "", people))
        self.import_button.setEnabled(people > 0)

    def _fill_rows(self, preview: ImportPreview | None) -> None:
        fields = [f for f in Field if preview is not None and f in preview.mapping.values()]
        first = preview.first_rows if preview is not None else ()
        self.rows.clear()
        self.rows.setColumnCount(len(fields))
        self.rows.setRowCount(len(first))
        self.rows.setHorizontalHeaderLabels([self._words[f] for f in fields])
        for row, person in enumerate(first):
            values = _values(person)
            for column, field in enumerate(fields):
                self.rows.setItem(row, column, QTableWidgetItem(values[field] or ""))
        self.rows.resizeColumnsToContents()

    def bad_rows(self) -> list[str]:
        return [self.bad.item(i).text() for i in range(self.bad.count())]
