"""UserFilterProxy: the search box, the quick filters and the column sort over UserTableModel.

QSortFilterProxyModel calls back into Python once per row to filter and twice per comparison to
sort, which takes seconds at 100,000 users. This proxy works on whole lists instead: it keeps
every source row in the current sort order (``_order``) and derives the visible rows from it in
one pass, so a keystroke costs one substring test per user and never a re-sort.

It is a table model in Qt's eyes (not a QAbstractProxyModel) on purpose: the view then builds
indexes in C++, and painting a cell costs one call into Python (``multiData``) instead of
three, which matters while a 100,000-user load keeps the worker threads busy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.graph.records import User
from ui.models.columns import CHECKED_ROLE, Column
from ui.models.quick_filter import QuickFilter
from ui.models.user_table import UserTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
_CHECK_ROLES = {int(Qt.ItemDataRole.CheckStateRole), CHECKED_ROLE}


def search_terms(text: str) -> tuple[str, ...]:
    """Every word must appear in the name, UPN or department: "anna sales" finds Anna in Sales."""
    return tuple(dict.fromkeys(text.casefold().split()))


class UserFilterProxy(QAbstractTableModel):
    rows_changed = Signal()  # the visible rows changed: search, quick filter, sort or new data

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model: UserTableModel | None = None
        self._order: list[int] = []  # every source row, in the current sort order
        self._rows: list[int] = []  # the visible source rows, proxy row -> source row
        self._position: list[int] | None = None  # source row -> proxy row (-1: hidden), lazy
        self._terms: tuple[str, ...] = ()
        self._quick = QuickFilter()
        self._sort_column = -1  # -1: the order users arrived in
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- configuration --------------------------------------------------------------------

    def setSourceModel(self, model: UserTableModel) -> None:
        if self._model is not None:
            self._model.disconnect(self)
        self.beginResetModel()
        self._model = model
        model.modelReset.connect(self._on_source_reset)
        model.rowsInserted.connect(self._on_source_rows_inserted)
        model.dataChanged.connect(self._on_source_data_changed)
        self._order = list(range(model.rowCount()))
        self._resort()
        self._rows = self._filtered(self._order)
        self._position = None
        self.endResetModel()

    def source(self) -> UserTableModel:
        if self._model is None:
            raise RuntimeError("UserFilterProxy has no source model yet")
        return self._model

    @property
    def search_text(self) -> str:
        return " ".join(self._terms)

    @property
    def quick_filter(self) -> QuickFilter:
        return self._quick

    @property
    def sort_column(self) -> int:
        return self._sort_column

    def set_search(self, text: str) -> None:
        terms = search_terms(text)
        if terms == self._terms:
            return
        # Typing more letters only narrows the result: test just the rows shown now.
        narrows = all(any(old in new for new in terms) for old in self._terms)
        self._terms = terms
        self._refilter(self._rows if narrows else self._order)

    def set_quick_filter(self, quick: QuickFilter) -> None:
        if quick == self._quick:
            return
        self._quick = quick
        self._refilter(self._order)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._model is None or (column, order) == (self._sort_column, self._sort_order):
            return
        self._sort_column = column if 0 <= column < len(Column) else -1
        self._sort_order = order
        self._resort()
        self._relayout(self._filtered(self._order))

    # -- reading --------------------------------------------------------------------------

    def visible_source_rows(self) -> Sequence[int]:
        return self._rows

    def user_at(self, proxy_row: int) -> User:
        return self.source().user_at(self._rows[proxy_row])

    def proxy_row_of(self, source_row: int) -> int:
        """Where a source row is shown, or -1 when the filter hides it."""
        return self._positions()[source_row]

    # -- the Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def sourceModel(self) -> UserTableModel:
        return self.source()

    def mapToSource(self, proxy_index: AnyIndex) -> QModelIndex:
        if not proxy_index.isValid() or self._model is None:
            return QModelIndex()
        return self._model.index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: AnyIndex) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._positions()[source_index.row()]
        return QModelIndex() if row < 0 else self.createIndex(row, source_index.column())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._model is None:
            return None
        # Straight to the source's row accessor: the view asks for every visible cell and role.
        return self._model.data_at(self._rows[index.row()], index.column(), role)

    def multiData(self, index: AnyIndex, span: QModelRoleDataSpan | QModelRoleData) -> None:
        if index.isValid() and self._model is not None:
            self._model.multi_data_at(self._rows[index.row()], index.column(), span)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        source = self.mapToSource(index)
        return self._model is not None and self._model.setData(source, value, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and self._model is not None:
            return self._model.headerData(section, orientation, role)
        return None

    # -- source signals -------------------------------------------------------------------

    def _on_source_reset(self) -> None:
        self.beginResetModel()
        self._order = list(range(self.source().rowCount()))
        self._resort()
        self._rows = self._filtered(self._order)
        self._position = None
        self.endResetModel()
        self.rows_changed.emit()

    def _on_source_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        new = list(range(first, last + 1))
        if self._sort_column < 0:
            self._order.extend(new)
            shown = self._filtered(new)
            if shown:
                start = len(self._rows)
                self.beginInsertRows(QModelIndex(), start, start + len(shown) - 1)
                self._rows.extend(shown)
                self._position = None
                self.endInsertRows()
                self.rows_changed.emit()
            return
        # Sorted: the new rows belong somewhere in the middle. Python's sort finds the two
        # ordered runs (old order, then the new page) and merges them in linear time.
        self._order.extend(new)
        self._resort()
        self._relayout(self._filtered(self._order))

    def _on_source_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()
    ) -> None:
        ticks_only = bool(roles) and set(roles) <= _CHECK_ROLES
        if ticks_only or not self._reshapes():
            self._forward_data_changed(top_left, bottom_right, roles)
            return
        # Values changed under an active sort or filter: rows may move, appear or go. When
        # none did, the changed cells must still be announced, or the view keeps painting the
        # old text (a user activated under a search kept showing "Blocked").
        self._resort()
        if not self._relayout(self._filtered(self._order)):
            self._forward_data_changed(top_left, bottom_right, roles)

    # -- internals ------------------------------------------------------------------------

    def _reshapes(self) -> bool:
        return self._sort_column >= 0 or bool(self._terms) or not self._quick.shows_everyone

    def _forward_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int]
    ) -> None:
        if not self._rows:
            return
        first, last = top_left.row(), bottom_right.row()
        if first == last:
            row = self._positions()[first]
            if row < 0:
                return
            top, bottom = row, row
        else:
            # Scattered rows after a sort: one repaint of the whole view beats mapping each.
            top, bottom = 0, len(self._rows) - 1
        self.dataChanged.emit(
            self.index(top, top_left.column()), self.index(bottom, bottom_right.column()), roles
        )

    def _predicate(self) -> Callable[[int], bool] | None:
        model = self.source()
        haystacks, users = model.haystacks(), model.users()
        terms, test = self._terms, self._quick.predicate()
        if not terms and test is None:
            return None
        if test is None:
            if len(terms) == 1:
                term = terms[0]
                return lambda r: term in haystacks[r]
            return lambda r: all(t in haystacks[r] for t in terms)
        user_test = test
        return lambda r: all(t in haystacks[r] for t in terms) and user_test(users[r])

    def _filtered(self, candidates: Sequence[int]) -> list[int]:
        accept = self._predicate()
        if accept is None:
            return list(candidates)
        return [r for r in candidates if accept(r)]

    def _refilter(self, candidates: Sequence[int]) -> None:
        if self._model is None:
            return
        rows = self._filtered(candidates)
        if rows == self._rows:
            return
        # A new search result starts from the top, so a reset (cheap for the view) fits.
        self.beginResetModel()
        self._rows = rows
        self._position = None
        self.endResetModel()
        self.rows_changed.emit()

    def _resort(self) -> None:
        if self._sort_column < 0:
            self._order.sort()
            return
        keys = self.source().sort_keys(Column(self._sort_column))
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        self._order.sort(key=keys.__getitem__, reverse=descending)

    def _relayout(self, rows: list[int]) -> bool:
        """Show ``rows`` keeping the view's place: persistent indexes follow their users.
        False when the rows were already those (nothing was announced to the view)."""
        if rows == self._rows:
            return False
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        sources = [self._rows[i.row()] if i.row() < len(self._rows) else -1 for i in old]
        self._rows = rows
        self._position = None
        positions = self._positions()
        moved: list[QModelIndex] = []
        for index, source_row in zip(old, sources, strict=True):
            row = positions[source_row] if source_row >= 0 else -1
            moved.append(self.createIndex(row, index.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()
        self.rows_changed.emit()
        return True

    def _positions(self) -> list[int]:
        if self._position is None:
            count = self._model.rowCount() if self._model is not None else 0
            position = [-1] * count
            for proxy_row, source_row in enumerate(self._rows):
                position[source_row] = proxy_row
            self._position = position
        return self._position
