"""Add licenses: pick packages (and their apps) for the ticked users. When some of them have no
usage location, which Microsoft requires before any license, ask for one right here."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.graph.records import AssignedLicense, Sku
from desktop.templates.model import LicenseTemplate
from ui.dialogs.preview_buttons import preview_buttons
from ui.models.naming import LicenseNaming
from ui.template_text import template_note
from ui.widgets.country_combo import CountryCombo
from ui.widgets.package_tree import PackageTree
from ui.widgets.template_combo import TemplateCombo


class LicensePickerDialog(QDialog):
    def __init__(
        self,
        skus: Sequence[Sku],
        naming: LicenseNaming,
        *,
        users: int,
        users_without_location: int,
        default_location: str | None,
        parent: QWidget | None = None,
        templates: Sequence[LicenseTemplate] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("licensePicker")
        self.setWindowTitle(self.tr("Add licenses"))
        self.resize(620, 520)
        intro = QLabel(
            self.tr(
                "Choose the packages to give to %Ln users. Expand a package to switch "
                "individual apps off.",
                "",
                users,
            )
            if users != 1
            else self.tr(
                "Choose the packages to give to the user. Expand a package to switch "
                "individual apps off."
            )
        )
        intro.setWordWrap(True)
        self.tree = PackageTree(skus, naming)
        self.tree.picked_changed.connect(self._update_ok)
        self.template = TemplateCombo(templates)
        self.template.currentIndexChanged.connect(self._template_chosen)
        template_text = QLabel(self.tr("License template:"))
        template_text.setBuddy(self.template)
        template_row = QHBoxLayout()
        template_row.addWidget(template_text)
        template_row.addWidget(self.template, 1)
        self.template_note = QLabel()
        self.template_note.setObjectName("templateNote")
        self.template_note.setWordWrap(True)
        self.template_note.setVisible(False)
        self._missing: list[AssignedLicense] = []

        self.location_row = QWidget()
        self.location_row.setObjectName("usageLocationRow")
        self.location = CountryCombo()
        self.location.set_code(default_location)
        location_text = QLabel(
            self.tr("%Ln of them have no usage location. Set it to:", "", users_without_location)
        )
        location_text.setBuddy(self.location)
        row = QHBoxLayout(self.location_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(location_text)
        row.addWidget(self.location, 1)
        self.location_row.setVisible(users_without_location > 0)

        self.buttons = preview_buttons(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("pickOk")

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(template_row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.template_note)
        layout.addWidget(self.location_row)
        layout.addWidget(self.buttons)
        self._update_ok()

    def picked(self) -> list[AssignedLicense]:
        """The ticked packages, and those of the chosen template this tenant lacks (the
        preview shows them as problems)."""
        return [*self.tree.picked(), *self._missing]

    def chosen_template(self) -> LicenseTemplate | None:
        return self.template.template()

    def _template_chosen(self) -> None:
        template = self.template.template()
        self._missing = []
        if template is not None:
            absent = set(self.tree.show_licenses(template.assigned()))
            self._missing = [lic for lic in template.assigned() if lic.sku_id in absent]
            if template.usage_location:
                self.location.set_code(template.usage_location)
            self.template_note.setText(template_note(template, absent))
        self.template_note.setVisible(template is not None and bool(self.template_note.text()))
        self._update_ok()

    def usage_location(self) -> str | None:
        """The country for users without one, or None when every user already has one."""
        return self.location.code() if self.location_row.isVisibleTo(self) else None

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.picked()) or self.template.template() is not None)
