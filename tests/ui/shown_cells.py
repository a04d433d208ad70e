"""What the table view has painted: a cell is read from the model when the view is told it
changed (dataChanged, layoutChanged, reset, inserts), never in between, exactly as a view
repaints. The window's stale-row defect was a change the model never announced: the model held
the new value while the screen kept the old one until the mouse passed over the row."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt


class ShownCells:
    def __init__(self, model: QAbstractItemModel) -> None:
        self._model = model
        self._cells: dict[tuple[int, int], str] = {}
        model.dataChanged.connect(self._on_data_changed)
        for signal in (model.layoutChanged, model.modelReset, model.rowsInserted):
            signal.connect(self._repaint_all)
        self._repaint_all()

    def text(self, row: int, column: int) -> str:
        """The text the view shows at (row, column) of the model it views."""
        return self._cells.get((row, column), "")

    def _read(self, row: int, column: int) -> None:
        value = self._model.data(self._model.index(row, column), Qt.ItemDataRole.DisplayRole)
        self._cells[(row, column)] = "" if value is None else str(value)

    def _repaint_all(self, *_args: object) -> None:
        self._cells.clear()
        for row in range(self._model.rowCount()):
            for column in range(self._model.columnCount()):
                self._read(row, column)

    def _on_data_changed(
        self, top_left: QModelIndex, bottom_right: QModelIndex, *_: object
    ) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            for column in range(top_left.column(), bottom_right.column() + 1):
                self._read(row, column)
