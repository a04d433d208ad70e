"""The status bar: how many users, how many shown, how many ticked, and what is going on."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from ui.formatting import count


class WindowStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.activity = QLabel()
        self.activity.setObjectName("activityLabel")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.counts = QLabel()
        self.counts.setObjectName("countsLabel")
        self.selection = QLabel()
        self.selection.setObjectName("selectionLabel")
        self.counts.setContentsMargins(8, 0, 0, 0)
        self.addWidget(self.counts)
        self.addWidget(self.selection)
        self.addPermanentWidget(self.activity)
        self.addPermanentWidget(self.busy)

    def show_counts(self, total: int, shown: int) -> None:
        if shown == total:
            text = self.tr("%Ln users", "", total)
        else:
            text = self.tr("{shown} of %Ln users shown", "", total).format(shown=count(shown))
        self.counts.setText(text)

    def show_selection(self, ticked: int) -> None:
        if ticked == 0:
            self.selection.setText(self.tr("· tick users to act on them"))
        else:
            self.selection.setText(self.tr("· {n} selected").format(n=count(ticked)))

    def show_activity(self, text: str, busy: bool) -> None:
        self.activity.setText(text)
        self.busy.setVisible(busy)
