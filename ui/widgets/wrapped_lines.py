"""A short list of sentences with icons, each wrapped to the width it has: the preview's
warnings and problems. A long sentence (the deletion warning) must be read whole, never cut
off behind a horizontal scroll bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QWidget


class WrappedLines(QListWidget):
    """As tall as its first ``shown`` lines once wrapped; more scroll vertically."""

    def __init__(self, shown: int = 5, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = shown
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def fit(self) -> None:
        """Lay the lines out at the current width, then take the height they need."""
        self.doItemsLayout()
        heights = [
            max(self.visualItemRect(self.item(row)).height(), self.sizeHintForRow(row))
            for row in range(min(self.count(), self._shown))
        ]
        self.setFixedHeight(sum(heights) + 2 * self.frameWidth() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            # Another width wraps the lines again. Fitted once this resize is done: a new
            # height set from inside it would leave the viewport at the old one.
            QTimer.singleShot(0, self.fit)
