"""Save a user's licenses as a template: a name, the department it is for, the usage location.
What it will hold (packages, apps off, groups) is shown; a name already taken is said at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.templates.model import MAX_NAME, LicenseTemplate
from ui.widgets.country_combo import CountryCombo


class SaveTemplateDialog(QDialog):
    def __init__(
        self,
        template: LicenseTemplate,
        contents: str,
        taken: Callable[[str], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("saveTemplateDialog")
        self.setWindowTitle(self.tr("Save as license template"))
        self._template = template
        self._taken = taken
        self.name = QLineEdit()
        self.name.setObjectName("templateName")
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(self.tr("e.g. Sales – Business Standard without Bookings, PL"))
        self.department = QLineEdit(template.department or "")
        self.department.setObjectName("templateDepartment")
        self.location = CountryCombo()
        self.location.set_code(template.usage_location)
        self.replace = QCheckBox(self.tr("Replace the template of that name"))
        self.replace.setObjectName("templateReplace")
        self.replace.setVisible(False)
        holds = QLabel(contents)
        holds.setObjectName("templateContents")
        holds.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("templateProblem")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("For department:"), self.department)
        form.addRow(self.tr("Usage location:"), self.location)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("templateSave")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(holds)
        layout.addWidget(self.replace)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._validate)
        self.replace.toggled.connect(self._validate)
        self._validate()

    def result_template(self) -> LicenseTemplate:
        return replace(
            self._template,
            name=" ".join(self.name.text().split()),
            department=self.department.text().strip() or None,
            usage_location=self.location.code(),
        )

    def replaces(self) -> bool:
        return self.replace.isChecked()

    def _validate(self) -> None:
        name = " ".join(self.name.text().split())
        taken = bool(name) and self._taken(name)
        self.replace.setVisible(taken)
        problem = ""
        if not name:
            problem = self.tr("Give the template a name.")
        elif taken and not self.replace.isChecked():
            problem = self.tr("A template of that name exists: choose another name or replace it.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.save_button.setEnabled(not problem)
