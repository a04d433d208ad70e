"""A country chooser for usage locations: names in the user's language, ISO codes underneath."""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.countries import ISO_3166_ALPHA2
from ui.widgets.country_names import country_name


class CountryCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countryCombo")
        # The language's own alphabetical order: in Polish, Łotwa comes after Luksemburg.
        collator = QCollator(QLocale())
        entries = sorted(
            ((country_name(code), code) for code in ISO_3166_ALPHA2),
            key=lambda e: collator.sortKey(e[0]),
        )
        for name, code in entries:
            self.addItem(f"{name} ({code})", code)
        self.setMaxVisibleItems(20)
        # Typing "pol" jumps to Poland: keyboard search over a long list.
        self.setEditable(False)

    def code(self) -> str:
        return str(self.currentData())

    def set_code(self, code: str | None) -> None:
        row = self.findData((code or "").upper())
        if row >= 0:
            self.setCurrentIndex(row)
