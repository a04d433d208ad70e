"""New user: name, user name on one of the tenant's verified domains, usage location and,
optionally, licenses. The temporary password is generated after "Create" and shown once."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile, Sku
from desktop.passwords import generate_password
from desktop.templates.model import LicenseTemplate
from ui.dialogs.preview_buttons import preview_buttons
from ui.models.naming import LicenseNaming
from ui.template_text import template_note
from ui.upn import is_valid_local_part, suggest_local_part
from ui.widgets.country_combo import CountryCombo
from ui.widgets.package_tree import PackageTree
from ui.widgets.template_combo import TemplateCombo


class NewUserDialog(QDialog):
    def __init__(
        self,
        domains: Sequence[str],
        skus: Sequence[Sku],
        naming: LicenseNaming,
        default_location: str | None,
        parent: QWidget | None = None,
        *,
        templates: Sequence[LicenseTemplate] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newUserDialog")
        self.setWindowTitle(self.tr("New user"))
        self.resize(600, 620)
        self._suggested = ""
        self.display_name = QLineEdit()
        self.display_name.setObjectName("newDisplayName")
        self.display_name.setPlaceholderText(self.tr("First and last name"))
        self.local_part = QLineEdit()
        self.local_part.setObjectName("newLocalPart")
        self.domain = QComboBox()
        self.domain.setObjectName("newDomain")
        self.domain.addItems(list(domains))
        self.department = QLineEdit()
        self.department.setObjectName("newDepartment")
        self.location = CountryCombo()
        self.location.set_code(default_location)
        self.force_change = QCheckBox(self.tr("Ask for a new password at first sign-in"))
        self.force_change.setObjectName("forceChange")
        self.force_change.setChecked(True)
        self.licenses = PackageTree(skus, naming)
        self.licenses.setMinimumHeight(180)
        self.template = TemplateCombo(templates)
        self.template_note = QLabel()
        self.template_note.setObjectName("templateNote")
        self.template_note.setWordWrap(True)
        self.template_note.setVisible(False)
        self._missing: list[AssignedLicense] = []
        self.problem = QLabel()
        self.problem.setObjectName("newUserProblem")
        self.problem.setWordWrap(True)

        upn_row = QHBoxLayout()
        upn_row.addWidget(self.local_part, 1)
        upn_row.addWidget(QLabel("@"))
        upn_row.addWidget(self.domain, 1)
        form = QFormLayout()
        form.addRow(self.tr("Display name:"), self.display_name)
        form.addRow(self.tr("User name:"), upn_row)
        form.addRow(self.tr("Department:"), self.department)
        form.addRow(self.tr("Usage location:"), self.location)
        form.addRow(self.tr("License template:"), self.template)
        password_note = QLabel(
            self.tr(
                "A strong temporary password is made when the user is created, and "
                "shown to you once."
            )
        )
        password_note.setWordWrap(True)

        self.buttons = preview_buttons(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("newUserOk")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Licenses (optional):")))
        layout.addWidget(self.licenses, 1)
        layout.addWidget(self.template_note)
        layout.addWidget(self.force_change)
        layout.addWidget(password_note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.display_name.textChanged.connect(self._name_changed)
        self.local_part.textChanged.connect(self._validate)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self._validate()

    def user_principal_name(self) -> str:
        return f"{self.local_part.text().strip()}@{self.domain.currentText()}"

    def new_user(self) -> NewUser:
        """The user to create, with a freshly generated temporary password."""
        return NewUser(
            display_name=self.display_name.text().strip(),
            user_principal_name=self.user_principal_name(),
            password_profile=PasswordProfile(generate_password(), self.force_change.isChecked()),
            usage_location=self.location.code(),
            department=self.department.text().strip() or None,
        )

    def picked_licenses(self) -> list[AssignedLicense]:
        """The ticked packages, and those of the chosen template this tenant lacks: the
        preview says they are missing, and nothing is created until they are dealt with."""
        return [*self.licenses.picked(), *self._missing]

    def _template_chosen(self) -> None:
        template = self.template.template()
        self._missing = []
        if template is None:
            self.template_note.setVisible(False)
            return
        absent = set(self.licenses.show_licenses(template.assigned()))
        self._missing = [lic for lic in template.assigned() if lic.sku_id in absent]
        if template.usage_location:
            self.location.set_code(template.usage_location)
        if template.department and not self.department.text().strip():
            self.department.setText(template.department)
        self.template_note.setText(template_note(template, absent, new_user=True))
        self.template_note.setVisible(bool(self.template_note.text()))

    def _name_changed(self, text: str) -> None:
        # Follow the name until the person edits the user name themselves.
        current = self.local_part.text()
        if current == self._suggested:
            self._suggested = suggest_local_part(text)
            self.local_part.setText(self._suggested)
        self._validate()

    def _validate(self) -> None:
        problem = ""
        if not self.display_name.text().strip():
            problem = self.tr("Enter the person's name.")
        elif not is_valid_local_part(self.local_part.text().strip()):
            problem = self.tr(
                "The user name may use letters, digits, dots, hyphens and underscores, and must "
                "start and end with a letter or digit."
            )
        elif self.domain.count() == 0:
            problem = self.tr("The tenant has no verified domain to create users on.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
