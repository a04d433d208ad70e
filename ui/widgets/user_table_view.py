"""The user table. Ticks are the selection, and they follow the usual gestures: a click picks one
user, Ctrl+click adds or removes one, Shift+click picks a range, the checkbox toggles one.

Ticks live in the model (not in Qt's selection model) so they survive searching and filtering:
an administrator can tick two users, search for a third, tick it, and act on all three.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QMouseEvent, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.columns import Column
from ui.models.naming import status_words
from ui.models.user_filter import UserFilterProxy
from ui.widgets.row_delegate import RowDelegate

DEFAULT_WIDTHS = {
    Column.CHECK: 34,
    Column.NAME: 190,
    Column.ACTIONS: 30,
    Column.UPN: 250,
    Column.STATUS: 92,
    Column.LICENSES: 310,
    Column.LOCATION: 72,
    Column.DEPARTMENT: 130,
    Column.PROBLEMS: 200,
}

# The status dot, the gaps around it and the cell margins, beside the status word.
STATUS_ICON_AND_PADDING = 40

_MOVE_KEYS = {
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
}


class UserTableView(QTableView):
    # The ticks already name the users to act on; the point is where to open the menu.
    menu_requested = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userTable")
        self._anchor = -1  # proxy row where the last plain or Ctrl click happened
        self._delegate = RowDelegate()
        self.setItemDelegate(self._delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.hide()
        # Fixed heights let the view size 100,000 rows without measuring any of them.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def set_proxy(self, proxy: UserFilterProxy) -> None:
        self.setModel(proxy)
        # Qt's selection model mirrors the ticks, so the view paints ticked rows as selected
        # without a Python call per cell.
        for signal in (proxy.rows_changed, proxy.modelReset, proxy.layoutChanged):
            signal.connect(self._mirror_ticks)
        proxy.source().checked_changed.connect(self._mirror_ticks)
        header = self.horizontalHeader()
        for column, width in DEFAULT_WIDTHS.items():
            header.resizeSection(column, width)
        # A translation can outgrow the English width ("Zablokowany"): room for the longest,
        # taken from Licenses (which elides anyway) so the table stays as wide as before.
        words = max(self.fontMetrics().horizontalAdvance(w) for w in status_words())
        extra = max(0, words + STATUS_ICON_AND_PADDING - DEFAULT_WIDTHS[Column.STATUS])
        header.resizeSection(Column.STATUS, DEFAULT_WIDTHS[Column.STATUS] + extra)
        header.resizeSection(Column.LICENSES, DEFAULT_WIDTHS[Column.LICENSES] - extra)
        for fixed in (Column.CHECK, Column.ACTIONS):
            header.setSectionResizeMode(fixed, QHeaderView.ResizeMode.Fixed)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # arrival order until clicked
        self.setSortingEnabled(True)

    def proxy(self) -> UserFilterProxy:
        model = self.model()
        assert isinstance(model, UserFilterProxy)
        return model

    def paintEvent(self, event: QPaintEvent) -> None:
        # Painting from Python keeps the GIL for the whole paint. Without this, each of the
        # ~200 calls into the model during one paint has to win the GIL back from the loading
        # threads, and a paint took over 100 ms while a big tenant loaded.
        super().paintEvent(event)

    # -- mouse ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if not index.isValid():
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._set_current(index)
        row, column = index.row(), index.column()
        modifiers = event.modifiers()
        if event.button() == Qt.MouseButton.RightButton or column == Column.ACTIONS:
            # Acting on a row outside the selection means "just this one", as in a file manager.
            if not self._is_ticked(row):
                self._tick_only([row])
                self._anchor = row
            if column == Column.ACTIONS and event.button() == Qt.MouseButton.LeftButton:
                cell = self.visualRect(index)
                self.menu_requested.emit(self.viewport().mapToGlobal(cell.bottomLeft()))
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if column == Column.CHECK or modifiers & Qt.KeyboardModifier.ControlModifier:
            if modifiers & Qt.KeyboardModifier.ShiftModifier and self._anchor >= 0:
                self._tick_range(self._anchor, row, keep_others=True)
            else:
                self._toggle(row)
                self._anchor = row
        elif modifiers & Qt.KeyboardModifier.ShiftModifier and self._anchor >= 0:
            self._tick_range(self._anchor, row, keep_others=False)
        else:
            self._tick_only([row])
            self._anchor = row

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == Column.CHECK:
            return  # the press already toggled it
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # A quick second click on a checkbox is a second toggle, not a double click.
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == Column.CHECK:
            self.mousePressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid():
            if not self._is_ticked(index.row()):
                self._tick_only([index.row()])
            self.menu_requested.emit(event.globalPos())

    # -- keyboard -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.SelectAll):
            self.tick_all_shown()
            return
        key = event.key()
        current = self.currentIndex()
        if key == Qt.Key.Key_Space and current.isValid():
            self._toggle(current.row())
            self._anchor = current.row()
            return
        if key == Qt.Key.Key_Escape:
            self.proxy().source().clear_checks()
            return
        if key == Qt.Key.Key_Menu and current.isValid():
            if not self._is_ticked(current.row()):
                self._tick_only([current.row()])
            cell = self.visualRect(current)
            self.menu_requested.emit(self.viewport().mapToGlobal(cell.center()))
            return
        super().keyPressEvent(event)
        if key not in _MOVE_KEYS:
            return
        moved_to = self.currentIndex()
        if not moved_to.isValid() or moved_to == current:
            return
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ShiftModifier:
            start = self._anchor if self._anchor >= 0 else current.row()
            self._anchor = start
            self._tick_range(start, moved_to.row(), keep_others=False)
        elif not mods & Qt.KeyboardModifier.ControlModifier:
            self._tick_only([moved_to.row()])
            self._anchor = moved_to.row()

    # -- ticking --------------------------------------------------------------------------

    def tick_all_shown(self) -> None:
        proxy = self.proxy()
        proxy.source().set_checked(proxy.visible_source_rows(), True)

    def _source_rows(self, proxy_rows: range | list[int]) -> list[int]:
        shown = self.proxy().visible_source_rows()
        return [shown[r] for r in proxy_rows]

    def _is_ticked(self, proxy_row: int) -> bool:
        return self.proxy().source().is_checked(self._source_rows([proxy_row])[0])

    def _toggle(self, proxy_row: int) -> None:
        source_row = self._source_rows([proxy_row])[0]
        model = self.proxy().source()
        model.set_checked([source_row], not model.is_checked(source_row))

    def _tick_only(self, proxy_rows: list[int]) -> None:
        self.proxy().source().check_only(self._source_rows(proxy_rows))

    def _tick_range(self, start: int, end: int, *, keep_others: bool) -> None:
        low, high = sorted((start, end))
        rows = self._source_rows(range(low, high + 1))
        model = self.proxy().source()
        if keep_others:
            model.set_checked(rows, True)
        else:
            model.check_only(rows)

    def _mirror_ticks(self) -> None:
        selection_model = self.selectionModel()
        proxy = self.proxy()
        ticked = proxy.source().checked_rows()
        if not ticked:
            if selection_model.hasSelection():
                selection_model.clearSelection()
            return
        shown = proxy.visible_source_rows()
        if len(ticked) * 8 < len(shown):  # a few ticks: look each one up
            rows = sorted(r for r in map(proxy.proxy_row_of, ticked) if r >= 0)
        else:
            rows = [r for r, source_row in enumerate(shown) if source_row in ticked]
        selection = QItemSelection()
        last_column = proxy.columnCount() - 1
        for start, end in _runs(rows):
            selection.select(proxy.index(start, 0), proxy.index(end, last_column))
        selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _set_current(self, index: QModelIndex) -> None:
        selection = self.selectionModel()
        if selection is not None:
            selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """[1, 2, 3, 7, 8] -> [(1, 3), (7, 8)]: ascending rows as contiguous ranges."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
