"""The status bar: how many users, how many shown, how many ticked, how fresh they are (rows
shown from the local snapshot say how old it is), and what is going on."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QDateTime, QLocale
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
        self.freshness = QLabel()
        self.freshness.setObjectName("freshnessLabel")
        self.counts.setContentsMargins(8, 0, 0, 0)
        self.addWidget(self.counts)
        self.addWidget(self.selection)
        self.addWidget(self.freshness)
        self.clock: Callable[[], float] = time.time  # tests set the age they expect
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

    def show_snapshot_age(self, saved_at: float) -> None:
        """The rows come from the local snapshot read ``saved_at``: say how old they are."""
        self.freshness.setText(
            self.tr("· saved copy from {age}, checking for changes").format(
                age=self.age_text(self.clock() - saved_at)
            )
        )

    def show_snapshot_not_refreshed(self, saved_at: float) -> None:
        """The refresh failed: the rows stay as saved, and say so."""
        self.freshness.setText(
            self.tr(
                "· saved copy from {age}, not brought up to date (press F5 to try again)"
            ).format(age=self.age_text(self.clock() - saved_at))
        )

    def show_up_to_date(self) -> None:
        now = QDateTime.fromSecsSinceEpoch(int(self.clock()))
        at = QLocale().toString(now.time(), QLocale.FormatType.ShortFormat)
        self.freshness.setText(self.tr("· up to date at {time}").format(time=at))

    def age_text(self, seconds: float) -> str:
        minutes = int(max(0.0, seconds) // 60)
        if minutes < 1:
            return self.tr("less than a minute ago")
        if minutes < 60:
            return self.tr("%n minute(s) ago", "", minutes)
        if minutes < 24 * 60:
            return self.tr("%n hour(s) ago", "", minutes // 60)
        return self.tr("%n day(s) ago", "", minutes // (24 * 60))
