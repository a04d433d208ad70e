"""Set usage location: the country where the ticked users use their licenses."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from ui.dialogs.preview_buttons import preview_buttons
from ui.widgets.country_combo import CountryCombo


class UsageLocationDialog(QDialog):
    def __init__(self, users: int, preset: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageLocationDialog")
        self.setWindowTitle(self.tr("Set usage location"))
        text = QLabel(
            self.tr(
                "Microsoft needs a usage location before it assigns licenses, and some apps "
                "are not offered in every country. Set it for %Ln users to:",
                "",
                users,
            )
        )
        text.setWordWrap(True)
        self.country = CountryCombo()
        self.country.set_code(preset)
        buttons = preview_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.country)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def code(self) -> str:
        return self.country.code()
