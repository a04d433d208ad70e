"""A country chooser for usage locations: names in the user's language, ISO codes underneath."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.countries import ISO_3166_ALPHA2


def country_name(code: str) -> str:
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)


class CountryCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countryCombo")
        entries = sorted(
            ((country_name(code), code) for code in ISO_3166_ALPHA2), key=lambda e: e[0].casefold()
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
