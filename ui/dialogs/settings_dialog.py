"""Settings: the window's language (System, English or Polski), kept in QSettings.

The new language applies the next time License Desk starts: every text in the window is built
once, so switching live would leave parts in the old language. The dialog says so as soon as
the choice differs from the language in use.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.launcher import accepted, launch
from ui.i18n import (
    LANGUAGES,
    SYSTEM,
    chosen_language,
    resolve_language,
    running_choice,
    save_language,
)


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(420)
        self._settings = settings
        saved = chosen_language(settings)
        # What the window shows now: the choice it started with, not a later unsaved pick.
        self._in_use = running_choice() or saved

        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        system = LANGUAGES[resolve_language(SYSTEM)]
        self.language.addItem(
            self.tr("Same as the system ({language})").format(language=system), SYSTEM
        )
        for code, name in LANGUAGES.items():
            # Each language under its own name, so anyone can find theirs.
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(saved))

        self.note = QLabel(self.tr("The new language applies the next time License Desk starts."))
        self.note.setObjectName("restartNote")
        self.note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.language.currentIndexChanged.connect(self._update_note)
        self._update_note()

    def choice(self) -> str:
        return str(self.language.currentData())

    def choose(self, choice: str) -> None:
        row = self.language.findData(choice)
        if row < 0:
            raise ValueError(f"no language choice {choice}")
        self.language.setCurrentIndex(row)

    def save(self) -> None:
        save_language(self._settings, self.choice())

    @property
    def needs_restart(self) -> bool:
        """The chosen language differs from the one the window shows now."""
        return self.choice() != self._in_use

    def _update_note(self) -> None:
        self.note.setVisible(self.needs_restart)


def open_settings(
    parent: QWidget | None, settings: QSettings, tell: Callable[[str], None] | None = None
) -> bool:
    """Show Settings; save on OK. Returns whether anything was saved. ``tell`` (the status
    bar) repeats, once the dialog is closed, that a new language waits for a restart."""
    dialog = SettingsDialog(settings, parent)
    try:
        if not accepted(launch(dialog)):
            return False
        dialog.save()
        if dialog.needs_restart and tell is not None:
            tell(dialog.note.text())
        return True
    finally:
        dialog.deleteLater()
