"""The Ok/Cancel row every change dialog ends with. Ok reads "Preview…": nothing is sent until the
preview that follows is applied, so the button must not promise more."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox


def preview_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Ok ("Preview…") accepts ``dialog``, Cancel rejects it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
        QCoreApplication.translate("PreviewButtons", "Preview…")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
