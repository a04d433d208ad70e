"""Pick a license template (New user, Add licenses): the first entry is "no template"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.templates.model import LicenseTemplate


class TemplateCombo(QComboBox):
    def __init__(self, templates: Sequence[LicenseTemplate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateCombo")
        self._templates = list(templates)
        self.addItem(self.tr("No template"))
        for template in self._templates:
            self.addItem(template.name)
        self.setEnabled(bool(self._templates))

    def template(self) -> LicenseTemplate | None:
        index = self.currentIndex()
        return self._templates[index - 1] if index > 0 else None

    def choose(self, name: str) -> None:
        """Select a template by name (tests, keyboard-free scripts)."""
        index = self.findText(name)
        if index < 0:
            raise ValueError(f"no template {name!r}")
        self.setCurrentIndex(index)
