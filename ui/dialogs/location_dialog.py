"""Set usage location: the country where the ticked users use their licenses."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.country)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def code(self) -> str:
        return self.country.code()
