"""The search box and the quick-filter chooser above the table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ui.icons import icon
from ui.models.quick_filter import QuickFilter, QuickFilterKind


class FilterBar(QWidget):
    search_changed = Signal(str)
    quick_filter_changed = Signal(object)  # QuickFilter
    leave_down = Signal()  # Down arrow in the search box: go on to the list below

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search by name, user name or department (Ctrl+F)"))
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(340)
        # Filtering one keystroke takes a few milliseconds even at 100,000 users, so there is
        # no typing delay to wait out.
        self.search.textChanged.connect(self.search_changed)
        self.search.installEventFilter(self)

        self.quick = QComboBox()
        self.quick.setObjectName("quickFilter")
        self.quick.setMinimumContentsLength(22)
        self.quick.currentIndexChanged.connect(self._quick_chosen)
        self._fixed = [
            (self.tr("All users"), QuickFilter()),
            (self.tr("Licensed"), QuickFilter(QuickFilterKind.LICENSED)),
            (self.tr("Unlicensed"), QuickFilter(QuickFilterKind.UNLICENSED)),
            (self.tr("Blocked"), QuickFilter(QuickFilterKind.BLOCKED)),
            (self.tr("With problems"), QuickFilter(QuickFilterKind.PROBLEMS)),
            (self.tr("Not activated"), QuickFilter(QuickFilterKind.NOT_ACTIVATED)),
        ]
        self.set_packages(())

        show = QLabel(self.tr("Show:"))
        show.setBuddy(self.quick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addSpacing(12)
        layout.addWidget(show)
        layout.addWidget(self.quick, 1)

    def set_packages(self, packages: Sequence[tuple[str, str]]) -> None:
        """(sku_id, friendly name) pairs become "Holding <name>" entries; keeps the choice."""
        current = self.current_filter()
        self.quick.blockSignals(True)
        self.quick.clear()
        for label, quick in self._fixed:
            self.quick.addItem(label, quick)
        if packages:
            self.quick.insertSeparator(self.quick.count())
            for sku_id, name in packages:
                self.quick.addItem(
                    icon("license"),
                    self.tr("With {package}").format(package=name),
                    QuickFilter.package(sku_id),
                )
        self.quick.blockSignals(False)
        self.set_quick_filter(current, announce=False)

    def current_filter(self) -> QuickFilter:
        data = self.quick.currentData()
        return data if isinstance(data, QuickFilter) else QuickFilter()

    def set_quick_filter(self, quick: QuickFilter, *, announce: bool = True) -> None:
        for row in range(self.quick.count()):
            if self.quick.itemData(row) == quick:
                if not announce:
                    self.quick.blockSignals(True)
                self.quick.setCurrentIndex(row)
                self.quick.blockSignals(False)
                return
        self.quick.setCurrentIndex(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down from the search box enters the results, as in a browser's address bar."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.leave_down.emit()
            return True
        return super().eventFilter(watched, event)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _quick_chosen(self, _row: int) -> None:
        self.quick_filter_changed.emit(self.current_filter())
