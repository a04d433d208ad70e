"""Progress of a run: counts as they change, and Cancel (which stops between users, never in the
middle of one, so every user ends either changed or untouched)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.licensing.types import Progress
from ui.accessibility import name_controls
from ui.formatting import count


class ProgressDialog(QDialog):
    cancel_requested = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runProgress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.heading = QLabel(title)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.counts = QLabel(self.tr("Starting…"))
        self.counts.setObjectName("progressCounts")
        self.counts.setWordWrap(True)  # "Stopping after…" is long, longer in Polish
        self.buttons = QDialogButtonBox()
        self.cancel_button: QPushButton = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.cancel_button.setObjectName("cancelRun")
        self.cancel_button.clicked.connect(self.request_cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.buttons)
        self.last: Progress | None = None
        name_controls(self)  # opened beside the window, not through the launch seam

    def set_progress(self, progress: Progress) -> None:
        self.last = progress
        self.bar.setRange(0, max(1, progress.total))
        self.bar.setValue(progress.finished)
        parts = [
            self.tr("{finished} of %Ln users", "", progress.total).format(
                finished=count(progress.finished)
            ),
            self.tr("%Ln done", "", progress.done),
            self.tr("%Ln failed", "", progress.failed),
        ]
        if progress.skipped:
            parts.append(self.tr("%Ln need nothing", "", progress.skipped))
        # Whole phrases joined by a separator: each one translates on its own.
        self.counts.setText(" · ".join(parts))

    def request_cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.counts.setText(self.tr("Stopping after the users already sent…"))
        self.cancel_requested.emit()

    def reject(self) -> None:
        # Escape asks to stop; the dialog closes when the run has really stopped.
        if self.cancel_button.isEnabled():
            self.request_cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()

    def finish(self) -> None:
        """Close for good (the run ended)."""
        self.done(QDialog.DialogCode.Accepted)
